// A video's own frame interval, read off its frame times. Cameras do not keep exactly the rate
// asked for (29.97 for 30), and containers store times rounded to the millisecond (33, 33, 34 ms
// at 30 frames/s): counted against the rate asked for, or against the median of such rounded
// intervals, a long recording seems a frame or two short. Pure: numbers in, numbers out.

/** Intervals further than this fraction from the usual one are gaps or bursts, not the camera's rate. */
export const STEADY_FRACTION = 0.25;

/**
 * The usual frame interval, s: the mean of the intervals within a quarter of the median one (the
 * median alone keeps the millisecond rounding); NaN with fewer than two frames.
 */
export function usualFrameIntervalS(timeS: ArrayLike<number>): number {
  const d: number[] = [];
  for (let i = 1; i < timeS.length; i++) d.push(timeS[i]! - timeS[i - 1]!);
  if (d.length === 0) return NaN;
  const sorted = [...d].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  let sum = 0;
  let count = 0;
  for (const x of d) {
    if (Math.abs(x - median) > STEADY_FRACTION * median) continue;
    sum += x;
    count++;
  }
  return count > 0 ? sum / count : median;
}
