// Synchronisation checked by the landmarks themselves: two calibrated cameras that show the same
// instant see each joint on a pair of rays that meet; shown a few frames apart, a moving foot's rays
// miss each other by the distance it travelled. So each camera's start offset is refined to where
// its landmarks and the reference camera's agree best (smallest two-view reprojection error of the
// lower-limb landmarks), a clap or a flash marked a frame off, or a manual offset typed
// wrongly, is corrected, and the correction is said. A subject who hardly moves gives no answer:
// the offset stays as given, as it does when the error is lowest at the end of the range searched.

import { BLAZEPOSE_LANDMARKS } from '../../../shared/landmarks';
import { trackPxToCameraPx, projectPoint } from './camera-model';
import { dltPoint, type View2D } from './triangulation';
import { sampleAt, type CalibratedTrack } from './triangulate-tracks';

export interface SyncCheck {
  /** Index of the camera in the input. */
  camera: number;
  givenOffsetS: number;
  /** The offset used: where its landmarks agree best with the reference camera's, or the given one. */
  offsetS: number;
  /** Where they agree best, moved to or not. */
  bestOffsetS: number;
  /** Two-view reprojection error (mean of the best 80 %) at the given and the chosen offset, px. */
  errorAtGivenPx: number;
  errorAtChosenPx: number;
  moved: boolean;
}

export interface SyncOptions {
  /** Search this far either side of the given offset, s (default 0.5). */
  searchS?: number;
  /** Move only when the error falls by this share (default 0.2) and by MIN_GAIN_PX. */
  minImprovement?: number;
  /** Awaited every few offsets tried, to let the caller's event loop run. */
  pause?: () => Promise<void>;
}

const MIN_GAIN_PX = 2;
const MIN_WEIGHT = 0.5;
const LOWER_LIMB = ['knee', 'ankle', 'heel', 'foot_index'].flatMap((p) =>
  ['left', 'right'].map((s) => BLAZEPOSE_LANDMARKS.indexOf(`${s}_${p}` as never)),
);
/** At most this many reference frames are compared (evenly spread): enough for a median. */
const MAX_FRAMES = 150;

/** Two-view reprojection error of the moving landmarks with `other` shifted by `offsetS` (trimmed mean). */
function pairError(
  ref: CalibratedTrack,
  other: CalibratedTrack,
  offsetS: number,
  frames: readonly number[],
): number {
  const errors: number[] = [];
  for (const f of frames) {
    const tRef = ref.track.timeS[f]!;
    const tOther = tRef + ref.startOffsetS - offsetS;
    for (const l of LOWER_LIMB) {
      const a = sampleAt(ref.track, l, tRef);
      const b = sampleAt(other.track, l, tOther);
      if (!(a.w >= MIN_WEIGHT) || !(b.w >= MIN_WEIGHT)) continue;
      const views: View2D[] = [
        { camera: ref.camera, ...uv(a), weight: 1 },
        { camera: other.camera, ...uv(b), weight: 1 },
      ];
      const p = dltPoint(views, [0, 1]);
      if (!Number.isFinite(p[0])) continue;
      const e = views.map((v) => {
        const [u, w] = projectPoint(v.camera, p);
        return Math.hypot(u - v.u, w - v.v);
      });
      errors.push((e[0]! + e[1]!) / 2);
    }
  }
  if (errors.length < 20) return NaN;
  // The mean of the best 80 %: a median would stay flat while a foot is on the ground (still in both
  // views whatever the shift) for over half the cycle, and the worst fifth are the model's misses.
  errors.sort((x, y) => x - y);
  const kept = errors.slice(0, Math.ceil(0.8 * errors.length));
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}

function uv(p: { x: number; y: number }): { u: number; v: number } {
  const [u, v] = trackPxToCameraPx(p.x, p.y);
  return { u, v };
}

/**
 * Checks every camera's start offset against the first camera's (the reference) and returns where
 * each agrees best. Offsets as in CalibratedTrack (frame at video time t shows the reference's
 * instant t + startOffsetS).
 */
export async function checkSync(
  cameras: readonly CalibratedTrack[],
  options: SyncOptions = {},
): Promise<SyncCheck[]> {
  const ref = cameras[0]!;
  const n = ref.track.frameCount;
  const step = Math.max(1, Math.ceil(n / MAX_FRAMES));
  const frames = Array.from({ length: Math.ceil(n / step) }, (_, k) => k * step);
  const period = 1 / (ref.track.fps || 30);
  const search = options.searchS ?? 0.5;
  const minImprovement = options.minImprovement ?? 0.2;
  const checks: SyncCheck[] = [];
  for (const [i, other] of cameras.slice(1).entries()) {
    const given = other.startOffsetS;
    const errorAt = (offset: number) => pairError(ref, other, offset, frames);
    const atGiven = errorAt(given);
    // Whole frames first, then a tenth of a frame around the best.
    let best = { offset: given, error: atGiven };
    for (let k = -Math.round(search / period); k <= Math.round(search / period); k++) {
      const e = errorAt(given + k * period);
      if (Number.isFinite(e) && !(e >= best.error)) best = { offset: given + k * period, error: e };
      if (k % 5 === 0) await options.pause?.();
    }
    const coarse = best.offset;
    // Lowest at the end of the range searched is no minimum found: a subject standing still gives
    // an error that only drifts with the shift (seen: +515 ms "found" for a woman standing by).
    const steps = Math.round(search / period);
    const atEdge = Math.abs(coarse - given) >= (steps - 1) * period;
    for (let k = -9; k <= 9; k++) {
      const e = errorAt(coarse + (k * period) / 10);
      if (Number.isFinite(e) && e < best.error) best = { offset: coarse + (k * period) / 10, error: e };
    }
    const moved =
      Number.isFinite(atGiven) &&
      !atEdge &&
      Math.abs(best.offset - given) >= period / 4 &&
      best.error <= (1 - minImprovement) * atGiven &&
      atGiven - best.error >= MIN_GAIN_PX;
    checks.push({
      camera: i + 1,
      givenOffsetS: given,
      offsetS: moved ? best.offset : given,
      bestOffsetS: best.offset,
      errorAtGivenPx: atGiven,
      errorAtChosenPx: moved ? best.error : atGiven,
      moved,
    });
  }
  return checks;
}
