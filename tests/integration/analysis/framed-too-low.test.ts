// A camera framed too low (or too close) cuts the subject off at the top. The Sports2D walk cropped
// at row 640 of 994 loses her head and shoulders (her shoulders at about row 600): the pose model
// squeezes them in under the top edge and pulls the hips up, and the analysis reported a speed of
// 1.48 m/s against 1.25 and a knee minimum in stance of -5 +/- 28 deg, with no word of the framing.
// Now those cycles are left out and a note says why. Cropped at row 520, the head just in the
// picture, nothing is said and the walk is analysed as in the whole picture.
// Framed too high instead (the picture cut through her feet, at row 880), the person scan lost the
// man on the box for one sample and took her, a body height lower, for him: the pose followed him
// for 3.7 s and then her, and the analysis reported 1.37 m/s and a knee at -5.5 deg in stance from
// one cycle. Feet that jump a body height between samples now count against such a link.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPoseResult } from '../../../src/main/pose/pose-result';
import { poseCacheDirFor } from '../../../src/main/services/video-analysis';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { analyseDemo } from '../../helpers/demo-pose';
import { analyseVideoOnce } from '../../helpers/pose-seeds';
import { videoVariant } from '../../helpers/video-variant';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-framed-low-'));
const cacheDir = join(work, 'cache');
const CUT_NOTE =
  /^The picture cuts the subject off at the top: the shoulders are at its top edge in (\d+) of the (\d+) frames of the walking passes/;
let shouldersCut: TrialAnalysisView;
let headRoom: TrialAnalysisView;
let whole: TrialAnalysisView;
let feetCut: TrialAnalysisView;
let feetCutVideo = '';

/** The walk with its top `rows` rows cut away. */
const cropTop = (rows: number) =>
  videoVariant(work, `top-${rows}.mp4`, ['-vf', `crop=1768:${994 - rows}:0:${rows}`]);

beforeAll(async () => {
  shouldersCut = (await analyseVideoOnce(cropTop(640), { heightM: 1.65, cacheDir })).view;
  headRoom = (await analyseVideoOnce(cropTop(520), { heightM: 1.65, cacheDir })).view;
  whole = (await analyseDemo({ heightM: 1.65 })).view;
  feetCutVideo = videoVariant(work, 'bottom-880.mp4', ['-vf', 'crop=1768:880:0:0']);
  feetCut = (await analyseVideoOnce(feetCutVideo, { heightM: 1.65, cacheDir })).view;
}, 300_000);

describe('the walk filmed with her shoulders above the picture', () => {
  it('leaves out every cycle, saying the picture cuts her off at the top', () => {
    const note = shouldersCut.warnings.find((w) => CUT_NOTE.test(w));
    console.log(note);
    expect(shouldersCut.status, shouldersCut.message).toBe('analysed');
    const [, cut, walking] = CUT_NOTE.exec(note!)!.map(Number);
    // Nearly every frame of her walk: she is cut at the shoulders from one end to the other.
    expect(cut! / walking!).toBeGreaterThan(0.7);
    expect(note).toMatch(
      /hip and knee flexion, trunk tilt and lengths scaled from the patient's height are wrong there: (\d+) of the \1 cycles have the shoulders there .* and are left out\. Frame the whole body, head to feet, and analyse again\.$/,
    );
    expect(shouldersCut.cycles.length).toBeGreaterThanOrEqual(4);
    for (const c of shouldersCut.cycles) {
      expect(c.excluded).toBe(true);
      expect(c.flags).toContain('trunk-cut-off');
    }
    // No speed or knee angle is given from those cycles.
    const speed = shouldersCut.parameters.find((p) => p.parameter === 'speedMps')!;
    expect(speed.left.n).toBe(0);
    expect(speed.right.n).toBe(0);
  });
});

describe('the walk filmed with little room above her head', () => {
  it('is analysed as in the whole picture, with nothing said about the framing', () => {
    expect(headRoom.warnings.filter((w) => CUT_NOTE.test(w))).toEqual([]);
    expect(headRoom.cycles.some((c) => c.flags.includes('trunk-cut-off'))).toBe(false);
    for (const side of ['left', 'right'] as const) {
      const used = (v: TrialAnalysisView) => v.cycles.filter((c) => c.side === side && !c.excluded).length;
      const speed = (v: TrialAnalysisView) =>
        v.parameters.find((p) => p.parameter === 'speedMps')![side].mean!;
      console.log(
        `${side}: ${used(headRoom)} cycles, ${speed(headRoom).toFixed(2)} m/s; whole picture ${used(whole)}, ${speed(whole).toFixed(2)} m/s`,
      );
      expect(used(headRoom)).toBe(used(whole));
      expect(Math.abs(speed(headRoom) / speed(whole) - 1)).toBeLessThan(0.03);
    }
  });
});

describe('the walk filmed with her feet below the picture', () => {
  it('follows her from when she is seen, never the man on the box, and measures her walk', () => {
    const track = readPoseResult(poseCacheDirFor(feetCutVideo, cacheDir)).track;
    // Her hips are at rows 600-760 of the picture; his, on the box, near row 270.
    const hipRows: number[] = [];
    for (let f = 0; f < track.frameCount; f++) {
      const y = track.yPx[f * 33 + 23]!;
      if (track.confidence[f]! > 0.5 && Number.isFinite(y)) hipRows.push(y);
    }
    console.log(
      `tracked on ${hipRows.length} of ${track.frameCount} frames, hips between rows ${Math.min(...hipRows).toFixed(0)} and ${Math.max(...hipRows).toFixed(0)}`,
    );
    expect(hipRows.length).toBeGreaterThan(120);
    expect(Math.min(...hipRows)).toBeGreaterThan(450);
    expect(feetCut.status, feetCut.message).toBe('analysed');
    for (const side of ['left', 'right'] as const) {
      const used = feetCut.cycles.filter((c) => c.side === side && !c.excluded).length;
      const speed = (v: TrialAnalysisView) =>
        v.parameters.find((p) => p.parameter === 'speedMps')![side].mean!;
      console.log(
        `${side}: ${used} cycles, ${speed(feetCut).toFixed(2)} m/s; whole picture ${speed(whole).toFixed(2)} m/s`,
      );
      expect(used).toBeGreaterThanOrEqual(2);
      expect(Math.abs(speed(feetCut) / speed(whole) - 1)).toBeLessThan(0.06);
    }
  });
});
