import { describe, expect, it } from 'vitest';
import {
  STANDARD_GRAVITY_MPS2,
  ageAtDate,
  buildLabNormativeSet,
  chooseNormativeSet,
  chooseSchwartzSpeedBand,
  dimensionlessSpeed,
  schwartz2008Population,
  toCurvePoints51,
  type NormativeSet,
  type SpeedGroupLabel,
} from '../../../src/main/report/model';
import { constant, zeroNormativeSet } from './synthetic';

describe('dimensionless speed and Schwartz bands', () => {
  it('divides speed by sqrt(g * leg length)', () => {
    // 1.2 m/s, leg 0.70 m: sqrt(9.80665 * 0.70) = 2.62002; 1.2 / 2.62002 = 0.45801
    expect(dimensionlessSpeed(1.2, 0.7)).toBeCloseTo(1.2 / Math.sqrt(STANDARD_GRAVITY_MPS2 * 0.7), 12);
    expect(dimensionlessSpeed(1.2, 0.7)).toBeCloseTo(0.45801, 4);
    expect(() => dimensionlessSpeed(1.2, 70)).toThrow(/cm or mm/);
  });

  it('chooses the band containing v*, and says when v* is outside the observed speeds', () => {
    expect(chooseSchwartzSpeedBand({ speedMps: 1.2, legLengthM: 0.7 }).band.label).toBe('Free');
    expect(chooseSchwartzSpeedBand({ dimensionlessSpeed: 0.2 }).band.label).toBe('VerySlow');
    expect(chooseSchwartzSpeedBand({ dimensionlessSpeed: 0.3 }).band.label).toBe('Slow');
    expect(chooseSchwartzSpeedBand({ dimensionlessSpeed: 0.55 }).band.label).toBe('Fast');
    expect(chooseSchwartzSpeedBand({ dimensionlessSpeed: 0.7 }).band.label).toBe('VeryFast');
    const crawl = chooseSchwartzSpeedBand({ dimensionlessSpeed: 0.05 });
    expect(crawl.band.label).toBe('VerySlow');
    expect(crawl.withinObservedRange).toBe(false);
    expect(crawl.reason).toMatch(/extrapolated/);
  });

  it('picks the best set by age, then speed', () => {
    const schwartz = (label: SpeedGroupLabel): NormativeSet => ({
      ...zeroNormativeSet(),
      id: label,
      name: `Schwartz ${label}`,
      population: schwartz2008Population(label),
    });
    const adults: NormativeSet = {
      ...zeroNormativeSet(),
      id: 'adult',
      name: 'Adults',
      population: { description: 'adults', ageRangeYears: { min: 18, max: 60 } },
    };
    const kids: NormativeSet = {
      ...zeroNormativeSet(),
      id: 'kids',
      name: 'Lab children',
      population: { description: 'children', ageRangeYears: { min: 5, max: 12 } },
    };
    const sets = [adults, schwartz('VerySlow'), schwartz('Slow'), schwartz('Free'), schwartz('Fast')];
    // v* = 0.6 / sqrt(9.80665 * 0.65) = 0.2376: Slow band.
    expect(chooseNormativeSet(sets, { ageYears: 9, speedMps: 0.6, legLengthM: 0.65 }).set.id).toBe('Slow');
    expect(chooseNormativeSet(sets, { ageYears: 9 }).set.id).toBe('Free');
    expect(chooseNormativeSet(sets, { ageYears: 35, speedMps: 1.3, legLengthM: 0.9 }).set.id).toBe('adult');
    const choice = chooseNormativeSet([kids, adults], { ageYears: 8 });
    expect(choice.set.id).toBe('kids');
    expect(choice.ageMatch).toBe('within');
    expect(choice.reasons[0]).toMatch(/age 8.0 y within the reference ages 5-12 y/);
  });
});

describe('lab normative set from control subjects', () => {
  it('gives the group mean and the between-subject SD with n - 1', () => {
    // Knee flexion curves of three subjects: constants 10, 12 and 17.
    // Mean = 39 / 3 = 13. Deviations -3, -1, 4; squares 9 + 1 + 16 = 26; SD = sqrt(26 / 2) = 3.605551.
    const set = buildLabNormativeSet(
      [
        {
          subjectId: 's1',
          curves: { knee_flexion: constant(10), hip_flexion: constant(1) },
          spatiotemporal: { speedMps: 1.0 },
        },
        { subjectId: 's2', curves: { knee_flexion: constant(12) }, spatiotemporal: { speedMps: 1.2 } },
        {
          subjectId: 's3',
          curves: { knee_flexion: toCurvePoints51(new Array<number>(101).fill(17)) },
          spatiotemporal: { speedMps: 1.4 },
        },
      ],
      {
        id: 'lab',
        name: 'Lab controls',
        source: 'this lab',
        citation: 'lab data',
        population: { description: 'adults' },
      },
    );
    expect(set.curves.knee_flexion?.meanDeg[25]).toBeCloseTo(13, 12);
    expect(set.curves.knee_flexion?.sdDeg?.[25]).toBeCloseTo(Math.sqrt(13), 12);
    expect(set.curves.knee_flexion?.subjectCount).toBe(3);
    expect(set.curves.hip_flexion).toBeUndefined();
    expect(set.notes.join(' ')).toMatch(/hip_flexion: only 1 subject/);
    expect(set.spatiotemporal?.speedMps?.mean).toBeCloseTo(1.2, 12);
    expect(set.spatiotemporal?.speedMps?.sd).toBeCloseTo(0.2, 12);
    expect(set.spread.note).toMatch(/n - 1/);
  });

  it('refuses the same subject twice', () => {
    const c = { subjectId: 'same', curves: { knee_flexion: constant(1) } };
    expect(() =>
      buildLabNormativeSet([c, c], {
        id: 'x',
        name: 'x',
        source: 'x',
        citation: 'x',
        population: { description: 'x' },
      }),
    ).toThrow(/appears twice/);
  });
});

describe('age at session', () => {
  it('counts whole years and months from the calendar dates', () => {
    expect(ageAtDate('2016-03-15', '2024-07-14').text).toBe('8 y 3 m');
    expect(ageAtDate('2016-03-15', '2024-07-15').text).toBe('8 y 4 m');
    expect(ageAtDate('2016-03-15', '2024-07-15').decimalYears).toBeCloseTo(8.33, 2);
    expect(() => ageAtDate('15/03/2016', '2024-07-15')).toThrow(/YYYY-MM-DD/);
    expect(() => ageAtDate('2016-02-30', '2024-07-15')).toThrow(/not a calendar date/);
    expect(() => ageAtDate('2024-07-15', '2016-03-15')).toThrow(/before the date of birth/);
  });
});
