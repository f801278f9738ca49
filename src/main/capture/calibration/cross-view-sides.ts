// Left and right must mean the same leg in every camera before a point is triangulated. Each
// camera's track keeps its labels consistent over time, but from behind or while the subject turns
// round a camera can still call the left knee "right" for a stretch (Pose2Sim cam02/cam03/cam04):
// triangulating that mixes the two knees. With three or more cameras the others decide: a camera's
// pair of points is exchanged in a frame when, exchanged, it lies much closer to where the other
// cameras put the two points.

import { projectPoint, type CameraCalibration } from './camera-model';
import { triangulatePoint, type TriangulateOptions, type View2D } from './triangulation';

/** One camera's samples at the instants being triangulated: [frame][landmark]. */
export interface CameraSamples {
  camera: CameraCalibration;
  u: Float64Array[];
  v: Float64Array[];
  w: Float64Array[];
}

/**
 * An exchange must bring the camera's points this much closer (error ratio) and by at least
 * `MIN_GAIN_PX`: below that, the two legs are too close together in that view to tell.
 */
const RATIO = 0.5;
const MIN_GAIN_PX = 10;

function errorAgainstOthers(
  cams: readonly CameraSamples[],
  c: number,
  f: number,
  pairs: ReadonlyArray<readonly [number, number]>,
  options: TriangulateOptions,
): { kept: number; exchanged: number } | undefined {
  let kept = 0;
  let exchanged = 0;
  let counted = 0;
  const self = cams[c]!;
  for (const [l, r] of pairs) {
    const pointOf = (landmark: number) => {
      const views: View2D[] = cams
        .filter((_, i) => i !== c)
        .map((o) => ({
          camera: o.camera,
          u: o.u[f]![landmark]!,
          v: o.v[f]![landmark]!,
          weight: o.w[f]![landmark]!,
        }));
      return triangulatePoint(views, options).pointM;
    };
    const pl = pointOf(l);
    const pr = pointOf(r);
    if (!Number.isFinite(pl[0]) || !Number.isFinite(pr[0])) continue;
    const [ul, vl] = projectPoint(self.camera, pl);
    const [ur, vr] = projectPoint(self.camera, pr);
    const [ol, ql] = [self.u[f]![l]!, self.v[f]![l]!];
    const [or, qr] = [self.u[f]![r]!, self.v[f]![r]!];
    if (![ol, ql, or, qr].every(Number.isFinite)) continue;
    kept += Math.hypot(ol - ul, ql - vl) + Math.hypot(or - ur, qr - vr);
    exchanged += Math.hypot(ol - ur, ql - vr) + Math.hypot(or - ul, qr - vl);
    counted++;
  }
  return counted ? { kept: kept / counted, exchanged: exchanged / counted } : undefined;
}

/**
 * Exchanges, in place, the left and right samples of a camera in the frames where the other
 * cameras say its labels are the wrong way round, per group of left/right landmark pairs.
 * Returns how many (camera, frame, group) exchanges were made. `frames`: [first, end) to check.
 */
export function alignSidesAcrossViews(
  cams: readonly CameraSamples[],
  groups: ReadonlyArray<ReadonlyArray<readonly [number, number]>>,
  options: TriangulateOptions = {},
  frames: readonly [number, number] = [0, cams[0]?.u.length ?? 0],
): number {
  if (cams.length < 3) return 0;
  let exchanges = 0;
  for (let f = frames[0]; f < frames[1]; f++) {
    for (const pairs of groups) {
      // Decided from the original labels of every camera, then applied, so the order of the
      // cameras does not matter.
      const decisions = cams.map((_, c) => {
        const e = errorAgainstOthers(cams, c, f, pairs, options);
        return !!e && e.exchanged < RATIO * e.kept && e.kept - e.exchanged > MIN_GAIN_PX;
      });
      decisions.forEach((swap, c) => {
        if (!swap) return;
        exchanges++;
        const s = cams[c]!;
        for (const [l, r] of pairs)
          for (const a of [s.u[f]!, s.v[f]!, s.w[f]!]) [a[l], a[r]] = [a[r]!, a[l]!];
      });
    }
  }
  return exchanges;
}
