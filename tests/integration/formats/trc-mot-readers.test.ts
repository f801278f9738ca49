// TRC and MOT readers on OpenCap and Pose2Sim outputs, and the gait analysis of OpenCap's
// markerless 3D keypoints checked against OpenCap's own OpenSim joint angles.
import { describe, expect, it } from 'vitest';
import { motColumn, readMot } from '../../../src/main/formats/mot-reader';
import { findTrcMarker, readTrc } from '../../../src/main/formats/trc-reader';
import { analyseTrajectories } from '../../../src/main/gait/analyse';
import { trcToTrajectorySet } from '../../../src/main/formats/trc-trajectories';
import { readSharedText } from '../../helpers/shared-data';

const OC = 'opencap_markerless_walk_trc_mot';
const P2S = 'pose2sim_demo_balancing';

describe('TRC reader', () => {
  it('reads the OpenCap walk: 60 Hz, 222 frames, 63 markers in metres', () => {
    const t = readTrc(readSharedText(`${OC}/walk.trc`));
    expect(t.dataRateHz).toBe(60);
    expect(t.units).toBe('m');
    expect(t.frameCount).toBe(222);
    expect(t.markers.length).toBe(63);
    expect(t.markers[0]!.name).toBe('Neck');
    expect(findTrcMarker(t, 'r.ASIS_study')).toBeDefined();
    const neck = t.markers[0]!;
    expect(neck.x[0]).toBeCloseTo(-4.12985, 5);
    expect(neck.y[0]).toBeCloseTo(1.6742138, 6);
    expect(neck.z[0]).toBeCloseTo(0.33578, 5);
    expect(t.timeS[1]).toBeCloseTo(1 / 60, 6);
  });

  it('reads the Pose2Sim triangulated keypoints (raw, filtered and LSTM-augmented)', () => {
    for (const [file, markers] of [
      ['S00_P00_T01_BalancingTrial_0-100.trc', 21],
      ['S00_P00_T01_BalancingTrial_0-100_filt_butterworth.trc', 21],
      ['S00_P00_T01_BalancingTrial_0-100_filt_butterworth_LSTM.trc', 64],
    ] as const) {
      const t = readTrc(readSharedText(`${P2S}/reference/pose-3d/${file}`));
      expect(t.dataRateHz).toBe(60);
      expect(t.frameCount).toBe(100);
      expect(t.markers.length).toBe(markers);
      expect(t.markers[0]!.name).toBe('RHip');
      const finite = Array.from(t.markers[0]!.y).filter(Number.isFinite);
      expect(finite.length).toBeGreaterThan(90);
      // Hip height of a standing adult, metres (Y up).
      expect(finite[0]).toBeGreaterThan(0.7);
      expect(finite[0]).toBeLessThan(1.1);
    }
  });

  it('reads the Motion Analysis TRC with missing samples as NaN', () => {
    const t = readTrc(readSharedText('btkdata_c3d_plugingait/trc_samples/Gait.trc'));
    expect(t.dataRateHz).toBe(100);
    expect(t.units).toBe('mm');
    expect(t.frameCount).toBe(487);
    // 66 markers declared and stored, of which the first 33 are named.
    expect(t.markers.length).toBe(66);
    expect(t.markers[32]!.name).toBe('PX');
    expect(t.markers[33]!.name).toBe('unnamed_34');
    expect(Number.isNaN(t.markers[0]!.x[0]!)).toBe(true);
    expect(findTrcMarker(t, 'R.Heel')!.x[200]).toBeCloseTo(974.08459, 4);
  });
});

describe('MOT reader', () => {
  it('reads the OpenCap inverse kinematics', () => {
    const m = readMot(readSharedText(`${OC}/walk_ik.mot`));
    expect(m.inDegrees).toBe(true);
    expect(m.rowCount).toBe(222);
    expect(m.columns.length).toBe(42);
    expect(m.columns[0]).toBe('time');
    expect(motColumn(m, 'pelvis_tilt')![0]).toBeCloseTo(-14.47661079, 6);
    expect(motColumn(m, 'knee_angle_r')).toBeDefined();
  });

  it('reads the Pose2Sim OpenSim kinematics', () => {
    for (const [file, tilt] of [
      ['S00_P00_T01_BalancingTrial_filt_butterworth_0-100_LSTM.mot', -1.0317627],
      ['S00_P00_T01_BalancingTrial_filt_butterworth_0-100_body25b.mot', 0.03149947],
    ] as const) {
      const m = readMot(readSharedText(`${P2S}/reference/kinematics_opensim/${file}`));
      expect(m.rowCount).toBe(100);
      expect(m.inDegrees).toBe(true);
      expect(motColumn(m, 'time')![0]).toBeCloseTo(0.0166667, 6);
      expect(motColumn(m, 'pelvis_tilt')![0]).toBeCloseTo(tilt, 6);
    }
  });
});

describe('gait analysis of OpenCap markerless keypoints', () => {
  it('finds cycles and gives knee flexion close to OpenCap inverse kinematics', () => {
    const set = trcToTrajectorySet(readTrc(readSharedText(`${OC}/walk.trc`)));
    expect(set.convention).toBe('lab-y-up');
    // Only the video keypoints (OpenPose names), as a markerless pipeline would have.
    const keypoints = [
      'RHip',
      'LHip',
      'RKnee',
      'LKnee',
      'RAnkle',
      'LAnkle',
      'RHeel',
      'LHeel',
      'RBigToe',
      'LBigToe',
      'RShoulder',
      'LShoulder',
    ];
    const only = {
      ...set,
      trajectories: Object.fromEntries(
        Object.entries(set.trajectories).filter(([k]) => keypoints.includes(k)),
      ),
    };
    const r = analyseTrajectories(only);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    const a = r.analysis;
    const ik = readMot(readSharedText(`${OC}/walk_ik.mot`));
    const lines: string[] = [];
    for (const [side, col] of [
      ['right', 'knee_angle_r'],
      ['left', 'knee_angle_l'],
    ] as const) {
      const ours = a.angles.find((x) => x.variable === 'knee_flexion' && x.side === side)!;
      const ref = motColumn(ik, col)!;
      const pairs: Array<[number, number]> = [];
      for (let i = 0; i < ref.length; i++)
        if (Number.isFinite(ours.values[i]!) && Number.isFinite(ref[i]!))
          pairs.push([ours.values[i]!, ref[i]!]);
      const n = pairs.length;
      const bias = pairs.reduce((acc, [o, r]) => acc + o - r, 0) / n;
      const rmse = Math.sqrt(pairs.reduce((acc, [o, r]) => acc + (o - r) ** 2, 0) / n);
      const rmseNoBias = Math.sqrt(pairs.reduce((acc, [o, r]) => acc + (o - r - bias) ** 2, 0) / n);
      const mo = pairs.reduce((acc, [o]) => acc + o, 0) / n;
      const mr = pairs.reduce((acc, [, r]) => acc + r, 0) / n;
      const cov = pairs.reduce((acc, [o, r]) => acc + (o - mo) * (r - mr), 0);
      const corr =
        cov /
        Math.sqrt(
          pairs.reduce((acc, [o]) => acc + (o - mo) ** 2, 0) *
            pairs.reduce((acc, [, r]) => acc + (r - mr) ** 2, 0),
        );
      lines.push(
        `${side} knee flexion (OpenPose keypoints) vs OpenSim ${col} (augmented markers + model): RMSE ${rmse.toFixed(2)} deg, bias ${bias.toFixed(2)} deg, RMSE without bias ${rmseNoBias.toFixed(2)} deg, r = ${corr.toFixed(3)}, ${n} frames`,
      );
      // Different points (OpenPose keypoints vs LSTM-augmented markers fitted by a knee model) and
      // brief keypoint glitches in swing (around frame 30 the raw 3D keypoints give 47 deg where IK
      // gives 0; the plain 3D thigh-shank angle has the same 11.6 deg RMSE): the shape must agree.
      expect(corr).toBeGreaterThan(0.9);
      expect(rmse).toBeLessThan(13);
    }
    const st = a.spatiotemporal.bySide;
    lines.push(
      `passes ${a.passes.map((p) => `${p.startFrame}-${p.endFrame} dir ${p.direction}`).join(', ')}; cycles L ${a.cycles.filter((c) => c.side === 'left').length} R ${a.cycles.filter((c) => c.side === 'right').length}`,
    );
    lines.push(
      `speed L ${st.left.speedMps.mean.toFixed(2)} R ${st.right.speedMps.mean.toFixed(2)} m/s, cadence L ${st.left.cadenceStepsPerMin.mean.toFixed(0)} R ${st.right.cadenceStepsPerMin.mean.toFixed(0)} steps/min`,
    );
    console.log(lines.join('\n'));
    expect(a.cycles.length).toBeGreaterThanOrEqual(2);
    const speed = a.spatiotemporal.perCycle.map((c) => c.speedMps).filter((v): v is number => v !== null);
    expect(speed.length).toBeGreaterThan(0);
    for (const v of speed) {
      expect(v).toBeGreaterThan(0.6);
      expect(v).toBeLessThan(2.2);
    }
  });
});

describe('gait analysis of a trial without walking', () => {
  it('Pose2Sim balancing trial: a clear "no gait cycle" error, not empty numbers', () => {
    const t = readTrc(
      readSharedText(`${P2S}/reference/pose-3d/S00_P00_T01_BalancingTrial_0-100_filt_butterworth.trc`),
    );
    const r = analyseTrajectories(trcToTrajectorySet(t));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      console.log(`${r.error.code}: ${r.error.message}`);
      // The subject shifts about 0.7 m and swings one leg, but never completes a stride.
      expect(r.error.code).toBe('no-gait-cycles');
      // It says how much walking it saw and what a cycle needs.
      expect(r.error.message).toBe(
        'No complete gait cycle was found (1 initial contact in 1 walking pass over 1.63 s); at least two initial contacts of the same foot within one pass are needed, about a second apart in walking: record at least two strides.',
      );
    }
  });
});
