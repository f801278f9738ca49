// An Android phone's slow-motion video holds its frames longer than they were filmed (120 or 240
// a second stored to play at about 30) and says the rate it filmed at in its metadata
// (com.android.capture.fps). Here the Sports2D walk stored that way, 4x slower: it must be analysed
// on the walk's own clock (the walk's cadence and speed, not a quarter of them, and no "longer
// than anyone walks"), while the report's stills and the patient chooser's picture, which seek the
// file itself, find their frames on the file's clock.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeVideo } from '../../../src/main/media/probe';
import { reportStills } from '../../../src/main/report/report-stills';
import { trialDirRelative } from '../../../src/main/store/lab-folder';
import type { ReportView } from '../../../src/shared/api/report-types';
import type {
  PoseTrackView,
  ScannedPeopleView,
  TrialAnalysisView,
} from '../../../src/shared/api/analysis-types';
import { analyseInProcess, callLab, createTrialLab, type TrialLab } from '../../helpers/analysed-trial';
import { analyseDemo } from '../../helpers/demo-pose';
import { distancesWhereTheyDiffer, frameGrey, greyPicture } from '../../helpers/frame-picture';
import { SLOW_MOTION_OPTIONS } from '../../helpers/video-variant';

const SLOWER = 4;
let lab: TrialLab;
let video: string;
let view: TrialAnalysisView;
let walk: TrialAnalysisView;
const call = <T>(op: string, input: unknown): Promise<T> => callLab<T>(lab.labDir, op, input);
const param = (v: TrialAnalysisView, p: string, side: 'left' | 'right') =>
  v.parameters.find((x) => x.parameter === p)![side].mean!;

/** How far `picture` is from frame `n` and from the frame the walk's clock would seek to (n / 4). */
function distances(picture: Uint8Array, n: number, filter?: string): { own: number; wrong: number } {
  const d = distancesWhereTheyDiffer(
    picture,
    frameGrey(video, n, filter),
    frameGrey(video, Math.round(n / SLOWER), filter),
  );
  expect(d.pixels).toBeGreaterThan(20);
  return { own: d.toA, wrong: d.toB };
}

beforeAll(async () => {
  lab = await createTrialLab({ cameras: [{ camera: 'sagittal-left', variant: SLOW_MOTION_OPTIONS }] });
  const done = await analyseInProcess(lab.labDir, lab.trial.id);
  expect(done.state, done.message).toBe('done');
  video = join(
    lab.labDir,
    trialDirRelative(lab.patient.id, lab.session.id, lab.trial.id),
    'sagittal-left.mp4',
  );
  view = (await call<TrialAnalysisView>('analysis.get', { trialId: lab.trial.id }))!;
  walk = (await analyseDemo({ heightM: 1.65 })).view;
}, 600_000);

describe("a phone's slow-motion video", () => {
  it("is read on the walk's clock: its frames at the rate they were filmed", async () => {
    const info = await probeVideo(video);
    expect(info.slowMotionFactor).toBeCloseTo(SLOWER, 2);
    expect(info.fps).toBeCloseTo(30, 2);
    expect(info.frameCount).toBe(230);
    expect(info.frameTimesS[229]).toBeCloseTo(229 / 30, 3);
    expect(info.durationS).toBeCloseTo(230 / 30, 1);
  });

  it("gives the walk's cadence and speed, and says how the file was stored", () => {
    expect(view.status).toBe('analysed');
    expect(view.fps).toBeCloseTo(30, 2);
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
      "h264, slow motion: filmed at 30 frames/s, stored to play 4.0x slower; analysed on the walk's clock",
    );
  });

  it("the report's camera line says the file is slow motion, at the rate it was filmed", async () => {
    const report = await call<ReportView>('reports.get', { sessionId: lab.session.id });
    expect(report.model.provenance[0]?.items.find((i) => i.label === 'Cameras')?.value).toMatch(
      /, 30 fps, slow motion \(the file plays 4\.0x slower; times are the walk's\)$/,
    );
  });

  it('review is told the file plays 4x slower', async () => {
    const track = await call<PoseTrackView>('analysis.poseTrack', { trialId: lab.trial.id });
    expect(track.slowMotionFactor).toBeCloseTo(SLOWER, 2);
    expect(track.fps).toBeCloseTo(30, 2);
  });

  it("the report's stills and the chooser's picture show their frames", async () => {
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
      const [, x, y, w, h] = /-f\d+-(\d+)-(\d+)-(\d+)x(\d+)\.jpg$/.exec(s.imageRelativePath)!;
      const d = distances(
        greyPicture(['-i', join(lab.labDir, s.imageRelativePath)]),
        s.frame,
        `crop=${w}:${h}:${x}:${y}`,
      );
      console.log(
        `still ${s.event} (frame ${s.frame}): ${d.own.toFixed(1)} grey levels from it, ${d.wrong.toFixed(1)} from frame ${Math.round(s.frame / SLOWER)}`,
      );
      expect(d.own).toBeLessThan(0.5 * d.wrong);
    }
    const scan = (await call<ScannedPeopleView | null>('analysis.people', { trialId: lab.trial.id }))!;
    const jpeg = Buffer.from(scan.imageDataUrl.split(',')[1]!, 'base64');
    const d = distances(greyPicture(['-i', 'pipe:0'], undefined, jpeg), scan.frame);
    console.log(
      `chooser picture (frame ${scan.frame}): ${d.own.toFixed(1)} grey levels from it, ${d.wrong.toFixed(1)} from frame ${Math.round(scan.frame / SLOWER)}`,
    );
    expect(d.own).toBeLessThan(0.5 * d.wrong);
  });
});
