import { describe, expect, it } from 'vitest';
import { declaredRateNote, heelStrideFrames } from '../../../src/main/gait/stride-clock';
import type { TrajectorySet } from '../../../src/main/gait/types';

/** Heel markers in metres, Z up, rising 0.12 m in each swing; a stride is `strideFrames` long. */
function heels(strideFrames: number, rateHz: number, riseM = 0.12, frames = 400): TrajectorySet {
  const heel = (phase: number) => {
    const z = Array.from({ length: frames }, (_, i) => {
      const p = (i / strideFrames + phase) % 1;
      return 0.06 + (p > 0.6 ? riseM * Math.sin(((p - 0.6) / 0.4) * Math.PI) : 0);
    });
    return { x: z.map((_, i) => i * 0.01), y: z.map(() => 0), z };
  };
  return {
    rateHz,
    frameCount: frames,
    convention: 'lab-z-up',
    unit: 'm',
    trajectories: { LHEE: heel(0), RHEE: heel(0.5) },
  };
}

describe('a marker file whose declared rate makes strides nobody walks', () => {
  it('measures the stride from the heels rising and falling', () => {
    expect(heelStrideFrames(heels(110, 100))).toBe(110);
    // A subject standing still (a static trial): the heels do not rise, nothing is measured.
    expect(heelStrideFrames(heels(110, 100, 0.004))).toBeNull();
    // Fewer than two strides in the recording: no repeat to measure.
    expect(heelStrideFrames(heels(250, 100))).toBeNull();
  });

  it('names the rate only when the stride is implausible at it', () => {
    expect(declaredRateNote(heels(110, 100))).toBeNull();
    expect(declaredRateNote(heels(110, 1000))).toBe(
      "Its heels rise and fall every 0.11 s at the 1000 Hz the file declares, where a walking stride takes 0.5-4 s: if the capture ran at another rate, correct the rate in the file (a TRC's DataRate, a C3D's POINT:RATE) and analyse it again.",
    );
    expect(declaredRateNote(heels(110, 10))).toMatch(/^Its heels rise and fall every 11 s at the 10 Hz/);
    // A very slow walker (3.5 s strides) is not suspected.
    expect(declaredRateNote(heels(175, 50))).toBeNull();
  });
});
