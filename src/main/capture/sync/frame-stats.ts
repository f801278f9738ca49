// Dropped frames and frame counts from frame timestamps: the span of the recording at the camera's
// own interval holds so many frames; those not in the file were dropped. The times are when frames
// reached the recorder, so on a loaded machine a frame arrives late and the next one early, or
// several together after a pause: counting each gap alone (k intervals = k-1 drops) read those as
// drops, 3 of 164 reported where the file's 161 frames over 5.37 s had room for none.

import { usualFrameIntervalS } from '../../media/frame-interval';

export interface FrameStats {
  frameCount: number;
  expectedFrameCount: number;
  droppedFrames: number;
  durationS: number;
  /** The rate the camera kept (its usual frame interval), frames/s: below the rate asked for in dim light. */
  measuredFps: number;
}

/**
 * frameTimesS sorted ascending, seconds; fps is the rate the camera was asked for (used only when
 * there are too few frames to measure its own). Frames are counted against the camera's own
 * rate: a webcam that lowers its rate to 15 frames/s in dim light drops nothing, it records at 15,
 * which `measuredFps` says (and the report, with what to do).
 */
export function frameStats(frameTimesS: ArrayLike<number>, fps: number): FrameStats {
  const n = frameTimesS.length;
  if (n === 0)
    return { frameCount: 0, expectedFrameCount: 0, droppedFrames: 0, durationS: 0, measuredFps: fps };
  const ownS = usualFrameIntervalS(frameTimesS);
  const intervalS = ownS > 0 ? ownS : 1 / fps;
  const spanS = frameTimesS[n - 1]! - frameTimesS[0]!;
  const slots = Math.round(spanS / intervalS) + 1;
  // Kept + missing, so the two numbers shown side by side add up.
  const expectedFrameCount = Math.max(slots, n);
  return {
    frameCount: n,
    expectedFrameCount,
    droppedFrames: expectedFrameCount - n,
    durationS: spanS + intervalS,
    measuredFps: 1 / intervalS,
  };
}

/** Start offsets from each camera's first capture time on a common clock, against the reference. */
export function startOffsetsMs(
  firstFrameTimesMs: Record<string, number>,
  reference: string,
): Record<string, number> {
  const ref = firstFrameTimesMs[reference];
  const out: Record<string, number> = {};
  for (const [camera, t] of Object.entries(firstFrameTimesMs)) out[camera] = ref === undefined ? 0 : t - ref;
  return out;
}

export function worstPairwiseMs(offsetsMs: number[]): number {
  if (offsetsMs.length < 2) return 0;
  return Math.max(...offsetsMs) - Math.min(...offsetsMs);
}

/**
 * Median distance from each frame of a to the nearest frame of b, once b is moved onto a's clock
 * by its offset: what remains after sync when frames are paired one to one.
 */
export function medianPairingErrorMs(
  frameTimesA_S: ArrayLike<number>,
  offsetA_Ms: number,
  frameTimesB_S: ArrayLike<number>,
  offsetB_Ms: number,
): number | null {
  const a = Array.from(frameTimesA_S, (t) => t * 1000 + offsetA_Ms);
  const b = Array.from(frameTimesB_S, (t) => t * 1000 + offsetB_Ms);
  if (a.length === 0 || b.length === 0) return null;
  const lo = Math.max(a[0]!, b[0]!);
  const hi = Math.min(a[a.length - 1]!, b[b.length - 1]!);
  const errors: number[] = [];
  let j = 0;
  for (const t of a) {
    if (t < lo || t > hi) continue;
    while (j + 1 < b.length && Math.abs(b[j + 1]! - t) <= Math.abs(b[j]! - t)) j++;
    errors.push(Math.abs(b[j]! - t));
  }
  if (errors.length === 0) return null;
  errors.sort((x, y) => x - y);
  return errors[Math.floor(errors.length / 2)]!;
}
