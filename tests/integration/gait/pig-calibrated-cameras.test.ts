// A calibrated three-camera lab, end to end in pure code: the Plug-in Gait walks' joint centres and
// foot markers seen by three virtual calibrated cameras (perspective, lens distortion, one started
// 0.1 s after the others, one dropping frames, 0.5 px of landmark noise), their "landmark tracks"
// triangulated on the trial clock, and the 3D gait analysis of the result compared with the same
// analysis of the markers themselves. What differs is what triangulation costs.
import { describe, expect, it } from 'vitest';
import { readC3D } from '../../../src/main/formats/c3d-reader';
import { c3dToTrajectorySet } from '../../../src/main/formats/c3d-trajectories';
import { analyseTrajectories, type GaitAnalysis } from '../../../src/main/gait/analyse';
import type { TrajectorySet } from '../../../src/main/gait/types';
import { projectPoint, type CameraCalibration } from '../../../src/main/capture/calibration/camera-model';
import {
  triangulateTracks,
  type CalibratedTrack,
} from '../../../src/main/capture/calibration/triangulate-tracks';
import { BLAZEPOSE_LANDMARKS, LANDMARK_COUNT, type PoseTrack2D } from '../../../src/shared/landmarks';
import { readSharedBytes } from '../../helpers/shared-data';
import {
  camerasAroundWalk,
  gaussianNoise,
  PIG_AS_LANDMARKS as AS_LANDMARKS,
} from '../../helpers/virtual-camera';
import { rmse } from './angle-errors';
import { checkSync } from '../../../src/main/capture/calibration/sync-from-landmarks';

const TRIALS = [
  'btkdata_c3d_plugingait/PiG_fullbody/PiG_Motion-FlatFoot-Full.c3d',
  'btkdata_c3d_plugingait/vicon_workstation_functional_walk/FunctionalWalk.c3d',
];
/** What `cam` would give as a landmark track of the walk, started `delayS` late, missing `dropped` frames. */
function trackOf(
  set: TrajectorySet,
  cam: CameraCalibration,
  delayS: number,
  dropped: Set<number>,
  seed: number,
): PoseTrack2D {
  const rate = set.rateHz;
  const first = Math.round(delayS * rate);
  const frames = [...Array(set.frameCount - first).keys()]
    .map((k) => k + first)
    .filter((f) => !dropped.has(f));
  const n = frames.length;
  const track: PoseTrack2D = {
    fps: rate,
    widthPx: 1920,
    heightPx: 1080,
    frameCount: n,
    timeS: new Float64Array(frames.map((f) => (f - first) / rate)),
    xPx: new Float32Array(n * LANDMARK_COUNT).fill(NaN),
    yPx: new Float32Array(n * LANDMARK_COUNT).fill(NaN),
    visibility: new Float32Array(n * LANDMARK_COUNT),
    confidence: new Float32Array(n).fill(1),
  };
  const gauss = gaussianNoise(seed);
  frames.forEach((f, k) => {
    for (const [landmark, marker] of Object.entries(AS_LANDMARKS)) {
      const t = set.trajectories[marker];
      if (!t) continue;
      const p: [number, number, number] = [t.x[f]! / 1000, t.y[f]! / 1000, t.z![f]! / 1000];
      if (!p.every(Number.isFinite)) continue;
      const [u, v] = projectPoint(cam, p);
      const i = k * LANDMARK_COUNT + BLAZEPOSE_LANDMARKS.indexOf(landmark as never);
      // Track pixels have the top-left pixel's centre at 0.5 (calibration pixels at 0).
      track.xPx[i] = u + 0.5 + 0.5 * gauss();
      track.yPx[i] = v + 0.5 + 0.5 * gauss();
      track.visibility[i] = 0.95;
    }
  });
  return track;
}

function analyse(set: TrajectorySet): GaitAnalysis {
  const r = analyseTrajectories(set);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.analysis;
}

describe('a walk seen by three calibrated cameras, triangulated', () => {
  for (const rel of TRIALS) {
    it(`${rel.split('/').pop()}: the same events, angles and steps as its markers`, async () => {
      const c3d = c3dToTrajectorySet(readC3D(readSharedBytes(rel)));
      const names = Object.keys(AS_LANDMARKS).filter((l) => c3d.trajectories[AS_LANDMARKS[l]!]);
      // The markers themselves, under landmark names, in metres.
      const direct: TrajectorySet = {
        ...c3d,
        unit: 'm',
        trajectories: Object.fromEntries(
          names.map((l) => {
            const t = c3d.trajectories[AS_LANDMARKS[l]!]!;
            const m = (a: ArrayLike<number>) => Float64Array.from(a, (v) => v / 1000);
            return [l, { x: m(t.x), y: m(t.y), z: m(t.z!) }];
          }),
        ),
      };
      // Cameras on both sides of the walkway and one at its end, around the middle of the walk.
      const { left, right, end } = camerasAroundWalk(c3d);
      const cams = [left, right, end];
      const tracks: CalibratedTrack[] = [
        { camera: cams[0]!, track: trackOf(c3d, cams[0]!, 0, new Set(), 1), startOffsetS: 0 },
        { camera: cams[1]!, track: trackOf(c3d, cams[1]!, 0.1, new Set(), 2), startOffsetS: 0.1 },
        { camera: cams[2]!, track: trackOf(c3d, cams[2]!, 0, new Set([150, 151, 230]), 3), startOffsetS: 0 },
      ];
      const tri = await triangulateTracks(tracks, { landmarks: names as never });
      // Triangulated points are a pose model's in the product, and analysed as such (contact from
      // the foot's ground speed): the markers are analysed by the same rule to compare like with like.
      const a = analyse({ ...direct, source: 'pose-model' });
      const b = analyse(tri.set);
      expect(b.view).toBe('3d');
      const lines = [
        `reprojection ${tri.reprojection.map((r) => `${r.camera} ${r.medianErrorPx.toFixed(2)} px`).join(', ')}; ${(100 * tri.triangulatedShare).toFixed(1)} % triangulated`,
      ];
      // Same events (both are detected, from the same marker paths).
      expect(b.events.length).toBe(a.events.length);
      const eventErrorsMs = a.events.map(
        (e, i) => (Math.abs(b.events[i]!.frame - e.frame) / c3d.rateHz) * 1000,
      );
      lines.push(
        `events: ${a.events.length}, largest difference ${Math.max(...eventErrorsMs).toFixed(1)} ms`,
      );
      eventErrorsMs.forEach((e) => expect(e).toBeLessThanOrEqual(10));
      for (const variable of ['knee_flexion', 'hip_flexion', 'ankle_dorsiflexion', 'hip_abduction'] as const)
        for (const side of ['left', 'right'] as const) {
          const x = a.angles.find((s) => s.variable === variable && s.side === side);
          const y = b.angles.find((s) => s.variable === variable && s.side === side);
          if (!x) continue;
          expect(y?.view).toBe(x.view);
          const r = rmse(y!.values, x.values);
          lines.push(`${side} ${variable} (${x.view}): RMSE ${r.rmse.toFixed(2)} deg over ${r.n} frames`);
          expect(r.rmse).toBeLessThanOrEqual(1);
        }
      for (const side of ['left', 'right'] as const) {
        const x = a.spatiotemporal.bySide[side];
        const y = b.spatiotemporal.bySide[side];
        for (const key of ['stepLengthM', 'strideLengthM', 'stepWidthM', 'speedMps'] as const) {
          const xm = x[key].mean;
          const ym = y[key].mean;
          lines.push(`${side} ${key}: markers ${xm.toFixed(3)}, triangulated ${ym.toFixed(3)}`);
          expect(Math.abs(ym - xm)).toBeLessThanOrEqual(0.01);
        }
      }
      // The late camera's offset given 50 ms wrong (a clap marked five frames off): found again.
      const t0 = performance.now();
      const sync = await checkSync([tracks[0]!, { ...tracks[1]!, startOffsetS: 0.15 }, tracks[2]!]);
      const late = sync[0]!;
      lines.push(
        `sync: late camera given 0.150 s, found ${late.offsetS.toFixed(4)} s (error ${late.errorAtGivenPx.toFixed(1)} -> ${late.errorAtChosenPx.toFixed(1)} px); the others ${sync
          .slice(1)
          .map((c) => `${c.moved ? 'moved' : 'kept'} ${c.offsetS.toFixed(3)} s`)
          .join(', ')} (${(performance.now() - t0).toFixed(0)} ms)`,
      );
      expect(late.moved).toBe(true);
      expect(Math.abs(late.offsetS - 0.1)).toBeLessThan(0.002);
      expect(sync[1]!.moved).toBe(false);
      console.log(`${rel.split('/').pop()}\n  ${lines.join('\n  ')}`);
    });
  }
});

describe('two calibrated cameras, one of them doubting the person for a moment', () => {
  it("triangulates nothing from that camera's guesses there", async () => {
    const rel = TRIALS[0]!;
    const c3d = c3dToTrajectorySet(readC3D(readSharedBytes(rel)));
    const names = Object.keys(AS_LANDMARKS).filter((l) => c3d.trajectories[AS_LANDMARKS[l]!]);
    const { left, right } = camerasAroundWalk(c3d);
    const mid = Math.round(c3d.frameCount / 2);
    const doubted = Array.from({ length: 8 }, (_, k) => mid + k);
    // The left camera's model unsure of the person for 8 frames (as behind a pillar) and guessing
    // every landmark 80 px off.
    const guessing = trackOf(c3d, left, 0, new Set(), 1);
    for (const f of doubted) {
      guessing.confidence[f] = 0.6;
      for (let l = 0; l < LANDMARK_COUNT; l++) guessing.xPx[f * LANDMARK_COUNT + l]! += 80;
    }
    const other: CalibratedTrack = {
      camera: right,
      track: trackOf(c3d, right, 0, new Set(), 2),
      startOffsetS: 0,
    };
    const tri = await triangulateTracks([{ camera: left, track: guessing, startOffsetS: 0 }, other], {
      landmarks: names as never,
    });
    expect(tri.doubtedFrames).toEqual([doubted, []]);
    // One camera left there: no point is made, rather than one from a guess.
    const knee = tri.set.trajectories.left_knee!;
    for (const f of doubted) expect(knee.x[f]).toBeNaN();
    // Taken at its word, the guess is triangulated centimetres from the knee.
    const sure = { ...guessing, confidence: new Float32Array(guessing.frameCount).fill(1) };
    const taken = await triangulateTracks([{ camera: left, track: sure, startOffsetS: 0 }, other], {
      landmarks: names as never,
    });
    const marker = c3d.trajectories[AS_LANDMARKS.left_knee!]!;
    const f = doubted[4]!;
    const offM = Math.hypot(
      taken.set.trajectories.left_knee!.x[f]! - marker.x[f]! / 1000,
      taken.set.trajectories.left_knee!.y[f]! - marker.y[f]! / 1000,
      taken.set.trajectories.left_knee!.z![f]! - marker.z![f]! / 1000,
    );
    console.log(
      `${rel.split('/').pop()}: frames ${doubted[0]}-${doubted[doubted.length - 1]} doubted on the left camera; taken at its word, the left knee is triangulated ${(100 * offM).toFixed(1)} cm from its marker`,
    );
    expect(offM).toBeGreaterThan(0.03);
  });
});
