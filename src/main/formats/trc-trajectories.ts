// Bridges a parsed TRC file to the gait analysis input. OpenSim/OpenCap/Pose2Sim TRC files are
// Y-up; Motion Analysis exports are Z-up like C3D, so the caller may say which.

import type { CoordinateConvention, LengthUnit, TrajectorySet } from '../gait/types';
import type { TrcFile } from './trc-reader';

function unitOf(u: string): LengthUnit | undefined {
  const s = u.trim().toLowerCase();
  return s === 'm' ? 'm' : s === 'mm' ? 'mm' : undefined;
}

/**
 * Markers as named trajectories. Convention defaults to 'lab-y-up' for data in metres (OpenSim
 * family) and 'lab-z-up' for millimetres (marker systems); pass it when known.
 */
export function trcToTrajectorySet(
  file: TrcFile,
  convention?: Extract<CoordinateConvention, 'lab-y-up' | 'lab-z-up'>,
): TrajectorySet {
  const unit = unitOf(file.units);
  if (!unit) throw new Error(`TRC units "${file.units}" are not supported: expected m or mm.`);
  return {
    rateHz: file.dataRateHz,
    frameCount: file.frameCount,
    convention: convention ?? (unit === 'm' ? 'lab-y-up' : 'lab-z-up'),
    unit,
    trajectories: Object.fromEntries(file.markers.map((m) => [m.name, { x: m.x, y: m.y, z: m.z }])),
    startTimeS: file.timeS[0] ?? 0,
  };
}
