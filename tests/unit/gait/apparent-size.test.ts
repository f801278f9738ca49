import { describe, expect, it } from 'vitest';
import { sizeChangeNotes, sizeChangePerPass } from '../../../src/main/gait/apparent-size';

describe("the patient's size in the picture across a pass", () => {
  // Three cycles of 30 frames in pass 0, one in pass 1.
  const cycles = [
    { startFrame: 0, endFrame: 30, passIndex: 0 },
    { startFrame: 30, endFrame: 60, passIndex: 0 },
    { startFrame: 60, endFrame: 90, passIndex: 0 },
    { startFrame: 120, endFrame: 150, passIndex: 1 },
  ];

  it('compares the largest cycle with the smallest, per pass, and notes a change over 15 %', () => {
    // Growing from 400 to 520 px: a camera at an angle to the walkway. Noise and missing frames aside.
    const size = Float64Array.from({ length: 160 }, (_, f) =>
      f % 7 === 0 ? NaN : 400 + Math.min(f, 90) * (120 / 90) + (f % 2 ? 3 : -3),
    );
    const [pass] = sizeChangePerPass(size, cycles);
    expect(pass).toMatchObject({ passIndex: 0, cycles: 3 });
    expect(pass!.ratio).toBeCloseTo(500 / 420, 1);
    const [note] = sizeChangeNotes([pass!]);
    expect(note).toMatch(/^The patient's size in the picture changed by 19 % across walking pass 1/);
    // Square on: a few per cent, no note.
    const steady = Float64Array.from({ length: 160 }, (_, f) => 400 + (f % 30));
    expect(sizeChangeNotes(sizeChangePerPass(steady, cycles))).toEqual([]);
  });
});
