// Android phones store slow-motion video as frames captured at 120 or 240 a second written to play
// at about 30: a second of walking lasts four or eight seconds of the file, and only the file's
// metadata (com.android.capture.fps) gives the rate they were taken at. Read on the file's clock,
// every time, cadence and speed would be slow by that factor; the clock is turned back to the
// walk's own. (A video exported from a slow-motion edit has no such tag: its strides are too long
// for anyone's, which the analysis says; see gait/stride-clock.ts.) Pure: numbers in, numbers out.

/** The metadata key Android's media writer stores the capture rate under, frames/s. */
export const CAPTURE_FPS_TAG = 'com.android.capture.fps';

/**
 * Slow-motion modes film at 120, 240, 480 or 960 frames/s and play at 24-30: 4x to 32x slower. A
 * recording's tag says the rate asked for, and in dim light the camera gives less (30 asked, 15
 * given; a 120 frames/s recording falling to 60): the file then plays what it got, which is not
 * slow motion. Hence a high-speed tag and at least 3x.
 */
const MIN_SLOW_MOTION = 3;
const MIN_SLOW_MOTION_CAPTURE_FPS = 90;

export interface SlowMotion {
  /** File seconds per second of the walk. */
  factor: number;
  /** The rate the frames were filmed at, frames/s. */
  captureFps: number;
}

/**
 * The file's slow motion, when it says its frames were captured at `captureFps` and plays them
 * (frame times `fileTimesS`, s, ascending; their usual interval, as a phone's rate varies) at
 * least 3 times slower, at a high-speed rate; undefined otherwise (a normal video, also one whose
 * rate fell in dim light, a time-lapse, no tag).
 */
export function slowMotionOf(
  captureFps: string | undefined,
  fileTimesS: ArrayLike<number>,
): SlowMotion | undefined {
  const capture = Number.parseFloat(captureFps ?? '');
  if (!(capture >= MIN_SLOW_MOTION_CAPTURE_FPS)) return undefined;
  const intervals: number[] = [];
  for (let i = 1; i < fileTimesS.length; i++) intervals.push(fileTimesS[i]! - fileTimesS[i - 1]!);
  intervals.sort((a, b) => a - b);
  const usualS = intervals[Math.floor(intervals.length / 2)];
  if (!(usualS !== undefined && usualS > 0)) return undefined;
  const factor = capture * usualS;
  return factor >= MIN_SLOW_MOTION ? { factor, captureFps: capture } : undefined;
}
