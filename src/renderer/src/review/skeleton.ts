// Draws one frame of the pose track over the video. Left red, right green, midline grey; landmarks
// the model was unsure of are drawn hollow so nobody mistakes a guess for a measurement.
import type { PoseTrackView } from '../../../shared/api/analysis-types';
import {
  BLAZEPOSE_LANDMARKS,
  LANDMARK_COUNT,
  SKELETON_EDGES,
  landmarkIndex,
} from '../../../shared/landmarks';
import { SIDE_COLOUR } from './labels';

const MIDLINE = '#f2f2f2';
const MIN_VISIBLE = 0.5;
// The face is noise at gait scale: draw only the nose as the head.
const DRAWN = new Set<number>([0, ...Array.from({ length: LANDMARK_COUNT - 11 }, (_, i) => i + 11)]);

function colourOf(name: string): string {
  if (name.startsWith('left_')) return SIDE_COLOUR.left;
  if (name.startsWith('right_')) return SIDE_COLOUR.right;
  return MIDLINE;
}

const EDGES = SKELETON_EDGES.map(([a, b]) => {
  const colour = colourOf(a) === colourOf(b) ? colourOf(a) : MIDLINE;
  return { a: landmarkIndex(a), b: landmarkIndex(b), colour };
});

/**
 * `scale`: canvas pixels per video pixel; `originPx`: the video pixel drawn at the canvas' top-left
 * corner (the corner of the part of the picture shown when review follows the patient).
 */
export function drawSkeleton(
  ctx: CanvasRenderingContext2D,
  pose: PoseTrackView,
  frame: number,
  scale: number,
  originPx: readonly [number, number] = [0, 0],
): void {
  if (frame < 0 || frame >= pose.frameCount) return;
  const base = frame * LANDMARK_COUNT;
  const at = (l: number): [number, number, number] | null => {
    const x = pose.xPx[base + l];
    const y = pose.yPx[base + l];
    if (x === null || x === undefined || y === null || y === undefined) return null;
    return [(x - originPx[0]) * scale, (y - originPx[1]) * scale, pose.visibility[base + l] ?? 0];
  };
  const width = Math.max(2, Math.min(5, 3 * scale * (pose.widthPx / 900)));
  ctx.lineCap = 'round';
  // A dark outline under each bone keeps the colours readable on bright floors and dark clothes.
  for (const pass of ['outline', 'colour'] as const) {
    for (const e of EDGES) {
      const p = at(e.a);
      const q = at(e.b);
      if (!p || !q) continue;
      const confident = p[2] >= MIN_VISIBLE && q[2] >= MIN_VISIBLE;
      ctx.setLineDash(confident ? [] : [6, 5]);
      ctx.strokeStyle = pass === 'outline' ? 'rgba(0,0,0,0.65)' : e.colour;
      ctx.lineWidth = pass === 'outline' ? width + 2.5 : width;
      ctx.beginPath();
      ctx.moveTo(p[0], p[1]);
      ctx.lineTo(q[0], q[1]);
      ctx.stroke();
    }
  }
  ctx.setLineDash([]);
  for (const l of DRAWN) {
    const p = at(l);
    if (!p) continue;
    const name = BLAZEPOSE_LANDMARKS[l] ?? '';
    ctx.beginPath();
    ctx.arc(p[0], p[1], width * 1.1, 0, Math.PI * 2);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = 'rgba(0,0,0,0.75)';
    if (p[2] >= MIN_VISIBLE) {
      ctx.fillStyle = colourOf(name);
      ctx.fill();
    }
    ctx.stroke();
  }
}
