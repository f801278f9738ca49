// Shoulders at the picture's top edge, in numbers (the real walk cropped at the shoulders is in
// tests/integration/analysis/framed-too-low.test.ts).
import { describe, expect, it } from 'vitest';
import type { GaitCycle } from '../../../src/main/gait/cycles';
import { flagTrunkCutOff, trunkCutOffFrames, trunkCutOffNote } from '../../../src/main/gait/trunk-cut-off';
import type { Trajectory } from '../../../src/main/gait/types';

const shoulder = (y: number[], confidence?: number[]): Trajectory => ({
  x: Float64Array.from(y, () => 500),
  y: Float64Array.from(y),
  ...(confidence ? { confidence: Float64Array.from(confidence) } : {}),
});

const cycle = (startFrame: number, endFrame: number): GaitCycle => ({
  side: 'left',
  index: 0,
  startFrame,
  endFrame,
  durationS: (endFrame - startFrame) / 30,
  passIndex: 0,
  flags: [],
  excluded: false,
});

describe('trunkCutOffFrames', () => {
  it('marks frames with either shoulder within a tenth of a leg length of the top edge, or above it', () => {
    // Legs 200 px: a 20 px margin.
    const near = shoulder([100, 25, 19, 5, -3, NaN, 60]);
    const far = shoulder([100, 100, 100, 100, 100, 100, 12]);
    expect(Array.from(trunkCutOffFrames([near, far], 200, 7))).toEqual([0, 0, 1, 1, 1, 0, 1]);
  });

  it('ignores shoulders the model is unsure of, and a leg length it could not measure', () => {
    expect(Array.from(trunkCutOffFrames([shoulder([5, 5], [0.2, 0.9])], 200, 2))).toEqual([0, 1]);
    expect(Array.from(trunkCutOffFrames([shoulder([5, 5])], NaN, 2))).toEqual([0, 0]);
  });
});

describe('flagTrunkCutOff and its note', () => {
  it('leaves out the cycles cut for a tenth of their frames or more, and says so with the frames', () => {
    const cut = new Uint8Array(100);
    cut.fill(1, 10, 14); // 4 of the 31 frames 0-30
    cut[50] = 1; // 1 of the 31 frames 40-70
    const cycles = [cycle(0, 30), cycle(40, 70), cycle(70, 99)];
    const flagged = flagTrunkCutOff(cycles, cut);
    expect(flagged).toEqual([cycles[0]]);
    expect(cycles.map((c) => c.excluded)).toEqual([true, false, false]);
    expect(cycles[0]!.flags).toEqual(['trunk-cut-off']);
    const passes = [
      { index: 0, startFrame: 0, endFrame: 100, direction: 1 as const, mode: 'overground' as const },
    ];
    expect(trunkCutOffNote(cut, passes, flagged, 3)).toBe(
      "The picture cuts the subject off at the top: the shoulders are at its top edge in 5 of the 100 frames of the walking passes (frames 10-13, 50), as when the camera is framed too low or too close. The pose model then squeezes head and shoulders into the picture and pulls the hips up with them, so hip and knee flexion, trunk tilt and lengths scaled from the patient's height are wrong there: 1 of the 3 cycles has the shoulders there for a tenth of its frames or more and is left out. Frame the whole body, head to feet, and analyse again.",
    );
  });

  it('says nothing when the shoulders reach the edge only outside the walking passes', () => {
    const cut = new Uint8Array(100).fill(1, 90, 100);
    const passes = [
      { index: 0, startFrame: 0, endFrame: 80, direction: 1 as const, mode: 'overground' as const },
    ];
    expect(trunkCutOffNote(cut, passes, [], 2)).toBeNull();
    expect(trunkCutOffNote(new Uint8Array(100).fill(1, 70, 72), passes, [], 2)).toMatch(
      /in 2 of the 80 frames .*: no cycle has the shoulders there for a tenth of its frames or more, so none is left out\./,
    );
  });
});
