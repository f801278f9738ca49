// Where the feet land in one camera's picture: the floor line a rolled camera tilts, and the points
// a calibration measures metres on.

import type { GaitEvent, Side, Trajectory } from './types';

export interface ContactPointPx {
  xPx: number;
  yPx: number;
}

/**
 * At each initial contact, the lower in the picture of heel and toe (the part of the foot on the
 * floor), in the trajectories' pixels; contacts without a position are left out.
 */
export function contactPointsPx(
  events: readonly GaitEvent[],
  feet: Record<Side, { heel: Trajectory; toe: Trajectory }>,
): ContactPointPx[] {
  const out: ContactPointPx[] = [];
  for (const e of events) {
    if (e.kind !== 'initial-contact') continue;
    const { heel, toe } = feet[e.side];
    const f = Math.max(0, Math.min(heel.x.length - 1, Math.round(e.frame)));
    const low = !Number.isFinite(toe.y[f]!) || heel.y[f]! >= toe.y[f]! ? heel : toe;
    const p = { xPx: low.x[f]!, yPx: low.y[f]! };
    if (Number.isFinite(p.xPx) && Number.isFinite(p.yPx)) out.push(p);
  }
  return out;
}
