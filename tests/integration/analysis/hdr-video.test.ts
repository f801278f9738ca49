// Phones film HDR by default: HEVC 10-bit in BT.2020 colours, with PQ (HDR10, many Android phones)
// or HLG (iPhones). Read as if it were SDR, a PQ picture is grey and flat, and the landmark model
// found half the Sports2D walk's cycles in it (2 + 1 against 3 + 3). Tone-mapped, the walk filmed
// so is analysed like its SDR original, and every picture of it shown to people (the review's copy,
// the report's stills, the frame to choose the patient on, the pose overlay) lies near the SDR
// original's, where decoding it as it is leaves it 26 grey levels off.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeVideo } from '../../../src/main/media/probe';
import { makeReviewCopy } from '../../../src/main/media/review-copy';
import { frameJpeg } from '../../../src/main/media/still-frame';
import { renderOverlay } from '../../../src/main/pose/overlay/render-overlay';
import { readPoseResult } from '../../../src/main/pose/pose-result';
import { resolveInsideLab } from '../../../src/main/store/lab-folder';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import type { TrialInfo } from '../../../src/shared/api/entities';
import { analyseInProcess, callLab, createTrialLab, type TrialLab } from '../../helpers/analysed-trial';
import { analyseDemo } from '../../helpers/demo-pose';
import { chooserPicture, frameGrey, greyPicture, trialStills } from '../../helpers/frame-picture';
import { hdrVideoArgs, SPORTS2D_WALK } from '../../helpers/video-variant';

/** Mean grey-level distance of two pictures of the same size. */
function greyDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/**
 * `shown` is frame `frame` of the HDR `video` tone-mapped: near the SDR walk's frame, and under
 * half as far from it as the HDR frame decoded as it is. Prints both distances.
 */
function expectToneMapped(
  label: string,
  shown: Uint8Array,
  video: string,
  frame: number,
  filter?: string,
): void {
  const sdr = frameGrey(SPORTS2D_WALK, frame, filter);
  const mapped = greyDistance(shown, sdr);
  const asItIs = greyDistance(frameGrey(video, frame, filter), sdr);
  console.log(
    `${label} (frame ${frame}): ${mapped.toFixed(1)} grey levels from the SDR walk's frame; decoded as it is, ${asItIs.toFixed(1)}`,
  );
  expect(mapped).toBeLessThan(8);
  expect(mapped).toBeLessThan(0.5 * asItIs);
}

describe('a phone video filmed in HDR (PQ)', () => {
  let lab: TrialLab;
  let video: string;
  let view: TrialAnalysisView;
  beforeAll(async () => {
    lab = await createTrialLab({ cameras: [{ camera: 'sagittal-left', hdr: 'pq' }] });
    const done = await analyseInProcess(lab.labDir, lab.trial.id);
    expect(done.state, done.message).toBe('done');
    view = await callLab<TrialAnalysisView>(lab.labDir, 'analysis.get', { trialId: lab.trial.id });
    video = resolveInsideLab(lab.labDir, view.videoRelativePath);
  }, 600_000);

  it('is analysed like its SDR original, and its provenance says it is HDR', async () => {
    expect((await probeVideo(video)).hdr).toBe('pq');
    expect(view.status, view.message).toBe('analysed');
    expect(view.provenance.hdr).toBe('pq');
    expect(view.provenance.videoCodec).toBe('hevc, HDR (PQ), tone-mapped to SDR');
    const sdr = (await analyseDemo({ heightM: 1.65 })).view;
    for (const side of ['left', 'right'] as const) {
      const mean = (v: TrialAnalysisView, p: string) =>
        v.parameters.find((x) => x.parameter === p)![side].mean!;
      const cycles = (v: TrialAnalysisView) => v.cycles.filter((c) => c.side === side).length;
      console.log(
        `${side}: ${cycles(view)} cycles, cadence ${mean(view, 'cadenceStepsPerMin').toFixed(1)} steps/min, speed ${mean(view, 'speedMps').toFixed(2)} m/s; SDR original ${cycles(sdr)}, ${mean(sdr, 'cadenceStepsPerMin').toFixed(1)}, ${mean(sdr, 'speedMps').toFixed(2)}`,
      );
      expect(cycles(view)).toBe(cycles(sdr));
      expect(Math.abs(mean(view, 'cadenceStepsPerMin') - mean(sdr, 'cadenceStepsPerMin'))).toBeLessThan(2);
      expect(Math.abs(mean(view, 'speedMps') - mean(sdr, 'speedMps'))).toBeLessThan(0.03);
    }
  });

  it("review's copy, the report's stills, the chooser's picture and the overlay are tone-mapped", async () => {
    const trial = await callLab<TrialInfo>(lab.labDir, 'trials.get', { id: lab.trial.id });
    const copy = trial.files.find((f) => f.kind === 'review-video')!;
    const copyPath = resolveInsideLab(lab.labDir, copy.relativePath);
    const copyInfo = await probeVideo(copyPath);
    expect(copyInfo.hdr).toBeUndefined();
    const FRAME = 120;
    // The copy is 1280 px wide: the grey pictures compared are all 96 x 96 of the whole frame.
    expectToneMapped('review copy', frameGrey(copyPath, FRAME), video, FRAME);

    const stills = await trialStills(lab);
    expect(stills.length).toBe(3);
    for (const s of stills)
      expectToneMapped(`still ${s.event}`, greyPicture(['-i', s.path]), video, s.frame, s.crop);

    const chooser = await chooserPicture(lab);
    expectToneMapped("chooser's picture", chooser.grey, video, chooser.frame);

    const dir = mkdtempSync(join(tmpdir(), 'gaitlab-hdr-overlay-'));
    const poseDir = join(video, '..', 'pose-sagittal-left');
    await renderOverlay({
      videoPath: video,
      track: readPoseResult(poseDir).track,
      outPath: join(dir, 'frame-%04d.png'),
      frames: [FRAME],
    });
    // The skeleton covers a few of the picture's pixels; the rest is the frame.
    expectToneMapped(
      'overlay',
      greyPicture(['-i', join(dir, `frame-${String(FRAME).padStart(4, '0')}.png`)]),
      video,
      FRAME,
    );
  });

  it('analysed again, remakes a review copy made before copies were tone-mapped (it still says HDR)', async () => {
    const trial = await callLab<TrialInfo>(lab.labDir, 'trials.get', { id: lab.trial.id });
    const copyPath = resolveInsideLab(
      lab.labDir,
      trial.files.find((f) => f.kind === 'review-video')!.relativePath,
    );
    // What the copy was before: the original re-encoded as it is, its HDR transfer carried over.
    const old = `${copyPath}.old.mp4`;
    execFileSync('ffmpeg', [
      ...['-v', 'error', '-y', '-i', video],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', old],
    ]);
    renameSync(old, copyPath);
    expect((await probeVideo(copyPath)).hdr).toBe('pq');
    const again = await analyseInProcess(lab.labDir, lab.trial.id);
    expect(again.state, again.message).toBe('done');
    expect((await probeVideo(copyPath)).hdr).toBeUndefined();
    expectToneMapped('review copy made again', frameGrey(copyPath, 120), video, 120);
  });
});

describe('an iPhone video filmed in HDR (HLG)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gaitlab-hlg-'));
  const hlg = join(dir, 'walk.mov');

  it('is known as HLG, and its frame to choose the patient on and its review copy are tone-mapped', async () => {
    // 3 s of the walk: enough frames for the copy, quick to encode.
    const cut = join(dir, 'cut.mp4');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-i',
      SPORTS2D_WALK,
      '-t',
      '3',
      '-c:v',
      'libx264',
      '-crf',
      '12',
      cut,
    ]);
    execFileSync('ffmpeg', hdrVideoArgs(cut, 'hlg', hlg));
    const info = await probeVideo(hlg);
    expect(info.hdr).toBe('hlg');
    const FRAME = 60;
    const jpeg = await frameJpeg(hlg, info.frameTimesS[FRAME]!, 960, 540, { hdr: 'hlg' });
    expectToneMapped("chooser's picture", greyPicture(['-i', 'pipe:0'], undefined, jpeg), hlg, FRAME);
    const copy = join(dir, 'walk.review.mp4');
    await makeReviewCopy(hlg, copy, { fps: info.fps, hdr: 'hlg' });
    expectToneMapped('review copy', frameGrey(copy, FRAME), hlg, FRAME);
  });
});
