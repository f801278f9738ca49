// Sagittal joint angles from points already expressed in (forward, up) coordinates, so the same
// formulas hold whichever way the subject walks past the camera. Segment angles are measured from
// the downward vertical, positive when the distal end is forward.

import type { AngleSeries, AngleView } from './angles-types';
import type { Sagittal2D } from './body-frame';
import type { Side } from './types';

const DEG = 180 / Math.PI;

/** Angle of segment a->b from the downward vertical, degrees, + when b is forward of a. */
export function segmentFromVerticalDeg(a: Sagittal2D, b: Sagittal2D, i: number): number {
  return Math.atan2(b.forward[i]! - a.forward[i]!, a.up[i]! - b.up[i]!) * DEG;
}

/** Wraps to (-180, 180] so differences of segment angles do not jump by 360. */
export function wrapDeg(a: number): number {
  let x = a % 360;
  if (x > 180) x -= 360;
  if (x <= -180) x += 360;
  return x;
}

function series(n: number, f: (i: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}

export interface SagittalSideInput {
  side: Side;
  view: AngleView;
  hip?: Sagittal2D;
  knee?: Sagittal2D;
  ankle?: Sagittal2D;
  heel?: Sagittal2D;
  toe?: Sagittal2D;
  /** Pelvis tilt (deg, anterior +) used as the thigh's reference; else the trunk, else vertical. */
  pelvisTilt?: AngleSeries;
  trunkTilt?: AngleSeries;
}

/** Knee flexion = thigh angle - shank angle: 0 when straight, + when the ankle trails the thigh line. */
export function kneeFlexionDeg(hip: Sagittal2D, knee: Sagittal2D, ankle: Sagittal2D, i: number): number {
  return wrapDeg(segmentFromVerticalDeg(hip, knee, i) - segmentFromVerticalDeg(knee, ankle, i));
}

/** Pelvic tilt from the ASIS and PSIS midpoints: + (anterior) when the ASIS are lower than the PSIS. */
export function pelvisTiltSeries(
  asis: Sagittal2D,
  psis: Sagittal2D,
  view: AngleView,
  side: Side,
): AngleSeries {
  const n = asis.forward.length;
  return {
    variable: 'pelvis_tilt',
    side,
    view,
    landmarks: [asis.name, psis.name],
    unit: 'deg',
    values: series(
      n,
      (i) => Math.atan2(psis.up[i]! - asis.up[i]!, asis.forward[i]! - psis.forward[i]!) * DEG,
    ),
  };
}

/** Trunk tilt: forward lean of the hip-centre -> shoulder-centre line from vertical. */
export function trunkTiltSeries(
  hipCentre: Sagittal2D,
  shoulderCentre: Sagittal2D,
  view: AngleView,
  side: Side,
): AngleSeries {
  const n = hipCentre.forward.length;
  return {
    variable: 'trunk_tilt',
    side,
    view,
    landmarks: [hipCentre.name, shoulderCentre.name],
    unit: 'deg',
    values: series(
      n,
      (i) =>
        Math.atan2(
          shoulderCentre.forward[i]! - hipCentre.forward[i]!,
          shoulderCentre.up[i]! - hipCentre.up[i]!,
        ) * DEG,
    ),
  };
}

export function sagittalAngles(input: SagittalSideInput): AngleSeries[] {
  const out: AngleSeries[] = [];
  const { side, view, hip, knee, ankle, heel, toe } = input;
  const n = (hip ?? knee ?? ankle ?? heel)?.forward.length ?? 0;
  if (hip && knee) {
    // Hip flexion is the thigh relative to the pelvis; a forward-tilted pelvis flexes the hip.
    const ref = input.pelvisTilt ?? input.trunkTilt;
    const refValues = ref?.values;
    out.push({
      variable: 'hip_flexion',
      side,
      view,
      landmarks: [hip.name, knee.name, ...(ref ? ref.landmarks : [])],
      unit: 'deg',
      values: series(n, (i) => segmentFromVerticalDeg(hip, knee, i) + (refValues ? refValues[i]! : 0)),
    });
  }
  if (hip && knee && ankle) {
    out.push({
      variable: 'knee_flexion',
      side,
      view,
      landmarks: [hip.name, knee.name, ankle.name],
      unit: 'deg',
      values: series(n, (i) => kneeFlexionDeg(hip, knee, ankle, i)),
    });
  }
  if (knee && ankle && heel && toe) {
    // Foot line heel->toe against the shank: 0 with a vertical shank and a level foot; toes up or
    // the knee ahead of the ankle are dorsiflexion.
    out.push({
      variable: 'ankle_dorsiflexion',
      side,
      view,
      landmarks: [knee.name, ankle.name, heel.name, toe.name],
      unit: 'deg',
      values: series(n, (i) => {
        const foot = Math.atan2(toe.up[i]! - heel.up[i]!, toe.forward[i]! - heel.forward[i]!) * DEG;
        return wrapDeg(foot - segmentFromVerticalDeg(knee, ankle, i));
      }),
    });
  }
  return out;
}
