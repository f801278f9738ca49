// A phone whose camera started after its microphone writes its video to begin later than the file
// (an empty edit): here sound from 0 s and the first frame at 0.4 s. Analysis counts time from
// frame 0; whatever plays or seeks the file itself must find frame k at 0.4 s plus its time, or the
// picture is 12 frames (0.4 s at 30 frames/s) away from its skeleton: the report's stills, the
// picture to choose the patient on, and review (tests/e2e/review-file-clock.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeVideo } from '../../../src/main/media/probe';
import { makeReviewCopy } from '../../../src/main/media/review-copy';
import { reportStills } from '../../../src/main/report/report-stills';
import { trialDirRelative } from '../../../src/main/store/lab-folder';
import type {
  PoseTrackView,
  ScannedPeopleView,
  TrialAnalysisView,
} from '../../../src/shared/api/analysis-types';
import { analyseInProcess, callLab, createTrialLab, type TrialLab } from '../../helpers/analysed-trial';
import { distancesWhereTheyDiffer, frameGrey, greyPicture } from '../../helpers/frame-picture';

const LATE_S = 0.4;
const FPS = 30;
const LATE_FRAMES = LATE_S * FPS;
let lab: TrialLab;
let video: string;
const call = <T>(op: string, input: unknown): Promise<T> => callLab<T>(lab.labDir, op, input);

/** How far `picture` is from frame `n` and from the frame 0.4 s before it (what seeking from 0 gave). */
function distances(picture: Uint8Array, n: number, filter?: string): { own: number; early: number } {
  const d = distancesWhereTheyDiffer(
    picture,
    frameGrey(video, n, filter),
    frameGrey(video, n - LATE_FRAMES, filter),
  );
  expect(d.pixels).toBeGreaterThan(20);
  return { own: d.toA, early: d.toB };
}

beforeAll(async () => {
  lab = await createTrialLab({ cameras: [{ camera: 'sagittal-left', soundFirstS: LATE_S }] });
  const done = await analyseInProcess(lab.labDir, lab.trial.id);
  expect(done.state, done.message).toBe('done');
  video = join(
    lab.labDir,
    trialDirRelative(lab.patient.id, lab.session.id, lab.trial.id),
    'sagittal-left.mp4',
  );
}, 600_000);

describe('a video that starts after its sound', () => {
  it('is analysed from its first frame, and the pose job knows where that frame is in the file', async () => {
    const info = await probeVideo(video);
    expect(info.frameTimesS[0]).toBe(0);
    expect(info.frameCount).toBe(230);
    expect(info.firstFrameS).toBeCloseTo(LATE_S, 3);
    expect(info.firstFrameSeekS).toBeCloseTo(LATE_S, 3);
    const track = await call<PoseTrackView>('analysis.poseTrack', { trialId: lab.trial.id });
    expect(track.timeS[0]).toBe(0);
    expect(track.firstFrameS).toBeCloseTo(LATE_S, 3);
    expect(track.firstFrameSeekS).toBeCloseTo(LATE_S, 3);
    const view = (await call<TrialAnalysisView>('analysis.get', { trialId: lab.trial.id }))!;
    expect(view.status).toBe('analysed');
    expect(view.cycles.filter((c) => c.side === 'left').length).toBeGreaterThanOrEqual(3);
  });

  it('the picture to choose the patient on is the frame its boxes are drawn for', async () => {
    const scan = (await call<ScannedPeopleView | null>('analysis.people', { trialId: lab.trial.id }))!;
    const jpeg = Buffer.from(scan.imageDataUrl.split(',')[1]!, 'base64');
    const d = distances(greyPicture(['-i', 'pipe:0'], undefined, jpeg), scan.frame);
    console.log(
      `chooser picture (frame ${scan.frame}): ${d.own.toFixed(1)} grey levels from it, ${d.early.toFixed(1)} from 0.4 s earlier (where the two differ)`,
    );
    expect(d.own).toBeLessThan(0.5 * d.early);
  });

  it("the report's stills show the instants of their events", async () => {
    const view = (await call<TrialAnalysisView>('analysis.get', { trialId: lab.trial.id }))!;
    const track = await call<PoseTrackView>('analysis.poseTrack', { trialId: lab.trial.id });
    const stills = await reportStills({
      labRoot: lab.labDir,
      sessionKey: 'A',
      view,
      track,
      side: 'left',
      trialDirRelative: trialDirRelative(lab.patient.id, lab.session.id, lab.trial.id),
    });
    expect(stills.length).toBe(3);
    for (const s of stills) {
      // The still's name says its crop: <camera>-f<frame>-<x>-<y>-<w>x<h>.jpg
      const [, x, y, w, h] = /-f\d+-(\d+)-(\d+)-(\d+)x(\d+)\.jpg$/.exec(s.imageRelativePath)!;
      const crop = `crop=${w}:${h}:${x}:${y}`;
      const d = distances(greyPicture(['-i', join(lab.labDir, s.imageRelativePath)]), s.frame, crop);
      console.log(
        `still ${s.event} (frame ${s.frame}): ${d.own.toFixed(1)} grey levels from it, ${d.early.toFixed(1)} from 0.4 s earlier (where the two differ)`,
      );
      expect(d.own).toBeLessThan(0.5 * d.early);
    }
  });

  it('a pose job made before this was recorded learns it when the trial is analysed again, without posing again', async () => {
    const manifestPath = join(video, '..', 'pose-sagittal-left', 'pose.json');
    const old = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      video: Record<string, unknown>;
      provenance: { startedAt: string };
    };
    delete old.video.firstFrameS;
    delete old.video.firstFrameSeekS;
    writeFileSync(manifestPath, JSON.stringify(old));
    expect(
      (await call<PoseTrackView>('analysis.poseTrack', { trialId: lab.trial.id })).firstFrameS,
    ).toBeUndefined();
    const again = await analyseInProcess(lab.labDir, lab.trial.id);
    expect(again.state, again.message).toBe('done');
    const now = JSON.parse(readFileSync(manifestPath, 'utf8')) as typeof old;
    expect(now.provenance.startedAt).toBe(old.provenance.startedAt);
    expect(now.video.firstFrameS).toBeCloseTo(LATE_S, 3);
    expect(
      (await call<PoseTrackView>('analysis.poseTrack', { trialId: lab.trial.id })).firstFrameSeekS,
    ).toBeCloseTo(LATE_S, 3);
  });

  it('a review copy (made for what the browser cannot play) starts at its first frame', async () => {
    const copy = join(video, '..', 'copy.review.mp4');
    await makeReviewCopy(video, copy, { fps: FPS });
    const info = await probeVideo(copy);
    expect(info.frameCount).toBe(230);
    expect(info.firstFrameS).toBeUndefined();
    expect(info.firstFrameSeekS).toBeUndefined();
  });
});
