// A patient small in a wide shot is a few dozen pixels of the review's video: too small to see
// whether the skeleton is on the feet. Following the patient shows the part of the picture around
// them, enlarged, its centre moving with them (smoothed over a second, so the view glides rather
// than shakes with the landmarks) and held where they were last seen when they are not tracked.
import type { PoseTrackView } from './api/analysis-types';
import { LANDMARK_COUNT } from './landmarks';

export interface FollowView {
  /** How many times the picture is enlarged. */
  zoom: number;
  /** Top-left corner of the part of the picture shown, per frame, in the video's pixels. */
  x0Px: Float64Array;
  y0Px: Float64Array;
}

/** The patient's body (shoulders to feet) fills this share of the picture's height when followed. */
const BODY_FILL = 0.6;
const MAX_ZOOM = 4;
/** Below this enlargement following is not offered: the patient already fills the picture. */
export const MIN_FOLLOW_ZOOM = 1.25;
/** From this enlargement on (the patient under about a quarter of the picture tall) review starts following. */
export const FOLLOW_BY_DEFAULT_ZOOM = 2.5;
/** Landmarks from the shoulders down: the face is too small to bound anything at gait scale. */
const FIRST_BODY_LANDMARK = 11;
const MIN_VISIBLE = 0.5;

/** The view that follows the patient through `pose`, or null when nobody was tracked. */
export function followView(pose: PoseTrackView): FollowView | null {
  const n = pose.frameCount;
  const cx = new Float64Array(n).fill(NaN);
  const cy = new Float64Array(n).fill(NaN);
  const heights: number[] = [];
  for (let f = 0; f < n; f++) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let l = FIRST_BODY_LANDMARK; l < LANDMARK_COUNT; l++) {
      const i = f * LANDMARK_COUNT + l;
      const x = pose.xPx[i];
      const y = pose.yPx[i];
      if (x == null || y == null || (pose.visibility[i] ?? 0) < MIN_VISIBLE) continue;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
    if (!(x1 > x0 && y1 > y0)) continue;
    cx[f] = (x0 + x1) / 2;
    cy[f] = (y0 + y1) / 2;
    heights.push(y1 - y0);
  }
  if (heights.length === 0) return null;
  heights.sort((a, b) => a - b);
  const bodyPx = heights[heights.length >> 1]!;
  const zoom = Math.min(MAX_ZOOM, Math.max(1, (BODY_FILL * pose.heightPx) / bodyPx));
  const half = Math.max(1, Math.round(pose.fps / 2));
  const window = (centre: Float64Array, sizePx: number): Float64Array => {
    const smooth = held(meanAround(centre, half));
    const shown = sizePx / zoom;
    return smooth.map((c) => Math.min(sizePx - shown, Math.max(0, c - shown / 2)));
  };
  return { zoom, x0Px: window(cx, pose.widthPx), y0Px: window(cy, pose.heightPx) };
}

/** Mean of the finite values within `half` frames of each frame (NaN where there are none). */
function meanAround(values: Float64Array, half: number): Float64Array {
  const out = new Float64Array(values.length).fill(NaN);
  for (let f = 0; f < values.length; f++) {
    let sum = 0;
    let count = 0;
    for (let g = Math.max(0, f - half); g <= Math.min(values.length - 1, f + half); g++) {
      if (!Number.isFinite(values[g]!)) continue;
      sum += values[g]!;
      count++;
    }
    if (count > 0) out[f] = sum / count;
  }
  return out;
}

/** Each missing value replaced by the nearest known one (the earlier on a tie). */
function held(values: Float64Array): Float64Array {
  const n = values.length;
  const before = new Int32Array(n).fill(-1);
  const after = new Int32Array(n).fill(-1);
  for (let f = 0, last = -1; f < n; f++) before[f] = last = Number.isFinite(values[f]!) ? f : last;
  for (let f = n - 1, next = -1; f >= 0; f--) after[f] = next = Number.isFinite(values[f]!) ? f : next;
  return values.map((v, f) => {
    const [b, a] = [before[f]!, after[f]!];
    if (b === f || (b < 0 && a < 0)) return v;
    return values[b < 0 || (a >= 0 && a - f < f - b) ? a : b]!;
  });
}
