// Telling a walk seen end-on from standing still, with numbers: landmarks that jitter on a subject
// who stands must not read as steps (walks seen end-on are checked on real marker walks in
// tests/integration/gait/end-on-walk.test.ts).
import { describe, expect, it } from 'vitest';
import { butterworthLowPass } from '../../../src/main/gait/butterworth';
import { endOnWalk, endOnWalkMessage } from '../../../src/main/gait/end-on-walk';

/** Deterministic standard normal noise (Box-Muller on a linear congruential generator). */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
}

describe('endOnWalk', () => {
  it('a subject standing for 10 s with heels jittering up to 25 px (150 px legs) is not stepping', () => {
    for (const rateHz of [25, 30, 60])
      for (const jitterPx of [3, 10, 25])
        for (let seed = 1; seed <= 10; seed++) {
          const z = noise(seed);
          const n = rateHz * 10;
          const heel = () =>
            butterworthLowPass(
              Float64Array.from({ length: n }, () => 500 + jitterPx * z()),
              rateHz,
            );
          const walk = endOnWalk({
            rateHz,
            legLengthPx: new Float64Array(n).fill(150),
            leftHeelYPx: heel(),
            rightHeelYPx: heel(),
          });
          expect(walk, `${rateHz} Hz, ${jitterPx} px, seed ${seed}`).toBeNull();
        }
  });

  it('feet taking turns to lead at 1 stride/s while the legs grow from 120 to 240 px: toward the camera', () => {
    const rateHz = 30;
    const n = 6 * rateHz;
    const leg = Float64Array.from({ length: n }, (_, i) => 120 + (120 * i) / n);
    const lead = (i: number) => 0.1 * leg[i]! * Math.sin((2 * Math.PI * i) / rateHz);
    const walk = endOnWalk({
      rateHz,
      legLengthPx: leg,
      leftHeelYPx: Float64Array.from({ length: n }, (_, i) => 600 + lead(i)),
      rightHeelYPx: Float64Array.from({ length: n }, (_, i) => 600 - lead(i)),
    });
    expect(walk?.travel).toBe('toward');
    expect(walk!.legPx.map(Math.round)).toEqual([140, 180, 220]);
    expect(walk!.strideS).toBeCloseTo(1, 2);
    expect(endOnWalkMessage(walk!)).toMatch(
      /^The subject walked toward the camera, not across it \(the legs went from 140 to 220 px long in the picture\), at about 120 steps\/min \(the same foot leads again every 1\.00 s\): seen from in front or behind, a foot's landing cannot be timed/,
    );
  });

  it('too few frames to tell (under a second) or no legs tracked: null', () => {
    const short = {
      rateHz: 30,
      legLengthPx: new Float64Array(20).fill(150),
      leftHeelYPx: new Float64Array(20),
      rightHeelYPx: new Float64Array(20),
    };
    expect(endOnWalk(short)).toBeNull();
    const untracked = {
      ...short,
      legLengthPx: new Float64Array(300).fill(NaN),
      leftHeelYPx: new Float64Array(300),
      rightHeelYPx: new Float64Array(300),
    };
    expect(endOnWalk(untracked)).toBeNull();
  });
});
