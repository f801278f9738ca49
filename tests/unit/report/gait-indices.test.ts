import { describe, expect, it } from 'vitest';
import {
  GPS_MCID_DEG,
  compareGps,
  computeGaitIndices,
  gaitVariableScoreDeg,
  gdiStatus,
  type GaitVariable,
} from '../../../src/main/report/model';
import { constant, zeroNormativeSet } from './synthetic';

describe('Gait Variable Score', () => {
  it('is the RMS difference over the 51 points (hand calculation)', () => {
    // Normative mean 0. Patient: +3 at the first 25 points (0..48 %), -4 at the other 26.
    // Squared differences: 25 * 9 = 225 and 26 * 16 = 416, sum 641.
    // GVS = sqrt(641 / 51) = sqrt(12.568627...) = 3.545225...
    const patient = [...new Array<number>(25).fill(3), ...new Array<number>(26).fill(-4)];
    expect(gaitVariableScoreDeg(patient, constant(0))).toBeCloseTo(Math.sqrt(641 / 51), 12);
    expect(gaitVariableScoreDeg(patient, constant(0))).toBeCloseTo(3.545225, 5);
  });

  it('refuses curves that are not 51 points', () => {
    expect(() => gaitVariableScoreDeg([1, 2, 3], [1, 2, 3])).toThrow(/51-point/);
  });
});

describe('Gait Profile Score', () => {
  // Left side: constant offsets from a zero normative mean, so each GVS equals the offset.
  //   pelvis tilt 2, obliquity 1, rotation 2, hip flexion 4, abduction 2, rotation 0,
  //   knee flexion 6, ankle dorsiflexion 4, foot progression 2.
  //   Squares: 4 + 1 + 4 + 16 + 4 + 0 + 36 + 16 + 4 = 85; GPS left = sqrt(85 / 9) = 3.073181...
  // Right side: every offset 1, so GPS right = 1.
  // Overall (Baker: pelvis once, from the left): pelvis 4 + 1 + 4 = 9, left hip..foot
  //   16 + 4 + 0 + 36 + 16 + 4 = 76, right six variables 6 x 1 = 6; sum 91 over 15 values;
  //   GPS overall = sqrt(91 / 15) = 2.463060...
  const leftOffsets: Record<string, number> = {
    pelvis_tilt: 2,
    pelvis_obliquity: 1,
    pelvis_rotation: 2,
    hip_flexion: 4,
    hip_abduction: 2,
    hip_rotation: 0,
    knee_flexion: 6,
    ankle_dorsiflexion: 4,
    foot_progression: 2,
  };
  const left = Object.fromEntries(Object.entries(leftOffsets).map(([v, c]) => [v, constant(c)])) as Partial<
    Record<GaitVariable, number[]>
  >;
  const right = Object.fromEntries(Object.keys(leftOffsets).map((v) => [v, constant(1)])) as Partial<
    Record<GaitVariable, number[]>
  >;

  it('matches the hand calculation per side and overall', () => {
    const r = computeGaitIndices({ left, right }, zeroNormativeSet());
    expect(r.gps.left.valueDeg).toBeCloseTo(Math.sqrt(85 / 9), 12);
    expect(r.gps.left.valueDeg).toBeCloseTo(3.073181, 5);
    expect(r.gps.right.valueDeg).toBeCloseTo(1, 12);
    expect(r.gps.overall.valueDeg).toBeCloseTo(Math.sqrt(91 / 15), 12);
    expect(r.gps.overall.valueDeg).toBeCloseTo(2.46306, 5);
    expect(r.gps.overall.used).toHaveLength(15);
    expect(r.gps.overall.complete).toBe(true);
    expect(r.gps.left.label).toBe('GPS left (9 of 9 variables)');
    expect(r.gps.overall.label).toBe('GPS overall (15 of 15 variables)');
  });

  it('counts the pelvis once, from the chosen side', () => {
    // With the right pelvis (1, 1, 1): 3 + 76 + 6 = 85 over 15.
    const r = computeGaitIndices({ left, right }, zeroNormativeSet(), { pelvisSide: 'right' });
    expect(r.gps.overall.valueDeg).toBeCloseTo(Math.sqrt(85 / 15), 12);
  });

  it('gives the MAP as 18 bars in Baker order, left then right', () => {
    const r = computeGaitIndices({ left, right }, zeroNormativeSet());
    expect(r.map).toHaveLength(18);
    expect(r.map[0]).toMatchObject({ variable: 'pelvis_tilt', side: 'left', gvsDeg: 2 });
    expect(r.map[1]).toMatchObject({ variable: 'pelvis_tilt', side: 'right', gvsDeg: 1 });
    expect(r.map[12]).toMatchObject({ variable: 'knee_flexion', side: 'left', gvsDeg: 6 });
  });

  it('labels a sagittal-only GPS and lists what is missing', () => {
    // Single side camera: pelvis tilt 2, hip flexion 4, knee flexion 6, ankle 4 on the left only.
    // GPS = sqrt((4 + 16 + 36 + 16) / 4) = sqrt(18) = 4.242641
    const sagittal = {
      pelvis_tilt: constant(2),
      hip_flexion: constant(4),
      knee_flexion: constant(6),
      ankle_dorsiflexion: constant(4),
    };
    const r = computeGaitIndices({ left: sagittal }, zeroNormativeSet());
    expect(r.gps.left.valueDeg).toBeCloseTo(Math.sqrt(18), 12);
    expect(r.gps.left.label).toBe('GPS left (sagittal only, 4 of 9 variables)');
    expect(r.gps.left.complete).toBe(false);
    expect(r.gps.left.missing.map((m) => m.variable)).toEqual([
      'pelvis_obliquity',
      'pelvis_rotation',
      'hip_abduction',
      'hip_rotation',
      'foot_progression',
    ]);
    expect(r.gps.right.valueDeg).toBeNull();
    expect(r.gps.right.label).toBe('GPS right (partial, 0 of 9 variables)');
    expect(r.gps.overall.label).toBe('GPS overall (sagittal only, 4 of 15 variables)');
  });

  it('reports variables the normative set lacks as missing, not as zero', () => {
    const r = computeGaitIndices({ left }, zeroNormativeSet(['knee_flexion', 'hip_flexion']));
    expect(r.gps.left.used.map((u) => u.variable)).toEqual(['hip_flexion', 'knee_flexion']);
    expect(r.gps.left.missing.find((m) => m.variable === 'ankle_dorsiflexion')?.reason).toBe(
      'no normative curve',
    );
    expect(r.gps.left.valueDeg).toBeCloseTo(Math.sqrt((16 + 36) / 2), 12);
  });
});

describe('GPS change and GDI status', () => {
  it('compares a change with the 1.6 deg minimal clinically important difference', () => {
    expect(GPS_MCID_DEG).toBe(1.6);
    const better = compareGps(9.0, 7.2);
    expect(better.changeDeg).toBeCloseTo(-1.8, 12);
    expect(better.exceedsMcid).toBe(true);
    expect(better.direction).toBe('improved');
    const small = compareGps(9.0, 8.0);
    expect(small.exceedsMcid).toBe(false);
    expect(small.direction).toBe('no clinically important change');
    expect(compareGps(7.0, 8.6).direction).toBe('worsened');
  });

  it('says GDI is not available and why', () => {
    const s = gdiStatus(12);
    expect(s.available).toBe(false);
    expect(s.reason).toMatch(/N >= 100/);
    expect(s.reason).toMatch(/control set of 12/);
  });
});
