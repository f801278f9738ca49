// The notes on other walkers, read from a pose job's person scan as stored (subject.json, times).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  candidatePeople,
  chooseSubject,
  linkTracks,
  type ScanSample,
} from '../../../src/main/pose/decode/subject';
import {
  otherWalkersNotes,
  unsureChoiceSentence,
  unsurePersonNote,
  withUnsureChoice,
} from '../../../src/main/pose/other-walkers';
import { isPersonNote } from '../../../src/shared/analysis-notes';
import type { PoseManifest } from '../../../src/main/pose/pose-result';
import { SUBJECT_FILE, TIMES_FILE, type ScannedPeople } from '../../../src/main/pose/storage';

const box = (cx: number, cy: number, h: number) => ({
  x0: cx - h / 4,
  y0: cy - h / 2,
  x1: cx + h / 4,
  y1: cy + h / 2,
});

/** A job folder whose scan saw `samples`, following the person seen first at frame `chosenFrom`. */
function job(samples: ScanSample[], chosenFrom: number, person: PoseManifest['settings']['person']) {
  const dir = mkdtempSync(join(tmpdir(), 'gaitlab-walkers-'));
  const people = candidatePeople(linkTracks(samples));
  const chosen = people.findIndex((p) => p.frames[0] === chosenFrom);
  const scan: ScannedPeople = { everyFrames: 30, track: people[chosen]!, people, chosen };
  writeFileSync(join(dir, SUBJECT_FILE), JSON.stringify(scan));
  writeFileSync(
    join(dir, TIMES_FILE),
    Float64Array.from({ length: 400 }, (_, i) => i / 30),
  );
  return { outDir: dir, manifest: { settings: { person } } as unknown as PoseManifest };
}

describe('notes on other people walking', () => {
  it('names two people walking together while the patient was out of view, whoever chose her', () => {
    // Pass 1 (samples 1-4) alone; out of view (5-7); two walk the next pass together (8-11).
    const samples: ScanSample[] = Array.from({ length: 13 }, (_, i) => ({
      frame: i * 30,
      boxes: [
        ...(i >= 1 && i <= 4 ? [box(1500 - 300 * (i - 1), 720, 420)] : []),
        ...(i >= 8 && i <= 11
          ? [box(200 + 300 * (i - 8), 720, 420), box(250 + 300 * (i - 8), 600, 500)]
          : []),
      ],
    }));
    for (const person of [
      { kind: 'moving' as const },
      { kind: 'box' as const, box: box(1200, 720, 420), frame: 60 },
    ]) {
      const notes = otherWalkersNotes(job(samples, 30, person));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(
        /^People walked together while the patient was out of view \(persons \d and \d under "Wrong person\? Choose the patient", in view from 8\.0-11\.0 s\): .* not analysed\. .*--person-box \d+,\d+,\d+,\d+@\d+\)\.$/,
      );
    }
  });

  it('names someone walking beside the patient only when the choice was automatic', () => {
    const samples: ScanSample[] = Array.from({ length: 7 }, (_, i) => ({
      frame: i * 30,
      boxes: [box(1600 - 150 * i, 760, 300), box(1650 - 170 * i, 600, 420)],
    }));
    const [note] = otherWalkersNotes(job(samples, 0, { kind: 'moving' }));
    expect(note).toMatch(
      /^Another person walked in view with the patient \(person \d under .*, in view 0\.0-6\.0 s\), about as far/,
    );
    expect(otherWalkersNotes(job(samples, 0, { kind: 'box', box: box(1600, 760, 300), frame: 0 }))).toEqual(
      [],
    );
  });
});

describe('a failed analysis of a person chosen by a tie-break', () => {
  // A narrow view: a man on a box moving on the spot from the first sample, and the walker seen on
  // two samples only, crossing 0.8 body heights (the Sports2D walk cropped to 700 px wide).
  const narrow: ScanSample[] = Array.from({ length: 6 }, (_, i) => ({
    frame: i * 30,
    boxes: [box(330 + (i % 2 ? 25 : -25), 240, 420), ...(i >= 4 ? [box(500 - 170 * (i - 4), 720, 430)] : [])],
  }));

  it('says the choice may be the wrong person, only when nobody clearly walked further', () => {
    // The automatic choice: neither travelled clearly further, and he was seen longer.
    const auto = chooseSubject(linkTracks(narrow), { kind: 'moving' })!;
    expect(auto.frames[0]).toBe(0);
    const man = job(narrow, 0, { kind: 'moving' });
    const sentence = unsureChoiceSentence(man)!;
    expect(sentence).toMatch(
      /^The analysis follows person \d, chosen automatically as (whose legs moved more|the one seen longer|the taller in the picture): nobody in view walked clearly further than the others, so it may not be the patient\.$/,
    );
    expect(withUnsureChoice({ message: 'No complete gait cycle was found.' }, man)).toBe(
      `No complete gait cycle was found. ${sentence}`,
    );
    // Pointed at by hand: the by-hand sentence is the caller's, not this one.
    expect(
      unsureChoiceSentence(job(narrow, 120, { kind: 'box', box: box(330, 720, 430), frame: 120 })),
    ).toBeNull();
    // The walker crossing the whole picture: chosen by travel.
    const wide: ScanSample[] = Array.from({ length: 7 }, (_, i) => ({
      frame: i * 30,
      boxes: [box(330, 240, 420), ...(i >= 1 ? [box(1600 - 230 * i, 720, 430)] : [])],
    }));
    expect(chooseSubject(linkTracks(wide), { kind: 'moving' })!.frames[0]).toBe(30);
    expect(unsureChoiceSentence(job(wide, 30, { kind: 'moving' }))).toBeNull();
  });

  it('says so too when the analysis ran but could use none of its cycles, and review opens the chooser', () => {
    const man = job(narrow, 0, { kind: 'moving' });
    const flagged = [{ excluded: true }];
    const note = unsurePersonNote(man, flagged)!;
    expect(note).toMatch(
      /^No gait cycle could be used, and the person followed may not be the patient: person \d is followed, chosen automatically as (whose legs moved more|the one seen longer|the taller in the picture), because nobody in view walked clearly further than the others\. Check on the video that the skeleton is on the patient; if it is not, choose the patient under "Wrong person\? Choose the patient" \(command line: the patient's --person-box, listed under People in view\)\.$/,
    );
    expect(isPersonNote(note)).toBe(true);
    expect(unsurePersonNote(man, [])).toBe(note);
    // A cycle used: the numbers speak for whom they follow; by hand or by travel: nothing to doubt.
    expect(unsurePersonNote(man, [{ excluded: false }, { excluded: true }])).toBeNull();
    expect(
      unsurePersonNote(job(narrow, 120, { kind: 'box', box: box(330, 720, 430), frame: 120 }), flagged),
    ).toBeNull();
  });
});
