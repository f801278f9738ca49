// Camera calibration files in TOML: Pose2Sim / Sports2D (one table per camera: `matrix`,
// `distortions` [k1, k2, p1, p2], `rotation` as a Rodrigues vector, `translation` in metres) and
// caliscope's camera_array.toml (`[cameras.N]`, 3 x 3 `rotation`, five distortions with k3).
// Both map world to camera as X_cam = R X + t. Problems that would make every 3D number wrong
// without any error (a translation in millimetres, a fisheye lens, a matrix that is not a rotation)
// are refused here with a message saying what to fix.

import { parse } from 'smol-toml';
import { rodriguesToMatrix, type CameraCalibration, type Vec3 } from '../capture/calibration/camera-model';

export class CalibrationFormatError extends Error {
  override name = 'CalibrationFormatError';
}

export interface CalibrationFile {
  /** 'pose2sim' (also Sports2D and Pose2Sim's conversions of Qualisys, Vicon, OpenCap...) or 'caliscope'. */
  format: 'pose2sim' | 'caliscope';
  cameras: CameraCalibration[];
}

/** Farther than this from the world origin, a camera's translation is almost surely in mm. */
const MAX_CAMERA_DISTANCE_M = 100;

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);

function numbers(v: unknown, what: string, camera: string, lengths: number[]): number[] {
  const flat = Array.isArray(v) ? (v as unknown[]).flat(2) : undefined;
  if (
    !flat ||
    !lengths.includes(flat.length) ||
    !flat.every((x) => typeof x === 'number' && Number.isFinite(x))
  )
    throw new CalibrationFormatError(
      `Camera "${camera}": ${what} must be ${lengths.join(' or ')} numbers${flat ? ` (found ${flat.length})` : ''}.`,
    );
  return flat as number[];
}

function checkRotation(R: number[], camera: string): void {
  // R R^T = I and det R = +1, to a tolerance that survives files written with 6-digit values.
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) {
      const dot = R[3 * i]! * R[3 * j]! + R[3 * i + 1]! * R[3 * j + 1]! + R[3 * i + 2]! * R[3 * j + 2]!;
      if (Math.abs(dot - (i === j ? 1 : 0)) > 1e-3)
        throw new CalibrationFormatError(`Camera "${camera}": the rotation is not a rotation matrix.`);
    }
  const det =
    R[0]! * (R[4]! * R[8]! - R[5]! * R[7]!) -
    R[1]! * (R[3]! * R[8]! - R[5]! * R[6]!) +
    R[2]! * (R[3]! * R[7]! - R[4]! * R[6]!);
  if (det < 0)
    throw new CalibrationFormatError(`Camera "${camera}": the rotation is a reflection (determinant -1).`);
}

function camera(name: string, t: Table): CameraCalibration {
  if (t.fisheye === true)
    throw new CalibrationFormatError(
      `Camera "${name}" is calibrated as a fisheye lens, which GaitLab does not model: calibrate it with the standard (pinhole) model.`,
    );
  const size = numbers(t.size, 'size [width, height]', name, [2]);
  const K = numbers(t.matrix, 'the intrinsic matrix', name, [9]);
  const dist = numbers(t.distortions, 'distortions', name, [4, 5]);
  const rotation = numbers(t.rotation, 'rotation (Rodrigues vector or 3 x 3 matrix)', name, [3, 9]);
  const translation = numbers(t.translation, 'translation', name, [3]) as unknown as Vec3;
  if (!(K[0]! > 0) || !(K[4]! > 0) || K[1] !== 0 || K[3] !== 0 || K[6] !== 0 || K[7] !== 0 || K[8] !== 1)
    throw new CalibrationFormatError(
      `Camera "${name}": the intrinsic matrix must be [[fx, 0, cx], [0, fy, cy], [0, 0, 1]] with positive focal lengths.`,
    );
  if (!(size[0]! > 0) || !(size[1]! > 0))
    throw new CalibrationFormatError(`Camera "${name}": the image size must be positive.`);
  const R = rotation.length === 3 ? rodriguesToMatrix(rotation as unknown as Vec3) : rotation;
  checkRotation(R, name);
  const distance = Math.hypot(...translation);
  if (distance > MAX_CAMERA_DISTANCE_M)
    throw new CalibrationFormatError(
      `Camera "${name}" would stand ${distance.toFixed(0)} m from the origin: translations must be in metres (this looks like millimetres, ${(distance / 1000).toFixed(2)} m).`,
    );
  return {
    name,
    imageSizePx: [size[0]!, size[1]!],
    focalPx: [K[0]!, K[4]!],
    principalPointPx: [K[2]!, K[5]!],
    distortion: { k1: dist[0]!, k2: dist[1]!, p1: dist[2]!, p2: dist[3]!, k3: dist[4] ?? 0 },
    rotation: R,
    translationM: translation,
  };
}

export function readCalibrationToml(text: string): CalibrationFile {
  let doc: Table;
  try {
    doc = parse(text) as Table;
  } catch (err) {
    throw new CalibrationFormatError(
      `Not a readable TOML calibration file (${err instanceof Error ? err.message.split('\n')[0] : String(err)}): choose the .toml calibration written by Pose2Sim, Sports2D or caliscope.`,
    );
  }
  if (isTable(doc.cameras)) {
    const cameras = Object.entries(doc.cameras)
      .filter(([, t]) => isTable(t) && t.ignore !== true)
      .map(([key, t]) => camera(`cam_${String((t as Table).cam_id ?? key)}`, t as Table));
    if (cameras.length === 0) throw new CalibrationFormatError('The calibration file lists no cameras.');
    return { format: 'caliscope', cameras };
  }
  const cameras = Object.entries(doc)
    .filter(([key, t]) => key !== 'metadata' && isTable(t) && 'matrix' in t)
    .map(([key, t]) =>
      camera(typeof (t as Table).name === 'string' ? ((t as Table).name as string) : key, t as Table),
    );
  if (cameras.length === 0)
    throw new CalibrationFormatError(
      'No camera found in the file: expected Pose2Sim tables ([cam_01] with size, matrix, distortions, rotation, translation) or caliscope [cameras.N] tables.',
    );
  return { format: 'pose2sim', cameras };
}
