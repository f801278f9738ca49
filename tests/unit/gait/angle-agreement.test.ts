import { describe, expect, it } from 'vitest';
import { angleAgreement } from '../../../src/main/gait/angle-agreement';
import type { AngleSeries } from '../../../src/main/gait/angles-types';

const series = (
  variable: AngleSeries['variable'],
  side: AngleSeries['side'],
  values: number[],
): AngleSeries => ({
  variable,
  side,
  view: '3d-sagittal',
  landmarks: [],
  unit: 'deg',
  values: Float64Array.from(values),
});

describe('angle agreement with another model', () => {
  it('gives the RMSE and the constant offset over the frames both have', () => {
    const knee = Array.from({ length: 100 }, (_, i) => 30 + 30 * Math.sin(i / 10));
    const ours = [
      series(
        'knee_flexion',
        'left',
        knee.map((v, i) => (i === 5 ? NaN : v + 2)),
      ),
    ];
    const [a] = angleAgreement(ours, [
      {
        variable: 'knee_flexion',
        side: 'left',
        source: 'LKneeAngles',
        valuesDeg: knee.map((v, i) => (i === 7 ? NaN : v)),
      },
    ]);
    expect(a).toEqual({
      variable: 'knee_flexion',
      side: 'left',
      source: 'LKneeAngles',
      rmseDeg: 2,
      biasDeg: 2,
      frames: 98,
    });
  });

  it('pairs by variable and side, and leaves out what GaitLab does not measure or no frame shares', () => {
    const ours = [
      series('hip_flexion', 'right', [10, 20, 30]),
      series('hip_flexion', 'left', [NaN, NaN, NaN]),
    ];
    const out = angleAgreement(ours, [
      { variable: 'hip_flexion', side: 'right', source: 'RHipAngles', valuesDeg: [11, 19, 33] },
      { variable: 'hip_flexion', side: 'left', source: 'LHipAngles', valuesDeg: [1, 2, 3] },
      { variable: 'pelvis_tilt', side: 'right', source: 'RPelvisAngles', valuesDeg: [1, 2, 3] },
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]!.rmseDeg).toBeCloseTo(Math.sqrt((1 + 1 + 9) / 3), 12);
    expect(out[0]!.biasDeg).toBeCloseTo(-1, 12);
  });
});
