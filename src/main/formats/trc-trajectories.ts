// Bridges a parsed TRC file to the gait analysis input. OpenSim/OpenCap/Pose2Sim TRC files are
// Y-up; Motion Analysis exports are Z-up like C3D, so the caller may say which.

import type { CoordinateConvention, TrajectorySet } from '../gait/types';
import { inGaitUnits, markerUnitOf } from './marker-units';
import type { TrcFile } from './trc-reader';

/**
 * Markers as named trajectories (centimetres become millimetres). Convention defaults to 'lab-y-up'
 * for data in metres (OpenSim family) and 'lab-z-up' otherwise (marker systems); pass it when known.
 */
export function trcToTrajectorySet(
  file: TrcFile,
  convention?: Extract<CoordinateConvention, 'lab-y-up' | 'lab-z-up'>,
): TrajectorySet {
  const unit = markerUnitOf(file.units);
  if (!unit) throw new Error(`TRC units "${file.units}" are not supported: expected mm, cm or m.`);
  return {
    rateHz: file.dataRateHz,
    frameCount: file.frameCount,
    convention: convention ?? (unit === 'm' ? 'lab-y-up' : 'lab-z-up'),
    ...inGaitUnits(unit, Object.fromEntries(file.markers.map((m) => [m.name, { x: m.x, y: m.y, z: m.z }]))),
    startTimeS: file.timeS[0] ?? 0,
  };
}
