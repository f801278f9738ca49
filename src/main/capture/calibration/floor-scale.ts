// Metres per pixel of one calibrated side camera along the walking line. Where a foot is flat on
// the floor its landmarks lie (nearly) on the floor plane, so the calibration puts each contact at a
// point on the floor in metres; the scale is the ratio of the contacts' spacing on the floor to their
// spacing in the picture. Lengths along the walking line then come out in metres without the
// patient's height, and the walking line's angle to the picture says how far a single scale holds.

import { cameraCentreM, pixelToPlane, trackPxToCameraPx, type CameraCalibration } from './camera-model';

export interface FloorContact {
  /** Where the landing part of the foot is at contact, track pixels (top-left pixel centre 0.5). */
  xPx: number;
  yPx: number;
}

export type CalibratedFloorScale =
  | {
      ok: true;
      metresPerPx: number;
      /** Angle between the walking line on the floor and the picture's plane, degrees. */
      obliquityDeg: number;
      /** Distance from the camera to the walking line, m. */
      distanceM: number;
      contacts: number;
      description: string;
    }
  | { ok: false; message: string };

/** Walking lines turned further than this from the picture make one scale wrong by > 3 % at the ends. */
export const MAX_OBLIQUITY_DEG = 15;

export function calibratedFloorScale(
  camera: CameraCalibration,
  contacts: readonly FloorContact[],
): CalibratedFloorScale {
  const floor: Array<{ p: [number, number, number]; px: number }> = [];
  for (const c of contacts) {
    if (!Number.isFinite(c.xPx) || !Number.isFinite(c.yPx)) continue;
    const [u, v] = trackPxToCameraPx(c.xPx, c.yPx);
    const p = pixelToPlane(camera, u, v, [0, 0, 1], 0);
    if (p) floor.push({ p, px: c.xPx });
  }
  if (floor.length < 2)
    return {
      ok: false,
      message:
        'The calibration could not place two foot contacts on the floor: the feet are not seen landing below the horizon of this camera.',
    };
  // Walking line: the floor points' principal direction.
  const mx = floor.reduce((s, f) => s + f.p[0], 0) / floor.length;
  const my = floor.reduce((s, f) => s + f.p[1], 0) / floor.length;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const { p } of floor) {
    sxx += (p[0] - mx) ** 2;
    sxy += (p[0] - mx) * (p[1] - my);
    syy += (p[1] - my) ** 2;
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const dir = [Math.cos(angle), Math.sin(angle)] as const;
  const along = floor.map((f) => (f.p[0] - mx) * dir[0] + (f.p[1] - my) * dir[1]);
  const pxMean = floor.reduce((s, f) => s + f.px, 0) / floor.length;
  let num = 0;
  let den = 0;
  floor.forEach((f, i) => {
    num += along[i]! * (f.px - pxMean);
    den += (f.px - pxMean) ** 2;
  });
  const spanPx = Math.max(...floor.map((f) => f.px)) - Math.min(...floor.map((f) => f.px));
  if (!(den > 0) || spanPx < 50)
    return {
      ok: false,
      message: `The foot contacts span only ${spanPx.toFixed(0)} px across the picture: too little walking to measure the scale from the calibration.`,
    };
  // Least squares of floor position along the line against picture x (the line's direction is
  // arbitrary, so the slope's sign is).
  const metresPerPx = Math.abs(num / den);
  // Camera's horizontal viewing direction against the walking line: perpendicular = 0 deg obliquity.
  const R = camera.rotation;
  const fwd = [R[6]!, R[7]!];
  const fl = Math.hypot(fwd[0]!, fwd[1]!);
  const cosToLine = Math.abs((fwd[0]! * dir[0] + fwd[1]! * dir[1]) / fl);
  const obliquityDeg = (Math.asin(Math.min(1, cosToLine)) * 180) / Math.PI;
  const c = cameraCentreM(camera);
  // Distance from the camera (on the floor) to the walking line.
  const distanceM = Math.abs((c[0]! - mx) * -dir[1] + (c[1]! - my) * dir[0]);
  return {
    ok: true,
    metresPerPx,
    obliquityDeg,
    distanceM,
    contacts: floor.length,
    description: `camera calibration: ${floor.length} foot contacts on the floor, ${distanceM.toFixed(1)} m from the camera, walking line ${obliquityDeg.toFixed(0)} deg from the picture's plane`,
  };
}
