// Strides nobody walks say the recording's clock is wrong, not the walk. A phone's slow-motion
// video, once shared or exported, plays its frames on a stretched clock: every time, cadence and
// speed measured from it is slow by the slow-motion factor (4x or 8x), with nothing in the file to
// say so. A marker file written with the wrong frame rate (a TRC's DataRate typed by hand, a
// script that resampled without updating it) is off the same way, in either direction. The cycle
// checks flag such strides as too long or too short, and review showed "means are not computed"
// without saying why.
// No one walks with strides of more than ~4 s (fewer than 30 steps a minute; children with CP
// using a walker reach 40-60), nor of under half a second (240 steps a minute: running cadence).
import type { GaitCycle } from './cycles';
import { DEFAULT_MARKER_MAP, resolveName } from './marker-map';
import { dominantPeriodFrames, median, robustRange } from './peaks';
import { nativeMetresPerUnit } from './scaling';
import { SIDES, type TrajectorySet } from './types';

/** Median stride, s, above which the recording's clock is suspected not to be real time. */
export const LONGEST_PLAUSIBLE_STRIDE_S = 4;
/** ... and below which. */
export const SHORTEST_PLAUSIBLE_STRIDE_S = 0.5;

/** What the recording's clock comes from: a video file's, or the frame rate a marker file declares. */
export type RecordingClock = { kind: 'video' } | { kind: 'declared-rate'; rateHz: number };

/** The warning for strides longer or shorter than anyone walks, or null. */
export function strideClockNote(cycles: readonly GaitCycle[], clock: RecordingClock): string | null {
  // Flagged cycles counted too: strides on a wrong clock are flagged too long or too short.
  const strideS = median(cycles.map((c) => c.durationS));
  if (Number.isNaN(strideS)) return null;
  const long = strideS > LONGEST_PLAUSIBLE_STRIDE_S;
  if (!long && strideS >= SHORTEST_PLAUSIBLE_STRIDE_S) return null;
  const lasts = `Strides last ${strideS.toFixed(long ? 1 : 2)} s (${(120 / strideS).toFixed(0)} steps/min)`;
  const than = long ? 'longer than anyone walks' : 'shorter than anyone walks';
  if (clock.kind === 'declared-rate')
    return `${lasts} at the ${+clock.rateHz.toPrecision(4)} Hz the file declares, ${than}: if the capture ran at another rate, the file's frame rate is wrong, and every time, cadence and speed measured from it with it. Correct the rate in the file (a TRC's DataRate, a C3D's POINT:RATE) and analyse it again.`;
  return long
    ? `${lasts}, ${than}: if this video plays in slow motion, its clock is not real time, and every time, cadence and speed measured from it is too slow by the slow-motion factor. Analyse the original recording, at its real frame rate.`
    : `${lasts}, ${than}: if this video plays faster than real time (a time-lapse or sped-up export), every time, cadence and speed measured from it is too fast by that factor. Analyse the original recording, at its real frame rate.`;
}

/** A walking heel rises at least this far above where it rests, metres (toe walkers' too). */
const MIN_HEEL_RISE_M = 0.05;

/** How alike one stride of heel height is to the next for the repeat to count (1: identical). */
const MIN_REPEAT_CORRELATION = 0.5;

/**
 * How many frames a stride takes, from the heels' rise and fall (the height's repeat period, at
 * least two of them in the recording; the other heel when one cannot tell), or null when no heel
 * rises and falls. Needs no detected event, so it still speaks when a wrong clock leaves too few.
 */
export function heelStrideFrames(set: TrajectorySet): number | null {
  const metres = nativeMetresPerUnit(set.unit);
  if (metres === undefined) return null;
  const axis = set.convention === 'lab-z-up' ? 'z' : 'y';
  const n = set.frameCount;
  for (const side of SIDES) {
    const heel = resolveName(set, DEFAULT_MARKER_MAP[side].heel)?.trajectory[axis];
    if (!heel || robustRange(heel, 0, n) * metres < MIN_HEEL_RISE_M) continue;
    const period = dominantPeriodFrames(heel, 0, n, 2, Math.floor(n / 2), MIN_REPEAT_CORRELATION);
    if (period !== null) return period;
  }
  return null;
}

/**
 * Why a marker recording that could not be analysed may have a wrong frame rate: its heels rise
 * and fall at a stride nobody walks at the rate it declares. Null when the stride is plausible or
 * cannot be measured.
 */
export function declaredRateNote(set: TrajectorySet): string | null {
  const frames = heelStrideFrames(set);
  if (frames === null) return null;
  const strideS = frames / set.rateHz;
  if (strideS >= SHORTEST_PLAUSIBLE_STRIDE_S && strideS <= LONGEST_PLAUSIBLE_STRIDE_S) return null;
  return `Its heels rise and fall every ${strideS.toPrecision(2)} s at the ${+set.rateHz.toPrecision(4)} Hz the file declares, where a walking stride takes ${SHORTEST_PLAUSIBLE_STRIDE_S}-${LONGEST_PLAUSIBLE_STRIDE_S} s: if the capture ran at another rate, correct the rate in the file (a TRC's DataRate, a C3D's POINT:RATE) and analyse it again.`;
}
