// Gait cycles (initial contact to the next initial contact of the same foot), their quality flags,
// and time normalisation to 0-100 % of the cycle.

import { EARLIEST_WALKING_FOOT_OFF } from '../../shared/analysis-notes';
import { LONGEST_PLAUSIBLE_STRIDE_S, SHORTEST_PLAUSIBLE_STRIDE_S } from './stride-clock';
import { sampleAt } from './peaks';
import type { GaitEvent, MeanSd, Side, WalkingPass } from './types';

export type CycleFlag =
  | 'too-short'
  | 'too-long'
  | 'irregular-duration'
  /** Its stride disagrees with the other foot's over the same steps (see outOfStep). */
  | 'out-of-step'
  | 'missing-data'
  | 'no-foot-off'
  /** Its foot left the floor too early in it for walking (see EARLIEST_WALKING_FOOT_OFF). */
  | 'early-foot-off'
  | 'excluded-by-user'
  /** A note, not a reason to exclude: a foot touched the picture's edge (see picture-edge.ts). */
  | 'foot-at-picture-edge'
  /** The leg was the far one from the side camera in this pass (see far-side.ts). */
  | 'far-side'
  /** The shoulders at the picture's top edge: trunk and hips misplaced (see trunk-cut-off.ts). */
  | 'trunk-cut-off'
  /** Its pass was walked backward (see walking-backward.ts). */
  | 'walking-backward';

export interface GaitCycle {
  side: Side;
  /** Index among this side's cycles, from 0. */
  index: number;
  /** Initial contact that starts the cycle and the next one that ends it (fractional frames). */
  startFrame: number;
  endFrame: number;
  /** Foot off of the same foot within the cycle, if found. */
  footOffFrame?: number;
  durationS: number;
  passIndex: number;
  flags: CycleFlag[];
  /** true when any flag makes the cycle unfit for averaging (or the user excluded it). */
  excluded: boolean;
  /** An out-of-step cycle: the other foot's stride over the same steps it disagrees with, s. */
  otherFootStrideS?: number;
}

export interface CycleOptions {
  /** Cycles shorter than this are flagged, s (default 0.5). */
  minDurationS?: number;
  /**
   * Cycles longer than this are flagged, s (default 4, 30 steps/min: the slowest walkers, children
   * with CP using a walker, take strides of 2-3.5 s; past 4 s stride-clock.ts suspects the clock).
   */
  maxDurationS?: number;
  /** Flag cycles differing from the side's median duration by more than this fraction (default 0.3). */
  maxRelativeDeviation?: number;
  /** Cycles to exclude by hand, as `${side}:${index}` (e.g. 'left:2'). */
  excluded?: readonly string[];
}

export const cycleKey = (side: Side, index: number): string => `${side}:${index}`;

/** Builds cycles per side from events; a cycle never spans two passes (a turn is not a stride). */
export function buildCycles(
  events: readonly GaitEvent[],
  passes: readonly WalkingPass[],
  rateHz: number,
  options: CycleOptions = {},
): GaitCycle[] {
  const minD = options.minDurationS ?? SHORTEST_PLAUSIBLE_STRIDE_S;
  const maxD = options.maxDurationS ?? LONGEST_PLAUSIBLE_STRIDE_S;
  const maxDev = options.maxRelativeDeviation ?? 0.3;
  const excluded = new Set(options.excluded ?? []);
  const passOf = (f: number) => passes.findIndex((p) => f >= p.startFrame && f < p.endFrame);
  const cycles: GaitCycle[] = [];
  for (const side of ['left', 'right'] as const) {
    const ics = events
      .filter((e) => e.side === side && e.kind === 'initial-contact')
      .sort((a, b) => a.frame - b.frame);
    const fos = events.filter((e) => e.side === side && e.kind === 'foot-off');
    const sideCycles: GaitCycle[] = [];
    for (let k = 0; k + 1 < ics.length; k++) {
      const s = ics[k]!.frame;
      const e = ics[k + 1]!.frame;
      const ps = passOf(s);
      if (ps < 0 || passOf(e) !== ps) continue;
      const fo = fos.find((f) => f.frame > s && f.frame < e);
      const durationS = (e - s) / rateHz;
      const flags: CycleFlag[] = [];
      if (durationS < minD) flags.push('too-short');
      if (durationS > maxD) flags.push('too-long');
      if (!fo) flags.push('no-foot-off');
      else if (fo.frame - s < EARLIEST_WALKING_FOOT_OFF * (e - s)) flags.push('early-foot-off');
      sideCycles.push({
        side,
        index: sideCycles.length,
        startFrame: s,
        endFrame: e,
        ...(fo ? { footOffFrame: fo.frame } : {}),
        durationS,
        passIndex: ps,
        flags,
        excluded: false,
      });
    }
    const durations = sideCycles.map((c) => c.durationS).sort((a, b) => a - b);
    const med = durations[Math.floor(durations.length / 2)];
    for (const c of sideCycles) {
      if (med !== undefined && durations.length >= 3 && Math.abs(c.durationS - med) > maxDev * med)
        c.flags.push('irregular-duration');
      if (excluded.has(cycleKey(side, c.index))) c.flags.push('excluded-by-user');
    }
    cycles.push(...sideCycles);
  }
  for (const [c, other] of outOfStep(cycles, events, maxDev)) {
    c.flags.push('out-of-step');
    c.otherFootStrideS = other.durationS;
  }
  for (const c of cycles) c.excluded = c.flags.length > 0;
  return cycles;
}

/**
 * Cycles whose stride disagrees with the other foot's over the same steps. In walking the two feet
 * take turns, so strides that overlap by most of their length last about as long (stride time
 * varies a few per cent, more in CP, not by a third); when they differ by more than `maxDev`, an
 * event of one of them is misplaced. The side median cannot tell this with fewer than three
 * cycles, which a short walkway or a child's pass often gives. The culprit is the cycle whose
 * other events are not in walking's order (other foot off, other foot contact, own foot off);
 * when both or neither are, both are flagged.
 */
function outOfStep(
  cycles: readonly GaitCycle[],
  events: readonly GaitEvent[],
  maxDev: number,
): Map<GaitCycle, GaitCycle> {
  const flagged = new Map<GaitCycle, GaitCycle>();
  for (const a of cycles.filter((c) => c.side === 'left')) {
    for (const b of cycles.filter((c) => c.side === 'right' && c.passIndex === a.passIndex)) {
      const overlap = Math.min(a.endFrame, b.endFrame) - Math.max(a.startFrame, b.startFrame);
      const da = a.endFrame - a.startFrame;
      const db = b.endFrame - b.startFrame;
      if (overlap < 0.5 * Math.min(da, db)) continue;
      if (Math.abs(da - db) <= maxDev * Math.min(da, db)) continue;
      const okA = inWalkingOrder(a, events);
      const okB = inWalkingOrder(b, events);
      if (!okA || okA === okB) flagged.set(a, b);
      if (!okB || okA === okB) flagged.set(b, a);
    }
  }
  return flagged;
}

/**
 * What a clinician reads about out-of-step cycles: which, how long against the other foot, and how
 * to mend it (an event to move, remove or add on the timeline).
 */
export function outOfStepNotes(cycles: readonly GaitCycle[]): string[] {
  return cycles
    .filter((c) => c.otherFootStrideS !== undefined)
    .map((c) => {
      const other = c.side === 'left' ? 'right' : 'left';
      return `${c.side === 'left' ? 'Left' : 'Right'} cycle ${c.index + 1} (frames ${Math.round(c.startFrame)}-${Math.round(c.endFrame)}, ${c.durationS.toFixed(2)} s) is left out: the ${other} foot's stride over the same steps lasts ${c.otherFootStrideS!.toFixed(2)} s, and the two feet's strides last about as long. An event is likely misplaced, missed or extra: check the events near frames ${Math.round(c.startFrame)}-${Math.round(c.endFrame)} on the timeline (move, remove or add one).`;
    });
}

/** Between a foot's two contacts: the other foot lifts, the other foot lands, this foot lifts. */
function inWalkingOrder(c: GaitCycle, events: readonly GaitEvent[]): boolean {
  const inside = events
    .filter((e) => e.frame > c.startFrame && e.frame < c.endFrame)
    .sort((x, y) => x.frame - y.frame)
    .map((e) => `${e.side === c.side ? 'own' : 'other'} ${e.kind}`);
  return inside.join(',') === 'other foot-off,other initial-contact,own foot-off';
}

/**
 * Resamples signal over [startFrame, endFrame] at `points` evenly spaced instants
 * (51 points = every 2 % of the cycle). Linear interpolation between frames.
 */
export function normaliseCycle(
  signal: ArrayLike<number>,
  startFrame: number,
  endFrame: number,
  points = 51,
): Float64Array {
  const out = new Float64Array(points);
  for (let k = 0; k < points; k++) {
    const f = startFrame + ((endFrame - startFrame) * k) / (points - 1);
    out[k] = sampleAt(signal, Math.min(f, signal.length - 1));
  }
  return out;
}

/** Percent of cycle for each normalised point. */
export function percentAxis(points = 51): number[] {
  return Array.from({ length: points }, (_, k) => (100 * k) / (points - 1));
}

/** Point-by-point mean and SD (sample SD, n-1) over curves, ignoring curves missing at that point. */
export function meanSdCurves(
  curves: readonly ArrayLike<number>[],
  points = 51,
): { mean: number[]; sd: number[]; n: number[] } {
  const mean: number[] = [];
  const sd: number[] = [];
  const n: number[] = [];
  for (let k = 0; k < points; k++) {
    const v = curves.map((c) => c[k]!).filter(Number.isFinite);
    const m = meanSd(v);
    mean.push(m.mean);
    sd.push(m.sd);
    n.push(m.n);
  }
  return { mean, sd, n };
}

export function meanSd(values: readonly number[]): MeanSd {
  const v = values.filter(Number.isFinite);
  const n = v.length;
  if (n === 0) return { mean: NaN, sd: NaN, n: 0 };
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd, n };
}

/** Fraction of NaN among normalised points, to flag cycles with missing data. */
export function missingFraction(curve: ArrayLike<number>): number {
  let k = 0;
  for (let i = 0; i < curve.length; i++) if (!Number.isFinite(curve[i]!)) k++;
  return curve.length ? k / curve.length : 1;
}
