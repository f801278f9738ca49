import { describe, expect, it } from 'vitest';
import {
  buildReportModel,
  type CameraInfo,
  type ReportInput,
  type SessionInput,
  type SideAnalysisInput,
} from '../../../src/main/report/model';
import { constant, zeroNormativeSet } from './synthetic';

const provenance = {
  appVersion: '0.1.0',
  poseModel: 'RTMPose-m body 17',
  inferenceBackend: 'tfjs-node cpu',
  filterSettings: 'Butterworth 4th order low-pass 6 Hz, zero lag',
  cameras: [{ id: 'cam1', label: 'Left side', view: 'sagittal', resolution: '1920x1080', frameRateHz: 60 }],
  handEditedEvents: [
    {
      trialId: 'T02',
      side: 'left' as const,
      event: 'foot-strike' as const,
      originalTimeS: 1.25,
      editedTimeS: 1.233,
    },
  ],
  scaleSource: 'camera calibration',
};

function side(
  kneeOffsetDeg: number,
  speedMps: number,
  cadence: number,
  stepLengthM: number,
): SideAnalysisInput {
  return {
    cycleCount: 5,
    footOffPct: 62,
    spatiotemporal: {
      speedMps: { mean: speedMps, sd: 0.05 },
      cadenceStepsPerMin: { mean: cadence, sd: 4 },
      stepLengthM: { mean: stepLengthM, sd: 0.03 },
    },
    kinematics: {
      knee_flexion: { meanDeg: constant(kneeOffsetDeg), sdDeg: constant(3) },
      hip_flexion: { meanDeg: constant(2) },
      ankle_dorsiflexion: { meanDeg: constant(-4) },
      pelvis_tilt: { meanDeg: constant(1) },
      foot_progression: { meanDeg: constant(-10) },
    },
  };
}

function session(
  id: string,
  date: string,
  knee: number,
  speed: number,
  cadence: number,
  step: number,
): SessionInput {
  return {
    sessionId: id,
    date,
    condition: 'barefoot',
    examiner: 'PT Jones',
    analysis: { left: side(knee, speed, cadence, step), right: side(knee, speed, cadence, step), provenance },
  };
}

const base: Omit<ReportInput, 'sessions'> = {
  lab: { name: 'Children’s Gait Lab', department: 'Orthopaedics' },
  patient: {
    name: 'Test Child',
    hospitalId: 'H123',
    dateOfBirth: '2016-03-15',
    diagnosis: 'CP spastic diplegia',
    gmfcsLevel: 2,
    affectedSide: 'bilateral',
  },
  normativeSet: zeroNormativeSet(),
  interpretation: 'Crouch reduced after surgery.',
  signature: { clinicianName: 'Dr Who', role: 'Consultant' },
  generatedAt: '2025-01-10T10:00:00Z',
};

describe('report model, one session', () => {
  const model = buildReportModel({ ...base, sessions: [session('s1', '2024-07-15', 20, 0.9, 110, 0.45)] });

  it('fills the header with the age at the session', () => {
    expect(model.mode).toBe('single');
    expect(model.header.sessions[0]?.ageAtSession.text).toBe('8 y 4 m');
    expect(model.header.gmfcs).toBe('GMFCS II');
    expect(model.header.sessions[0]?.cycleCount).toEqual({ left: 5, right: 5 });
  });

  it('lists spatiotemporal rows per side with the normal range and flags values outside it', () => {
    const speedLeft = model.spatiotemporal.rows.find((r) => r.parameter === 'speedMps' && r.side === 'left');
    expect(speedLeft?.unit).toBe('m/s');
    expect(speedLeft?.normal?.text).toBe('1.20 ± 0.15');
    expect(speedLeft?.values[0]?.text).toBe('0.90 ± 0.05');
    expect(speedLeft?.values[0]?.outsideNormal).toBe(true);
    expect(speedLeft?.change).toBeNull();
    const step = model.spatiotemporal.rows.find((r) => r.parameter === 'stepLengthM');
    expect(step?.normal).toBeNull();
    expect(step?.values[0]?.outsideNormal).toBeNull();
  });

  /** The one-session report with one side's analysis changed by `patch`. */
  const modelWith = (which: 'left' | 'right', patch: (s: SideAnalysisInput) => SideAnalysisInput) => {
    const s = session('s1', '2024-07-15', 20, 0.9, 110, 0.45);
    return buildReportModel({
      ...base,
      sessions: [{ ...s, analysis: { ...s.analysis, [which]: patch(s.analysis[which]!) } }],
    });
  };

  it('prints how many cycles a value comes from when it is fewer than the side has', () => {
    const m = modelWith('left', (left) => ({
      ...left,
      spatiotemporal: {
        ...left.spatiotemporal,
        speedMps: { mean: 0.9, sd: 0.05, n: 5 },
        stepLengthM: { mean: 0.45, sd: 0.03, n: 4 },
      },
    }));
    const cell = (p: string) =>
      m.spatiotemporal.rows.find((r) => r.parameter === p && r.side === 'left')!.values[0];
    expect(cell('stepLengthM')?.text).toBe('0.45 ± 0.03 (n=4)');
    expect(cell('speedMps')?.text).toBe('0.90 ± 0.05');
  });

  it('marks a leg seen only as the far one from the camera, in the panel series and the notes', () => {
    const m = modelWith('right', (right) => ({
      ...right,
      kinematics: { ...right.kinematics, knee_flexion: { ...right.kinematics.knee_flexion!, farSide: true } },
    }));
    const knee = m.curvePanels.find((p) => p.variable === 'knee_flexion')!;
    expect(knee.series.find((x) => x.side === 'right')?.farSide).toBe(true);
    expect(knee.series.find((x) => x.side === 'left')?.farSide).toBe(false);
    expect(m.warnings.join(' ')).toMatch(
      /Session A: the right leg was the far one from the camera in every trial: its knee flexion curves/,
    );
    expect(m.warnings.join(' ')).not.toMatch(/the left leg was the far one/);
  });

  it('has curve panels with the normal band, and GVS/GPS labelled by what they used', () => {
    const knee = model.curvePanels.find((p) => p.variable === 'knee_flexion');
    expect(knee?.normative?.upperDeg?.[0]).toBe(5);
    expect(knee?.series).toHaveLength(2);
    expect(knee?.series[0]?.footOffPct).toBe(62);
    expect(model.curvePanels.find((p) => p.variable === 'foot_progression')?.lowConfidence).toBe(true);
    const gps = model.indices.perSession[0]?.result.gps.left;
    // GVS: pelvis tilt 1, hip 2, knee 20, ankle 4, foot progression 10 -> sqrt((1+4+400+16+100)/5) = sqrt(104.2)
    expect(gps?.valueDeg).toBeCloseTo(Math.sqrt(521 / 5), 12);
    expect(gps?.label).toBe('GPS left (partial, 5 of 9 variables)');
    expect(model.indices.perSession[0]?.result.gdi.available).toBe(false);
  });

  it('carries provenance, interpretation and signature fields', () => {
    const items = model.provenance[0]?.items ?? [];
    expect(items.find((i) => i.label === 'Gait events edited by hand')?.value).toBe(
      '1: T02 left foot-strike 1.250 s -> 1.233 s',
    );
    expect(items.find((i) => i.label === 'Cameras')?.value).toBe('Left side, sagittal, 1920x1080, 60 fps');
    // The camera line of a session filmed by one camera described by `camera`.
    const s1 = session('s1', '2024-07-15', 20, 0.9, 110, 0.45);
    const cameraLine = (camera: CameraInfo): string | undefined =>
      buildReportModel({
        ...base,
        sessions: [{ ...s1, analysis: { ...s1.analysis, provenance: { ...provenance, cameras: [camera] } } }],
      }).provenance[0]?.items.find((i) => i.label === 'Cameras')?.value;
    // A PAL camcorder: 25 interlaced frames a second, analysed as its 50 fields.
    expect(cameraLine({ id: 'cam1', resolution: '720x576', frameRateHz: 50, interlaced: true })).toBe(
      'cam1, 720x576, interlaced, 50 fields/s analysed field by field',
    );
    // A phone's slow motion: filmed at 120 frames/s, stored to play at 30.
    expect(cameraLine({ id: 'phone', resolution: '1920x1080', frameRateHz: 120, slowMotionFactor: 4 })).toBe(
      "phone, 1920x1080, 120 fps, slow motion (the file plays 4.0x slower; times are the walk's)",
    );
    expect(model.interpretation.text).toMatch(/Crouch/);
    expect(model.signature).toEqual({ clinicianName: 'Dr Who', role: 'Consultant', date: '' });
    expect(model.warnings.join(' ')).toMatch(/Transverse-plane angles \(Foot progression\)/);
    expect(model.warnings.join(' ')).toMatch(/not comparable with published GPS/);
  });
});

describe('report model, comparison of two sessions', () => {
  // Before: knee offset 20 deg, speed 0.90, cadence 110, step 0.45.
  // After:  knee offset 8 deg,  speed 0.96, cadence 118, step 0.52.
  const model = buildReportModel({
    ...base,
    sessions: [
      session('pre', '2024-07-15', 20, 0.9, 110, 0.45),
      session('post', '2025-01-09', 8, 0.96, 118, 0.52),
    ],
  });

  it('shows both values, the difference and flags changes at or above the thresholds', () => {
    expect(model.mode).toBe('comparison');
    expect(model.spatiotemporal.sessionKeys).toEqual(['A', 'B']);
    const row = (p: string) => model.spatiotemporal.rows.find((r) => r.parameter === p && r.side === 'left');
    // Speed +0.06 m/s < 0.1 m/s: not flagged.
    expect(row('speedMps')?.values.map((v) => v?.mean)).toEqual([0.9, 0.96]);
    expect(row('speedMps')?.change?.difference).toBeCloseTo(0.06, 12);
    expect(row('speedMps')?.change?.text).toBe('+0.06');
    expect(row('speedMps')?.change?.exceedsThreshold).toBe(false);
    // Cadence +8 steps/min >= 5: flagged. Step length +0.07 m >= 0.05: flagged.
    expect(row('cadenceStepsPerMin')?.change?.exceedsThreshold).toBe(true);
    expect(row('stepLengthM')?.change?.exceedsThreshold).toBe(true);
    expect(row('stepLengthM')?.change?.thresholdSource).toMatch(/lab default/);
    expect(model.spatiotemporal.thresholds.find((t) => t.parameter === 'speedMps')?.source).toMatch(/Perera/);
  });

  it('warns when conditions differ or the patient is outside the reference ages', () => {
    const afo = { ...session('post', '2025-01-09', 8, 0.96, 118, 0.52), condition: 'AFO' };
    const young = buildReportModel({
      ...base,
      patient: { ...base.patient, dateOfBirth: '2022-01-01' },
      sessions: [session('pre', '2024-07-15', 20, 0.9, 110, 0.45), afo],
    });
    expect(young.warnings.join(' ')).toMatch(/Conditions differ \(A: barefoot, B: AFO\)/);
    expect(young.warnings.join(' ')).toMatch(/Session A: age 2 y 6 m is outside the reference ages 4-18 y/);
    expect(model.warnings.join(' ')).not.toMatch(/Conditions differ|outside the reference ages/);
  });

  it('lets the lab override a threshold', () => {
    const strict = buildReportModel({
      ...base,
      changeThresholds: { speedMps: 0.05 },
      sessions: [
        session('pre', '2024-07-15', 20, 0.9, 110, 0.45),
        session('post', '2025-01-09', 8, 0.96, 118, 0.52),
      ],
    });
    const speed = strict.spatiotemporal.rows.find((r) => r.parameter === 'speedMps');
    expect(speed?.change?.exceedsThreshold).toBe(true);
    expect(speed?.change?.thresholdSource).toBe('set by the lab for this report');
  });

  it('compares GPS against the MCID and keeps both sessions on the curve panels', () => {
    // Left GPS before sqrt((1+4+400+16+100)/5) = 10.208; after sqrt((1+4+64+16+100)/5) = 6.083.
    const left = model.indices.gpsChanges.find((c) => c.scope === 'left');
    expect(left?.beforeDeg).toBeCloseTo(Math.sqrt(521 / 5), 12);
    expect(left?.afterDeg).toBeCloseTo(Math.sqrt(185 / 5), 12);
    expect(left?.exceedsMcid).toBe(true);
    expect(left?.direction).toBe('improved');
    expect(left?.comparable).toBe(true);
    const knee = model.curvePanels.find((p) => p.variable === 'knee_flexion');
    expect(knee?.series.map((s) => `${s.sessionKey} ${s.side}`)).toEqual([
      'A left',
      'A right',
      'B left',
      'B right',
    ]);
    expect(model.header.sessions.map((s) => s.ageAtSession.text)).toEqual(['8 y 4 m', '8 y 9 m']);
    expect(model.provenance).toHaveLength(2);
  });

  it('refuses a damaged normative set instead of printing a wrong band', () => {
    const set = zeroNormativeSet(['knee_flexion']);
    const broken = {
      ...set,
      curves: {
        knee_flexion: { variable: 'knee_flexion' as const, meanDeg: constant(0).slice(1), sdDeg: null },
      },
    };
    expect(() =>
      buildReportModel({
        ...base,
        normativeSet: broken,
        sessions: [session('s', '2024-07-15', 5, 1, 100, 0.5)],
      }),
    ).toThrow(/knee_flexion mean has 50 points, expected 51/);
  });

  it('works without a normative set and says why indices are missing', () => {
    const bare = buildReportModel({
      ...base,
      normativeSet: undefined,
      sessions: [session('s', '2024-07-15', 5, 1, 100, 0.5)],
    });
    expect(bare.indices.available).toBe(false);
    expect(bare.indices.unavailableReason).toMatch(/No normative reference set/);
    expect(bare.curvePanels[0]?.normative).toBeNull();
    expect(bare.normativeReference).toBeNull();
  });
});
