// Which way is up in 3D marker data. C3D files are usually Z-up and OpenSim's TRC files Y-up, but
// neither format says so for certain (a Vicon export rotated for OpenSim is Y-up in mm; some
// systems write Y-up C3D), and a wrong guess gives angles and events that look like numbers and
// mean nothing. The body says it: the pelvis stands above the feet.

import { DEFAULT_MARKER_MAP, pelvisCandidates, resolveName } from './marker-map';
import { median } from './peaks';
import type { CoordinateConvention, TrajectorySet } from './types';

type LabConvention = Extract<CoordinateConvention, 'lab-y-up' | 'lab-z-up'>;

/** The pelvis stands at least this far above the feet, metres (a small child's is about 0.45). */
const MIN_PELVIS_ABOVE_FEET_M = 0.25;
/** ... and at most this far (a tall adult's is about 1.1). */
const MAX_PELVIS_ABOVE_FEET_M = 1.6;

export interface BodyUp {
  /** The axis along which the pelvis stands above the feet. */
  up: LabConvention;
  /** How far (median over the frames), metres as the file's unit says. */
  pelvisAboveFeetM: number;
}

/**
 * Which axis is up in the file's data (the one along which the pelvis markers, or hips, stand
 * furthest above the feet markers) and how far above they stand. Undefined when no pelvis or no
 * foot marker is named as a known set, or the file holds no frame with both.
 */
export function pelvisAboveFeet(set: TrajectorySet): BodyUp | undefined {
  const find = (roles: ReadonlyArray<readonly string[]>) =>
    roles.map((r) => resolveName(set, r)?.trajectory).filter((t) => t !== undefined);
  const m = DEFAULT_MARKER_MAP;
  const pelvis = find(pelvisCandidates(m));
  const feet = find([m.left.heel, m.right.heel, m.left.toe, m.right.toe, m.left.ankle, m.right.ankle]);
  if (pelvis.length === 0 || feet.length === 0) return undefined;
  const metres = set.unit === 'mm' ? 0.001 : set.unit === 'm' ? 1 : NaN;
  const heightAlong = (axis: 'y' | 'z'): number => {
    const mean = (ts: typeof pelvis, i: number): number => {
      const v = ts.map((t) => Number(t[axis]?.[i])).filter(Number.isFinite);
      return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
    };
    const d: number[] = [];
    for (let i = 0; i < set.frameCount; i++) {
      const h = mean(pelvis, i) - mean(feet, i);
      if (Number.isFinite(h)) d.push(h * metres);
    }
    return median(d);
  };
  const y = heightAlong('y');
  const z = heightAlong('z');
  const best = Math.max(Number.isFinite(y) ? y : -Infinity, Number.isFinite(z) ? z : -Infinity);
  if (!Number.isFinite(best)) return undefined;
  return { up: best === y ? 'lab-y-up' : 'lab-z-up', pelvisAboveFeetM: best };
}

/**
 * Which axis is up in the file's data: the one along which the pelvis markers (or hips) stand
 * well above the feet markers. Undefined when neither Y nor Z shows it (markers not named as a known
 * set, or a body lying down).
 */
export function upAxisOfBody(
  set: TrajectorySet,
  body: BodyUp | undefined = pelvisAboveFeet(set),
): LabConvention | undefined {
  return body && body.pelvisAboveFeetM >= MIN_PELVIS_ABOVE_FEET_M ? body.up : undefined;
}

/** A length unit marker files are written in. */
export type MarkerUnit = 'mm' | 'cm' | 'm';

/** Metres in one of each unit. */
export const METRES_PER: Record<MarkerUnit, number> = { mm: 0.001, cm: 0.01, m: 1 };

/**
 * The unit the coordinates look like when the file's own is not plausible for a person: the pelvis
 * 0.9 "mm" above the feet is metres written as mm, 900 "m" is millimetres written as m, 90 "mm" is
 * centimetres. Undefined when the declared unit fits (or no other does).
 */
export function likelyUnitOf(body: BodyUp, declared: MarkerUnit): MarkerUnit | undefined {
  const h = body.pelvisAboveFeetM;
  const fits = (m: number) => m >= MIN_PELVIS_ABOVE_FEET_M && m <= MAX_PELVIS_ABOVE_FEET_M;
  if (fits(h)) return undefined;
  const number = h / METRES_PER[declared];
  return (['mm', 'cm', 'm'] as const).find((u) => u !== declared && fits(number * METRES_PER[u]));
}

/** A person's pelvis height above the feet, metres, as a range for messages. */
export const PELVIS_ABOVE_FEET_RANGE_M = [MIN_PELVIS_ABOVE_FEET_M, MAX_PELVIS_ABOVE_FEET_M] as const;
