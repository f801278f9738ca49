// Landmark tracks of several calibrated, synchronised cameras -> 3D trajectories in the
// calibration's world (metres, Z up), on the reference camera's frames. Each other camera is read
// at the reference frame's instant on the trial clock (linear between its two nearest frames), so
// cameras started at different moments, or dropping a frame, still pair the same instant.

import {
  BLAZEPOSE_LANDMARKS,
  LANDMARK_COUNT,
  type LandmarkName,
  type PoseTrack2D,
} from '../../../shared/landmarks';
import type { TrajectorySet } from '../../gait/types';
import { doubtedPoseFrames } from '../../gait/doubted-pose';
import { trackPxToCameraPx, type CameraCalibration } from './camera-model';
import { triangulatePoint, type TriangulateOptions, type View2D } from './triangulation';
import { alignSidesAcrossViews, type CameraSamples } from './cross-view-sides';

export interface CalibratedTrack {
  /** The camera's calibration, fitted to this video's size. */
  camera: CameraCalibration;
  track: PoseTrack2D;
  /** Frame at video time t shows the instant the reference camera shows at t + startOffsetS. */
  startOffsetS: number;
}

export interface CameraReprojection {
  camera: string;
  /** Median and 90th percentile distance between the camera's landmarks and the 3D points reprojected, px. */
  medianErrorPx: number;
  p90ErrorPx: number;
  /**
   * Of the triangulated points this camera saw (a landmark at or above the weight limit), the share
   * it took part in: it was dropped as disagreeing for the rest. (Points it did not see, such as
   * frames where it lost the subject, do not count against it.)
   */
  usedShare: number;
}

export interface TriangulatedTrial {
  /** lab-z-up, metres; confidence = mean weight of the views a point was made from. */
  set: TrajectorySet;
  reprojection: CameraReprojection[];
  /** Share of (frame, landmark) samples seen by two or more cameras and triangulated. */
  triangulatedShare: number;
  /** (camera, frame, limb) samples whose left/right labels the other cameras overruled. */
  sideExchanges: number;
  /**
   * Per camera (as given), its own frames whose landmarks were not used: its pose model doubted a
   * person was in view there, in mid-walk (gait/doubted-pose.ts).
   */
  doubtedFrames: number[][];
}

export interface TriangulateTracksOptions extends TriangulateOptions {
  /** Landmarks to triangulate (default all 33). */
  landmarks?: readonly LandmarkName[];
  /** Index of the camera whose frames the result follows (default 0). */
  reference?: number;
  /** Awaited between slices of frames, to let the caller's event loop run. */
  pause?: () => Promise<void>;
}

/** About 25 ms of work with four cameras on the 2-core test machine. */
const FRAMES_PER_SLICE = 25;

/**
 * Position and weight (visibility x pose confidence) of one landmark of a track at video time `t`,
 * linear between its two nearest frames; weight 0 outside the track or across dropped frames.
 */
export function sampleAt(
  track: PoseTrack2D,
  landmark: number,
  t: number,
): { x: number; y: number; w: number } {
  const times = track.timeS;
  const n = track.frameCount;
  const none = { x: NaN, y: NaN, w: 0 };
  if (n === 0 || !Number.isFinite(t)) return none;
  const period = track.fps > 0 ? 1 / track.fps : 0;
  let lo = 0;
  let hi = n - 1;
  if (t < times[0]! - period / 2 || t > times[n - 1]! + period / 2) return none;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) lo = mid;
    else hi = mid;
  }
  const at = (f: number) => {
    const k = f * LANDMARK_COUNT + landmark;
    return { x: track.xPx[k]!, y: track.yPx[k]!, w: (track.visibility[k] ?? 0) * (track.confidence[f] ?? 0) };
  };
  const a = at(lo);
  if (lo === hi || t <= times[lo]!) return a;
  const b = at(hi);
  if (t >= times[hi]!) return b;
  const span = times[hi]! - times[lo]!;
  // A gap of dropped frames is not bridged: the nearer frame stands for the instant if close enough.
  if (!(span <= 1.5 * period)) {
    const near = t - times[lo]! <= times[hi]! - t ? a : b;
    return Math.min(t - times[lo]!, times[hi]! - t) <= period / 2 ? near : none;
  }
  const s = (t - times[lo]!) / span;
  if (!Number.isFinite(a.x) || !Number.isFinite(b.x)) return s < 0.5 ? a : b;
  return { x: a.x + s * (b.x - a.x), y: a.y + s * (b.y - a.y), w: Math.min(a.w, b.w) };
}

const quantile = (values: number[], q: number) => {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))]!;
};

/** Left/right groups whose labels are checked across views (as each camera's own track does). */
const SIDE_GROUPS: ReadonlyArray<readonly string[]> = [
  ['hip'],
  ['knee'],
  ['ankle', 'heel', 'foot_index'],
  ['shoulder'],
  ['elbow'],
  ['wrist', 'pinky', 'index', 'thumb'],
];

export async function triangulateTracks(
  cameras: readonly CalibratedTrack[],
  options: TriangulateTracksOptions = {},
): Promise<TriangulatedTrial> {
  if (cameras.length < 2) throw new Error('Triangulation needs two or more calibrated cameras.');
  const refIndex = options.reference ?? 0;
  const ref = cameras[refIndex]!;
  const n = ref.track.frameCount;
  const names = options.landmarks ?? BLAZEPOSE_LANDMARKS;
  const index = names.map((name) => BLAZEPOSE_LANDMARKS.indexOf(name));
  // A camera's frames its model doubted hold guessed landmarks, which two cameras alone would
  // triangulate as they are: they weigh nothing, and the other cameras place the points there.
  // So do its frames whose picture the video's decoder patched, the file being damaged there.
  const doubtedFrames = cameras.map((c) =>
    doubtedPoseFrames(c.track.confidence, c.track.fps, c.track.damagedPicture?.perFrame),
  );
  const tracks = cameras.map((c, i) => {
    const damaged = c.track.damagedPicture?.perFrame;
    if (doubtedFrames[i]!.length === 0 && !damaged) return c.track;
    const confidence = Float32Array.from(c.track.confidence);
    for (const f of doubtedFrames[i]!) confidence[f] = 0;
    damaged?.forEach((v, f) => {
      if (v) confidence[f] = 0;
    });
    return { ...c.track, confidence };
  });
  // Every camera read at the reference frames' instants on the trial clock, in calibration pixels.
  const samples: CameraSamples[] = cameras.map((c, i) => {
    const out: CameraSamples = { camera: c.camera, u: [], v: [], w: [] };
    for (let f = 0; f < n; f++) {
      const t = ref.track.timeS[f]! + ref.startOffsetS - c.startOffsetS;
      const u = new Float64Array(names.length);
      const v = new Float64Array(names.length);
      const w = new Float64Array(names.length);
      index.forEach((l, k) => {
        const s = sampleAt(tracks[i]!, l, t);
        [u[k], v[k]] = trackPxToCameraPx(s.x, s.y);
        w[k] = s.w;
      });
      out.u.push(u);
      out.v.push(v);
      out.w.push(w);
    }
    return out;
  });
  const groups = SIDE_GROUPS.map((parts) =>
    parts.flatMap((part) => {
      const l = names.indexOf(`left_${part}` as LandmarkName);
      const r = names.indexOf(`right_${part}` as LandmarkName);
      return l >= 0 && r >= 0 ? [[l, r] as const] : [];
    }),
  ).filter((g) => g.length > 0);

  const errors = cameras.map(() => [] as number[]);
  const used = cameras.map(() => 0);
  const seen = cameras.map(() => 0);
  const minWeight = options.minWeight ?? 0.3;
  let triangulated = 0;
  let sideExchanges = 0;
  const out = names.map(() => ({
    x: new Float64Array(n).fill(NaN),
    y: new Float64Array(n).fill(NaN),
    z: new Float64Array(n).fill(NaN),
    confidence: new Float64Array(n),
  }));
  // A few frames at a time, letting the caller's event loop run in between (`pause`): a long
  // trial takes seconds, and the lab's services must keep answering meanwhile.
  for (let start = 0; start < n; start += FRAMES_PER_SLICE) {
    const end = Math.min(n, start + FRAMES_PER_SLICE);
    sideExchanges += alignSidesAcrossViews(samples, groups, options, [start, end]);
    for (let f = start; f < end; f++)
      names.forEach((_, k) => {
        const views: View2D[] = samples.map((s) => ({
          camera: s.camera,
          u: s.u[f]![k]!,
          v: s.v[f]![k]!,
          weight: s.w[f]![k]!,
        }));
        const p = triangulatePoint(views, options);
        if (!Number.isFinite(p.pointM[0])) return;
        triangulated++;
        const o = out[k]!;
        [o.x[f], o.y[f], o.z[f]] = p.pointM;
        o.confidence[f] = p.used.reduce((sum, i) => sum + views[i]!.weight, 0) / p.used.length;
        p.used.forEach((i) => (used[i] = used[i]! + 1));
        views.forEach((v, i) => {
          if (Number.isFinite(v.u) && Number.isFinite(v.v) && v.weight >= minWeight) seen[i] = seen[i]! + 1;
        });
        p.reprojectionErrorPx.forEach((e, i) => {
          if (Number.isFinite(e)) errors[i]!.push(e);
        });
      });
    await options.pause?.();
  }
  const trajectories: TrajectorySet['trajectories'] = Object.fromEntries(
    names.map((name, k) => [name, out[k]!]),
  );
  return {
    set: {
      rateHz: ref.track.fps,
      frameCount: n,
      convention: 'lab-z-up',
      unit: 'm',
      source: 'pose-model',
      trajectories,
      startTimeS: (ref.track.timeS[0] ?? 0) + ref.startOffsetS,
    },
    reprojection: cameras.map((c, i) => ({
      camera: c.camera.name,
      medianErrorPx: quantile(errors[i]!, 0.5),
      p90ErrorPx: quantile(errors[i]!, 0.9),
      usedShare: seen[i] ? used[i]! / seen[i]! : 0,
    })),
    triangulatedShare: n * names.length ? triangulated / (n * names.length) : 0,
    sideExchanges,
    doubtedFrames,
  };
}
