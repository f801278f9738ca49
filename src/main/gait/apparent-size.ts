// A side camera's height scale is one number for the whole walk: right only while the patient stays
// at one distance from the camera. A camera not square to the walkway (or a walkway that runs
// toward the camera) makes the patient grow or shrink in the picture along the pass, and lengths
// come out too long at the near end and too short at the far end: the Sports2D walk seen by a
// camera turned away gave strides from 1.52 m to 1.93 m in one pass (1.46-1.54 m square on).

import { median } from './peaks';

/** Above this ratio of the largest to the smallest cycle's size in one pass, the note is given. */
export const SIZE_CHANGE_LIMIT = 1.15;

export interface PassSizeChange {
  passIndex: number;
  /** Median body size in the picture of the pass' largest cycle over its smallest. */
  ratio: number;
  /** Cycles measured. */
  cycles: number;
}

/**
 * How much the patient's size in the picture (`sizePx` per frame: thigh + shank + trunk, any
 * unit) changes across each pass, cycle by cycle: the ratio of the largest cycle's median to the
 * smallest's. Passes with fewer than two measured cycles are left out.
 */
export function sizeChangePerPass(
  sizePx: ArrayLike<number>,
  cycles: ReadonlyArray<{ startFrame: number; endFrame: number; passIndex: number }>,
): PassSizeChange[] {
  const byPass = new Map<number, number[]>();
  for (const c of cycles) {
    const v: number[] = [];
    for (let f = Math.ceil(c.startFrame); f < c.endFrame && f < sizePx.length; f++)
      if (Number.isFinite(sizePx[f]!)) v.push(sizePx[f]!);
    if (v.length === 0) continue;
    byPass.set(c.passIndex, [...(byPass.get(c.passIndex) ?? []), median(v)]);
  }
  return [...byPass].flatMap(([passIndex, sizes]) =>
    sizes.length < 2
      ? []
      : [{ passIndex, ratio: Math.max(...sizes) / Math.min(...sizes), cycles: sizes.length }],
  );
}

/** How a note on the patient's changing size starts (reports pick it out of an analysis' notes). */
export const SIZE_CHANGE_NOTE_START = "The patient's size in the picture changed";

export function sizeChangeNotes(changes: readonly PassSizeChange[]): string[] {
  return changes
    .filter((c) => c.ratio > SIZE_CHANGE_LIMIT)
    .map(
      (c) =>
        `${SIZE_CHANGE_NOTE_START} by ${Math.round(100 * (c.ratio - 1))} % across walking pass ${c.passIndex + 1} (cycle to cycle; a camera square to the walkway keeps it under ${Math.round(100 * (SIZE_CHANGE_LIMIT - 1))} %): the camera looks at the walkway at an angle, or the patient walked toward it. Distances are scaled at one size for the whole walk, so they are too long where the patient was nearer and too short where farther. Place the camera square to the middle of the walkway.`,
    );
}

/**
 * Below this apparent leg length (thigh + shank, px) a note says the angles lose precision. The
 * Sports2D walk made smaller (whole video scaled down, H.264 at CRF 18): mean curves within 0.7-3.4
 * deg of the full-size video's with legs of 68-137 px, 2.0-4.0 deg at 54 px, 2.4-5.7 at 45 px,
 * 2.8-7.1 at 33 px.
 */
export const SMALL_LEG_PX = 60;

/** How the note on a subject small in the picture starts (reports pick it out of the notes). */
export const SMALL_SUBJECT_NOTE_START = 'The subject is small in the picture';

/** The note for a subject small in the picture (`legLengthPx`: median thigh + shank), or null. */
export function smallInPictureNote(legLengthPx: number): string | null {
  if (!(legLengthPx < SMALL_LEG_PX)) return null;
  return `${SMALL_SUBJECT_NOTE_START}: the legs (thigh + shank) are about ${Math.round(legLengthPx)} px long, under ${SMALL_LEG_PX}. The pose model places landmarks to within a few pixels, so joint angles are several degrees less precise at this size and steps may be missed. Film closer, zoom in, or record at a higher resolution.`;
}
