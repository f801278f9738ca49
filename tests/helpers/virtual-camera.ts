// A calibrated camera placed by hand for tests: where it stands and what it looks at, in a Z-up
// world (metres), with a 1920x1080 picture and mild lens distortion unless told otherwise.
import type { CameraCalibration } from '../../src/main/capture/calibration/camera-model';

type Vec = readonly [number, number, number];

export function cameraLookingAt(
  name: string,
  position: Vec,
  target: Vec,
  lens: Partial<Pick<CameraCalibration, 'focalPx' | 'principalPointPx' | 'distortion'>> = {},
): CameraCalibration {
  const f = target.map((t, i) => t - position[i]!);
  const forward = f.map((v) => v / Math.hypot(...f));
  const r = [forward[1]!, -forward[0]!, 0];
  const right = r.map((v) => v / Math.hypot(...r));
  // Image down = forward x right, so the picture is upright (down points below the horizon).
  const down = [
    forward[1]! * right[2]! - forward[2]! * right[1]!,
    forward[2]! * right[0]! - forward[0]! * right[2]!,
    forward[0]! * right[1]! - forward[1]! * right[0]!,
  ];
  const R = [...right, ...down, ...forward];
  const t = [0, 1, 2].map(
    (k) => -(R[3 * k]! * position[0] + R[3 * k + 1]! * position[1] + R[3 * k + 2]! * position[2]),
  );
  return {
    name,
    imageSizePx: [1920, 1080],
    focalPx: lens.focalPx ?? [1400, 1402],
    principalPointPx: lens.principalPointPx ?? [955.5, 541.2],
    distortion: lens.distortion ?? { k1: -0.08, k2: 0.12, p1: 0.001, p2: -0.0008, k3: 0 },
    rotation: R,
    translationM: [t[0]!, t[1]!, t[2]!],
  };
}
