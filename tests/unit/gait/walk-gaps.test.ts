// The pelvis or a foot lost in the middle of a walk: which stretches count, and what is said.
import { describe, expect, it } from 'vitest';
import { walkGapFrames, walkGaps, walkGapsNote, type WalkGapPart } from '../../../src/main/gait/walk-gaps';
import { overgroundPass } from './synthetic-walker';

const RATE_HZ = 30;
const pass = overgroundPass;

/** Untracked masks of `n` frames, each part lost over the [from, to) ranges given. */
function lost(n: number, ranges: Partial<Record<WalkGapPart, Array<[number, number]>>>) {
  const mask = (r: Array<[number, number]> = []) =>
    Array.from({ length: n }, (_, f) => r.some(([a, b]) => f >= a && f < b));
  return {
    pelvis: mask(ranges.pelvis),
    'left foot': mask(ranges['left foot']),
    'right foot': mask(ranges['right foot']),
  };
}

describe('walkGaps', () => {
  it('finds the legs covered mid-walk as the Sports2D walk gave them: one walk split into two passes', () => {
    // Her legs and hips covered at frames 100-108; pass detection ended one pass at 99, began one at 110.
    const gaps = walkGaps(
      lost(230, { pelvis: [[100, 109]], 'left foot': [[100, 109]], 'right foot': [[100, 109]] }),
      [pass(0, 44, 99, -1), pass(1, 110, 200, -1)],
      RATE_HZ,
      0.2,
    );
    expect(gaps).toEqual([
      { startFrame: 100, endFrame: 109, parts: ['pelvis', 'left foot', 'right foot'], splitsPass: true },
    ]);
    expect(walkGapFrames(gaps)).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108]);
    expect(walkGapsNote(gaps, RATE_HZ, true)).toBe(
      'Not tracked in the middle of the walk: the pelvis, left foot and right foot at frames 100-108 (0.30 s). Hidden by someone or something in front of the camera, or not seen by the pose model: the strides across it are not measured, and the walk is counted as two passes there. Look at the video there (shaded as low confidence).',
    );
  });

  it('finds a foot lost inside one pass, overlapping stretches as one', () => {
    const gaps = walkGaps(
      lost(300, { 'right foot': [[120, 130]], 'left foot': [[126, 140]] }),
      [pass(0, 20, 280, 1)],
      RATE_HZ,
      0.2,
    );
    expect(gaps).toEqual([
      { startFrame: 120, endFrame: 140, parts: ['left foot', 'right foot'], splitsPass: false },
    ]);
    expect(walkGapsNote(gaps, RATE_HZ, false)).toBe(
      'Not tracked in the middle of the walk: the left foot and right foot at frames 120-139 (0.67 s). Markers hidden from the cameras: the strides across it are not measured.',
    );
  });

  it('leaves out where the subject enters, leaves or turns, and what the gap fill bridges', () => {
    const passes = [pass(0, 40, 150, 1), pass(1, 175, 290, -1)];
    const gaps = walkGaps(
      lost(300, {
        pelvis: [
          [0, 40], // not yet in view
          [155, 170], // turning round between passes going opposite ways
          [290, 300], // gone
        ],
        'left foot': [[60, 66]], // 6 frames = 0.2 s: bridged
      }),
      passes,
      RATE_HZ,
      0.2,
    );
    expect(gaps).toEqual([]);
    expect(walkGapsNote(gaps, RATE_HZ, true)).toBeNull();
  });

  it('leaves out a stretch at the start of a pass whose walking began before the recording', () => {
    expect(walkGaps(lost(200, { pelvis: [[0, 20]] }), [pass(0, 0, 190, 1)], RATE_HZ, 0.2)).toEqual([]);
    expect(walkGaps(lost(200, { pelvis: [[185, 200]] }), [pass(0, 10, 200, 1)], RATE_HZ, 0.2)).toEqual([]);
  });
});
