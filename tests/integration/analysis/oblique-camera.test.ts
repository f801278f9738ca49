// A camera that looks at the walkway at an angle: the Sports2D walk through ffmpeg's perspective
// filter, so the right end of the picture (where she starts) is 0.6 of the left's size, as when the
// camera is turned away from square. One height scale for the whole walk then gives strides that
// grow along the pass (1.52 m to 1.93 m; square on, 1.46-1.54 m): the analysis says so, and the
// report carries it, instead of printing the numbers without a word.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SIZE_CHANGE_NOTE_START } from '../../../src/main/gait/apparent-size';
import { analyseVideoFile } from '../../../src/main/services/video-analysis';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { analyseDemo } from '../../helpers/demo-pose';
import { videoVariant } from '../../helpers/video-variant';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-oblique-'));
let oblique: TrialAnalysisView;
let square: TrialAnalysisView;

beforeAll(async () => {
  const video = videoVariant(work, 'oblique.mp4', [
    '-vf',
    'perspective=x0=0:y0=0:x1=W:y1=H*0.2:x2=0:y2=H:x3=W:y3=H*0.8:sense=destination',
  ]);
  oblique = (await analyseVideoFile(video, { heightM: 1.65, cacheDir: join(work, 'cache') })).view;
  square = (await analyseDemo({ heightM: 1.65 })).view;
}, 600_000);

describe('a camera at an angle to the walkway', () => {
  it("says the patient's size changed across the pass, which the square camera does not", () => {
    expect(oblique.status, oblique.message).toBe('analysed');
    const note = oblique.warnings.find((w) => w.startsWith(SIZE_CHANGE_NOTE_START));
    console.log(note);
    expect(note).toMatch(/changed by (2\d|3\d) % across walking pass 1/);
    expect(square.warnings.some((w) => w.startsWith(SIZE_CHANGE_NOTE_START))).toBe(false);
    // What the note is about: strides that grow along the pass.
    const strides = (v: TrialAnalysisView) =>
      v.parameters.find((p) => p.parameter === 'strideLengthM')!.right;
    console.log(
      `right stride ${strides(oblique).mean!.toFixed(2)} +- ${strides(oblique).sd!.toFixed(2)} m, square on ${strides(square).mean!.toFixed(2)} +- ${strides(square).sd!.toFixed(2)} m`,
    );
    expect(strides(oblique).sd!).toBeGreaterThan(3 * strides(square).sd!);
  });
});
