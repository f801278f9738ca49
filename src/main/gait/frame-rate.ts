// A video's frame rate bounds how finely gait events are timed: a contact or foot off falls
// somewhere between two frames. Webcams drop to 15 frames/s or less in dim light, and some exports
// (GIFs, screen recordings) run at 10-15. Events are interpolated between frames, so the walk
// still yields its cycles, but stance, swing and support percentages, and angle minima and peaks,
// are known only to about a frame, which a reader must be told.
// The Sports2D walk resampled (3 + 3 cycles and cadence within 1 step/min at every rate): stance
// and double support (mean of the 6 cycles) 60.0 / 19.6 % of the cycle at 30 frames/s, 60.5 / 20.2
// at 20, 59.2 / 17.1 at 12, 58.4 / 16.2 at 10; the near knee's stance minimum 10.8, 12.4, 13.3 and
// 15.5 deg.

/** Below this many frames per second a frame lasts over 50 ms, and the note is given. */
export const LOWEST_PRECISE_RATE_HZ = 20;

/** How the note on a low frame rate starts (reports pick it out of an analysis' notes). */
export const LOW_FRAME_RATE_NOTE_START = 'The video has only';

/**
 * A note when the recording's frame rate is too low to time events finely: one frame's length in
 * ms and as a share of the median stride (`strideS`, s; NaN without cycles).
 */
export function lowFrameRateNote(rateHz: number, strideS: number): string | null {
  if (!(rateHz > 0) || rateHz >= LOWEST_PRECISE_RATE_HZ) return null;
  const frameMs = 1000 / rateHz;
  const share =
    strideS > 0
      ? `, ${Math.round((100 * frameMs) / (1000 * strideS))} % of a stride (${strideS.toFixed(2)} s)`
      : '';
  return `${LOW_FRAME_RATE_NOTE_START} ${+rateHz.toPrecision(3)} frames/s: a frame lasts ${Math.round(frameMs)} ms${share}, so gait events are timed only to about that, and stance, swing and support percentages and the minima and peaks of the angles are rough by as much (a walk filmed at 10 frames/s read double support 16 % of the cycle and the knee's stance minimum 15.5 deg, against 20 % and 10.8 deg at 30). Record at 30 frames/s or more; a webcam in dim light lowers its rate, so light the walkway.`;
}
