// How far one skeleton drawn on a video lies from another on the same frames: hips to toes
// (landmarks 23-32), every frame both have, in video pixels.
import type { PoseTrackView } from '../../src/shared/api/analysis-types';

export function hipsToToesDistancesPx(a: PoseTrackView, b: PoseTrackView): number[] {
  const d: number[] = [];
  for (let f = 0; f < Math.min(a.frameCount, b.frameCount); f++)
    for (let l = 23; l <= 32; l++) {
      const k = f * 33 + l;
      const [ax, ay, bx, by] = [a.xPx[k], a.yPx[k], b.xPx[k], b.yPx[k]];
      if (ax != null && ay != null && bx != null && by != null) d.push(Math.hypot(ax - bx, ay - by));
    }
  return d;
}

export const medianOf = (v: readonly number[]): number => [...v].sort((x, y) => x - y)[v.length >> 1]!;
