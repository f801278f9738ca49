// The length unit a marker file names (C3D POINT:UNITS, a TRC's Units column). Motion-capture
// systems write millimetres, OpenSim metres; some older exports and lab scripts write centimetres,
// which the gait code receives as millimetres so that one scale serves every file.

import type { TrajectorySet } from '../gait/types';
import type { MarkerUnit } from '../gait/vertical-axis';

const NAMES: Record<string, MarkerUnit> = {
  mm: 'mm',
  millimeter: 'mm',
  millimeters: 'mm',
  millimetre: 'mm',
  millimetres: 'mm',
  cm: 'cm',
  centimeter: 'cm',
  centimeters: 'cm',
  centimetre: 'cm',
  centimetres: 'cm',
  m: 'm',
  meter: 'm',
  meters: 'm',
  metre: 'm',
  metres: 'm',
};

/** The unit a file's label names, or undefined for one GaitLab does not read (inches, pixels...). */
export function markerUnitOf(label: string): MarkerUnit | undefined {
  return NAMES[label.trim().toLowerCase()];
}

/** Coordinates in `unit` as the gait code takes them: centimetres become millimetres. */
export function inGaitUnits(
  unit: MarkerUnit,
  trajectories: TrajectorySet['trajectories'],
): { unit: 'mm' | 'm'; trajectories: TrajectorySet['trajectories'] } {
  if (unit !== 'cm') return { unit, trajectories };
  const times10 = (a: ArrayLike<number>): number[] => Array.from(a, (v) => v * 10);
  const scaled: TrajectorySet['trajectories'] = {};
  for (const [name, t] of Object.entries(trajectories))
    scaled[name] = { ...t, x: times10(t.x), y: times10(t.y), ...(t.z ? { z: times10(t.z) } : {}) };
  return { unit: 'mm', trajectories: scaled };
}
