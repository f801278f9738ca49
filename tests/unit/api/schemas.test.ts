import { describe, expect, it } from 'vitest';
import { patientCreateSchema, sessionCreateSchema } from '../../../src/shared/api/schemas';
import { analysisOperations } from '../../../src/shared/api/ops/analysis';
import { cutoffOfDescription, filterDescription } from '../../../src/shared/filter-cutoff';

describe('patient input validation', () => {
  it('reads 175 in the metres field as centimetres and says so', () => {
    const r = patientCreateSchema.safeParse({ name: 'A', heightM: 175 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe(
      'Height is in metres: 175 looks like centimetres. Did you mean 1.75 m?',
    );
    expect(r.error!.issues[0]!.path).toEqual(['heightM']);
  });

  it('accepts a child height in metres and fills defaults', () => {
    const r = patientCreateSchema.parse({ name: '  Ada  ', heightM: 1.32 });
    expect(r).toMatchObject({
      name: 'Ada',
      heightM: 1.32,
      sex: 'unknown',
      gmfcsLevel: null,
      dateOfBirth: null,
    });
  });

  it('requires a name, a real date of birth, and a GMFCS level 1-5', () => {
    const r = patientCreateSchema.safeParse({ name: '', dateOfBirth: '2019-02-30', gmfcsLevel: 6 });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField.name).toBe('Name is required.');
    expect(byField.dateOfBirth).toBe('Date of birth is not a real calendar date.');
    expect(byField.gmfcsLevel).toBe('GMFCS level is a whole number from 1 to 5.');
  });

  it('rejects unknown fields instead of silently storing them', () => {
    expect(patientCreateSchema.safeParse({ name: 'A', isAdmin: true }).success).toBe(false);
  });

  it('flags leg length in centimetres and impossible masses', () => {
    const r = patientCreateSchema.safeParse({ name: 'A', legLengthM: 68, massKg: 0.5 });
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField.legLengthM).toMatch(/0\.68 m/);
    expect(byField.massKg).toMatch(/between 2 kg and 300 kg/);
  });
});

describe('session input validation', () => {
  it('needs a date and a known condition', () => {
    const r = sessionCreateSchema.safeParse({
      patientId: 'abcdef12',
      date: '12/03/2024',
      condition: 'jogging',
    });
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField.date).toBe('Session date must be a date written YYYY-MM-DD.');
    expect(byField.condition).toBe(
      'Choose a condition: barefoot, shoes, AFO, walker, crutches, pre-op, post-op, training or other.',
    );
  });

  it("names the allowed values of a patient's sex and affected side (the command line has no list)", () => {
    const r = patientCreateSchema.safeParse({ name: 'A', sex: 'f', affectedSide: 'both' });
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField.sex).toBe('Choose a sex: female, male, other or unknown.');
    expect(byField.affectedSide).toBe('Choose the affected side: left, right, bilateral, none or unknown.');
  });
});

describe('analysis input validation', () => {
  const start = analysisOperations['analysis.start'].input;

  it('takes a treadmill belt speed in m/s and reads a km/h value as such', () => {
    expect(start.parse({ trialId: 'abcdef12', beltSpeedMps: 0.8 })).toMatchObject({ beltSpeedMps: 0.8 });
    expect(start.parse({ trialId: 'abcdef12', beltSpeedMps: null }).beltSpeedMps).toBeNull();
    const kmh = start.safeParse({ trialId: 'abcdef12', beltSpeedMps: 3.6 });
    expect(kmh.success).toBe(false);
    expect(kmh.error!.issues[0]!.message).toBe(
      'The belt speed must be in metres per second, between 0.1 and 2.5: 3.6 looks like km/h, which is 1.00 m/s.',
    );
    expect(kmh.error!.issues[0]!.path).toEqual(['beltSpeedMps']);
    expect(start.safeParse({ trialId: 'abcdef12', beltSpeedMps: 0.01 }).error!.issues[0]!.message).toMatch(
      /between 0.1 and 2.5 \(a treadmill showing 3.6 km\/h runs at 1.0 m\/s\)/,
    );
  });

  it('takes a low-pass cutoff of 0.5-30 Hz or 0, null for the default, and says what it wants', () => {
    for (const cutoffHz of [0, 0.5, 6, 12.5, 30, null])
      expect(start.parse({ trialId: 'abcdef12', cutoffHz }).cutoffHz).toBe(cutoffHz);
    for (const cutoffHz of [0.2, 31, -6]) {
      const r = start.safeParse({ trialId: 'abcdef12', cutoffHz });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.message).toBe(
        `Give the low-pass cutoff in Hz, 0.5-30 (the default is 6 Hz), or 0 for no low-pass filter; "${cutoffHz}" is not one.`,
      );
      expect(r.error!.issues[0]!.path).toEqual(['cutoffHz']);
    }
  });
});

describe("a filter's words and its cutoff", () => {
  it('reads back the cutoff it wrote, and nothing from other words', () => {
    for (const hz of [0, 0.5, 3, 6, 12.5, 30]) expect(cutoffOfDescription(filterDescription(hz))).toBe(hz);
    expect(filterDescription()).toBe('zero-lag 4th-order Butterworth low-pass, 6 Hz');
    expect(filterDescription(0)).toBe('no low-pass filter (gaps filled only)');
    expect(cutoffOfDescription('Woltring spline, MSE 20')).toBeNull();
  });
});
