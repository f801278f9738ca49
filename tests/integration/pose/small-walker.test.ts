// A wide shot: the Sports2D walk at half size in the middle of a grey picture of the same size, so
// she is about 210 of its 994 px tall (a camera far enough away to see several strides). At its
// usual size the person finder saw her on one sampled frame, so she was followed only from there
// (frames 136-201 of her 38-201) and the analysis failed ("tracked in only 29 % of frames"); the
// scan is now made again at twice the size when it finds no one walking.
// At a quarter of her size (about 105 px tall, legs about 48 px) even that scan sees her only on
// frames 120-180, and with her box held where it was first seen she was followed from frame 103
// (2 + 1 cycles); a small walker's box now moves on at her pace before and after the samples: she
// is followed from about frame 60 (3 + 2 cycles), and the analysis notes that angles lose precision
// at that size (the mean curves' distance from the close-up's is printed).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPoseResult } from '../../../src/main/pose/pose-result';
import { readScannedPeople } from '../../../src/main/pose/storage';
import { poseCacheDirFor } from '../../../src/main/services/video-analysis';
import { analyseVideoOnce } from '../../helpers/pose-seeds';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { videoVariant } from '../../helpers/video-variant';
import { analyseDemo } from '../../helpers/demo-pose';
import { SMALL_SUBJECT_NOTE_START } from '../../../src/main/gait/apparent-size';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-small-walker-'));
let video = '';
const cacheDir = join(work, 'cache');
let view: TrialAnalysisView;
let full: TrialAnalysisView;
let quarter: TrialAnalysisView;
let far = '';

beforeAll(async () => {
  video = videoVariant(work, 'wide-shot.mp4', ['-vf', 'scale=884:498,pad=1768:994:442:300:color=gray']);
  view = (await analyseVideoOnce(video, { heightM: 1.65, cacheDir })).view;
  full = (await analyseDemo({ heightM: 1.65 })).view;
  far = videoVariant(work, 'wider-shot.mp4', ['-vf', 'scale=442:249,pad=1768:994:663:500:color=gray']);
  quarter = (await analyseVideoOnce(far, { heightM: 1.65, cacheDir })).view;
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
    expect(view.warnings.filter((w) => w.startsWith(SMALL_SUBJECT_NOTE_START))).toEqual([]);
    expect(full.warnings.filter((w) => w.startsWith(SMALL_SUBJECT_NOTE_START))).toEqual([]);
  });

  it('at a quarter of her size: followed from early in her pass, with a note that the angles lose precision', () => {
    expect(quarter.status, quarter.message).toBe('analysed');
    const t = readPoseResult(poseCacheDirFor(far, cacheDir)).track;
    let firstConfident = 0;
    while (firstConfident < t.frameCount && t.confidence[firstConfident]! < 0.5) firstConfident++;
    const note = quarter.warnings.find((w) => w.startsWith(SMALL_SUBJECT_NOTE_START));
    const cycles = (v: TrialAnalysisView, side: 'left' | 'right') =>
      v.cycles.filter((c) => c.side === side && !c.excluded).length;
    const distances = full.curves.flatMap((c) => {
      const q = quarter.curves.find((x) => x.side === c.side && x.variable === c.variable);
      if (!q || c.variable.includes('trunk')) return [];
      const d = c.mean.flatMap((m, i) => (m !== null && q.mean[i] != null ? [(m - q.mean[i]!) ** 2] : []));
      return [`${c.side} ${c.variable} ${Math.sqrt(d.reduce((a, b) => a + b, 0) / d.length).toFixed(1)}`];
    });
    console.log(
      `${note}\nquarter size: confident from frame ${firstConfident}; ${cycles(quarter, 'left')} left + ${cycles(quarter, 'right')} right cycles; mean curves from the close-up's (RMS, deg): ${distances.join(', ')}`,
    );
    const legPx = Number(/about (\d+) px long/.exec(note ?? '')?.[1]);
    // Her legs are ~189 px in the close-up: a quarter is ~47.
    expect(legPx).toBeGreaterThanOrEqual(42);
    expect(legPx).toBeLessThanOrEqual(52);
    // She comes out from behind the tree at frame ~38 and the first scan sample to see her is 120.
    expect(firstConfident).toBeLessThanOrEqual(70);
    expect(cycles(quarter, 'left')).toBeGreaterThanOrEqual(3);
    expect(cycles(quarter, 'right')).toBeGreaterThanOrEqual(2);
  });
});
