// Two people walking together, as a child walks beside a therapist: the Sports2D walk with a copy of
// the band she walks in laid over the upper part of the picture at 0.7 of its size and 0.4 s behind
// (WALKING_TOGETHER_OPTIONS). The copy is smaller in the picture and walks the same number of body
// heights, so the scan cannot tell them apart by travel and the automatic choice falls to a
// tie-break. Before, nothing said so: the report followed whoever won the tie. Now the analysis
// names the other walker and the person chooser; choosing her follows her.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPoseResult } from '../../../src/main/pose/pose-result';
import { readScannedPeople } from '../../../src/main/pose/storage';
import { analyseVideoFile, poseCacheDirFor } from '../../../src/main/services/video-analysis';
import { analyseVideoOnce } from '../../helpers/pose-seeds';
import { OTHER_WALKER_NOTE_START } from '../../../src/shared/analysis-notes';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import {
  videoVariant,
  WALKING_TOGETHER_COPY_BOTTOM_PX,
  WALKING_TOGETHER_OPTIONS,
} from '../../helpers/video-variant';
import { median, point } from './helpers';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-walking-together-'));
const cacheDir = join(work, 'cache');
let video = '';
let automatic: TrialAnalysisView;
let chosen: TrialAnalysisView;
let otherIndex = -1;

const cadence = (v: TrialAnalysisView, side: 'left' | 'right') =>
  v.parameters.find((p) => p.parameter === 'cadenceStepsPerMin')![side].mean!;

/** Median hip height in the picture over the frames where both walkers are in view, px. */
function medianHipY(dir: string): number {
  const t = readPoseResult(dir).track;
  const ys: number[] = [];
  for (let f = 70; f <= 170; f++) if (t.confidence[f]! >= 0.5) ys.push(point(t, f, 'left_hip').y);
  return median(ys);
}

beforeAll(async () => {
  video = videoVariant(work, 'walking-together.mp4', WALKING_TOGETHER_OPTIONS);
  automatic = (await analyseVideoOnce(video, { heightM: 1.65, cacheDir })).view;
  const scan = readScannedPeople(poseCacheDirFor(video, cacheDir))!;
  const note = automatic.warnings.find((w) => w.startsWith(OTHER_WALKER_NOTE_START));
  otherIndex = Number(/person (\d+) under/.exec(note ?? '')?.[1] ?? 0) - 1;
  const other = scan.people![otherIndex];
  const pointAt = /--person-box (\d+),(\d+),(\d+),(\d+)@(\d+)/
    .exec(note ?? '')
    ?.slice(1)
    .map(Number);
  if (!other || !pointAt) throw new Error(`no other walker named: ${automatic.warnings.join(' | ')}`);
  // Pointing at her with the box the note gives runs a new job in a folder of its own.
  const [x0, y0, x1, y1, frame] = pointAt as [number, number, number, number, number];
  chosen = (
    await analyseVideoFile(video, {
      heightM: 1.65,
      cacheDir: join(work, 'chosen'),
      person: { box: { x0, y0, x1, y1 }, frame },
    })
  ).view;
}, 600_000);

describe('two people walking together', () => {
  it('the automatic choice says another person walked with the patient, and which', () => {
    const note = automatic.warnings.find((w) => w.startsWith(OTHER_WALKER_NOTE_START))!;
    console.log(note);
    expect(note).toMatch(/person \d+ under "Wrong person\? Choose the patient", in view [\d.]+-[\d.]+ s/);
    expect(note).toMatch(/--person-box \d+,\d+,\d+,\d+@\d+ for person \d+/);
    const scan = readScannedPeople(poseCacheDirFor(video, cacheDir))!;
    // The one named is the copy (feet above its band's bottom), not the person followed.
    const named = scan.people![otherIndex]!;
    expect(otherIndex).not.toBe(scan.chosen);
    expect(Math.max(...named.boxes.map((b) => b.y1))).toBeLessThan(WALKING_TOGETHER_COPY_BOTTOM_PX + 20);
    expect(medianHipY(poseCacheDirFor(video, cacheDir))).toBeGreaterThan(WALKING_TOGETHER_COPY_BOTTOM_PX);
    expect(automatic.status, automatic.message).toBe('analysed');
  });

  it('choosing the other walker follows her, with the same walk and no such note', () => {
    expect(chosen.status, chosen.message).toBe('analysed');
    expect(chosen.warnings.some((w) => w.startsWith(OTHER_WALKER_NOTE_START))).toBe(false);
    expect(medianHipY(poseCacheDirFor(video, join(work, 'chosen')))).toBeLessThan(
      WALKING_TOGETHER_COPY_BOTTOM_PX,
    );
    // The same woman 0.4 s later: the same cadence, whichever of the two is followed.
    for (const side of ['left', 'right'] as const) {
      console.log(
        `${side} cadence: followed automatically ${cadence(automatic, side).toFixed(1)}, the copy ${cadence(chosen, side).toFixed(1)} steps/min`,
      );
      expect(Math.abs(cadence(chosen, side) - cadence(automatic, side))).toBeLessThan(4);
    }
  });
});
