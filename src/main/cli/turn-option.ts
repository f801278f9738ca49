// --turn DEG: the clockwise turn that brings a video's picture upright (a camera mounted upside
// down or on its side), as the analysis advises it when it finds the subject turned.
import { isPictureTurnDeg, type PictureTurnDeg } from '../../shared/picture-fix';
import { UserError } from './command';

export function parseTurnDeg(text: string): PictureTurnDeg {
  const v = Number(text);
  if (!isPictureTurnDeg(v))
    throw new UserError(
      `--turn: give 90, 180 or 270 (degrees clockwise that bring the picture upright), not "${text}".`,
    );
  return v;
}
