// Making a video's picture right: turned upright, for a camera mounted upside down or on its side
// (clockwise, in quarter turns, as the analysis advises it), and mirrored back, for a front
// camera's mirror image (in which the pose model names each leg as the other).

/** Clockwise turn of a video's picture, degrees. */
export type PictureTurnDeg = 90 | 180 | 270;

export function isPictureTurnDeg(value: unknown): value is PictureTurnDeg {
  return value === 90 || value === 180 || value === 270;
}

/** How the analysis' refusal of a turned picture begins (gait/picture-orientation.ts). */
export const UPSIDE_DOWN_NOTE_START = 'The subject is upside down in the picture';
export const ON_ITS_SIDE_NOTE_START = 'The subject lies on their side in the picture';

/** Whether a failure is the analysis' refusal of a turned picture. */
export function isTurnedPictureMessage(message: string): boolean {
  return message.includes(UPSIDE_DOWN_NOTE_START) || message.includes(ON_ITS_SIDE_NOTE_START);
}

/** "a quarter turn clockwise (90 deg)": a turn as a clinician reads it. */
export function pictureTurnInWords(turnDeg: PictureTurnDeg): string {
  if (turnDeg === 180) return 'half a turn (180 deg)';
  return turnDeg === 90
    ? 'a quarter turn clockwise (90 deg)'
    : 'a quarter turn anticlockwise (270 deg clockwise)';
}

/**
 * What is done to a recording's picture to make it right: mirrored left to right first (a front
 * camera's mirror image), then turned clockwise.
 */
export interface PictureFix {
  turnDeg: 0 | PictureTurnDeg;
  mirrored: boolean;
}

export const NO_PICTURE_FIX: PictureFix = { turnDeg: 0, mirrored: false };

/**
 * `then` done to a picture already fixed by `before`, as one fix of the recording. A mirror
 * reverses the sense of the turns made before it.
 */
export function composePictureFixes(before: PictureFix, then: PictureFix): PictureFix {
  const carried = then.mirrored ? 360 - before.turnDeg : before.turnDeg;
  return {
    turnDeg: ((carried + then.turnDeg) % 360) as 0 | PictureTurnDeg,
    mirrored: before.mirrored !== then.mirrored,
  };
}

/** `turned-90-mirrored`, `turned-180`, `mirrored`: how a fixed copy's name says its fix ('' for none). */
export function pictureFixSuffix(fix: PictureFix): string {
  return [fix.turnDeg ? `turned-${fix.turnDeg}` : '', fix.mirrored ? 'mirrored' : '']
    .filter(Boolean)
    .join('-');
}
