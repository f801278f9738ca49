import { describe, expect, it } from 'vitest';
import { keyFrameStep, sampledKeyFrames } from '../../../src/main/media/sample-frames';

describe('sampling a video at its keyframes', () => {
  const everySecond = [0, 30, 60, 90, 120, 150, 180, 210];

  it('uses a phone-like keyframe a second when the scan wants one a second, every other at 0.5 s', () => {
    expect(keyFrameStep(everySecond, 229, 30)).toBe(1);
    expect(sampledKeyFrames(everySecond, 229, 1)).toEqual(everySecond);
    const everyHalf = Array.from({ length: 16 }, (_, i) => 15 * i);
    expect(keyFrameStep(everyHalf, 229, 30)).toBe(2);
    expect(sampledKeyFrames(everyHalf, 229, 2)).toEqual(everySecond);
  });

  it('decodes every frame when keyframes are rarer anywhere, or missing', () => {
    // An encoder's default, one every 250 frames; a gap of 2 s in the middle; the end far from the last.
    expect(keyFrameStep([0, 250], 229, 30)).toBeUndefined();
    expect(keyFrameStep([0, 30, 90, 120], 140, 30)).toBeUndefined();
    expect(keyFrameStep([0, 30, 60], 229, 30)).toBeUndefined();
    expect(keyFrameStep(undefined, 229, 30)).toBeUndefined();
    expect(keyFrameStep([], 229, 30)).toBeUndefined();
    // Keyframes past the frames analysed do not count.
    expect(sampledKeyFrames(everySecond, 100, 1)).toEqual([0, 30, 60, 90]);
    expect(keyFrameStep(everySecond, 100, 30)).toBe(1);
  });
});
