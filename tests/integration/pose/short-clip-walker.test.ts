// A short clip: the Sports2D walk seen in a mirror, cut to its first 110 frames (3.7 s), so the
// walker is in view for under 2 s and crosses only about a body height, while the man on the box
// shifts his feet from the first frame. Travel told them apart only by more than a body height, so
// the choice fell to whose legs moved more: his did (her ankles were sampled every 18 frames, half
// her stride, at like phases), and the analysis followed him, called it treadmill walking and gave
// knee flexion peaks of 5-16 deg in swing. A walker three times as far as the other now decides.
// Its first 100 frames: she comes out from behind a tree, and her half-hidden left foot made a
// contact and a foot off 0.18 s apart, read as a stance (a 0.63 s cycle with foot off at 29 %, the
// only one used) and, with one real stance, as a camera that moved.
// A narrow view (the walk cropped to 700 px wide): she crosses it in about 1.3 s, seen on two of
// the scan's samples, and neither she nor the man (cropped at the picture's edge) travels clearly
// further. The choice falls to a tie-break, and the analysis that fails says so and points at the
// person chooser, not only at recording again. Cropped to 750 px (its first 6 s), the same choice
// was analysed: one flagged "cycle" of the man's, nothing used, and nothing said about whom.
// That view's first 100 frames hold only the man, doing jumping jacks facing the camera: his feet
// going apart and together were read as stepping in place at 106 steps/min.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MOVING_CAMERA_NOTE_START } from '../../../src/main/gait/camera-motion';
import { travelHeights } from '../../../src/main/pose/decode/subject';
import { readScannedPeople } from '../../../src/main/pose/storage';
import { poseCacheDirFor } from '../../../src/main/services/video-analysis';
import {
  isPersonNote,
  OTHER_WALKER_NOTE_START,
  UNSURE_PERSON_NOTE_START,
} from '../../../src/shared/analysis-notes';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { failureAdvice } from '../../../src/shared/failure-advice';
import { analyseVideoOnce } from '../../helpers/pose-seeds';
import { videoVariant } from '../../helpers/video-variant';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-short-clip-'));
const cacheDir = join(work, 'cache');
let clip = '';
let view: TrialAnalysisView;
let first100: TrialAnalysisView;
let narrow: TrialAnalysisView;
let analysedNarrow: TrialAnalysisView;
let jumping: TrialAnalysisView;

beforeAll(async () => {
  clip = videoVariant(work, 'mirrored-first-110.mp4', ['-vf', 'hflip', '-frames:v', '110']);
  view = (await analyseVideoOnce(clip, { heightM: 1.65, cacheDir })).view;
  const shorter = videoVariant(work, 'mirrored-first-100.mp4', ['-vf', 'hflip', '-frames:v', '100']);
  first100 = (await analyseVideoOnce(shorter, { heightM: 1.65, cacheDir })).view;
  const cropped = videoVariant(work, 'narrow-view.mp4', ['-vf', 'crop=700:994:300:0']);
  narrow = (await analyseVideoOnce(cropped, { heightM: 1.65, cacheDir })).view;
  const wider = videoVariant(work, 'narrow-750.mp4', ['-vf', 'crop=750:994:300:0', '-frames:v', '180']);
  analysedNarrow = (await analyseVideoOnce(wider, { heightM: 1.65, cacheDir })).view;
  const manAlone = videoVariant(work, 'narrow-750-first-100.mp4', [
    ...['-vf', 'crop=750:994:300:0', '-frames:v', '100'],
  ]);
  jumping = (await analyseVideoOnce(manAlone, { heightM: 1.65, cacheDir })).view;
}, 300_000);

describe('a walker in view for under 2 s of a short clip, beside a man on a box', () => {
  it('is the one followed, by how far she walked', () => {
    const scan = readScannedPeople(poseCacheDirFor(clip, cacheDir))!;
    const people = scan.people!;
    const chosen = people[scan.chosen!]!;
    const others = people.filter((p) => p !== chosen);
    const feetY = (t: typeof chosen) => Math.max(...t.boxes.map((b) => b.y1));
    console.log(
      people
        .map(
          (p, i) =>
            `person ${i + 1}${p === chosen ? ' (followed)' : ''}: ${travelHeights(p).toFixed(2)} body heights, feet down to y ${Math.round(feetY(p))} px`,
        )
        .join('; '),
    );
    expect(travelHeights(chosen)).toBeGreaterThanOrEqual(1);
    // She walks on the ground (feet near the bottom of the 994 px picture); he stands on the box.
    expect(feetY(chosen)).toBeGreaterThan(850);
    expect(others.length).toBeGreaterThanOrEqual(1);
    for (const o of others) expect(travelHeights(o)).toBeLessThan(travelHeights(chosen) / 3);
  });

  it('is analysed as overground walking with her knee pattern, nobody named as walking beside her', () => {
    expect(view.status, view.message).toBe('analysed');
    expect(view.mode).toBe('overground');
    expect(view.warnings.filter((w) => w.startsWith(OTHER_WALKER_NOTE_START))).toEqual([]);
    // Whichever side her cycles fall on in under 2 s: each curve's swing peak.
    const knees = view.curves.filter((c) => c.variable === 'knee_flexion' && c.includedCycles > 0);
    expect(knees.length).toBeGreaterThanOrEqual(1);
    for (const knee of knees) {
      const peak = Math.max(...knee.mean.filter((v): v is number => v !== null));
      console.log(
        `${knee.side} knee flexion peak in swing: ${peak.toFixed(1)} deg (${knee.includedCycles} cycle)`,
      );
      expect(peak).toBeGreaterThan(55);
      expect(peak).toBeLessThan(90);
    }
  });
});

describe('the same walk cut to its first 100 frames, her foot half hidden by a tree as she enters', () => {
  it('leaves out the cycle whose foot left the floor too early for walking', () => {
    const cycles = first100.cycles.map(
      (c) =>
        `${c.side} ${c.startFrame.toFixed(1)}-${c.endFrame.toFixed(1)}, foot off ${c.footOffFrame?.toFixed(1)}: ${c.flags.join(', ') || 'used'}`,
    );
    console.log(`cycles: ${cycles.join('; ')}`);
    const early = first100.cycles.filter((c) => c.flags.includes('early-foot-off'));
    expect(early.length).toBeGreaterThanOrEqual(1);
    for (const c of early) {
      expect(c.excluded).toBe(true);
      expect((c.footOffFrame! - c.startFrame) / (c.endFrame - c.startFrame)).toBeLessThan(0.4);
    }
    // Nothing left standing that starts while she is half hidden (out from behind the tree at frame 51).
    expect(first100.cycles.filter((c) => !c.excluded && c.startFrame < 48)).toEqual([]);
  });

  it('does not say the fixed camera moved', () => {
    console.log(`notes: ${first100.warnings.map((w) => w.slice(0, 60)).join(' | ')}`);
    expect(first100.warnings.filter((w) => w.startsWith(MOVING_CAMERA_NOTE_START))).toEqual([]);
  });
});

describe('a narrow view: the walk cropped to 700 px wide', () => {
  it('fails saying the person followed was chosen by a tie-break, and points at the chooser', () => {
    console.log(narrow.message);
    expect(narrow.status).toBe('failed');
    expect(narrow.message).toMatch(
      /The analysis follows person \d, chosen automatically as [^:]+: nobody in view walked clearly further than the others, so it may not be the patient\.$/,
    );
    expect(failureAdvice(narrow.message)).toMatch(
      /^If the person followed is not the patient, open the trial’s review, “Wrong person\? Choose the patient”/,
    );
  });

  it('analysed with no cycle used (750 px wide), says the same in a note that opens the chooser', () => {
    expect(analysedNarrow.status, analysedNarrow.message).toBe('analysed');
    expect(analysedNarrow.cycles.filter((c) => !c.excluded)).toEqual([]);
    const note = analysedNarrow.warnings.find((w) => w.startsWith(UNSURE_PERSON_NOTE_START));
    console.log(note);
    expect(note).toMatch(
      /: person \d is followed, chosen automatically as [^,]+, because nobody in view walked/,
    );
    expect(isPersonNote(note!)).toBe(true);
  });
});

describe('the 750 px view before she comes in: the man on the box doing jumping jacks', () => {
  it('did not walk: his feet went apart and together, not in turns, and no pace is given', () => {
    console.log(jumping.message);
    expect(jumping.status).toBe('failed');
    expect(jumping.message).toMatch(
      /^The subject did not walk: the pelvis moved at most [\d.]+ leg lengths per second, and the feet moved apart and back together side by side \d+ times \(from [\d.]+ to [\d.]+ leg lengths apart in the picture, as in jumping\) instead of taking turns to step\./,
    );
    const [, times, closest, widest] = /side by side (\d+) times \(from ([\d.]+) to ([\d.]+)/
      .exec(jumping.message!)!
      .map(Number);
    // Two jumping jacks in the 3.3 s; feet together, then about a leg length apart.
    expect(times).toBe(2);
    expect(closest).toBeLessThan(0.3);
    expect(widest).toBeGreaterThan(0.8);
    expect(jumping.message).not.toMatch(/stepped in place|steps\/min/);
    expect(failureAdvice(jumping.message!)).toMatch(/^This recording shows no walking/);
  });
});
