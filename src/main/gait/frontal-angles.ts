// Frontal-plane angles from points expressed as (toward the subject's left, up). A frontal camera
// gives apparent (projected) angles; rotation of the limb changes them, so they are approximate.

import type { AngleSeries, AngleView } from './angles-types';
import type { Frontal2D } from './body-frame';
import type { Side } from './types';

const DEG = 180 / Math.PI;

/** Lateral inclination of segment a->b from the downward vertical, + when b is lateral (on `side`). */
export function lateralAngleDeg(a: Frontal2D, b: Frontal2D, i: number, side: Side): number {
  const lat = side === 'left' ? 1 : -1;
  return Math.atan2(lat * (b.left[i]! - a.left[i]!), a.up[i]! - b.up[i]!) * DEG;
}

export interface FrontalSideInput {
  side: Side;
  view: AngleView;
  hip?: Frontal2D;
  otherHip?: Frontal2D;
  knee?: Frontal2D;
  ankle?: Frontal2D;
}

export function frontalAngles(input: FrontalSideInput): AngleSeries[] {
  const { side, view, hip, otherHip, knee, ankle } = input;
  const out: AngleSeries[] = [];
  const n = hip?.left.length ?? 0;
  const lat = side === 'left' ? 1 : -1;
  let obliquity: Float64Array | undefined;
  if (hip && otherHip) {
    obliquity = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      obliquity[i] = Math.atan2(hip.up[i]! - otherHip.up[i]!, lat * (hip.left[i]! - otherHip.left[i]!)) * DEG;
    }
    out.push({
      variable: 'pelvic_obliquity',
      side,
      view,
      landmarks: [hip.name, otherHip.name],
      unit: 'deg',
      values: obliquity,
    });
  }
  if (hip && knee && obliquity) {
    // The thigh's neutral is perpendicular to the pelvis line: raising this side of the pelvis
    // adducts a vertical thigh.
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = lateralAngleDeg(hip, knee, i, side) - obliquity[i]!;
    out.push({
      variable: 'hip_abduction',
      side,
      view,
      landmarks: [hip.name, otherHip!.name, knee.name],
      unit: 'deg',
      values,
    });
  }
  if (hip && knee && ankle) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++)
      values[i] = lateralAngleDeg(hip, knee, i, side) - lateralAngleDeg(knee, ankle, i, side);
    out.push({
      variable: 'knee_varus',
      side,
      view,
      landmarks: [hip.name, knee.name, ankle.name],
      unit: 'deg',
      values,
    });
  }
  return out;
}
