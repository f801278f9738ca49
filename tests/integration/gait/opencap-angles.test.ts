// OpenCap's markerless walk, analysed from its TRC as `gaitlab analyze walk.trc` does, against the
// joint angles OpenSim's inverse kinematics made from the same capture (walk_ik.mot). OpenCap writes
// two sets of points: the pose model's keypoints (RHip, RKnee...) and the anatomical markers its
// network places from them ("_study": ASIS, PSIS, both epicondyles and malleoli...), which OpenSim
// fits. The anatomical markers are read first; the keypoints alone are printed for comparison.
import { describe, expect, it } from 'vitest';
import { readMot } from '../../../src/main/formats/mot-reader';
import { readTrc } from '../../../src/main/formats/trc-reader';
import { trcToTrajectorySet } from '../../../src/main/formats/trc-trajectories';
import { analyseTrajectories, type GaitAnalysis } from '../../../src/main/gait/analyse';
import type { TrajectorySet } from '../../../src/main/gait/types';
import { readSharedText } from '../../helpers/shared-data';
import { rmse } from './angle-errors';

const OC = 'opencap_markerless_walk_trc_mot';
const KEYPOINTS = [
  'LHip',
  'RHip',
  'LKnee',
  'RKnee',
  'LAnkle',
  'RAnkle',
  'LHeel',
  'RHeel',
  'LBigToe',
  'RBigToe',
];

function analyse(set: TrajectorySet): GaitAnalysis {
  const r = analyseTrajectories(set);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.analysis;
}

/** Our angle against OpenSim's over the frames inside this side's gait cycles (the walk, not the turn before it). */
function againstOpenSim(a: GaitAnalysis, variable: string, side: 'left' | 'right', reference: Float64Array) {
  const ours = a.angles.find((x) => x.variable === variable && x.side === side)!;
  const inCycles = Array.from(ours.values, (v, i) =>
    a.cycles.some((c) => c.side === side && i >= c.startFrame && i <= c.endFrame) ? v : NaN,
  );
  return { ...rmse(inCycles, reference), landmarks: ours.landmarks.join('+') };
}

describe("OpenCap's walk from its TRC against OpenSim's joint angles", () => {
  const set = trcToTrajectorySet(readTrc(readSharedText(`${OC}/walk.trc`)));
  const mot = readMot(readSharedText(`${OC}/walk_ik.mot`));
  const column = (name: string) => mot.values[mot.columns.indexOf(name)]!;
  const full = analyse(set);
  const keypointsOnly = analyse({
    ...set,
    trajectories: Object.fromEntries(KEYPOINTS.map((k) => [k, set.trajectories[k]!])),
  });

  it('reads knee flexion from the anatomical markers, within 4 deg of OpenSim in the gait cycles', () => {
    const lines: string[] = [];
    for (const side of ['left', 'right'] as const) {
      const ref = column(`knee_angle_${side === 'left' ? 'l' : 'r'}`);
      const m = againstOpenSim(full, 'knee_flexion', side, ref);
      const k = againstOpenSim(keypointsOnly, 'knee_flexion', side, ref);
      lines.push(
        `${side} knee flexion: RMSE ${m.rmse.toFixed(1)} deg (bias ${m.bias.toFixed(1)}, ${m.n} frames) from ${m.landmarks}; keypoints alone ${k.rmse.toFixed(1)} deg`,
      );
      expect(m.landmarks).toMatch(
        /HJC\(Harrington: L\.ASIS_study.*mid\(\w_knee_study,\w_mknee_study\)\+mid\(\w_ankle_study,\w_mankle_study\)/,
      );
      expect(m.n).toBeGreaterThan(100);
      expect(m.rmse).toBeLessThanOrEqual(4);
      expect(m.rmse).toBeLessThan(k.rmse);
    }
    console.log(lines.join('\n'));
  });

  it('reads ankle dorsiflexion and hip flexion with the same shape as OpenSim (a constant offset apart)', () => {
    const lines: string[] = [];
    for (const side of ['left', 'right'] as const) {
      const s = side === 'left' ? 'l' : 'r';
      for (const [variable, name] of [
        ['ankle_dorsiflexion', `ankle_angle_${s}`],
        ['hip_flexion', `hip_flexion_${s}`],
      ] as const) {
        const m = againstOpenSim(full, variable, side, column(name));
        const noBias = Math.sqrt(Math.max(0, m.rmse ** 2 - m.bias ** 2));
        lines.push(
          `${side} ${variable}: RMSE ${m.rmse.toFixed(1)} deg (bias ${m.bias.toFixed(1)}, without bias ${noBias.toFixed(1)}) from ${m.landmarks}`,
        );
        // OpenSim's foot and pelvis segments are the model's, not the heel-toe and ASIS-PSIS lines:
        // an offset, and the same curve. The foot line is the keypoints' (heel, big toe: the events
        // are timed on them), noisier than OpenCap's predicted foot markers (which give 3.3-3.7 deg
        // here but land 2-6 frames late).
        expect(noBias, `${side} ${variable}`).toBeLessThanOrEqual(variable === 'hip_flexion' ? 4 : 9);
      }
    }
    console.log(lines.join('\n'));
  });
});
