// Hip joint centres from pelvis markers (Harrington et al. 2007, J Biomech 40:595-602), for marker
// sets that carry no modelled joint centres (Helen Hayes / Motion Analysis, raw Vicon captures):
// without them the thigh has no proximal end and neither hip nor knee flexion can be measured.
// Harrington's regression was fitted on MRI of adults, typically developing children and children
// with cerebral palsy, and predicts the centre better than Davis' (Plug-in Gait's) in those children.

import { median } from './peaks';
import type { PointSeries } from './preprocess';
import type { LengthUnit } from './types';

export interface HipCentres {
  left: PointSeries;
  right: PointSeries;
  /** Median distance between the ASIS markers over the recording, in the data's unit. */
  pelvisWidth: number;
  /** Median distance from the mid-ASIS to the mid-PSIS (or sacrum) point, in the data's unit. */
  pelvisDepth: number;
}

const MM_PER_UNIT: Partial<Record<LengthUnit, number>> = { mm: 1, m: 1000 };

/**
 * Left and right hip joint centres per frame, in the markers' frame and unit (mm or m). The pelvis
 * frame is ISB's: origin mid-ASIS, z to the right ASIS, x forward (from the posterior point,
 * square to z), y up. Pelvis width and depth are taken once (medians), as from a static trial.
 * Undefined for other units (pixels: a picture has no depth to place a centre in).
 */
export function harringtonHipCentres(
  leftAsis: PointSeries,
  rightAsis: PointSeries,
  posterior: PointSeries,
  unit: LengthUnit,
): HipCentres | undefined {
  const mmPerUnit = MM_PER_UNIT[unit];
  if (mmPerUnit === undefined) return undefined;
  const n = leftAsis.x.length;
  const widths: number[] = [];
  const depths: number[] = [];
  const at = (p: PointSeries, i: number): [number, number, number] => [p.x[i]!, p.y[i]!, p.z[i]!];
  for (let i = 0; i < n; i++) {
    const l = at(leftAsis, i);
    const r = at(rightAsis, i);
    const b = at(posterior, i);
    widths.push(Math.hypot(r[0] - l[0], r[1] - l[1], r[2] - l[2]));
    depths.push(Math.hypot((l[0] + r[0]) / 2 - b[0], (l[1] + r[1]) / 2 - b[1], (l[2] + r[2]) / 2 - b[2]));
  }
  const pw = median(widths) * mmPerUnit;
  const pd = median(depths) * mmPerUnit;
  if (!(pw > 0) || !(pd > 0)) return undefined;
  // Harrington 2007, millimetres, right hip; the left mirrors z.
  const forward = (-0.24 * pd - 9.9) / mmPerUnit;
  const up = (-0.3 * pw - 10.9) / mmPerUnit;
  const lateral = (0.33 * pw + 7.3) / mmPerUnit;

  const names = `${leftAsis.name},${rightAsis.name},${posterior.name}`;
  const series = (name: string): PointSeries => ({
    name,
    x: new Float64Array(n).fill(NaN),
    y: new Float64Array(n).fill(NaN),
    z: new Float64Array(n).fill(NaN),
  });
  const left = series(`LHJC(Harrington: ${names})`);
  const right = series(`RHJC(Harrington: ${names})`);
  for (let i = 0; i < n; i++) {
    const l = at(leftAsis, i);
    const r = at(rightAsis, i);
    const b = at(posterior, i);
    const o = [(l[0] + r[0]) / 2, (l[1] + r[1]) / 2, (l[2] + r[2]) / 2];
    const zr = [r[0] - l[0], r[1] - l[1], r[2] - l[2]];
    const zl = Math.hypot(zr[0]!, zr[1]!, zr[2]!);
    if (!(zl > 0)) continue;
    const z = zr.map((v) => v / zl);
    const a = [o[0]! - b[0], o[1]! - b[1], o[2]! - b[2]];
    const along = a[0]! * z[0]! + a[1]! * z[1]! + a[2]! * z[2]!;
    const xr = a.map((v, k) => v - along * z[k]!);
    const xl = Math.hypot(xr[0]!, xr[1]!, xr[2]!);
    if (!(xl > 0)) continue;
    const x = xr.map((v) => v / xl);
    // y = z x x: up, for x forward and z to the right.
    const y = [z[1]! * x[2]! - z[2]! * x[1]!, z[2]! * x[0]! - z[0]! * x[2]!, z[0]! * x[1]! - z[1]! * x[0]!];
    for (const [out, s] of [
      [right, 1],
      [left, -1],
    ] as const) {
      out.x[i] = o[0]! + forward * x[0]! + up * y[0]! + s * lateral * z[0]!;
      out.y[i] = o[1]! + forward * x[1]! + up * y[1]! + s * lateral * z[1]!;
      out.z[i] = o[2]! + forward * x[2]! + up * y[2]! + s * lateral * z[2]!;
    }
  }
  return { left, right, pelvisWidth: pw / mmPerUnit, pelvisDepth: pd / mmPerUnit };
}
