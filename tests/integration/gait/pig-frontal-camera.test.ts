// A frontal camera of a real walk: the Plug-in Gait walks' markers and joint centres seen by a
// virtual camera in front of the subject and one behind (orthographic, pixels, y down), with the
// gait events the same walk's virtual side camera detects (as a video trial's frontal camera takes
// them from its side camera). Its pelvic obliquity, hip abduction and knee varus/valgus must agree
// with the frontal-plane angles Vicon's Plug-in Gait model stored in the files.
import { describe, expect, it } from 'vitest';
import { findC3DPoint, readC3D } from '../../../src/main/formats/c3d-reader';
import { c3dToTrajectorySet } from '../../../src/main/formats/c3d-trajectories';
import { analyseTrajectories, type GaitAnalysis } from '../../../src/main/gait/analyse';
import type { AnalysisOptions } from '../../../src/main/gait/analyse';
import type { TrajectorySet } from '../../../src/main/gait/types';
import { readSharedBytes } from '../../helpers/shared-data';
import { rmse } from './angle-errors';

const TRIALS = [
  { rel: 'btkdata_c3d_plugingait/PiG_lowerbody/PiG_Motion3_FF.c3d', suffix: 'V' },
  { rel: 'btkdata_c3d_plugingait/PiG_fullbody/PiG_Motion-FlatFoot-Full.c3d', suffix: '' },
  { rel: 'btkdata_c3d_plugingait/vicon_workstation_functional_walk/FunctionalWalk.c3d', suffix: '' },
];
// Plug-in Gait's hip Y is adduction-positive; ours is abduction-positive.
const CHECKS = [
  { variable: 'pelvic_obliquity', label: 'PelvisAngles', sign: 1, limit: 1 },
  { variable: 'hip_abduction', label: 'HipAngles', sign: -1, limit: 2.5 },
  { variable: 'knee_varus', label: 'KneeAngles', sign: 1, limit: 5 },
] as const;

/** Orthographic view along the floor direction `axis` (unit, z up), mm to px; `sign` mirrors it. */
function camera(set: TrajectorySet, axis: readonly [number, number], sign: 1 | -1): TrajectorySet {
  const pxPerMm = 0.4;
  const trajectories: TrajectorySet['trajectories'] = {};
  for (const [name, t] of Object.entries(set.trajectories)) {
    const x = new Float64Array(set.frameCount);
    const y = new Float64Array(set.frameCount);
    for (let i = 0; i < set.frameCount; i++) {
      x[i] = 960 + sign * pxPerMm * (t.x[i]! * axis[0] + t.y[i]! * axis[1]);
      y[i] = 1000 - pxPerMm * t.z![i]!;
    }
    trajectories[name] = { x, y };
  }
  return {
    rateHz: set.rateHz,
    frameCount: set.frameCount,
    convention: 'image-y-down',
    unit: 'px',
    trajectories,
  };
}

/** Direction of travel on the floor: from the first to the last frame with both front pelvis markers. */
function travel(set: TrajectorySet): [number, number] {
  const l = set.trajectories['LASI']!;
  const r = set.trajectories['RASI']!;
  const ok = (i: number) => [l.x[i], l.y[i], r.x[i], r.y[i]].every((v) => Number.isFinite(v));
  let a = 0;
  let b = set.frameCount - 1;
  while (a < b && !ok(a)) a++;
  while (b > a && !ok(b)) b--;
  const dx = (l.x[b]! + r.x[b]! - l.x[a]! - r.x[a]!) / 2;
  const dy = (l.y[b]! + r.y[b]! - l.y[a]! - r.y[a]!) / 2;
  const len = Math.hypot(dx, dy);
  return [dx / len, dy / len];
}

function analyse(set: TrajectorySet, options: AnalysisOptions): GaitAnalysis {
  const r = analyseTrajectories(set, options);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.analysis;
}

describe('frontal camera of the Plug-in Gait walks, events from their side camera', () => {
  for (const { rel, suffix } of TRIALS) {
    it(`${rel.split('/').pop()}: pelvic obliquity, hip abduction and knee varus as Plug-in Gait stored them`, () => {
      const file = readC3D(readSharedBytes(rel));
      const set = c3dToTrajectorySet(file);
      const forward = travel(set);
      const side = analyse(camera(set, forward, 1), {});
      const lateral = [-forward[1], forward[0]] as const;
      const out: string[] = [`${side.events.length} events from the side camera`];
      // +1: the subject's left on the image's left (camera behind); -1: facing the camera.
      for (const sign of [1, -1] as const) {
        const front = analyse(camera(set, lateral, sign), { view: 'frontal', events: side.events });
        expect(front.cycles.length).toBeGreaterThanOrEqual(2);
        expect(front.warnings.filter((w) => w.includes('crosses the picture'))).toEqual([]);
        for (const c of CHECKS) {
          for (const s of ['left', 'right'] as const) {
            const ours = front.angles.find((a) => a.side === s && a.variable === c.variable)!;
            expect(ours.view).toBe('frontal-camera');
            const S = s === 'left' ? 'L' : 'R';
            let ref = findC3DPoint(file, `${S}${c.label}${suffix}`)!.y.map((v) => c.sign * v);
            if (c.variable === 'knee_varus') {
              // Projected, a bent knee's flexion shows as varus/valgus: compared where it is
              // nearly straight (< 20 deg), as clinicians read it.
              const flex = findC3DPoint(file, `${S}KneeAngles${suffix}`)!.x;
              ref = ref.map((v, i) => (flex[i]! < 20 ? v : NaN));
            }
            const r = rmse(ours.values, ref);
            out.push(
              `${sign === 1 ? 'from behind' : 'from the front'} ${s} ${c.variable}: RMSE ${r.rmse.toFixed(2)} deg (bias ${r.bias.toFixed(2)}, ${r.n} frames)`,
            );
            expect(r.n).toBeGreaterThan(50);
            expect(r.rmse, `${s} ${c.variable}`).toBeLessThanOrEqual(c.limit);
          }
        }
      }
      console.log(`${rel.split('/').pop()}\n  ${out.join('\n  ')}`);
    });
  }
});
