// What can be checked of a calibration before any trial uses it, so that a wrong file or a wrong
// axis shows at import instead of as wrong numbers later: cameras upright in a Z-up world, above
// the floor, not on top of each other; and, per trial, that the video is the size it was
// calibrated at (a calibration scales with the picture, but not across aspect ratios).

import { cameraCentreM, type CameraCalibration } from './camera-model';

export interface CameraPlacement {
  name: string;
  positionM: [number, number, number];
  /** Angle of the optical axis below the horizontal, degrees (+ = looking down). */
  tiltDownDeg: number;
  /** Image "up" against world +Z: near 1 for an upright camera, negative upside down. */
  uprightness: number;
}

export interface CalibrationCheck {
  placements: CameraPlacement[];
  /** Every camera upright and 0.2-6 m above the origin's height: the origin is on the floor. */
  floorAtOrigin: boolean;
  notes: string[];
}

export function cameraPlacement(cam: CameraCalibration): CameraPlacement {
  const R = cam.rotation;
  // Rows of R are the camera axes in world coordinates: x right, y down, z forward (optical axis).
  const forwardZ = R[8]!;
  const downZ = R[5]!;
  return {
    name: cam.name,
    positionM: cameraCentreM(cam),
    tiltDownDeg: (Math.asin(Math.max(-1, Math.min(1, -forwardZ))) * 180) / Math.PI,
    uprightness: -downZ,
  };
}

const fmt = (v: number) => v.toFixed(2);

export function checkCalibration(cameras: readonly CameraCalibration[]): CalibrationCheck {
  const placements = cameras.map(cameraPlacement);
  const notes: string[] = [];
  const upsideDown = placements.filter((p) => p.uprightness < 0.5);
  if (upsideDown.length)
    notes.push(
      `${upsideDown.map((p) => p.name).join(', ')}: the picture's up is not the world's Z axis (${upsideDown.map((p) => `${p.name} ${fmt(p.uprightness)}`).join(', ')}). GaitLab reads calibrations with Z up; a rotated camera or a Y-up calibration gives wrong heights and a wrong floor.`,
    );
  const heights = placements.map((p) => p.positionM[2]);
  const floorAtOrigin = upsideDown.length === 0 && heights.every((h) => h >= 0.2 && h <= 6);
  if (!floorAtOrigin && upsideDown.length === 0)
    notes.push(
      `The cameras stand ${heights.map(fmt).join(', ')} m above the calibration's origin: the origin is not on the floor, so a single camera cannot measure distances on the floor with it (two or more cameras still give 3D).`,
    );
  for (let i = 0; i < placements.length; i++)
    for (let j = i + 1; j < placements.length; j++) {
      const a = placements[i]!.positionM;
      const b = placements[j]!.positionM;
      const d = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
      if (d < 0.05)
        notes.push(
          `${placements[i]!.name} and ${placements[j]!.name} are ${(d * 100).toFixed(1)} cm apart: two views from one place cannot triangulate depth.`,
        );
    }
  return { placements, floorAtOrigin, notes };
}

export type FittedCalibration =
  { ok: true; camera: CameraCalibration; note?: string } | { ok: false; message: string };

/**
 * The calibration for a video of `widthPx` x `heightPx`: as is when the sizes agree (within 1 %,
 * the few pixels a re-encoder may crop), scaled when the video is the same picture at another
 * resolution, refused otherwise.
 */
export function fitCalibrationToVideo(
  cam: CameraCalibration,
  widthPx: number,
  heightPx: number,
): FittedCalibration {
  const [w, h] = cam.imageSizePx;
  const sx = widthPx / w;
  const sy = heightPx / h;
  if (Math.abs(sx - 1) <= 0.01 && Math.abs(sy - 1) <= 0.01)
    return {
      ok: true,
      camera: cam,
      ...(sx !== 1 || sy !== 1
        ? {
            note: `${cam.name} was calibrated at ${w}x${h} and the video is ${widthPx}x${heightPx}: used as calibrated.`,
          }
        : {}),
    };
  if (Math.abs(sx / sy - 1) <= 0.01)
    return {
      ok: true,
      camera: {
        ...cam,
        imageSizePx: [widthPx, heightPx],
        focalPx: [cam.focalPx[0] * sx, cam.focalPx[1] * sy],
        // OpenCV pixel centres: the top-left pixel's centre stays at 0, so (c + 0.5) scales.
        principalPointPx: [
          (cam.principalPointPx[0] + 0.5) * sx - 0.5,
          (cam.principalPointPx[1] + 0.5) * sy - 0.5,
        ],
      },
      note: `${cam.name} was calibrated at ${w}x${h}; the video is ${widthPx}x${heightPx}, so the calibration was scaled to it.`,
    };
  return {
    ok: false,
    message: `${cam.name} was calibrated at ${w}x${h} but the video is ${widthPx}x${heightPx} (another picture shape): calibrate the camera at the resolution it records.`,
  };
}
