// Trunk and pelvis tilt from one camera are measured against the picture's vertical, so a camera
// that is rolled (a phone held askew) tilts them by its roll, while angles between segments do not
// change: the Sports2D walk rotated 10 deg read a trunk 10.3 deg further back. The floor shows it:
// from a level camera square to the walkway, the points where the feet land lie on a horizontal
// line of the picture (on the Sports2D walk within 1 deg, on a wide shot of it too).

import { contactPointsPx } from './floor-contacts';
import type { GaitEvent, Side, Trajectory } from './types';

/** Beyond this, trunk and pelvis tilt carry the camera's roll (deg). */
export const FLOOR_TILT_NOTE_DEG = 4;
/** The contacts must spread over this share of the picture's width to give a line. */
const MIN_SPREAD = 0.25;

export interface FloorLineInput {
  events: readonly GaitEvent[];
  /** Image coordinates (px, y down) of each foot's heel and toe. */
  feet: Record<Side, { heel: Trajectory; toe: Trajectory }>;
  imageWidthPx: number;
}

/**
 * The angle of the line through the contact points (at each initial contact, the lower in the
 * picture of heel and toe), deg, positive when the floor rises to the right of the picture; null
 * when fewer than three contacts, or contacts too close together, were found.
 */
export function floorTiltDeg(input: FloorLineInput): number | null {
  const pts = contactPointsPx(input.events, input.feet).map((p): [number, number] => [p.xPx, p.yPx]);
  if (pts.length < 3) return null;
  const xs = pts.map((p) => p[0]);
  if (Math.max(...xs) - Math.min(...xs) < MIN_SPREAD * input.imageWidthPx) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / pts.length;
  const my = pts.reduce((a, p) => a + p[1], 0) / pts.length;
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of pts) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
  }
  // y grows downward: a floor rising to the right has a negative slope in the picture.
  return (-Math.atan(sxy / sxx) * 180) / Math.PI;
}

export function floorTiltNote(tiltDeg: number | null): string | null {
  if (tiltDeg === null || Math.abs(tiltDeg) < FLOOR_TILT_NOTE_DEG) return null;
  return `The floor where the feet land runs ${Math.abs(tiltDeg).toFixed(0)} deg from the picture's horizontal (rising to the ${tiltDeg > 0 ? 'right' : 'left'}): the camera is rolled, or not square to the walkway. Trunk and pelvis tilt are measured against the picture's vertical and can be off by as much; angles between segments (hip, knee, ankle) are not affected. Level the camera square to the walkway.`;
}
