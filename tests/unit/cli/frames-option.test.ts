// `--overlay-frames`: which frames' overlay images `gaitlab pose` writes.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/main/cli/command';
import { parseFrameChoice } from '../../../src/main/cli/frames-option';

describe('parseFrameChoice', () => {
  it('reads low as the flagged frames, whatever its case', () => {
    expect(parseFrameChoice('low')).toEqual({ kind: 'low' });
    expect(parseFrameChoice(' Low ')).toEqual({ kind: 'low' });
  });

  it('reads numbers and ranges, in order, each frame once', () => {
    expect(parseFrameChoice('40,80-83, 0 ,81')).toEqual({ kind: 'frames', frames: [0, 40, 80, 81, 82, 83] });
    expect(parseFrameChoice('7')).toEqual({ kind: 'frames', frames: [7] });
  });

  it('refuses anything else with what it takes', () => {
    for (const bad of ['', 'all', '-3', '1.5', '90-80', '3,', 'x-4', '0-5000000'])
      expect(() => parseFrameChoice(bad), bad).toThrow(UserError);
    expect(() => parseFrameChoice('90-80')).toThrow(
      '--overlay-frames: give low (the frames flagged below --min-confidence) or frame numbers and ranges counted from 0, like 40,80-90; "90-80" is not that.',
    );
  });
});
