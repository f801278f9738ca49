import { expect, test } from 'vitest';
import { LOW_FRAME_RATE_NOTE_START, lowFrameRateNote } from '../../../src/main/gait/frame-rate';

test('a video under 20 frames/s is said to time events only to about a frame', () => {
  expect(lowFrameRateNote(30, 1.2)).toBeNull();
  expect(lowFrameRateNote(20, 1.2)).toBeNull();
  expect(lowFrameRateNote(25, Number.NaN)).toBeNull();
  const note = lowFrameRateNote(10, 1.21)!;
  expect(note.startsWith(LOW_FRAME_RATE_NOTE_START)).toBe(true);
  expect(note).toMatch(
    /^The video has only 10 frames\/s: a frame lasts 100 ms, 8 % of a stride \(1\.21 s\), so /,
  );
  // NTSC's 14.985 (half of 29.97) is named as the file has it; without a cycle, no share of one.
  expect(lowFrameRateNote(30000 / 2002, Number.NaN)).toMatch(
    /^The video has only 15 frames\/s: a frame lasts 67 ms, so /,
  );
});
