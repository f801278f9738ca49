// Turning a video's picture upright, for a camera mounted upside down or on its side: the turn is
// clockwise, in quarter turns, as the clinician chooses it and as the analysis advises it.

/** Clockwise turn of a video's picture, degrees. */
export type PictureTurnDeg = 90 | 180 | 270;

export const PICTURE_TURNS_DEG: readonly PictureTurnDeg[] = [90, 180, 270];

export function isPictureTurnDeg(value: unknown): value is PictureTurnDeg {
  return value === 90 || value === 180 || value === 270;
}

/** "a quarter turn clockwise (90 deg)": a turn as a clinician reads it. */
export function pictureTurnInWords(turnDeg: PictureTurnDeg): string {
  if (turnDeg === 180) return 'half a turn (180 deg)';
  return turnDeg === 90
    ? 'a quarter turn clockwise (90 deg)'
    : 'a quarter turn anticlockwise (270 deg clockwise)';
}
