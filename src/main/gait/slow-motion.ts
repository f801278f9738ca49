// A phone's slow-motion video, once shared or exported, plays its frames on a stretched clock:
// every time, cadence and speed measured from it is slow by the slow-motion factor (4x or 8x), with
// nothing in the file to say so. Its strides then last 4-9 s, which the cycle checks flag as too
// long, and review showed "means are not computed" without saying why the walk looked so slow.
// No one walks with strides of more than ~4 s (fewer than 30 steps a minute; children with CP
// using a walker reach 40-60), so strides that long are called out.
import type { GaitCycle } from './cycles';

/** Median stride, s, above which the video's clock is suspected not to be real time. */
export const LONGEST_PLAUSIBLE_STRIDE_S = 4;

/** The warning for strides longer than anyone walks (flagged cycles counted too), or null. */
export function slowMotionNote(cycles: readonly GaitCycle[]): string | null {
  const d = cycles.map((c) => c.durationS).filter(Number.isFinite);
  if (d.length === 0) return null;
  d.sort((a, b) => a - b);
  const strideS = d[Math.floor(d.length / 2)]!;
  if (strideS <= LONGEST_PLAUSIBLE_STRIDE_S) return null;
  return `Strides last ${strideS.toFixed(1)} s (${(120 / strideS).toFixed(0)} steps/min), longer than anyone walks: if this video plays in slow motion, its clock is not real time, and every time, cadence and speed measured from it is too slow by the slow-motion factor. Analyse the original recording, at its real frame rate.`;
}
