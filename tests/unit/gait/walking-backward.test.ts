// Passes walked backward, in numbers (the real walks played backward are in
// tests/integration/analysis/walking-backward.test.ts).
import { describe, expect, it } from 'vitest';
import type { GaitCycle } from '../../../src/main/gait/cycles';
import {
  backwardPasses,
  flagBackwardCycles,
  walkingBackwardNote,
} from '../../../src/main/gait/walking-backward';
import { overgroundPass } from './synthetic-walker';

const pass = overgroundPass;

describe('backwardPasses', () => {
  // Feet pointing toward +x (toe 20 px ahead of the heel) for frames 0-99, toward -x after.
  const foot = Float64Array.from({ length: 200 }, (_, i) => (i < 100 ? 20 : -20));

  it('finds the passes whose toes point against the travel, either way across', () => {
    const passes = [pass(0, 0, 100, 1), pass(1, 100, 200, 1), pass(2, 100, 200, -1)];
    expect(backwardPasses(passes, [foot, foot]).map((p) => p.index)).toEqual([1]);
    expect(backwardPasses([pass(0, 0, 100, -1)], [foot]).map((p) => p.index)).toEqual([0]);
  });

  it('says nothing of a treadmill, of feet seen side-on, or of feet not tracked', () => {
    expect(backwardPasses([{ ...pass(0, 100, 200, 1), mode: 'treadmill' }], [foot])).toEqual([]);
    // Toes pointing either way by turns: no facing to tell.
    const sideOn = Float64Array.from({ length: 100 }, (_, i) => (i % 2 ? 20 : -19));
    expect(backwardPasses([pass(0, 0, 100, 1)], [sideOn])).toEqual([]);
    expect(backwardPasses([pass(0, 0, 100, -1)], [new Float64Array(100).fill(NaN)])).toEqual([]);
  });
});

describe('flagBackwardCycles and the note', () => {
  it('leaves out the cycles of the passes walked backward, and says which', () => {
    const cycle = (passIndex: number): GaitCycle => ({
      side: 'left',
      index: 0,
      startFrame: 0,
      endFrame: 30,
      durationS: 1,
      passIndex,
      flags: [],
      excluded: false,
    });
    const cycles = [cycle(0), cycle(1), cycle(1)];
    const backward = [pass(1, 100, 200, 1)];
    expect(flagBackwardCycles(cycles, backward)).toBe(2);
    expect(cycles.map((c) => c.excluded)).toEqual([false, true, true]);
    expect(cycles[1]!.flags).toEqual(['walking-backward']);
    expect(walkingBackwardNote(backward, 2, true)).toBe(
      'Walking pass 2: the subject went backward through the picture (the toes pointed against the direction of travel): walking backward, a video playing in reverse, or a camera carried along faster than the subject walked. Gait events and joint angles assume walking forward past a still camera, so the 2 cycles there are left out; analyse forward walking filmed from a tripod.',
    );
    expect(walkingBackwardNote([pass(0, 0, 50, 1), pass(2, 60, 99, -1)], 1, true)).toMatch(
      /^Walking passes 1, 3: .* so the cycle there is left out;/,
    );
    expect(walkingBackwardNote([], 0, true)).toBeNull();
    // Motion capture: no picture, no camera to carry.
    expect(walkingBackwardNote(backward, 2, false)).toBe(
      'Walking pass 2: the subject walked backward (the toes pointed against the direction of travel), or the recording runs in reverse. Gait events and joint angles assume walking forward, so the 2 cycles there are left out.',
    );
  });
});
