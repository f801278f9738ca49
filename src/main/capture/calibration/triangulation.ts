// One 3D point from its 2D positions in several calibrated cameras, as Pose2Sim triangulates:
// weighted linear triangulation (DLT on undistorted normalised coordinates, each view's rows scaled
// by its confidence), and while the mean reprojection error exceeds a limit (15 px), the subset of
// views with one fewer that agrees best: a landmark the model misplaced in one view (a hidden foot
// seen from behind, a left/right mix-up) must not pull the point away from what the others agree on.
// Against Pose2Sim's own 3D file, OpenPose's keypoints triangulated this way land within 1 mm of
// Pose2Sim's points for 99 % of them (tests/integration/calibration/pose2sim-triangulation.test.ts).

import { SingularValueDecomposition, Matrix } from 'ml-matrix';
import { projectPoint, undistortPixel, type CameraCalibration, type Vec3 } from './camera-model';

export interface View2D {
  camera: CameraCalibration;
  /** Pixel position in the calibration's convention (OpenCV: top-left pixel centre at 0, 0). */
  u: number;
  v: number;
  /** Confidence 0-1; views below `minWeight` are not used. */
  weight: number;
}

export interface TriangulateOptions {
  /** Views whose weight is below this are ignored (default 0.3, Pose2Sim's likelihood threshold). */
  minWeight?: number;
  /** Drop views while the mean reprojection error of those used exceeds this, px (default 15). */
  maxReprojectionErrorPx?: number;
  /** Never fewer views than this (default 2). */
  minViews?: number;
}

export interface TriangulatedPoint {
  /** World metres; NaN when fewer than two usable views. */
  pointM: [number, number, number];
  /** Reprojection error per input view, px, dropped views included (NaN without a position). */
  reprojectionErrorPx: number[];
  /** Indices (into the input) of the views the point was made from. */
  used: number[];
}

const NAN3: [number, number, number] = [NaN, NaN, NaN];

/** Linear least-squares point from views (indices into `views`); NaN if degenerate. */
export function dltPoint(views: readonly View2D[], which: readonly number[]): [number, number, number] {
  const rows: number[][] = [];
  for (const i of which) {
    const view = views[i]!;
    const [x, y] = undistortPixel(view.camera, view.u, view.v);
    const R = view.camera.rotation;
    const t = view.camera.translationM;
    const P = [
      [R[0]!, R[1]!, R[2]!, t[0]],
      [R[3]!, R[4]!, R[5]!, t[1]],
      [R[6]!, R[7]!, R[8]!, t[2]],
    ] as const;
    const w = view.weight;
    rows.push(P[2].map((p3, k) => w * (x * p3 - P[0][k]!)));
    rows.push(P[2].map((p3, k) => w * (y * p3 - P[1][k]!)));
  }
  if (rows.length < 4) return [...NAN3];
  const svd = new SingularValueDecomposition(new Matrix(rows), { autoTranspose: true });
  const V = svd.rightSingularVectors;
  const h = [V.get(0, 3), V.get(1, 3), V.get(2, 3), V.get(3, 3)];
  if (!(Math.abs(h[3]!) > 1e-12)) return [...NAN3];
  return [h[0]! / h[3]!, h[1]! / h[3]!, h[2]! / h[3]!];
}

function errorsOf(views: readonly View2D[], p: Vec3): number[] {
  return views.map((view) => {
    if (!Number.isFinite(view.u) || !Number.isFinite(view.v)) return NaN;
    const [u, v] = projectPoint(view.camera, p);
    return Math.hypot(u - view.u, v - view.v);
  });
}

/** Every subset of `items` with `k` elements. */
function subsets(items: readonly number[], k: number): number[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [head, ...tail] = items;
  return [...subsets(tail, k - 1).map((s) => [head!, ...s]), ...subsets(tail, k)];
}

export function triangulatePoint(
  views: readonly View2D[],
  options: TriangulateOptions = {},
): TriangulatedPoint {
  const minWeight = options.minWeight ?? 0.3;
  const limit = options.maxReprojectionErrorPx ?? 15;
  const minViews = Math.max(2, options.minViews ?? 2);
  const usable = views
    .map((v, i) => (Number.isFinite(v.u) && Number.isFinite(v.v) && v.weight >= minWeight ? i : -1))
    .filter((i) => i >= 0);
  if (usable.length < minViews)
    return { pointM: [...NAN3], reprojectionErrorPx: views.map(() => NaN), used: [] };
  // Pose2Sim's rule: all views first; while the mean reprojection error of the views used exceeds
  // the limit, the best-agreeing subset with one view fewer.
  let best: { used: number[]; point: [number, number, number]; errors: number[]; mean: number } | undefined;
  for (let size = usable.length; size >= minViews; size--) {
    best = undefined;
    for (const subset of subsets(usable, size)) {
      const point = dltPoint(views, subset);
      const errors = errorsOf(views, point);
      const mean = subset.reduce((sum, i) => sum + errors[i]!, 0) / subset.length;
      if (Number.isFinite(mean) && (!best || mean < best.mean)) best = { used: subset, point, errors, mean };
    }
    if (best && best.mean <= limit) break;
  }
  if (!best) return { pointM: [...NAN3], reprojectionErrorPx: views.map(() => NaN), used: [] };
  return { pointM: best.point, reprojectionErrorPx: best.errors, used: best.used };
}
