// Fixed-size Float32 record per frame, the unit of the on-disk chunks. Missing values are NaN
// (visibility and presence 0), so a chunk is readable without any side table.
import type { Roi } from './decode/roi';
import type { FrameLandmarks } from './decode/landmarks';

export const POINTS = 33;
export const ALIGN_POINTS = 35;
export const RECORD = {
  score: 0,
  roi: 1, // centre x, centre y, size, rotation
  x: 5,
  y: 5 + ALIGN_POINTS,
  z: 5 + 2 * ALIGN_POINTS,
  visibility: 5 + 2 * ALIGN_POINTS + POINTS,
  presence: 5 + 2 * ALIGN_POINTS + 2 * POINTS,
  world: 5 + 2 * ALIGN_POINTS + 3 * POINTS,
  floats: 5 + 2 * ALIGN_POINTS + 3 * POINTS + 3 * POINTS,
} as const;
export const RECORD_BYTES = RECORD.floats * 4;

export function writeRecord(
  out: Float32Array,
  offset: number,
  lm: FrameLandmarks | undefined,
  roi: Roi | undefined,
): void {
  const r = out.subarray(offset, offset + RECORD.floats);
  r.fill(NaN);
  r.fill(0, RECORD.visibility, RECORD.visibility + 2 * POINTS);
  r[RECORD.score] = lm ? lm.score : 0;
  if (roi) r.set([roi.centerXPx, roi.centerYPx, roi.sizePx, roi.rotationRad], RECORD.roi);
  if (!lm) return;
  r.set(lm.xPx.subarray(0, ALIGN_POINTS), RECORD.x);
  r.set(lm.yPx.subarray(0, ALIGN_POINTS), RECORD.y);
  r.set(lm.zPx.subarray(0, POINTS), RECORD.z);
  r.set(lm.visibility, RECORD.visibility);
  r.set(lm.presence, RECORD.presence);
  r.set(lm.world.subarray(0, 3 * POINTS), RECORD.world);
}

export function readRecord(
  src: Float32Array,
  offset: number,
): { lm: FrameLandmarks | undefined; roi: Roi | undefined } {
  const r = src.subarray(offset, offset + RECORD.floats);
  const roi = Number.isFinite(r[RECORD.roi]!)
    ? {
        centerXPx: r[RECORD.roi]!,
        centerYPx: r[RECORD.roi + 1]!,
        sizePx: r[RECORD.roi + 2]!,
        rotationRad: r[RECORD.roi + 3]!,
      }
    : undefined;
  if (!Number.isFinite(r[RECORD.x]!)) return { lm: undefined, roi };
  return {
    roi,
    lm: {
      xPx: r.slice(RECORD.x, RECORD.x + ALIGN_POINTS),
      yPx: r.slice(RECORD.y, RECORD.y + ALIGN_POINTS),
      zPx: r.slice(RECORD.z, RECORD.z + POINTS),
      visibility: r.slice(RECORD.visibility, RECORD.visibility + POINTS),
      presence: r.slice(RECORD.presence, RECORD.presence + POINTS),
      world: r.slice(RECORD.world, RECORD.world + 3 * POINTS),
      score: r[RECORD.score]!,
    },
  };
}
