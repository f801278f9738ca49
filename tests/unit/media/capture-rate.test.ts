import { describe, expect, it } from 'vitest';
import { slowMotionOf } from '../../../src/main/media/capture-rate';

/** Frame times of a file playing `fps` frames a second, each late by up to `jitterS`. */
const playing = (fps: number, jitterS = 0): number[] =>
  Array.from({ length: 60 }, (_, i) => i / fps + (i % 3 === 1 ? jitterS : 0));

describe('slow motion from the capture rate a phone records', () => {
  it('120 or 240 frames/s stored to play at about 30: the file is 4x or 8x slower than the walk', () => {
    expect(slowMotionOf('120.000000', playing(30))).toEqual({
      factor: expect.closeTo(4, 9),
      captureFps: 120,
    });
    expect(slowMotionOf('240.000000', playing(30))?.factor).toBeCloseTo(8, 9);
    // Android's slow motion plays at its frames' own pace, about 30 a second: the usual interval counts.
    expect(slowMotionOf('120.000000', playing(30, 0.004))?.factor).toBeCloseTo(4, 9);
  });

  it('a normal video, a rounding of 30 against 29.97, a time-lapse or no tag: not slow motion', () => {
    expect(slowMotionOf('30.000000', playing(30))).toBeUndefined();
    // Asked for 30 a second, given 15 in dim light: the file plays what the camera gave.
    expect(slowMotionOf('30.000000', playing(15))).toBeUndefined();
    expect(slowMotionOf('120.000000', playing(120))).toBeUndefined();
    // A 120 frames/s recording that fell to 60 in dim light plays in real time.
    expect(slowMotionOf('120.000000', playing(60))).toBeUndefined();
    expect(slowMotionOf('60.000000', playing(59.94))).toBeUndefined();
    expect(slowMotionOf('30', playing(60))).toBeUndefined();
    expect(slowMotionOf('1.000000', playing(30))).toBeUndefined();
    expect(slowMotionOf(undefined, playing(30))).toBeUndefined();
    expect(slowMotionOf('not a number', playing(30))).toBeUndefined();
    expect(slowMotionOf('120', [0])).toBeUndefined();
  });
});
