// OpenCap's real 3D keypoints seen by a virtual side camera (orthographic, pixels, y down), from
// either side and with pixel noise and dropouts: the 2D image path must find the same events and
// knee curves as the 3D analysis of the same keypoints.
import { describe, expect, it } from 'vitest';
import { readTrc } from '../../../src/main/formats/trc-reader';
import { trcToTrajectorySet } from '../../../src/main/formats/trc-trajectories';
import { analyseTrajectories, type GaitAnalysis } from '../../../src/main/gait/analyse';
import type { TrajectorySet } from '../../../src/main/gait/types';
import { readSharedText } from '../../helpers/shared-data';

const KEYPOINTS: Record<string, string> = {
  LHip: 'left_hip',
  RHip: 'right_hip',
  LKnee: 'left_knee',
  RKnee: 'right_knee',
  LAnkle: 'left_ankle',
  RAnkle: 'right_ankle',
  LHeel: 'left_heel',
  RHeel: 'right_heel',
  LBigToe: 'left_foot_index',
  RBigToe: 'right_foot_index',
  LShoulder: 'left_shoulder',
  RShoulder: 'right_shoulder',
};

/** Deterministic noise, so the test is repeatable. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1664525 + 1013904223) % 4294967296) / 4294967296;
}

function sideCamera(set3d: TrajectorySet, mirror: boolean, noisePx: number, dropout: number): TrajectorySet {
  const pxPerM = 400;
  const rnd = lcg(42);
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const trajectories: TrajectorySet['trajectories'] = {};
  for (const [from, to] of Object.entries(KEYPOINTS)) {
    const t = set3d.trajectories[from]!;
    const n = set3d.frameCount;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const confidence = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // Camera looking along -Z at the walkway (OpenCap: X forward, Y up); mirrored = from the other side.
      x[i] = 960 + (mirror ? -1 : 1) * pxPerM * (t.x[i]! + 1.5) + noisePx * gauss();
      y[i] = 1000 - pxPerM * t.y[i]! + noisePx * gauss();
      const lost = rnd() < dropout;
      confidence[i] = lost ? 0.05 : 0.9;
      if (lost) x[i] = y[i] = NaN;
    }
    trajectories[to] = { x, y, confidence };
  }
  return {
    rateHz: set3d.rateHz,
    frameCount: set3d.frameCount,
    convention: 'image-y-down',
    unit: 'px',
    trajectories,
  };
}

function ok(set: TrajectorySet, opts = {}): GaitAnalysis {
  const r = analyseTrajectories(set, opts);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.analysis;
}

describe('side camera of a real walk (OpenCap keypoints projected), both walking directions', () => {
  const set3d = trcToTrajectorySet(readTrc(readSharedText('opencap_markerless_walk_trc_mot/walk.trc')));
  const only3d = {
    ...set3d,
    trajectories: Object.fromEntries(Object.keys(KEYPOINTS).map((k) => [k, set3d.trajectories[k]!])),
  };
  const ref = ok(only3d);

  for (const mirror of [false, true]) {
    it(`walking ${mirror ? 'left' : 'right'} in the image, 2 px noise, 3 % dropouts`, () => {
      const a = ok(sideCamera(only3d, mirror, 2, 0.03), { scale: { kind: 'subject-height', heightM: 1.86 } });
      expect(a.passes.length).toBe(1);
      expect(a.passes[0]!.direction).toBe(mirror ? -1 : 1);
      const errs: number[] = [];
      for (const e of ref.events) {
        const m = a.events.filter((f) => f.side === e.side && f.kind === e.kind);
        const d = Math.min(...m.map((f) => Math.abs(f.frame - e.frame)));
        errs.push((d / a.rateHz) * 1000);
      }
      const knee: string[] = [];
      for (const side of ['left', 'right'] as const) {
        const k2 = a.angles.find((x) => x.variable === 'knee_flexion' && x.side === side)!.values;
        const k3 = ref.angles.find((x) => x.variable === 'knee_flexion' && x.side === side)!.values;
        let s = 0;
        let n = 0;
        for (let i = 0; i < k2.length; i++) {
          const d = k2[i]! - k3[i]!;
          if (Number.isFinite(d)) {
            s += d * d;
            n++;
          }
        }
        const rmse = Math.sqrt(s / n);
        knee.push(`${side} ${rmse.toFixed(2)} deg`);
        expect(rmse).toBeLessThan(4);
      }
      const st = a.spatiotemporal.bySide;
      console.log(
        `mirror=${mirror}: event differences 2D vs 3D (ms): ${errs.map((e) => e.toFixed(0)).join(', ')}; knee RMSE 2D vs 3D: ${knee.join(', ')}; ` +
          `speed ${st.left.speedMps.mean.toFixed(2)} / ${ref.spatiotemporal.bySide.left.speedMps.mean.toFixed(2)} m/s (2D height-scaled / 3D)`,
      );
      expect(Math.max(...errs)).toBeLessThanOrEqual(34);
      // Height scaling from segment proportions: within 15 % of the metric 3D speed.
      expect(Math.abs(st.left.speedMps.mean / ref.spatiotemporal.bySide.left.speedMps.mean - 1)).toBeLessThan(
        0.15,
      );
    });
  }
});
