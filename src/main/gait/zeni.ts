// Coordinate-based gait events (Zeni et al. 2008, Gait & Posture 27:710). In a pelvis-centred
// frame the foot swings like a pendulum: it is furthest forward at initial contact and furthest
// back at foot off. This needs no heel strike, no force plate and no ground height, so it also works
// on treadmills and for toe walkers (use the forefoot or the foot's most forward point for contact).

import { dominantPeriodFrames, findPeaks, parabolicOffset, robustRange } from './peaks';
import type { GaitEvent, Side } from './types';

export interface ZeniInput {
  side: Side;
  /** Forward (direction of travel) positions per frame, any length unit. NaN = missing. */
  heelForward: ArrayLike<number>;
  toeForward: ArrayLike<number>;
  pelvisForward: ArrayLike<number>;
  /** Heights of heel and toe (optional): used to place contact where the foot stops descending. */
  heelUp?: ArrayLike<number>;
  toeUp?: ArrayLike<number>;
  rateHz: number;
  /** Frames to search, [startFrame, endFrame). */
  startFrame: number;
  endFrame: number;
}

export interface ZeniOptions {
  /**
   * Point whose forward excursion marks initial contact: 'heel' (Zeni's original), 'toe' (forefoot
   * contact), or 'foremost' = whichever of heel and toe is further forward relative to the pelvis
   * (the foot's most forward point: the toe in equinus, where the heel may never land).
   * Default 'heel'.
   */
  contactPoint?: 'heel' | 'toe' | 'foremost';
  /** Shortest plausible stride, s (default 0.4). */
  minStrideS?: number;
  /**
   * The pelvis-relative maximum comes when the decelerating foot is as fast as the pelvis, i.e.
   * shortly before it lands (about 50-70 ms in adult walking). When set (default 0.2), initial
   * contact is moved forward to where the contact point's ground speed has fallen to this fraction
   * of walking speed. 0 keeps Zeni's original instant.
   */
  contactSpeedFraction?: number;
  /**
   * How to move the pelvis-relative peak to the landing: 'lowest-point' = the first minimum of the
   * contact point's height after the peak (needs heights), 'ground-speed' = see contactSpeedFraction,
   * 'none' = Zeni's original instant. 'landing-impact' = the largest upward acceleration of the contact point (it stops falling); the default when heights are given.
   */
  contactRefinement?: 'lowest-point' | 'landing-impact' | 'ground-speed' | 'none';
  /** Which part of the foot's landing refines contact (default 'lowest': found from the data). */
  landingPoint?: 'heel' | 'toe' | 'lowest';
  /**
   * With short, crouched steps the foot can be down before it is furthest forward of the pelvis.
   * When the landing part of the foot moves vertically slower than this many times its height range
   * per second at the pelvis-relative peak (default 1; in walking it still falls at 1.7-4.5 ranges/s
   * 50-70 ms before landing) and is within a tenth of that range of its resting height, it has
   * already landed and the peak is kept as contact. 0 = always refine.
   */
  landedDescentRate?: number;
}

export function zeniEvents(input: ZeniInput, options: ZeniOptions = {}): GaitEvent[] {
  const n = input.pelvisForward.length;
  const contact = options.contactPoint ?? 'heel';
  const heelRel = new Float64Array(n);
  const toeRel = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = input.pelvisForward[i]!;
    const h = input.heelForward[i]! - p;
    const t = input.toeForward[i]! - p;
    heelRel[i] = contact === 'heel' ? h : contact === 'toe' ? t : Math.max(h, t);
    // Foot off: most backward toe position = maximum of the negated relative position.
    toeRel[i] = -t;
  }
  const minSep = Math.round((options.minStrideS ?? 0.4) * input.rateHz);
  // A peak must stand out within 0.6 s on either side; for the slowest walkers (strides over 2 s)
  // within a third of a stride instead, or the slow swing never rises enough in 0.6 s.
  const stride = dominantPeriodFrames(
    heelRel,
    input.startFrame,
    input.endFrame,
    Math.round(0.4 * input.rateHz),
    Math.round(6 * input.rateHz),
  );
  const window = Math.round(Math.max(0.6 * input.rateHz, 0.3 * (stride ?? 0)));
  const events: GaitEvent[] = [];
  const ic = findPeaks(heelRel, input.startFrame, input.endFrame, {
    minSeparationFrames: minSep,
    minProminence: 0.3 * robustRange(heelRel, input.startFrame, input.endFrame),
    prominenceWindowFrames: window,
  });
  const fo = findPeaks(toeRel, input.startFrame, input.endFrame, {
    minSeparationFrames: minSep,
    minProminence: 0.3 * robustRange(toeRel, input.startFrame, input.endFrame),
    prominenceWindowFrames: window,
  });
  // A foot lands once and lifts once per stride: two landings with no lift-off between them mean
  // one is spurious (noise, a swapped landmark); keep the more pronounced one.
  const [icClean, foClean] = enforceAlternation(ic, heelRel, fo, toeRel);
  ic.splice(0, ic.length, ...icClean);
  fo.splice(0, fo.length, ...foClean);
  const k = options.contactSpeedFraction ?? 0.2;
  const heights = contactHeights(input, options.landingPoint ?? 'lowest');
  const mode = options.contactRefinement ?? (heights ? 'landing-impact' : 'ground-speed');
  const refined =
    mode === 'lowest-point' && heights
      ? ic.map((f) => firstMinimumAfter(heights, f, input))
      : mode === 'landing-impact' && heights
        ? ic.map((f) =>
            alreadyDown(heights, f, input, options.landedDescentRate ?? 1)
              ? f
              : maxUpwardAccelerationAfter(heights, f, input),
          )
        : mode === 'ground-speed' && k > 0
          ? ic.map((f) => refineContact(heelRel, f, input, k))
          : ic;
  for (const frame of refined)
    events.push({ side: input.side, kind: 'initial-contact', frame, source: 'zeni' });
  for (const frame of fo) events.push({ side: input.side, kind: 'foot-off', frame, source: 'zeni' });
  return events.sort((a, b) => a.frame - b.frame);
}

/**
 * Moves a pelvis-relative peak forward to where the foot has (almost) stopped on the ground:
 * relative velocity v_rel = v_foot - v_pelvis reaches -(1 - k) V, V being walking speed, measured
 * as the median backward relative speed of the foot while it moves backward relative to the pelvis
 * (stance). Works overground and on a treadmill, where the belt plays the ground's part.
 */
function refineContact(rel: Float64Array, peak: number, input: ZeniInput, k: number): number {
  const rate = input.rateHz;
  const v = (i: number) => ((rel[i + 1]! - rel[i - 1]!) * rate) / 2;
  const back: number[] = [];
  for (let i = Math.max(1, input.startFrame); i < Math.min(rel.length - 1, input.endFrame); i++) {
    const vi = v(i);
    if (Number.isFinite(vi) && vi < 0) back.push(-vi);
  }
  if (back.length < 3) return peak;
  back.sort((a, b) => a - b);
  const speed = back[Math.floor(back.length / 2)]!;
  const level = -(1 - k) * speed;
  const limit = Math.min(input.endFrame - 1, rel.length - 2, Math.ceil(peak + 0.2 * rate));
  let prev = v(Math.max(1, Math.round(peak)));
  for (let i = Math.max(1, Math.round(peak)) + 1; i <= limit; i++) {
    const vi = v(i);
    if (!Number.isFinite(vi)) return peak;
    if (prev > level && vi <= level) return i - 1 + (prev - level) / (prev - vi);
    prev = vi;
  }
  return peak;
}

/**
 * Height of the part of the foot that lands, above its own ground level (5th percentile of its
 * height in the pass, so marker or landmark offsets do not matter). 'lowest' takes whichever of
 * heel and toe is closer to its ground level: the heel in heel-strike gait, the forefoot in toe
 * walking, without being told which.
 */
function contactHeights(input: ZeniInput, landing: 'heel' | 'toe' | 'lowest'): Float64Array | undefined {
  const { heelUp, toeUp } = input;
  if (!heelUp || !toeUp) return undefined;
  const n = heelUp.length;
  const floor = (a: ArrayLike<number>) => {
    const v: number[] = [];
    for (let i = input.startFrame; i < input.endFrame; i++) if (Number.isFinite(a[i]!)) v.push(a[i]!);
    v.sort((x, y) => x - y);
    return v[Math.floor(0.05 * (v.length - 1))] ?? 0;
  };
  const fh = floor(heelUp);
  const ft = floor(toeUp);
  const h = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = heelUp[i]! - fh;
    const b = toeUp[i]! - ft;
    h[i] = landing === 'heel' ? a : landing === 'toe' ? b : Math.min(a, b);
  }
  return h;
}

/**
 * The landing part of the foot is already down at the pelvis-relative peak: it hardly moves
 * vertically (slower than `rangesPerS` height ranges per second) and is within a tenth of its height
 * range of where it comes to rest in the next 0.15 s.
 */
function alreadyDown(h: Float64Array, peak: number, input: ZeniInput, rangesPerS: number): boolean {
  if (!(rangesPerS > 0)) return false;
  const range = robustRange(h, input.startFrame, input.endFrame);
  const i = Math.round(peak);
  const last = Math.min(input.endFrame - 1, h.length - 1, Math.ceil(peak + 0.15 * input.rateHz));
  if (!(range > 0) || i < 1 || i + 1 > last) return false;
  const speed = Math.abs(((h[i + 1]! - h[i - 1]!) * input.rateHz) / 2);
  let rest = Infinity;
  for (let k = i; k <= last; k++) if (Number.isFinite(h[k]!)) rest = Math.min(rest, h[k]!);
  return speed < rangesPerS * range && h[i]! - rest < 0.1 * range;
}

/** First local minimum of height after a peak (within 0.15 s), parabolic sub-frame; else the peak. */
function firstMinimumAfter(h: Float64Array, peak: number, input: ZeniInput): number {
  const limit = Math.min(input.endFrame - 1, h.length - 1, Math.ceil(peak + 0.15 * input.rateHz));
  for (let i = Math.max(1, Math.floor(peak)); i < limit; i++) {
    const a = h[i - 1]!;
    const b = h[i]!;
    const c = h[i + 1]!;
    if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c)) return peak;
    if (b <= a && b < c) return Math.max(peak, i + parabolicOffset(a, b, c));
  }
  return peak;
}

/** Instant of largest upward acceleration of the contact point (the landing) within 0.15 s after a peak. */
function maxUpwardAccelerationAfter(h: Float64Array, peak: number, input: ZeniInput): number {
  const limit = Math.min(input.endFrame - 2, h.length - 2, Math.ceil(peak + 0.15 * input.rateHz));
  const acc = (i: number) => h[i + 1]! - 2 * h[i]! + h[i - 1]!;
  let best = -1;
  let bestA = -Infinity;
  for (let i = Math.max(2, Math.floor(peak)); i <= limit; i++) {
    const a = acc(i);
    if (!Number.isFinite(a)) return peak;
    if (a > bestA) {
      bestA = a;
      best = i;
    }
  }
  if (best < 0) return peak;
  return Math.max(peak, best + parabolicOffset(acc(best - 1), acc(best), acc(best + 1)));
}

function enforceAlternation(
  ic: number[],
  icSignal: Float64Array,
  fo: number[],
  foSignal: Float64Array,
): [number[], number[]] {
  type Ev = { frame: number; kind: 'ic' | 'fo'; value: number };
  const all: Ev[] = [
    ...ic.map((f) => ({ frame: f, kind: 'ic' as const, value: icSignal[Math.round(f)]! })),
    ...fo.map((f) => ({ frame: f, kind: 'fo' as const, value: foSignal[Math.round(f)]! })),
  ].sort((a, b) => a.frame - b.frame);
  const out: Ev[] = [];
  for (const e of all) {
    const last = out[out.length - 1];
    if (last && last.kind === e.kind) {
      if (e.value > last.value) out[out.length - 1] = e;
    } else out.push(e);
  }
  return [
    out.filter((e) => e.kind === 'ic').map((e) => e.frame),
    out.filter((e) => e.kind === 'fo').map((e) => e.frame),
  ];
}
