// Sign conventions: flexion +, dorsiflexion +, abduction +, for both walking directions.
import { describe, expect, it } from 'vitest';
import { groundAxes, toFrontal, toSagittal } from '../../../src/main/gait/body-frame';
import { frontalAngles } from '../../../src/main/gait/frontal-angles';
import type { PointSeries } from '../../../src/main/gait/preprocess';
import { pelvisTiltSeries, sagittalAngles } from '../../../src/main/gait/sagittal-angles';

const pt = (name: string, x: number, y: number, z = 0): PointSeries => ({
  name,
  x: Float64Array.of(x),
  y: Float64Array.of(y),
  z: Float64Array.of(z),
});

/** A leg in image pixels (y down) for a subject facing image-right (dir +1) or image-left (-1). */
function imageLeg(dir: 1 | -1, o: { hipFlex: number; kneeFlex: number; dorsi: number }) {
  const r = Math.PI / 180;
  const hip = [500, 400] as const;
  const th = o.hipFlex * r;
  const sh = (o.hipFlex - o.kneeFlex) * r;
  const knee = [hip[0] + dir * 200 * Math.sin(th), hip[1] + 200 * Math.cos(th)] as const;
  const ankle = [knee[0] + dir * 200 * Math.sin(sh), knee[1] + 200 * Math.cos(sh)] as const;
  // Foot angle from horizontal (toe up +) = dorsiflexion + shank angle.
  const fa = o.dorsi * r + sh;
  const heel = [ankle[0] - dir * 20 * Math.cos(fa), ankle[1] + 20 * Math.sin(fa)] as const;
  const toe = [ankle[0] + dir * 80 * Math.cos(fa), ankle[1] - 80 * Math.sin(fa)] as const;
  return {
    hip: pt('hip', ...hip),
    knee: pt('knee', ...knee),
    ankle: pt('ankle', ...ankle),
    heel: pt('heel', ...heel),
    toe: pt('toe', ...toe),
  };
}

describe('sagittal angle signs from a side camera', () => {
  for (const dir of [1, -1] as const) {
    it(`walking ${dir > 0 ? 'right' : 'left'}: flexed hip, flexed knee, dorsiflexed ankle are positive`, () => {
      const leg = imageLeg(dir, { hipFlex: 25, kneeFlex: 40, dorsi: 10 });
      const axes = groundAxes('image-y-down');
      const d = Int8Array.of(dir);
      const s = (p: PointSeries) => toSagittal(p, axes, d);
      const angles = sagittalAngles({
        side: 'left',
        view: 'sagittal-camera',
        hip: s(leg.hip),
        knee: s(leg.knee),
        ankle: s(leg.ankle),
        heel: s(leg.heel),
        toe: s(leg.toe),
      });
      const get = (v: string) => angles.find((a) => a.variable === v)!.values[0]!;
      expect(get('hip_flexion')).toBeCloseTo(25, 6);
      expect(get('knee_flexion')).toBeCloseTo(40, 6);
      expect(get('ankle_dorsiflexion')).toBeCloseTo(10, 6);
      const ext = imageLeg(dir, { hipFlex: -10, kneeFlex: -5, dorsi: -20 });
      const a2 = sagittalAngles({
        side: 'left',
        view: 'sagittal-camera',
        hip: s(ext.hip),
        knee: s(ext.knee),
        ankle: s(ext.ankle),
        heel: s(ext.heel),
        toe: s(ext.toe),
      });
      expect(a2.find((a) => a.variable === 'hip_flexion')!.values[0]).toBeCloseTo(-10, 6);
      expect(a2.find((a) => a.variable === 'knee_flexion')!.values[0]).toBeCloseTo(-5, 6);
      expect(a2.find((a) => a.variable === 'ankle_dorsiflexion')!.values[0]).toBeCloseTo(-20, 6);
    });
  }

  it('anterior pelvic tilt is positive and adds to hip flexion, in a Z-up lab walking along -X', () => {
    // Walking toward -X: ASIS at smaller X than PSIS, and 10 deg lower in front.
    const r = Math.PI / 180;
    const asis = pt('ASIS', 0, 0, 1000 - 100 * Math.sin(10 * r));
    const psis = pt('PSIS', 100 * Math.cos(10 * r), 0, 1000);
    const axes = groundAxes('lab-z-up');
    const d = Int8Array.of(-1);
    const tilt = pelvisTiltSeries(
      toSagittal(asis, axes, d),
      toSagittal(psis, axes, d),
      '3d-sagittal',
      'left',
    );
    expect(tilt.values[0]).toBeCloseTo(10, 6);
    const hip = pt('HJC', 50, 0, 900);
    const knee = pt('KJC', 50, 0, 500);
    const ankle = pt('AJC', 50, 0, 100);
    const hipFlex = sagittalAngles({
      side: 'left',
      view: '3d-sagittal',
      hip: toSagittal(hip, axes, d),
      knee: toSagittal(knee, axes, d),
      ankle: toSagittal(ankle, axes, d),
      pelvisTilt: tilt,
    });
    expect(hipFlex.find((a) => a.variable === 'hip_flexion')!.values[0]).toBeCloseTo(10, 6);
  });
});

describe('frontal angle signs', () => {
  it('abduction, pelvis up and varus are positive on each side (Z-up lab, walking +X, left = +Y)', () => {
    const axes = groundAxes('lab-z-up');
    const d = Int8Array.of(1);
    const f = (p: PointSeries) => toFrontal(p, axes, d);
    // Left thigh swung out laterally (toward +Y) by 10 deg with a level pelvis.
    const r = Math.PI / 180;
    const lh = pt('LHJC', 0, 100, 900);
    const rh = pt('RHJC', 0, -100, 900);
    const lk = pt('LKJC', 0, 100 + 400 * Math.sin(10 * r), 900 - 400 * Math.cos(10 * r));
    const la = pt('LAJC', 0, 100, 100); // ankle back under the hip: varus at the knee
    const left = frontalAngles({
      side: 'left',
      view: '3d-frontal',
      hip: f(lh),
      otherHip: f(rh),
      knee: f(lk),
      ankle: f(la),
    });
    expect(left.find((a) => a.variable === 'hip_abduction')!.values[0]).toBeCloseTo(10, 6);
    expect(left.find((a) => a.variable === 'pelvic_obliquity')!.values[0]).toBeCloseTo(0, 6);
    expect(left.find((a) => a.variable === 'knee_varus')!.values[0]).toBeGreaterThan(15);
    // Mirror for the right side: thigh toward -Y.
    const rk = pt('RKJC', 0, -100 - 400 * Math.sin(10 * r), 900 - 400 * Math.cos(10 * r));
    const right = frontalAngles({
      side: 'right',
      view: '3d-frontal',
      hip: f(rh),
      otherHip: f(lh),
      knee: f(rk),
    });
    expect(right.find((a) => a.variable === 'hip_abduction')!.values[0]).toBeCloseTo(10, 6);
    // Raising the right side of the pelvis: obliquity + on the right, and a vertical thigh reads as adducted.
    const rhUp = pt('RHJC', 0, -100, 900 + 200 * Math.tan(5 * r));
    const rkUnder = pt('RKJC', 0, -100, 500);
    const raised = frontalAngles({
      side: 'right',
      view: '3d-frontal',
      hip: f(rhUp),
      otherHip: f(lh),
      knee: f(rkUnder),
    });
    expect(raised.find((a) => a.variable === 'pelvic_obliquity')!.values[0]).toBeCloseTo(5, 6);
    expect(raised.find((a) => a.variable === 'hip_abduction')!.values[0]).toBeCloseTo(-5, 6);
  });
});
