// Pose-engine output (PoseTrack2D: flat frame-major arrays, pixels, y down) as named trajectories,
// with per-sample confidence = landmark visibility x whole-pose confidence.

import { BLAZEPOSE_LANDMARKS, LANDMARK_COUNT, type PoseTrack2D } from '../../shared/landmarks';
import { damagedPictureOf } from './damaged-picture';
import type { TrajectorySet } from './types';

export function poseTrackToTrajectorySet(track: PoseTrack2D): TrajectorySet {
  const n = track.frameCount;
  const trajectories: TrajectorySet['trajectories'] = {};
  BLAZEPOSE_LANDMARKS.forEach((name, l) => {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const confidence = new Float64Array(n);
    for (let f = 0; f < n; f++) {
      const k = f * LANDMARK_COUNT + l;
      const c = (track.visibility[k] ?? 0) * (track.confidence[f] ?? 0);
      x[f] = track.xPx[k] ?? NaN;
      y[f] = track.yPx[k] ?? NaN;
      confidence[f] = Number.isFinite(x[f]!) && Number.isFinite(y[f]!) ? c : 0;
    }
    trajectories[name] = { x, y, confidence };
  });
  return {
    rateHz: track.fps,
    frameCount: n,
    convention: 'image-y-down',
    unit: 'px',
    trajectories,
    startTimeS: track.timeS[0] ?? 0,
    imageSizePx: { widthPx: track.widthPx, heightPx: track.heightPx },
    source: 'pose-model',
    poseConfidence: Float64Array.from({ length: n }, (_, f) => track.confidence[f] ?? 0),
    ...(track.damagedPicture ? { damagedPicture: damagedPictureOf(track) } : {}),
  };
}
