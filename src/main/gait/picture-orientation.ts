// Which way up the subject stands in a video's picture. A camera mounted upside down (on a ceiling
// bracket, a tripod head turned over) or turned a quarter for a portrait framing records no
// rotation in the file, and a video can lose the rotation its phone wrote on the way (a messaging
// app, an editor): the pose model still finds a body, partly, and the gait analysis then reads
// feet above the pelvis as a walk (an upside-down Sports2D walk gave 191 steps/min and a knee
// "flexed" -131 deg in stance). A standing or walking body says which way is up: the pelvis is
// above the feet.

import {
  ON_ITS_SIDE_NOTE_START,
  pictureTurnInWords,
  UPSIDE_DOWN_NOTE_START,
  type PictureTurnDeg,
} from '../../shared/picture-fix';
import type { PointSeries } from './preprocess';

export interface SubjectInPicture {
  /**
   * The clockwise turn that brings the subject upright, as most frames show it: 0 when upright,
   * 180 when upside down, 90 when the pelvis is left of the feet (the picture was turned a quarter
   * anticlockwise), 270 when it is right of them.
   */
  turnDeg: 0 | PictureTurnDeg;
  /** Share of the judged frames that show it (0..1). */
  fraction: number;
  /** Frames where the pelvis and a foot were both tracked. */
  frames: number;
}

/** Fewer frames than this with pelvis and feet tell nothing (a glimpse, a false detection). */
const MIN_FRAMES = 10;
/** Share of the judged frames that must agree before the picture is called turned. */
const MIN_AGREEMENT = 0.6;

/**
 * How the subject stands in the picture (image coordinates, y down): per frame, the direction from
 * the feet (mean of the tracked heels) to the pelvis, in quarters. Undefined when too few frames
 * hold both.
 */
export function subjectInPicture(
  pelvis: PointSeries,
  feet: ReadonlyArray<PointSeries | undefined>,
): SubjectInPicture | undefined {
  const counts: Record<0 | PictureTurnDeg, number> = { 0: 0, 90: 0, 180: 0, 270: 0 };
  let frames = 0;
  for (let i = 0; i < pelvis.x.length; i++) {
    const px = pelvis.x[i]!;
    const py = pelvis.y[i]!;
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    let fx = 0;
    let fy = 0;
    let k = 0;
    for (const f of feet) {
      if (!f || !Number.isFinite(f.x[i]!) || !Number.isFinite(f.y[i]!)) continue;
      fx += f.x[i]!;
      fy += f.y[i]!;
      k++;
    }
    if (k === 0) continue;
    const up = { x: px - fx / k, y: py - fy / k };
    if (up.x === 0 && up.y === 0) continue;
    frames++;
    if (-up.y >= Math.abs(up.x)) counts[0]++;
    else if (up.y >= Math.abs(up.x)) counts[180]++;
    else if (up.x < 0) counts[90]++;
    else counts[270]++;
  }
  if (frames < MIN_FRAMES) return undefined;
  const turns = [0, 90, 180, 270] as const;
  const turnDeg = turns.reduce<0 | PictureTurnDeg>((best, t) => (counts[t] > counts[best] ? t : best), 0);
  return { turnDeg, fraction: counts[turnDeg] / frames, frames };
}

/** A picture that needs turning: most judged frames show the subject other than upright. */
export type TurnedPicture = SubjectInPicture & { turnDeg: PictureTurnDeg };

export function pictureIsTurned(s: SubjectInPicture | undefined): s is TurnedPicture {
  return s !== undefined && s.turnDeg !== 0 && s.fraction >= MIN_AGREEMENT;
}

/** The clinician's message for a turned picture (why the analysis stops, and what to do). */
export function turnedPictureMessage(s: TurnedPicture): string {
  const pct = `${Math.round(100 * s.fraction)} % of the ${s.frames} frames where both were tracked`;
  const how =
    s.turnDeg === 180
      ? `${UPSIDE_DOWN_NOTE_START} (feet above the pelvis in ${pct}): the camera was mounted upside down, or the video lost its rotation on the way.`
      : `${ON_ITS_SIDE_NOTE_START} (pelvis to the ${s.turnDeg === 90 ? 'left' : 'right'} of the feet in ${pct}): the camera was turned a quarter for a portrait picture, or the video lost its rotation on the way.`;
  return `${how} Gait events and angles cannot be read from it as it is: turn the picture ${pictureTurnInWords(s.turnDeg)} and analyse it again.`;
}
