// Decodes BlazePose GHUM landmark outputs into frame pixels.
import { cropToFrame, roiFromAlignment, type Roi } from './roi';

/** ld_3d rows: 33 body landmarks + 2 alignment points (hip centre, enclosing-circle point) + 4 unused. */
export const MODEL_POINTS = 39;
export const BODY_POINTS = 33;
const HIP_CENTRE = 33;
const CIRCLE_POINT = 34;

export interface FrameLandmarks {
  /** 35 points (33 body + 2 alignment), frame pixels. */
  xPx: Float32Array;
  yPx: Float32Array;
  /** Depth relative to the hips, in the same pixel scale as x. */
  zPx: Float32Array;
  /** 33 values 0..1. */
  visibility: Float32Array;
  presence: Float32Array;
  /** 33 x 3 metres, hip-centred (x right, y down, z towards the camera negative). */
  world: Float32Array;
  /** Pose presence 0..1 from the model's pose flag. */
  score: number;
}

export const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

/**
 * MediaPipe's heatmap refinement: the regression output is coarse (one crop pixel is several
 * frame pixels for a tall person), so each landmark moves to the confidence-weighted centre of a
 * 7 x 7 window of its heatmap channel when that window holds a confident peak. Edits ld3d in place.
 */
export function refineWithHeatmap(
  ld3d: Float32Array,
  heatmap: Float32Array,
  inputPx: number,
  heatmapPx = 64,
  kernel = 7,
  minConfidence = 0.5,
): void {
  const channels = MODEL_POINTS;
  const half = (kernel - 1) >> 1;
  for (let i = 0; i < channels; i++) {
    const col = Math.floor((ld3d[i * 5]! / inputPx) * heatmapPx);
    const row = Math.floor((ld3d[i * 5 + 1]! / inputPx) * heatmapPx);
    if (col < 0 || row < 0 || col >= heatmapPx || row >= heatmapPx) continue;
    let sum = 0;
    let max = 0;
    let wc = 0;
    let wr = 0;
    for (let r = Math.max(0, row - half); r <= Math.min(heatmapPx - 1, row + half); r++) {
      for (let c = Math.max(0, col - half); c <= Math.min(heatmapPx - 1, col + half); c++) {
        const conf = sigmoid(heatmap[(r * heatmapPx + c) * channels + i]!);
        sum += conf;
        if (conf > max) max = conf;
        wc += c * conf;
        wr += r * conf;
      }
    }
    if (max >= minConfidence && sum > 0) {
      ld3d[i * 5] = ((wc / sum + 0.5) / heatmapPx) * inputPx;
      ld3d[i * 5 + 1] = ((wr / sum + 0.5) / heatmapPx) * inputPx;
    }
  }
}

export function decodeLandmarks(
  ld3d: Float32Array,
  world3d: Float32Array,
  poseFlag: number,
  roi: Roi,
  inputPx: number,
): FrameLandmarks {
  const n = BODY_POINTS + 2;
  const xPx = new Float32Array(n);
  const yPx = new Float32Array(n);
  const zPx = new Float32Array(n);
  const visibility = new Float32Array(BODY_POINTS);
  const presence = new Float32Array(BODY_POINTS);
  const zScale = roi.sizePx / inputPx;
  for (let i = 0; i < n; i++) {
    const [x, y] = cropToFrame(roi, inputPx, ld3d[i * 5]!, ld3d[i * 5 + 1]!);
    xPx[i] = x;
    yPx[i] = y;
    zPx[i] = ld3d[i * 5 + 2]! * zScale;
    if (i < BODY_POINTS) {
      visibility[i] = sigmoid(ld3d[i * 5 + 3]!);
      presence[i] = sigmoid(ld3d[i * 5 + 4]!);
    }
  }
  const world = world3d.slice(0, BODY_POINTS * 3);
  return { xPx, yPx, zPx, visibility, presence, world, score: poseFlag };
}

/** Where to crop the next frame: from this frame's alignment points (MediaPipe's tracking loop). */
export function roiFromLandmarks(lm: FrameLandmarks): Roi {
  return roiFromAlignment(
    lm.xPx[HIP_CENTRE]!,
    lm.yPx[HIP_CENTRE]!,
    lm.xPx[CIRCLE_POINT]!,
    lm.yPx[CIRCLE_POINT]!,
  );
}
