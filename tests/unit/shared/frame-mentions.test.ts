// Frames named in analysis notes, cut out for review to link to.
import { describe, expect, it } from 'vitest';
import { framePieces } from '../../../src/shared/frame-mentions';

describe('framePieces', () => {
  it('finds a run of frames, one frame, and each run of a list', () => {
    expect(framePieces('at 93-100 % of the cycle (frames 186-189). Stride')).toEqual([
      'at 93-100 % of the cycle (frames ',
      { text: '186-189', frame: 186 },
      '). Stride',
    ]);
    expect(
      framePieces(
        'The pose model heaped up the left leg at frames 431-432, 892 and the right leg at frame 7.',
      ),
    ).toEqual([
      'The pose model heaped up the left leg at frames ',
      { text: '431-432', frame: 431 },
      ', ',
      { text: '892', frame: 892 },
      ' and the right leg at frame ',
      { text: '7', frame: 7 },
      '.',
    ]);
  });

  it('leaves counts and rates alone', () => {
    const note =
      'Low pose confidence on 76 of 230 frames, 9 inside; 30 frames/s; the scan looks every 30 frames).';
    expect(framePieces(note)).toEqual([note]);
  });

  it('stops a list at what is not a frame', () => {
    expect(framePieces('review frames 12-14, 40, ... there')).toEqual([
      'review frames ',
      { text: '12-14', frame: 12 },
      ', ',
      { text: '40', frame: 40 },
      ', ... there',
    ]);
  });
});
