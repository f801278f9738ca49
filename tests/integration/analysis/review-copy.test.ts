// A trial filmed on a phone in its default format (HEVC in a QuickTime .mov) is analysed from the
// original, and analysing it leaves an H.264 copy that the review's browser can play, listed with
// the trial's files, with every frame at the original's time (the skeleton is drawn by frame number
// from the video's clock). A second analysis does not make the copy again.
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeVideo } from '../../../src/main/media/probe';
import { openLab } from '../../../src/main/services/lab-services';
import { ensureReviewCopy } from '../../../src/main/services/review-video';
import { resolveInsideLab } from '../../../src/main/store/lab-folder';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import type { TrialInfo } from '../../../src/shared/api/entities';
import { analyseInProcess, callLab, createTrialLab, type TrialLab } from '../../helpers/analysed-trial';

let lab: TrialLab;
let trial: TrialInfo;

beforeAll(async () => {
  lab = await createTrialLab({ cameras: [{ camera: 'sagittal-left', hevc: true }] });
  const done = await analyseInProcess(lab.labDir, lab.trial.id);
  expect(done.state, done.message).toBe('done');
  trial = await callLab<TrialInfo>(lab.labDir, 'trials.get', { id: lab.trial.id });
}, 600_000);

describe('a copy of a phone video for review', () => {
  it('is analysed from the original HEVC .mov', async () => {
    const view = await callLab<TrialAnalysisView>(lab.labDir, 'analysis.get', { trialId: trial.id });
    expect(view.status, view.message).toBe('analysed');
    expect(view.videoRelativePath).toMatch(/\/sagittal-left\.mov$/);
  });

  it('leaves an H.264 copy with the same frames at the same times, listed with the trial', async () => {
    const original = trial.files.find((f) => f.kind === 'video')!;
    const copy = trial.files.find((f) => f.kind === 'review-video');
    expect(copy?.camera).toBe('sagittal-left');
    expect(copy?.relativePath).toMatch(/\/sagittal-left\.review\.mp4$/);
    const a = await probeVideo(resolveInsideLab(lab.labDir, original.relativePath));
    const b = await probeVideo(resolveInsideLab(lab.labDir, copy!.relativePath));
    expect(a.codec).toBe('hevc');
    expect(b.codec).toBe('h264');
    // At most 1280 px on its long side, the picture's shape kept (to the even pixel).
    expect(b.widthPx).toBe(1280);
    expect(Math.abs(b.heightPx - (1280 * a.heightPx) / a.widthPx)).toBeLessThanOrEqual(2);
    expect(b.frameCount).toBe(a.frameCount);
    let worst = 0;
    for (let i = 0; i < a.frameCount; i++)
      worst = Math.max(worst, Math.abs(a.frameTimesS[i]! - b.frameTimesS[i]!));
    console.log(
      `review copy: ${b.frameCount} frames ${b.widthPx}x${b.heightPx} ${b.codec}, frame times within ${(worst * 1000).toFixed(3)} ms of the ${a.codec} original`,
    );
    expect(worst).toBeLessThan(0.0005);
  });

  it('when it cannot be made, says why instead of stopping the analysis', async () => {
    const damaged = join(lab.labDir, 'damaged.mov');
    writeFileSync(damaged, 'not a video\n'.repeat(50));
    const labServices = openLab(lab.labDir);
    try {
      const note = await ensureReviewCopy(
        labServices,
        trial,
        {
          camera: 'frontal',
          view: 'frontal',
          relativePath: 'damaged.mov',
          absolutePath: damaged,
          startOffsetMs: 0,
          fps: 30,
          frameCount: 30,
          durationS: 1,
        },
        { codec: 'hevc', fps: 30, frameCount: 30 },
      );
      expect(note).toMatch(
        /^The frontal video \(hevc\) cannot be played in review, and a copy that can could not be made: ffmpeg failed/,
      );
    } finally {
      labServices.close();
    }
  });

  it('is not made again when the trial is analysed again', async () => {
    const copy = trial.files.find((f) => f.kind === 'review-video')!;
    const path = resolveInsideLab(lab.labDir, copy.relativePath);
    const before = statSync(path).mtimeMs;
    const again = await analyseInProcess(lab.labDir, trial.id);
    expect(again.state, again.message).toBe('done');
    expect(statSync(path).mtimeMs).toBe(before);
    const files = (await callLab<TrialInfo>(lab.labDir, 'trials.get', { id: trial.id })).files;
    expect(files.filter((f) => f.kind === 'review-video')).toHaveLength(1);
  });
});
