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

/**
 * Plug-in Gait joint centres and foot markers under the landmark names the pose engine gives: what
 * a perfect pose model would put on a Plug-in Gait walk.
 */
export const PIG_AS_LANDMARKS: Readonly<Record<string, string>> = {
  left_hip: 'LFEP',
  right_hip: 'RFEP',
  left_knee: 'LFEO',
  right_knee: 'RFEO',
  left_ankle: 'LTIO',
  right_ankle: 'RTIO',
  left_heel: 'LHEE',
  right_heel: 'RHEE',
  left_foot_index: 'LTOE',
  right_foot_index: 'RTOE',
  left_shoulder: 'LSHO',
  right_shoulder: 'RSHO',
};

/** Marker paths as a C3D gives them (mm or m, Z up); only what placing cameras needs. */
interface MarkerWalk {
  unit: string;
  trajectories: Record<string, { x: ArrayLike<number>; y: ArrayLike<number> } | undefined>;
}

/**
 * Three 1920x1080 cameras around a Plug-in Gait walk, a wide lens with distortion: `left` and
 * `right` on either side of the walkway, `end` at its end (the frontal camera), all aimed at the
 * middle of the walk 0.8 m up. Placed from the left heel's path so they suit any lab's axes.
 */
export function camerasAroundWalk(walk: MarkerWalk): {
  left: CameraCalibration;
  right: CameraCalibration;
  end: CameraCalibration;
} {
  const heel = walk.trajectories['LHEE'];
  if (!heel) throw new Error('The walk has no LHEE marker to place the cameras by.');
  const toM = walk.unit === 'mm' ? 1 / 1000 : 1;
  const xs = Array.from(heel.x).filter(Number.isFinite);
  const ys = Array.from(heel.y).filter(Number.isFinite);
  const mid: Vec = [
    ((Math.min(...xs) + Math.max(...xs)) / 2) * toM,
    ((Math.min(...ys) + Math.max(...ys)) / 2) * toM,
    0.8,
  ];
  const along = Math.abs(xs[xs.length - 1]! - xs[0]!) > Math.abs(ys[ys.length - 1]! - ys[0]!);
  const at = (a: number, b: number, h: number): Vec =>
    along ? [mid[0] + a, mid[1] + b, h] : [mid[0] + b, mid[1] + a, h];
  const lens = {
    focalPx: [1150, 1150] as const,
    principalPointPx: [962, 538] as const,
    distortion: { k1: -0.1, k2: 0.08, p1: 0.0005, p2: -0.0004, k3: 0 },
  };
  return {
    left: cameraLookingAt('left', at(0.3, -4.5, 1.6), mid, lens),
    right: cameraLookingAt('right', at(-0.4, 4.2, 1.4), mid, lens),
    end: cameraLookingAt('end', at(6, 0.5, 2.0), mid, lens),
  };
}

/** Deterministic standard normal noise (Box-Muller on a linear congruential generator). */
export function gaussianNoise(seed: number): () => number {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
}
