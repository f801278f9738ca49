// Analysis counts time from a video's first frame at the rate it was filmed; the file itself may
// keep another clock. A phone whose camera started after its microphone writes the picture to
// begin later than the file (an empty edit: here sound from 0 s, the first frame at 0.4 s); an
// Android phone's slow-motion video holds its frames longer than they were filmed (120 or 240 a
// second stored to play at about 30) and says the rate it filmed at (com.android.capture.fps).
// Analysed on the file's clock, the slow-motion walk would have a quarter of its cadence; and
// whatever seeks the file itself (the report's stills, the patient chooser's picture) must find
// frame k on the file's clock, or the picture is not the one its skeleton and event belong to.
// Review is checked in the browser: tests/e2e/review-file-clock.test.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeVideo } from '../../../src/main/media/probe';
import { makeReviewCopy } from '../../../src/main/media/review-copy';
import { trialDirRelative } from '../../../src/main/store/lab-folder';
import type { PoseTrackView, TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import type { ReportView } from '../../../src/shared/api/report-types';
import {
  analyseInProcess,
  callLab,
  createTrialLab,
  type DemoCamera,
  type TrialLab,
} from '../../helpers/analysed-trial';
import { analyseDemo } from '../../helpers/demo-pose';
import { expectPicturesOnTheirFrames } from '../../helpers/frame-picture';
import { BUILT_CLI } from '../../helpers/serve-process';
import { SLOW_MOTION_OPTIONS } from '../../helpers/video-variant';

const FPS = 30;

interface AnalysedTrial {
  lab: TrialLab;
  video: string;
  call: <T>(op: string, input?: unknown) => Promise<T>;
}

/** A lab whose one trial was filmed by `camera` and analysed, with the camera's video file. */
async function analysedTrial(camera: DemoCamera): Promise<AnalysedTrial> {
  const lab = await createTrialLab({ cameras: [camera] });
  const done = await analyseInProcess(lab.labDir, lab.trial.id);
  expect(done.state, done.message).toBe('done');
  const dir = join(lab.labDir, trialDirRelative(lab.patient.id, lab.session.id, lab.trial.id));
  return {
    lab,
    video: join(dir, `${camera.camera}.mp4`),
    call: <T>(op: string, input: unknown = { trialId: lab.trial.id }) => callLab<T>(lab.labDir, op, input),
  };
}

describe('a video whose picture starts after its sound', () => {
  const LATE_S = 0.4;
  let trial: AnalysedTrial;
  beforeAll(async () => {
    trial = await analysedTrial({ camera: 'sagittal-left', soundFirstS: LATE_S });
  });

  it('is analysed from its first frame, and the pose job knows where that frame is in the file', async () => {
    const { video, call } = trial;
    const info = await probeVideo(video);
    expect(info.frameTimesS[0]).toBe(0);
    expect(info.frameCount).toBe(230);
    expect(info.firstFrameS).toBeCloseTo(LATE_S, 3);
    expect(info.firstFrameSeekS).toBeCloseTo(LATE_S, 3);
    const track = await call<PoseTrackView>('analysis.poseTrack');
    expect(track.timeS[0]).toBe(0);
    expect(track.firstFrameS).toBeCloseTo(LATE_S, 3);
    expect(track.firstFrameSeekS).toBeCloseTo(LATE_S, 3);
    const view = (await call<TrialAnalysisView>('analysis.get'))!;
    expect(view.status).toBe('analysed');
    expect(view.cycles.filter((c) => c.side === 'left').length).toBeGreaterThanOrEqual(3);
  });

  it("the report's stills and the chooser's picture show their frames, not those 0.4 s earlier", async () => {
    const { lab, video } = trial;
    await expectPicturesOnTheirFrames(lab, video, (frame) => frame - LATE_S * FPS);
  });

  it('a pose job made before this was recorded learns it when the trial is analysed again, without posing again', async () => {
    const { lab, video, call } = trial;
    const manifestPath = join(video, '..', 'pose-sagittal-left', 'pose.json');
    const old = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      video: Record<string, unknown>;
      provenance: { startedAt: string };
    };
    delete old.video.firstFrameS;
    delete old.video.firstFrameSeekS;
    writeFileSync(manifestPath, JSON.stringify(old));
    expect((await call<PoseTrackView>('analysis.poseTrack')).firstFrameS).toBeUndefined();
    const again = await analyseInProcess(lab.labDir, lab.trial.id);
    expect(again.state, again.message).toBe('done');
    const now = JSON.parse(readFileSync(manifestPath, 'utf8')) as typeof old;
    expect(now.provenance.startedAt).toBe(old.provenance.startedAt);
    expect(now.video.firstFrameS).toBeCloseTo(LATE_S, 3);
    expect((await call<PoseTrackView>('analysis.poseTrack')).firstFrameSeekS).toBeCloseTo(LATE_S, 3);
  });

  it('a review copy (made for what the browser cannot play) starts at its first frame', async () => {
    const { video } = trial;
    const copy = join(video, '..', 'copy.review.mp4');
    await makeReviewCopy(video, copy, { fps: FPS });
    const info = await probeVideo(copy);
    expect(info.frameCount).toBe(230);
    expect(info.firstFrameS).toBeUndefined();
    expect(info.firstFrameSeekS).toBeUndefined();
  });
});

describe("a phone's slow-motion video, filmed at 120 frames/s and stored to play at 30", () => {
  const SLOWER = 4;
  const FILMED_FPS = 120;
  let trial: AnalysedTrial;
  beforeAll(async () => {
    trial = await analysedTrial({ camera: 'sagittal-left', variant: SLOW_MOTION_OPTIONS });
  });
  const param = (v: TrialAnalysisView, p: string, side: 'left' | 'right') =>
    v.parameters.find((x) => x.parameter === p)![side].mean!;

  it("is read on the walk's clock: its frames at the rate they were filmed", async () => {
    const info = await probeVideo(trial.video);
    expect(info.slowMotionFactor).toBeCloseTo(SLOWER, 2);
    expect(info.fps).toBeCloseTo(FILMED_FPS, 2);
    expect(info.frameCount).toBe(920);
    expect(info.frameTimesS[919]).toBeCloseTo(919 / FILMED_FPS, 3);
    expect(info.durationS).toBeCloseTo(920 / FILMED_FPS, 1);
  });

  it("gives the walk's cadence and speed, and says how the file was stored", async () => {
    const { call } = trial;
    const view = (await call<TrialAnalysisView>('analysis.get'))!;
    const walk = (await analyseDemo({ heightM: 1.65 })).view;
    expect(view.status).toBe('analysed');
    expect(view.fps).toBeCloseTo(FILMED_FPS, 2);
    for (const side of ['left', 'right'] as const) {
      const cadence = param(view, 'cadenceStepsPerMin', side);
      const speed = param(view, 'speedMps', side);
      console.log(
        `${side}: cadence ${cadence.toFixed(1)} (walk ${param(walk, 'cadenceStepsPerMin', side).toFixed(1)}) steps/min, speed ${speed.toFixed(2)} (walk ${param(walk, 'speedMps', side).toFixed(2)}) m/s`,
      );
      expect(Math.abs(cadence - param(walk, 'cadenceStepsPerMin', side))).toBeLessThan(2);
      expect(Math.abs(speed - param(walk, 'speedMps', side))).toBeLessThan(0.03);
    }
    expect(view.warnings.join(' ')).not.toMatch(/longer than anyone walks/);
    expect(view.provenance.slowMotionFactor).toBe(SLOWER);
    expect(view.provenance.videoCodec).toBe(
      "h264, slow motion: filmed at 120 frames/s, stored to play 4.0x slower; analysed on the walk's clock",
    );
    const report = await call<ReportView>('reports.get', { sessionId: trial.lab.session.id });
    expect(report.model.provenance[0]?.items.find((i) => i.label === 'Cameras')?.value).toMatch(
      /, 120 fps, slow motion \(the file plays 4\.0x slower; times are the walk's\)$/,
    );
  });

  it('the command line says so under its summary', () => {
    const cli = spawnSync(
      process.execPath,
      [BUILT_CLI, '--lab', trial.lab.labDir, 'analyze', trial.lab.trial.id],
      { encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/^Left cadence: (99|100|101) ± \d steps\/min/m);
    expect(cli.stdout).toContain(
      "\nVideo: h264, slow motion: filmed at 120 frames/s, stored to play 4.0x slower; analysed on the walk's clock.\n",
    );
  });

  it('review is told the file plays 4x slower', async () => {
    const track = await trial.call<PoseTrackView>('analysis.poseTrack');
    expect(track.slowMotionFactor).toBeCloseTo(SLOWER, 2);
    expect(track.fps).toBeCloseTo(FILMED_FPS, 2);
  });

  it("the report's stills and the chooser's picture show their frames, not where the walk's clock falls in the file", async () => {
    const { lab, video } = trial;
    await expectPicturesOnTheirFrames(lab, video, (frame) => Math.round(frame / SLOWER));
  });
});
