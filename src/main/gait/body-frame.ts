// Where "forward", "up" and "the subject's left" point, for each coordinate convention. Sagittal
// angles and Zeni events are computed in (forward, up) coordinates, so walking to the left or the
// right of a side camera (or along -X in a lab) gives the same signs.

import type { PointSeries } from './preprocess';
import type { CoordinateConvention } from './types';

export type Vec3 = readonly [number, number, number];

export interface GroundAxes {
  /** Unit horizontal axis along which the subject progresses (sign: +1 pass direction). */
  progression: Vec3;
  /** Unit vertical axis, pointing up. */
  up: Vec3;
  /** up x progression: the subject's left when walking toward +progression. */
  left: Vec3;
}

const dot = (a: Vec3, x: number, y: number, z: number) => a[0] * x + a[1] * y + a[2] * z;

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function upAxis(convention: CoordinateConvention): Vec3 {
  if (convention === 'image-y-down') return [0, -1, 0];
  if (convention === 'lab-z-up') return [0, 0, 1];
  return [0, 1, 0];
}

/**
 * Progression axis: the image x axis for a camera; in 3D the principal horizontal direction of the
 * given points (pelvis path overground; heel-to-toe vectors on a treadmill).
 */
export function groundAxes(convention: CoordinateConvention, directionSamples?: PointSeries): GroundAxes {
  const up = upAxis(convention);
  let progression: Vec3 = [1, 0, 0];
  if (convention !== 'image-y-down' && directionSamples) {
    // 2x2 covariance of the horizontal coordinates; its main eigenvector is the walking line.
    const [ia, ib] = convention === 'lab-z-up' ? [0, 1] : [0, 2];
    const comps = [directionSamples.x, directionSamples.y, directionSamples.z];
    const a = comps[ia]!;
    const b = comps[ib]!;
    let ma = 0,
      mb = 0,
      k = 0;
    for (let i = 0; i < a.length; i++) {
      if (Number.isFinite(a[i]!) && Number.isFinite(b[i]!)) {
        ma += a[i]!;
        mb += b[i]!;
        k++;
      }
    }
    if (k > 2) {
      ma /= k;
      mb /= k;
      let saa = 0,
        sbb = 0,
        sab = 0;
      for (let i = 0; i < a.length; i++) {
        if (!Number.isFinite(a[i]!) || !Number.isFinite(b[i]!)) continue;
        const da = a[i]! - ma;
        const db = b[i]! - mb;
        saa += da * da;
        sbb += db * db;
        sab += da * db;
      }
      const theta = 0.5 * Math.atan2(2 * sab, saa - sbb);
      let ca = Math.cos(theta);
      let cb = Math.sin(theta);
      // Prefer the positive sense of the dominant lab axis so directions read naturally.
      if ((Math.abs(ca) >= Math.abs(cb) ? ca : cb) < 0) {
        ca = -ca;
        cb = -cb;
      }
      const v: [number, number, number] = [0, 0, 0];
      v[ia] = ca;
      v[ib] = cb;
      progression = v;
    }
  }
  return { progression, up, left: cross(up, progression) };
}

export function project(p: PointSeries, axis: Vec3): Float64Array {
  const out = new Float64Array(p.x.length);
  for (let i = 0; i < out.length; i++) out[i] = dot(axis, p.x[i]!, p.y[i]!, p.z[i]!);
  return out;
}

/** Sagittal coordinates of a point: forward (direction of travel per frame) and up. */
export interface Sagittal2D {
  name: string;
  forward: Float64Array;
  up: Float64Array;
}

/** Frontal-plane coordinates: toward the subject's left, and up. */
export interface Frontal2D {
  name: string;
  left: Float64Array;
  up: Float64Array;
}

export function toSagittal(p: PointSeries, axes: GroundAxes, direction: Int8Array): Sagittal2D {
  const f = project(p, axes.progression);
  for (let i = 0; i < f.length; i++) f[i] = f[i]! * (direction[i] || 1);
  return { name: p.name, forward: f, up: project(p, axes.up) };
}

export function toFrontal(p: PointSeries, axes: GroundAxes, direction: Int8Array): Frontal2D {
  const l = project(p, axes.left);
  for (let i = 0; i < l.length; i++) l[i] = l[i]! * (direction[i] || 1);
  return { name: p.name, left: l, up: project(p, axes.up) };
}
