// The CLI's way to give the scale from two floor marks a known distance apart: the marks in video
// pixels as `x0,y0,x1,y1` (--floor) and the distance between them in metres (--floor-distance).
import { floorMarksApartPx, MIN_FLOOR_MARKS_APART_PX } from '../../shared/floor-marks';
import type { FloorScaleChoice } from '../../shared/api/analysis-types';
import { validateFloorDistanceM } from '../gait/scaling';
import { UserError } from './command';
import { numberOption } from './number-option';

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
  const apart = floorMarksApartPx([x0, y0], [x1, y1]);
  if (apart < MIN_FLOOR_MARKS_APART_PX)
    throw new UserError(
      `--floor: the two marks are ${apart.toFixed(1)} px apart; mark the ends of the known distance (at least ${MIN_FLOOR_MARKS_APART_PX} px apart).`,
    );
  const d = validateFloorDistanceM(
    numberOption('floor-distance', distance, 'the distance between the two marks in metres, e.g. 5'),
  );
  if (!d.ok) throw new UserError(`--floor-distance: ${d.message}`);
  return { aPx: [x0, y0], bPx: [x1, y1], distanceM: d.distanceM };
}
