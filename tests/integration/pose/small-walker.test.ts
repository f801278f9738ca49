// A wide shot: the Sports2D walk at half size in the middle of a grey picture of the same size, so
// she is about 210 of its 994 px tall (a camera far enough away to see several strides). At its
// usual size the person finder saw her on one sampled frame, so she was followed only from there
// (frames 136-201 of her 38-201) and the analysis failed ("tracked in only 29 % of frames"); the
// scan is now made again at twice the size when it finds no one walking.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPoseResult } from '../../../src/main/pose/pose-result';
import { readScannedPeople } from '../../../src/main/pose/storage';
import { analyseVideoFile, poseCacheDirFor } from '../../../src/main/services/video-analysis';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { videoVariant } from '../../helpers/video-variant';
import { analyseDemo } from '../../helpers/demo-pose';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-small-walker-'));
let video = '';
const cacheDir = join(work, 'cache');
let view: TrialAnalysisView;
let full: TrialAnalysisView;

beforeAll(async () => {
  video = videoVariant(work, 'wide-shot.mp4', ['-vf', 'scale=884:498,pad=1768:994:442:300:color=gray']);
  view = (await analyseVideoFile(video, { heightM: 1.65, cacheDir })).view;
  full = (await analyseDemo({ heightM: 1.65 })).view;
}, 600_000);

describe('a small walker in a wide shot', () => {
  it('is found by the scan and followed through her whole pass', () => {
    const dir = poseCacheDirFor(video, cacheDir);
    const subject = readScannedPeople(dir)!.track!;
    const t = readPoseResult(dir).track;
    let confident = 0;
    for (let f = 50; f <= 190; f++) if (t.confidence[f]! >= 0.5) confident++;
    const tall = subject.boxes.map((b) => Math.round(b.y1 - b.y0));
    console.log(
      `scan saw her at frames ${subject.frames.join(', ')} (${tall.join(', ')} px tall); confident frames 50-190: ${confident}/141`,
    );
    expect(subject.frames.length).toBeGreaterThanOrEqual(4);
    expect(confident).toBe(141);
  });

  it('is analysed like the close-up', () => {
    expect(view.status, view.message).toBe('analysed');
    for (const side of ['left', 'right'] as const) {
      const used = view.cycles.filter((c) => c.side === side && !c.excluded).length;
      const cadence = view.parameters.find((p) => p.parameter === 'cadenceStepsPerMin')![side].mean!;
      const ref = full.parameters.find((p) => p.parameter === 'cadenceStepsPerMin')![side].mean!;
      console.log(
        `${side}: ${used} cycles, cadence ${cadence.toFixed(1)} steps/min (close-up ${ref.toFixed(1)})`,
      );
      expect(used).toBeGreaterThanOrEqual(3);
      expect(Math.abs(cadence - ref)).toBeLessThan(3);
    }
  });
});
