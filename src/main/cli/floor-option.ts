// The CLI's way to give the scale from two floor marks a known distance apart: the marks in video
// pixels as `x0,y0,x1,y1` (--floor) and the distance between them in metres (--floor-distance).
import type { FloorScaleChoice } from '../../shared/api/analysis-types';
import { validateFloorDistanceM } from '../gait/scaling';
import { UserError } from './command';

export function parseFloorScale(
  points: string | undefined,
  distance: string | undefined,
): FloorScaleChoice | undefined {
  if (points === undefined && distance === undefined) return undefined;
  if (points === undefined || distance === undefined)
    throw new UserError(
      'Give both --floor x0,y0,x1,y1 (two floor marks, video pixels) and --floor-distance METRES.',
    );
  const v = points.split(',').map(Number);
  if (v.length !== 4 || v.some((x) => !Number.isFinite(x)))
    throw new UserError(`--floor must be x0,y0,x1,y1 in video pixels, got "${points}"`);
  const [x0, y0, x1, y1] = v as [number, number, number, number];
  if (Math.hypot(x1 - x0, y1 - y0) < 20)
    throw new UserError(
      `--floor: the two marks are ${Math.hypot(x1 - x0, y1 - y0).toFixed(1)} px apart; mark the ends of the known distance (at least 20 px apart).`,
    );
  const d = validateFloorDistanceM(Number(distance));
  if (!d.ok) throw new UserError(`--floor-distance: ${d.message}`);
  return { aPx: [x0, y0], bPx: [x1, y1], distanceM: d.distanceM };
}
