// Splits a recording into walking passes. Overground, the pelvis travels steadily in one direction
// during a pass; turns and standing still show up as low pelvis speed and are excluded. On a
// treadmill the pelvis stays put while the feet keep cycling relative to it, each passing the other.

import { butterworthLowPass } from './butterworth';
import { robustBounds, robustRange } from './peaks';
import type { WalkingPass } from './types';

export interface PassDetectionInput {
  rateHz: number;
  /** Pelvis position along the progression axis, per frame (any length unit, NaN = missing). */
  pelvisProgress: ArrayLike<number>;
  /** Heel positions along the progression axis, per frame, both feet. */
  leftHeelProgress: ArrayLike<number>;
  rightHeelProgress: ArrayLike<number>;
  /** Sign of (toe - heel) along the progression axis: which way the feet point, for treadmills. */
  footPointing: 1 | -1;
  /** Leg length in the same unit (hip to ankle), to make thresholds independent of units and size. */
  legLength: number;
}

export interface PassDetectionOptions {
  /** Pelvis speed above which the subject is walking, in leg lengths per second (default 0.25). */
  minSpeedLegPerS?: number;
  /** Shortest pass kept, s (default 0.8). */
  minPassS?: number;
}

export type PassDetection =
  { kind: 'passes'; passes: WalkingPass[] } | { kind: 'standing-still'; maxPelvisSpeedLegPerS: number };

export function detectWalkingPasses(
  input: PassDetectionInput,
  options: PassDetectionOptions = {},
): PassDetection {
  const { rateHz, legLength } = input;
  const n = input.pelvisProgress.length;
  const minSpeed = (options.minSpeedLegPerS ?? 0.25) * legLength;
  const minLen = Math.round((options.minPassS ?? 0.8) * rateHz);
  // Heavily smoothed pelvis: the within-stride surge is not a change of direction.
  const cut = Math.min(1, rateHz / 4);
  const p = butterworthLowPass(input.pelvisProgress, rateHz, { cutoffHz: cut });
  const v = new Float64Array(n).fill(NaN);
  for (let i = 1; i < n - 1; i++) v[i] = ((p[i + 1]! - p[i - 1]!) * rateHz) / 2;
  if (n > 2) {
    v[0] = v[1]!;
    v[n - 1] = v[n - 2]!;
  }
  const state = new Int8Array(n);
  let maxSpeed = 0;
  for (let i = 0; i < n; i++) {
    const s = v[i]!;
    if (!Number.isFinite(s)) continue;
    maxSpeed = Math.max(maxSpeed, Math.abs(s));
    state[i] = Math.abs(s) >= minSpeed ? (s > 0 ? 1 : -1) : 0;
  }
  const passes: WalkingPass[] = [];
  let i = 0;
  while (i < n) {
    const dir = state[i]!;
    if (dir === 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && state[j] === dir) j++;
    if (j - i >= minLen)
      passes.push({
        index: passes.length,
        startFrame: i,
        endFrame: j,
        direction: dir as 1 | -1,
        mode: 'overground',
      });
    i = j;
  }
  if (passes.length > 0) return { kind: 'passes', passes };

  // Treadmill: feet oscillate relative to a still pelvis.
  const rel = new Float64Array(n);
  for (let k = 0; k < n; k++) rel[k] = input.leftHeelProgress[k]! - input.pelvisProgress[k]!;
  const relR = new Float64Array(n);
  for (let k = 0; k < n; k++) relR[k] = input.rightHeelProgress[k]! - input.pelvisProgress[k]!;
  const swing = Math.min(robustRange(rel, 0, n), robustRange(relR, 0, n));
  if (swing >= 0.35 * legLength && countOscillations(rel) >= 4 && feetPass(input)) {
    let s = 0;
    while (s < n && !Number.isFinite(p[s]!)) s++;
    let e = n;
    while (e > s && !Number.isFinite(p[e - 1]!)) e--;
    if (e - s >= minLen) {
      return {
        kind: 'passes',
        passes: [{ index: 0, startFrame: s, endFrame: e, direction: input.footPointing, mode: 'treadmill' }],
      };
    }
  }
  return { kind: 'standing-still', maxPelvisSpeedLegPerS: maxSpeed / legLength };
}

/**
 * Whether each foot goes out in front of the other in turn, by at least a tenth of a leg length (at
 * the 5th and 95th percentiles). Legs opening and closing side by side (jumping jacks seen from in
 * front) also swing each heel to and fro about the pelvis, in turn, but never take it past the other.
 */
function feetPass(input: PassDetectionInput): boolean {
  const lead = Float64Array.from(
    { length: input.pelvisProgress.length },
    (_, k) => input.leftHeelProgress[k]! - input.rightHeelProgress[k]!,
  );
  const bounds = robustBounds(lead);
  const margin = 0.1 * input.legLength;
  return bounds !== undefined && bounds.p5 < -margin && bounds.p95 > margin;
}

/** Crossings of the median: a foot that cycles crosses it twice per stride. */
function countOscillations(s: Float64Array): number {
  const v = Array.from(s)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (v.length < 3) return 0;
  const med = v[Math.floor(v.length / 2)]!;
  const range = robustRange(s, 0, s.length);
  let count = 0;
  let last = 0;
  for (const x of s) {
    if (!Number.isFinite(x)) continue;
    // Hysteresis so noise around the median is not counted.
    const st = x > med + 0.1 * range ? 1 : x < med - 0.1 * range ? -1 : 0;
    if (st !== 0 && st !== last) {
      if (last !== 0) count++;
      last = st;
    }
  }
  return count;
}

/** Direction of travel for each frame: that of the pass holding it, else of the nearest pass. */
export function directionPerFrame(passes: WalkingPass[], frameCount: number): Int8Array {
  const d = new Int8Array(frameCount);
  for (let i = 0; i < frameCount; i++) {
    let best: WalkingPass | undefined;
    let bestDist = Infinity;
    for (const p of passes) {
      const dist = i < p.startFrame ? p.startFrame - i : i >= p.endFrame ? i - p.endFrame + 1 : 0;
      if (dist < bestDist) {
        bestDist = dist;
        best = p;
      }
    }
    d[i] = best?.direction ?? 1;
  }
  return d;
}
