// Pose2Sim balancing trial, 4 portrait cameras: lower-limb landmarks against the reference
// OpenPose BODY_25B keypoints of the same instants.
//
// Reference frame numbering: reference file NNNN shows video frame NNNN + 1, so our frame j + 1
// is compared with file j. Evidence, none of it from fitting our landmarks: the Qualisys markers
// on the body, found frame by frame as bright blobs without any model (11-39 tracks per camera),
// keep the steadiest offset to the reference keypoints when the reference is taken 1-2 frames
// earlier, on all four cameras (never at the same number); the swinging foot of a reference file
// lies where the foot is in the next video frame; our tracked landmarks agree best at a one-frame
// shift on all four cameras. Pairing by file number instead costs 0.5-2 px of median (printed
// as "as numbered").
//
// The goal was a median <= 15 px per camera. BlazePose full reaches 16-22 px here, and nothing
// in the crop pipeline was found to be wrong: the crop/frame coordinate maps are exact inverses
// with a pixel-centre convention that the heatmap agrees with; crop size (1.0-1.4 x the alignment
// circle), anti-aliased sampling, the tracker's lag (2 or 6 frames) and the smoothing cut-off
// (4-8 Hz) each moved the median by about 1 px or less, in no consistent direction, and an
// unrotated crop was 2 px worse. What remains is the model: its hips sit 12-33 px further down the body than
// OpenPose's on every camera (two definitions of the hip), and on cam03/cam04, seen from behind,
// 23-31 % of its ankle, heel and toe points are more than 30 px from OpenPose's (e.g. at the
// start of cam04 it puts the raised left foot 50-60 px up the calf). OpenPose itself is 8-17 px (median) from
// the reprojection of Pose2Sim's triangulation of it. Triangulating our four views as a calibrated
// trial is analysed (the last test: Pose2Sim's rule, scene calibration) mends the hidden feet seen
// from behind on cam03 (22.3 -> 16.9 px), not the hips, so the hip difference is one of 3D
// placement, not of a view; subset thresholds of 20-60 px instead of 15 moved each camera by
// 0.5-2.6 px, none to 15 on all four. The bounds below are the measured medians
// + ~2 px (the tracking lag, hence the result, changes with the number of cores): a regression
// guard, not the goal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPose } from '../../../src/main/pose/run-pose';
import type { PoseTrack } from '../../../src/main/pose/pose-result';
import { renderOverlay } from '../../../src/main/pose/overlay/render-overlay';
import { readCalibrationToml } from '../../../src/main/formats/calibration-toml';
import { findTrcMarker, readTrc } from '../../../src/main/formats/trc-reader';
import { motColumn, readMot } from '../../../src/main/formats/mot-reader';
import { cameraPxToTrackPx, projectPoint } from '../../../src/main/capture/calibration/camera-model';
import { triangulateTracks } from '../../../src/main/capture/calibration/triangulate-tracks';
import { checkSync } from '../../../src/main/capture/calibration/sync-from-landmarks';
import { artifactsDir, BODY25B_LOWER_LIMB, dataFile, median, point, tempDir } from './helpers';
import { posedOnce } from '../../helpers/pose-seeds';

const PAIRS = BODY25B_LOWER_LIMB;
const FRAMES = 100;
// Every 2nd reference file keeps the suite short and still spans the whole movement.
const STRIDE = 2;
/** Reference file j shows video frame j + REF_FRAME_LAG (see the top of this file). */
const REF_FRAME_LAG = 1;
// Measured 15.8 / 15.7 / 21.4 / 22.2 px (2 workers; 22.3 on cam03 before runs of overlapping feet
// ended the left/right label path; 16.2 / 15.8 / 22.0 / 21.9 before the person scan of short clips
// took six samples instead of two, which moves where tracking starts).
const MAX_MEDIAN_PX: Record<string, number> = { cam01: 18, cam02: 18, cam03: 24, cam04: 24 };
// Triangulated from the four views (Pose2Sim's rule, 15 px) and reprojected: measured 16.3 / 15.8 /
// 16.9 / 22.6 px; 65 mm median from Pose2Sim's own 3D points; knee flexion RMSE 16.3 (left) and
// 7.8 deg (right) from OpenSim's. Regression guards, measured + ~2. The left knee reads 20-40 deg
// less flexed than OpenPose's from frame 28 to 76 in every view (cam04: 2-19 deg against 35-46),
// where he stands on that leg leaning far forward; the overlays do not show which is right.
const MAX_TRIANGULATED_MEDIAN_PX = [18.5, 18, 19, 25];
const MAX_3D_MEDIAN_MM = 75;
const MAX_KNEE_RMSE_DEG = 19;

interface Compared {
  distances: number[];
  byName: Map<string, number[]>;
  dx: number;
  dy: number;
  n: number;
}

function compare(track: PoseTrack, refDir: string, cam: string, lag: number): Compared {
  const out: Compared = { distances: [], byName: new Map(), dx: 0, dy: 0, n: 0 };
  for (let j = 0; j + lag < FRAMES; j += STRIDE) {
    const ref = JSON.parse(
      readFileSync(join(refDir, `${cam}.${String(j).padStart(4, '0')}.json`), 'utf8'),
    ) as {
      people: Array<{ pose_keypoints_2d: number[] }>;
    };
    const kp = ref.people[0]?.pose_keypoints_2d;
    if (!kp) continue;
    for (const [name, k] of PAIRS) {
      const [rx, ry, rc] = [kp[k * 3]!, kp[k * 3 + 1]!, kp[k * 3 + 2]!];
      if (rc < 0.3) continue;
      const p = point(track, j + lag, name);
      const d = Number.isFinite(p.x) ? Math.hypot(p.x - rx, p.y - ry) : Infinity;
      out.distances.push(d);
      out.byName.set(name, [...(out.byName.get(name) ?? []), d]);
      if (Number.isFinite(p.x)) {
        out.dx += p.x - rx;
        out.dy += p.y - ry;
        out.n++;
      }
    }
  }
  return out;
}

const CAMERAS = ['cam01', 'cam02', 'cam03', 'cam04'];
/** Each camera's track, kept for the triangulation test at the end. */
const tracks = new Map<string, PoseTrack>();

describe('Pose2Sim demo against OpenPose BODY_25B', () => {
  for (const cam of CAMERAS) {
    const bound = MAX_MEDIAN_PX[cam]!;
    test(`${cam}: median distance of hips, knees, ankles, heels, big toes <= ${bound} px`, async () => {
      const video = dataFile(`pose2sim_demo_balancing/videos/${cam}.mp4`);
      const refDir = dataFile(`pose2sim_demo_balancing/reference/pose-2d_openpose_body25b/${cam}_json`);
      const outDir = tempDir(`p2s-${cam}`);
      const { track } = await posedOnce(video, outDir, () =>
        runPose({ videoPath: video, outDir, maxFrames: FRAMES }),
      );
      tracks.set(cam, track);
      const c = compare(track, refDir, cam, REF_FRAME_LAG);
      const med = median(c.distances);
      const p90 = [...c.distances].sort((a, b) => a - b)[Math.floor(0.9 * (c.distances.length - 1))]!;
      const perName = [...c.byName].map(([n, d]) => `${n} ${median(d).toFixed(0)}`).join(', ');
      const asNumbered = median(compare(track, refDir, cam, 0).distances);
      console.log(
        `${cam}: ${c.distances.length} keypoints, median ${med.toFixed(1)} px (as numbered ${asNumbered.toFixed(1)}), p90 ${p90.toFixed(1)} px, mean offset (${(c.dx / c.n).toFixed(1)}, ${(c.dy / c.n).toFixed(1)}) px (${perName})`,
      );
      expect(c.distances.length).toBeGreaterThan(400);
      if (cam === 'cam02') {
        // He turns round here (frames ~40-70), where the model flips left and right: keep stills to look at.
        const still = join(artifactsDir('pose'), 'pose2sim-cam02-%d.png');
        await renderOverlay({ videoPath: video, track, outPath: still, frames: [30, 50, 60, 90] });
      }
      expect(med).toBeLessThanOrEqual(bound);
    });
  }

  test('the four views triangulated with the scene calibration: back in each view, against Pose2Sim 3D and OpenSim knee angles', async () => {
    expect([...tracks.keys()]).toEqual(CAMERAS);
    const P2S = 'pose2sim_demo_balancing';
    const calibration = readCalibrationToml(
      readFileSync(dataFile(`${P2S}/calibration/Calib_scene_recomputed.toml`), 'utf8'),
    ).cameras;
    const names = [...new Set([...PAIRS.map(([n]) => n), 'left_shoulder', 'right_shoulder'] as const)];
    const tri = await triangulateTracks(
      CAMERAS.map((cam, i) => ({ camera: calibration[i]!, track: tracks.get(cam)!, startOffsetS: 0 })),
      { landmarks: names },
    );
    const at = (name: string, f: number): [number, number, number] => {
      const t = tri.set.trajectories[name]!;
      return [t.x[f]!, t.y[f]!, t.z![f]!];
    };
    // Back in each view, against OpenPose (reference file j = video frame j + 1).
    const lines: string[] = [];
    const reprojected = CAMERAS.map((cam, ci) => {
      const d: number[] = [];
      for (let j = 0; j + REF_FRAME_LAG < FRAMES; j += STRIDE) {
        const kp = (
          JSON.parse(
            readFileSync(
              dataFile(
                `${P2S}/reference/pose-2d_openpose_body25b/${cam}_json/${cam}.${String(j).padStart(4, '0')}.json`,
              ),
              'utf8',
            ),
          ) as { people: Array<{ pose_keypoints_2d: number[] }> }
        ).people[0]?.pose_keypoints_2d;
        if (!kp) continue;
        for (const [name, k] of PAIRS) {
          if (kp[k * 3 + 2]! < 0.3) continue;
          const p = at(name, j + REF_FRAME_LAG);
          const [u, v] = Number.isFinite(p[0])
            ? cameraPxToTrackPx(...projectPoint(calibration[ci]!, p))
            : [NaN, NaN];
          d.push(Number.isFinite(u) ? Math.hypot(u - kp[k * 3]!, v - kp[k * 3 + 1]!) : Infinity);
        }
      }
      return median(d);
    });
    lines.push(
      `reprojected onto OpenPose: ${CAMERAS.map((c, i) => `${c} ${reprojected[i]!.toFixed(1)}`).join(', ')} px (median)`,
    );
    lines.push(
      `reprojection error: ${tri.reprojection.map((r) => `${r.camera} ${r.medianErrorPx.toFixed(1)} px (used in ${(100 * r.usedShare).toFixed(0)} %)`).join(', ')}; ${(100 * tri.triangulatedShare).toFixed(1)} % of points triangulated; ${tri.sideExchanges} left/right exchanges`,
    );
    // Against Pose2Sim's triangulated OpenPose (.trc row r = reference file r = video frame r + 1).
    const trc = readTrc(
      readFileSync(dataFile(`${P2S}/reference/pose-3d/S00_P00_T01_BalancingTrial_0-100.trc`), 'utf8'),
    );
    const TRC_NAMES: Record<string, string> = {
      left_hip: 'LHip',
      right_hip: 'RHip',
      left_knee: 'LKnee',
      right_knee: 'RKnee',
      left_ankle: 'LAnkle',
      right_ankle: 'RAnkle',
      left_heel: 'LHeel',
      right_heel: 'RHeel',
      left_foot_index: 'LBigToe',
      right_foot_index: 'RBigToe',
    };
    const perJoint: string[] = [];
    const all3d: number[] = [];
    for (const [ours, theirs] of Object.entries(TRC_NAMES)) {
      const m = findTrcMarker(trc, theirs)!;
      const d: number[] = [];
      for (let r = 0; r + REF_FRAME_LAG < FRAMES; r++) {
        const p = at(ours, r + REF_FRAME_LAG);
        // TRC Y up: X_world = Z_trc, Y_world = X_trc, Z_world = Y_trc.
        const q = [m.z[r]!, m.x[r]!, m.y[r]!];
        if (Number.isFinite(p[0]) && Number.isFinite(q[0]!))
          d.push(1000 * Math.hypot(p[0] - q[0]!, p[1] - q[1]!, p[2] - q[2]!));
      }
      all3d.push(...d);
      perJoint.push(`${theirs} ${median(d).toFixed(0)}`);
    }
    lines.push(
      `3D distance to Pose2Sim's points: median ${median(all3d).toFixed(0)} mm (${perJoint.join(', ')})`,
    );
    // Knee flexion between thigh and shank in 3D against OpenSim's inverse kinematics of the same trial.
    const mot = readMot(
      readFileSync(
        dataFile(
          `${P2S}/reference/kinematics_opensim/S00_P00_T01_BalancingTrial_filt_butterworth_0-100_body25b.mot`,
        ),
        'utf8',
      ),
    );
    const kneeRmse: number[] = [];
    for (const side of ['left', 'right'] as const) {
      const ref = motColumn(mot, `knee_angle_${side[0]}`)!;
      const sq: number[] = [];
      const diff: number[] = [];
      for (let r = 0; r + REF_FRAME_LAG < FRAMES; r++) {
        const [h, k, a] = (['hip', 'knee', 'ankle'] as const).map((j) =>
          at(`${side}_${j}`, r + REF_FRAME_LAG),
        );
        const u = [h![0] - k![0], h![1] - k![1], h![2] - k![2]];
        const w = [a![0] - k![0], a![1] - k![1], a![2] - k![2]];
        const cos = (u[0]! * w[0]! + u[1]! * w[1]! + u[2]! * w[2]!) / (Math.hypot(...u) * Math.hypot(...w));
        const flexion = 180 - (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
        if (!Number.isFinite(flexion) || !Number.isFinite(ref[r]!)) continue;
        sq.push((flexion - ref[r]!) ** 2);
        diff.push(flexion - ref[r]!);
      }
      const rmse = Math.sqrt(sq.reduce((x, y) => x + y, 0) / sq.length);
      kneeRmse.push(rmse);
      lines.push(
        `${side} knee flexion vs OpenSim: RMSE ${rmse.toFixed(1)} deg, bias ${(diff.reduce((x, y) => x + y, 0) / diff.length).toFixed(1)} deg (${sq.length} frames)`,
      );
    }
    // The cameras are frame-synchronised: as given, no offset moves; cam02 given 10 frames (167 ms)
    // late is put back within a frame. (His slow balancing makes 5 frames too small a miss to be
    // sure of: the error falls only from 5.4 to 4.3 px, and the offset is left as given.)
    const calibrated = CAMERAS.map((cam, i) => ({
      camera: calibration[i]!,
      track: tracks.get(cam)!,
      startOffsetS: 0,
    }));
    const asGiven = await checkSync(calibrated);
    const wrong = (
      await checkSync(calibrated.map((c, i) => (i === 1 ? { ...c, startOffsetS: 10 / 60 } : c)))
    )[0]!;
    lines.push(
      `sync as given: ${asGiven.map((c) => `${CAMERAS[c.camera]} ${c.moved ? `moved to ${(1000 * c.offsetS).toFixed(0)} ms` : 'kept'} (${c.errorAtGivenPx.toFixed(1)} px)`).join(', ')}; cam02 given +167 ms: found ${(1000 * wrong.offsetS).toFixed(1)} ms (best ${(1000 * wrong.bestOffsetS).toFixed(1)}) (${wrong.errorAtGivenPx.toFixed(1)} -> ${wrong.errorAtChosenPx.toFixed(1)} px)`,
    );
    console.log(`triangulated (4 cameras):\n  ${lines.join('\n  ')}`);
    expect(asGiven.every((c) => !c.moved)).toBe(true);
    expect(wrong.moved).toBe(true);
    expect(Math.abs(wrong.offsetS)).toBeLessThan(1 / 60);
    expect(tri.triangulatedShare).toBeGreaterThan(0.95);
    reprojected.forEach((m, i) => expect(m, CAMERAS[i]).toBeLessThanOrEqual(MAX_TRIANGULATED_MEDIAN_PX[i]!));
    expect(median(all3d)).toBeLessThanOrEqual(MAX_3D_MEDIAN_MM);
    kneeRmse.forEach((r) => expect(r).toBeLessThanOrEqual(MAX_KNEE_RMSE_DEG));
  });
});
