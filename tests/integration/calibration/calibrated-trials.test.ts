// Trials of a session with a camera calibration, through the lab services as the app runs them:
// - the Pose2Sim demo's four cameras as one trial with its scene calibration: every camera's pose,
//   then the trial triangulated (stored as camera "3d"); the 3D skeleton projected onto the first
//   camera lies on that camera's own landmarks; he balances, so the 3D gait analysis says he did
//   not walk; a calibration with two cameras given each other's view is caught, not used silently;
// - the same trial with its first camera lost after 30 frames: the 3D follows a camera that filmed
//   to the end;
// - the Sports2D walk with Sports2D's own calibration of that camera: metres from the calibration
//   (where the feet land on the floor) instead of the patient's height, compared with the height.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  TRIANGULATED_CAMERA,
  type PoseTrackView,
  type TrialAnalysisView,
} from '../../../src/shared/api/analysis-types';
import type { TrialInfo } from '../../../src/shared/api/entities';
import { dispatch } from '../../../src/main/services/dispatch';
import { openLab } from '../../../src/main/services/lab-services';
import { analyseInProcess, callLab, createTrialLab, type TrialLab } from '../../helpers/analysed-trial';
import { readSharedText, sharedDataPath } from '../../helpers/shared-data';
import { hipsToToesDistancesPx, medianOf } from '../../helpers/skeleton-distance';
import {
  P2S,
  P2S_VIEWS,
  P2S_VIEW_OF_CAMERA,
  createPose2SimLab,
  importPose2SimCalibration,
} from '../../helpers/pose2sim-lab';
import { BUILT_CLI } from '../../helpers/serve-process';

const VIEWS = P2S_VIEWS;

describe('a trial of four calibrated cameras (Pose2Sim demo)', () => {
  let t: TrialLab;
  const importCalibration = (views: Record<string, string>) => importPose2SimCalibration(t, views);

  beforeAll(async () => {
    t = await createPose2SimLab();
  }, 600_000);

  it('poses every camera, triangulates them and analyses the 3D landmarks', async () => {
    const trial = await callLab<TrialInfo>(t.labDir, 'trials.get', { id: t.trial.id });
    expect(trial.cameraAnalyses.map((a) => a.camera).sort()).toEqual([TRIANGULATED_CAMERA, ...VIEWS].sort());
    const view = await callLab<TrialAnalysisView>(t.labDir, 'analysis.get', {
      trialId: t.trial.id,
      camera: TRIANGULATED_CAMERA,
    });
    // A balance trial: the 3D analysis runs and says why there are no gait cycles.
    expect(view.status).toBe('failed');
    expect(view.message).toMatch(/did not walk/);
    expect(view.videoRelativePath).toMatch(/sagittal-left\.mp4$/);
    expect(String(view.provenance.calibration)).toMatch(/Calib_scene_recomputed\.toml/);
  });

  it('draws the 3D skeleton on the first camera where its own landmarks are', async () => {
    const projected = await callLab<PoseTrackView>(t.labDir, 'analysis.poseTrack', {
      trialId: t.trial.id,
      camera: TRIANGULATED_CAMERA,
    });
    const own = await callLab<PoseTrackView>(t.labDir, 'analysis.poseTrack', {
      trialId: t.trial.id,
      camera: 'sagittal-left',
    });
    expect(projected.frameCount).toBe(own.frameCount);
    expect(projected.widthPx).toBe(own.widthPx);
    // Hips to toes (landmarks 23-32) in every frame.
    const d = hipsToToesDistancesPx(projected, own);
    console.log(
      `3D skeleton on cam01: median ${medianOf(d).toFixed(1)} px from cam01's own landmarks (${d.length} points)`,
    );
    expect(d.length).toBeGreaterThan(0.9 * own.frameCount * 10);
    expect(medianOf(d)).toBeLessThan(12);
  });

  it('puts back a camera whose synchronisation was typed 10 frames wrong, and says so', async () => {
    await callLab(t.labDir, 'capture.sync', {
      trialId: t.trial.id,
      method: 'manual',
      offsetsMs: { 'sagittal-right': 167 },
    });
    const r = await analyseInProcess(t.labDir, t.trial.id, { camera: TRIANGULATED_CAMERA });
    expect(r.state, r.message).toBe('done');
    const view = await callLab<TrialAnalysisView>(t.labDir, 'analysis.get', {
      trialId: t.trial.id,
      camera: TRIANGULATED_CAMERA,
    });
    const note = view.warnings.find((w) => w.includes('synchronisation was moved'));
    console.log(`sync typed +167 ms: ${note}`);
    const moved = Number(/moved by ([-+]\d+) ms/.exec(note ?? '')?.[1]);
    // Put back within a frame (17 ms) of where the cameras really are in step.
    expect(Math.abs(moved + 167)).toBeLessThan(17);
    await callLab(t.labDir, 'capture.sync', { trialId: t.trial.id, method: 'manual', offsetsMs: {} });
  });

  it('says when a camera changed after triangulation, and triangulates again when one camera is re-analysed', async () => {
    const get3d = () =>
      callLab<TrialAnalysisView>(t.labDir, 'analysis.get', {
        trialId: t.trial.id,
        camera: TRIANGULATED_CAMERA,
      });
    // The test before triangulated with sagittal-right at +167 ms, then put the offsets back.
    const afterSync = (await get3d()).warnings[0] ?? '';
    console.log(`offsets changed after triangulation: ${afterSync}`);
    expect(afterSync).toMatch(/sagittal-right camera's synchronisation changed \(\+167 ms -> 0 ms\)/);
    expect(afterSync).toMatch(/analyse the trial again/i);

    // The user draws a box round the man on the posterior camera: its pose is run again from scratch.
    const own = await callLab<PoseTrackView>(t.labDir, 'analysis.poseTrack', {
      trialId: t.trial.id,
      camera: 'posterior',
    });
    const xs = own.xPx.slice(0, 33).filter((v): v is number => v != null);
    const ys = own.yPx.slice(0, 33).filter((v): v is number => v != null);
    const box = {
      x0: Math.max(0, Math.min(...xs) - 60),
      y0: Math.max(0, Math.min(...ys) - 60),
      x1: Math.min(own.widthPx, Math.max(...xs) + 60),
      y1: Math.min(own.heightPx, Math.max(...ys) + 60),
    };
    const rerun = { camera: 'posterior', person: { box, frame: 0 } };
    // Cancelled half-way, the new track is not finished: the 3D results are from the old one.
    const lab = openLab(t.labDir);
    try {
      const started = await dispatch(lab.handlers, 'analysis.start', { trialId: t.trial.id, ...rerun });
      if (!started.ok) throw new Error(started.error.message);
      const { jobId } = started.result as { jobId: string };
      for (;;) {
        const job = lab.jobs.list().find((j) => j.jobId === jobId)!;
        expect(job.state).toBe('running');
        if (job.message?.startsWith('Pose estimation') && job.done >= 10) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await dispatch(lab.handlers, 'jobs.cancel', { jobId });
      while (lab.jobs.list().find((j) => j.jobId === jobId)?.state === 'running')
        await new Promise((r) => setTimeout(r, 50));
    } finally {
      lab.close();
    }
    const cancelled = (await get3d()).warnings[0] ?? '';
    console.log(`camera re-analysis cancelled: ${cancelled}`);
    expect(cancelled).toMatch(/posterior camera is being analysed again \(not finished\)/);

    // Run to the end: the 3D analysis is made again from the new track and today's offsets.
    const before = (await get3d()).provenance.reprojectionErrorPx;
    const r = await analyseInProcess(t.labDir, t.trial.id, rerun);
    expect(r.state, r.message).toBe('done');
    const again = await get3d();
    console.log(
      `after re-analysing posterior: reprojection ${before} -> ${again.provenance.reprojectionErrorPx}`,
    );
    expect(again.warnings.join(' ')).not.toMatch(
      /Since this trial was triangulated|synchronisation was moved/,
    );
    expect(again.message).toMatch(/did not walk/);
  });

  it('gaitlab analyze of one calibrated camera says the 3D analysis was made again', () => {
    const r = spawnSync(
      process.execPath,
      [BUILT_CLI, '--lab', t.labDir, 'analyze', t.trial.id, '--camera', 'sagittal-left'],
      { encoding: 'utf8', timeout: 120_000 },
    );
    // A balance: the camera's own gait analysis fails (exit 1), the 3D analysis is made again.
    const said = `${r.stdout}${r.stderr}`;
    expect(r.status).toBe(1);
    console.log(`gaitlab analyze --camera sagittal-left:\n${said}`);
    expect(said).toMatch(/did not walk/);
    expect(r.stdout).toContain(
      `The trial's 3D analysis was made again from its calibrated cameras: gaitlab analyze ${t.trial.id} --camera 3d`,
    );
  });

  it("catches two cameras given each other's view instead of measuring with them", async () => {
    await importCalibration({
      int_cam01_img: 'sagittal-right',
      int_cam02_img: 'sagittal-left',
      int_cam03_img: 'frontal',
      int_cam04_img: 'posterior',
    });
    const r = await analyseInProcess(t.labDir, t.trial.id, { camera: TRIANGULATED_CAMERA });
    expect(r.state, r.message).toBe('done');
    const view = await callLab<TrialAnalysisView>(t.labDir, 'analysis.get', {
      trialId: t.trial.id,
      camera: TRIANGULATED_CAMERA,
    });
    const said = [view.message, ...view.warnings].join(' ');
    console.log(`swapped views: ${view.status}: ${said}`);
    expect(said).toMatch(/sagittal-left|sagittal-right/);
    expect(said).toMatch(/disagreed with the others|do not see the same body/);
  });

  it('says when the calibration was replaced or removed after the trial was triangulated', async () => {
    const get = () =>
      callLab<TrialAnalysisView>(t.labDir, 'analysis.get', {
        trialId: t.trial.id,
        camera: TRIANGULATED_CAMERA,
      });
    expect((await get()).warnings.join(' ')).not.toMatch(/was replaced|was removed/);
    await importCalibration(P2S_VIEW_OF_CAMERA);
    expect((await get()).warnings[0]).toMatch(/calibration was replaced .* analyse the trial again/);
    await callLab(t.labDir, 'calibration.remove', { sessionId: t.session.id });
    expect((await get()).warnings[0]).toMatch(/calibration \(Calib_scene_recomputed\.toml\) was removed/);
  });
});

describe('the Sports2D walk with its camera calibration', () => {
  let t: TrialLab;
  beforeAll(async () => {
    t = await createTrialLab({ cameras: [{ camera: 'sagittal-left' }] });
    await callLab(t.labDir, 'calibration.import', {
      sessionId: t.session.id,
      fileName: 'Calib_demo.toml',
      content: readFileSync(sharedDataPath('sports2d_demo_sideview_walk/Calib_demo.toml'), 'utf8'),
      views: { demo: 'sagittal-left' },
    });
    const r = await analyseInProcess(t.labDir, t.trial.id);
    expect(r.state, r.message).toBe('done');
  }, 600_000);

  it('measures metres from where the feet land, and agrees with the patient height', async () => {
    const view = await callLab<TrialAnalysisView>(t.labDir, 'analysis.get', { trialId: t.trial.id });
    expect(view.status).toBe('analysed');
    expect(view.scale?.method).toBe('calibration');
    expect(view.scale?.description).toMatch(/camera calibration: \d+ foot contacts on the floor/);
    // Without the calibration: the patient's height (1.65 m, the demo's).
    await callLab(t.labDir, 'calibration.remove', { sessionId: t.session.id });
    const r = await analyseInProcess(t.labDir, t.trial.id);
    expect(r.state, r.message).toBe('done');
    const byHeight = await callLab<TrialAnalysisView>(t.labDir, 'analysis.get', { trialId: t.trial.id });
    expect(byHeight.scale?.method).toBe('subject-height');
    const speed = (v: TrialAnalysisView) => v.parameters.find((p) => p.parameter === 'speedMps')!.left.mean!;
    const step = (v: TrialAnalysisView) =>
      v.parameters.find((p) => p.parameter === 'stepLengthM')!.left.mean!;
    const ratio = view.scale!.metresPerUnit / byHeight.scale!.metresPerUnit;
    console.log(
      `Sports2D walk: ${view.scale!.description}; ${(1000 * view.scale!.metresPerUnit).toFixed(2)} mm/px against ${(1000 * byHeight.scale!.metresPerUnit).toFixed(2)} from the height (${(100 * (ratio - 1)).toFixed(1)} %); speed ${speed(view).toFixed(2)} vs ${speed(byHeight).toFixed(2)} m/s, left step ${step(view).toFixed(2)} vs ${step(byHeight).toFixed(2)} m`,
    );
    // Sports2D's calibration is itself an estimate (camera put 10 m away): agreement within 20 %.
    expect(Math.abs(ratio - 1)).toBeLessThan(0.2);
    expect(view.warnings.join(' ')).not.toMatch(/larger than|smaller than/);
  });
});

describe('a trial whose two calibrated cameras saw nobody', () => {
  it('says nobody was in view of two calibrated cameras, not that the calibration is wrong', async () => {
    const t = await createTrialLab({
      cameras: [
        { camera: 'sagittal-left', nobody: true, nobodySize: '1088x1920' },
        { camera: 'sagittal-right', nobody: true, nobodySize: '1088x1920' },
      ],
    });
    await callLab(t.labDir, 'calibration.import', {
      sessionId: t.session.id,
      fileName: 'Calib_scene_recomputed.toml',
      content: readSharedText(`${P2S}/calibration/Calib_scene_recomputed.toml`),
      views: { int_cam01_img: 'sagittal-left', int_cam02_img: 'sagittal-right' },
    });
    await analyseInProcess(t.labDir, t.trial.id);
    const trial = await callLab<TrialInfo>(t.labDir, 'trials.get', { id: t.trial.id });
    expect(trial.status).toBe('failed');
    const view = await callLab<TrialAnalysisView>(t.labDir, 'analysis.get', {
      trialId: t.trial.id,
      camera: TRIANGULATED_CAMERA,
    });
    console.log(`nobody in view: ${view.message}`);
    expect(view.status).toBe('failed');
    expect(view.message).toMatch(
      /^Nobody was seen by two calibrated cameras at the same time \(0 % of the landmarks\): check that the subject is in view of at least two of sagittal-left, sagittal-right/,
    );
  }, 120_000);
});

describe('a calibrated trial whose first camera was lost part-way through', () => {
  it('follows a camera that filmed to the end, uses the lost one where it filmed, and says so', async () => {
    // cam01 unplugged after 30 frames (0.5 s of the 1.7 s): following it cut the 3D to 0.5 s.
    const t = await createTrialLab({
      cameras: P2S_VIEWS.map((camera, i) => ({
        camera,
        source: `${P2S}/videos/cam0${i + 1}.mp4`,
        ...(i === 0 ? { keepFrames: 'lt(n,30)' } : {}),
      })),
    });
    await importPose2SimCalibration(t);
    const r = await analyseInProcess(t.labDir, t.trial.id);
    expect(r.state, r.message).toBe('done');
    const view = await callLab<TrialAnalysisView>(t.labDir, 'analysis.get', {
      trialId: t.trial.id,
      camera: TRIANGULATED_CAMERA,
    });
    const track = (camera: string) =>
      callLab<PoseTrackView>(t.labDir, 'analysis.poseTrack', { trialId: t.trial.id, camera });
    const [lost, whole, projected] = await Promise.all([
      track('sagittal-left'),
      track('sagittal-right'),
      track(TRIANGULATED_CAMERA),
    ]);
    const note = view.warnings.find((w) => w.startsWith('The 3D follows'));
    console.log(
      `first camera lost after ${lost.frameCount} frames: 3D on ${view.videoRelativePath.split('/').pop()}, ${projected.frameCount} frames (sagittal-right ${whole.frameCount}); ${note}`,
    );
    expect(lost.frameCount).toBe(30);
    expect(view.videoRelativePath).toMatch(/sagittal-right\.mp4$/);
    expect(projected.frameCount).toBe(whole.frameCount);
    expect(note).toMatch(
      /^The 3D follows the sagittal-right camera's frames, not the sagittal-left camera's, which filmed 1\.\d s less of the time the cameras filmed together \(unplugged while recording, or started late\?\)\.$/,
    );
    // The 3D skeleton lies on the followed camera's own landmarks, with the lost camera or without.
    const d = hipsToToesDistancesPx(projected, whole);
    console.log(`3D skeleton on cam02: median ${medianOf(d).toFixed(1)} px from its own landmarks`);
    expect(d.length).toBeGreaterThan(0.9 * whole.frameCount * 10);
    expect(medianOf(d)).toBeLessThan(12);
  }, 600_000);
});
