import { describe, expect, it } from 'vitest';
import { harringtonHipCentres } from '../../../src/main/gait/hip-joint-centre';
import type { PointSeries } from '../../../src/main/gait/preprocess';

/** A point standing still, or moved by `step` each frame. */
function point(
  name: string,
  p: [number, number, number],
  frames = 3,
  step: [number, number, number] = [0, 0, 0],
) {
  const s: PointSeries = {
    name,
    x: new Float64Array(frames),
    y: new Float64Array(frames),
    z: new Float64Array(frames),
  };
  for (let i = 0; i < frames; i++) {
    s.x[i] = p[0] + i * step[0];
    s.y[i] = p[1] + i * step[1];
    s.z[i] = p[2] + i * step[2];
  }
  return s;
}

describe('Harrington hip joint centres', () => {
  // Lab frame Z up, walking toward +X: the subject's left is +Y. Pelvis 250 mm wide, 150 mm deep.
  it('places each centre behind, below and lateral to mid-ASIS by the published regression', () => {
    const hips = harringtonHipCentres(
      point('LASI', [0, 125, 1000]),
      point('RASI', [0, -125, 1000]),
      point('mid(LPSI,RPSI)', [-150, 0, 1000]),
      'mm',
    )!;
    expect(hips.pelvisWidth).toBeCloseTo(250, 9);
    expect(hips.pelvisDepth).toBeCloseTo(150, 9);
    // x = -0.24 PD - 9.9 = -45.9; y = -0.30 PW - 10.9 = -85.9; z = 0.33 PW + 7.3 = 89.8 (mm).
    expect([hips.right.x[0], hips.right.y[0], hips.right.z[0]].map((v) => v!.toFixed(6))).toEqual(
      [-45.9, -89.8, 914.1].map((v) => v.toFixed(6)),
    );
    expect([hips.left.x[0], hips.left.y[0], hips.left.z[0]].map((v) => v!.toFixed(6))).toEqual(
      [-45.9, 89.8, 914.1].map((v) => v.toFixed(6)),
    );
    expect(hips.left.name).toBe('LHJC(Harrington: LASI,RASI,mid(LPSI,RPSI))');
  });

  it('follows the pelvis walking the other way, and in metres', () => {
    // Walking toward -X in metres: the subject's left is now -Y.
    const hips = harringtonHipCentres(
      point('LASI', [0, -0.125, 1], 3, [-0.01, 0, 0]),
      point('RASI', [0, 0.125, 1], 3, [-0.01, 0, 0]),
      point('SACR', [0.15, 0, 1], 3, [-0.01, 0, 0]),
      'm',
    )!;
    for (let i = 0; i < 3; i++) {
      expect(hips.right.x[i]).toBeCloseTo(0.0459 - 0.01 * i, 9);
      expect(hips.right.y[i]).toBeCloseTo(0.0898, 9);
      expect(hips.right.z[i]).toBeCloseTo(0.9141, 9);
      expect(hips.left.y[i]).toBeCloseTo(-0.0898, 9);
    }
  });

  it('leaves frames with a missing marker empty, and refuses pixels', () => {
    const l = point('LASI', [0, 125, 1000]);
    l.x[1] = NaN;
    const hips = harringtonHipCentres(
      l,
      point('RASI', [0, -125, 1000]),
      point('SACR', [-150, 0, 1000]),
      'mm',
    )!;
    expect(Number.isNaN(hips.left.x[1]!)).toBe(true);
    expect(Number.isFinite(hips.left.x[2]!)).toBe(true);
    expect(
      harringtonHipCentres(point('a', [0, 1, 0]), point('b', [0, -1, 0]), point('c', [-1, 0, 0]), 'px'),
    ).toBeUndefined();
  });
});
