// A calibrated camera: OpenCV's pinhole model with radial (k1, k2, k3) and tangential (p1, p2)
// distortion, the convention of Pose2Sim, caliscope, Sports2D and OpenCV files. World -> camera:
// X_cam = R X_world + t (metres). Pixel coordinates are OpenCV's: the centre of the top-left pixel
// is (0, 0). GaitLab's pose tracks put that centre at (0.5, 0.5), so tracks are shifted by half a
// pixel on their way in and out (see `trackPxToCameraPx`).

export type Vec3 = readonly [number, number, number];

export interface CameraCalibration {
  /** The camera's name in the calibration file. */
  name: string;
  /** Image size the intrinsics belong to, [width, height] px. */
  imageSizePx: readonly [number, number];
  focalPx: readonly [number, number];
  principalPointPx: readonly [number, number];
  distortion: { k1: number; k2: number; p1: number; p2: number; k3: number };
  /** World -> camera rotation, row-major 3 x 3. */
  rotation: readonly number[];
  /** World -> camera translation, metres. */
  translationM: Vec3;
}

/** Rotation matrix (row-major) of a Rodrigues vector (axis * angle, radians). */
export function rodriguesToMatrix(r: Vec3): number[] {
  const theta = Math.hypot(r[0], r[1], r[2]);
  if (theta < 1e-12) return [1, 0, 0, 0, 1, 0, 0, 0, 1];
  const [x, y, z] = [r[0] / theta, r[1] / theta, r[2] / theta];
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const C = 1 - c;
  return [
    c + x * x * C,
    x * y * C - z * s,
    x * z * C + y * s,
    y * x * C + z * s,
    c + y * y * C,
    y * z * C - x * s,
    z * x * C - y * s,
    z * y * C + x * s,
    c + z * z * C,
  ];
}

/** World point -> camera coordinates (metres). */
export function worldToCamera(cam: CameraCalibration, p: Vec3): [number, number, number] {
  const R = cam.rotation;
  const t = cam.translationM;
  return [
    R[0]! * p[0] + R[1]! * p[1] + R[2]! * p[2] + t[0],
    R[3]! * p[0] + R[4]! * p[1] + R[5]! * p[2] + t[1],
    R[6]! * p[0] + R[7]! * p[1] + R[8]! * p[2] + t[2],
  ];
}

/** The camera's optical centre in world coordinates: -R^T t (metres). */
export function cameraCentreM(cam: CameraCalibration): [number, number, number] {
  const R = cam.rotation;
  const t = cam.translationM;
  return [
    -(R[0]! * t[0] + R[3]! * t[1] + R[6]! * t[2]),
    -(R[1]! * t[0] + R[4]! * t[1] + R[7]! * t[2]),
    -(R[2]! * t[0] + R[5]! * t[1] + R[8]! * t[2]),
  ];
}

/** Normalised image coordinates (x/z, y/z) -> distorted pixel position (OpenCV convention). */
export function distortNormalised(cam: CameraCalibration, x: number, y: number): [number, number] {
  const { k1, k2, p1, p2, k3 } = cam.distortion;
  const r2 = x * x + y * y;
  const radial = 1 + r2 * (k1 + r2 * (k2 + r2 * k3));
  const xd = x * radial + 2 * p1 * x * y + p2 * (r2 + 2 * x * x);
  const yd = y * radial + p1 * (r2 + 2 * y * y) + 2 * p2 * x * y;
  return [cam.focalPx[0] * xd + cam.principalPointPx[0], cam.focalPx[1] * yd + cam.principalPointPx[1]];
}

/** World point (metres) -> pixel (OpenCV convention); NaN behind the camera. */
export function projectPoint(cam: CameraCalibration, p: Vec3): [number, number] {
  const [X, Y, Z] = worldToCamera(cam, p);
  if (!(Z > 0)) return [NaN, NaN];
  return distortNormalised(cam, X / Z, Y / Z);
}

/**
 * Pixel (OpenCV convention) -> normalised undistorted image coordinates, by fixed-point iteration
 * on the distortion model (as OpenCV's undistortPoints), which converges in a few steps for the
 * mild lens distortion of gait-lab cameras.
 */
export function undistortPixel(cam: CameraCalibration, u: number, v: number): [number, number] {
  const { k1, k2, p1, p2, k3 } = cam.distortion;
  const xd = (u - cam.principalPointPx[0]) / cam.focalPx[0];
  const yd = (v - cam.principalPointPx[1]) / cam.focalPx[1];
  let x = xd;
  let y = yd;
  for (let i = 0; i < 20; i++) {
    const r2 = x * x + y * y;
    const radial = 1 + r2 * (k1 + r2 * (k2 + r2 * k3));
    const dx = 2 * p1 * x * y + p2 * (r2 + 2 * x * x);
    const dy = p1 * (r2 + 2 * y * y) + 2 * p2 * x * y;
    const nx = (xd - dx) / radial;
    const ny = (yd - dy) / radial;
    const step = Math.abs(nx - x) + Math.abs(ny - y);
    x = nx;
    y = ny;
    if (step < 1e-12) break;
  }
  return [x, y];
}

/** A GaitLab track position (pixel centres at +0.5) in the calibration's pixel convention. */
export function trackPxToCameraPx(xPx: number, yPx: number): [number, number] {
  return [xPx - 0.5, yPx - 0.5];
}

/** A calibration pixel position in GaitLab's track convention. */
export function cameraPxToTrackPx(u: number, v: number): [number, number] {
  return [u + 0.5, v + 0.5];
}

/**
 * Where the ray through a pixel meets the horizontal plane `up . X = heightM` (world metres), or
 * undefined when the ray runs parallel to it or meets it behind the camera.
 */
export function pixelToPlane(
  cam: CameraCalibration,
  u: number,
  v: number,
  up: Vec3,
  heightM: number,
): [number, number, number] | undefined {
  const [x, y] = undistortPixel(cam, u, v);
  const R = cam.rotation;
  // Ray direction in the world: R^T (x, y, 1).
  const d: Vec3 = [
    R[0]! * x + R[3]! * y + R[6]!,
    R[1]! * x + R[4]! * y + R[7]!,
    R[2]! * x + R[5]! * y + R[8]!,
  ];
  const c = cameraCentreM(cam);
  const denom = up[0] * d[0] + up[1] * d[1] + up[2] * d[2];
  if (Math.abs(denom) < 1e-12) return undefined;
  const s = (heightM - (up[0] * c[0] + up[1] * c[1] + up[2] * c[2])) / denom;
  if (!(s > 0)) return undefined;
  return [c[0] + s * d[0], c[1] + s * d[1], c[2] + s * d[2]];
}
