// Feet going apart and together side by side (jumping jacks) against steps, in numbers: seen from in
// front the feet keep about a step width apart; seen at a slant, a step takes one foot past the
// other. The real case (the man on the box in the Sports2D clip) is in
// tests/integration/pose/short-clip-walker.test.ts.
import { describe, expect, it } from 'vitest';
import { feetApartAndTogether, feetApartSentence } from '../../../src/main/gait/feet-apart';

const RATE_HZ = 30;
const LEG_PX = 150;

/** Heels across the picture for `seconds`, the left heel `apartLeg(t)` leg lengths right of the other. */
function heels(seconds: number, apartLeg: (tS: number) => number, jitterPx = 0) {
  const n = Math.round(seconds * RATE_HZ);
  const right = new Float64Array(n);
  const left = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // A fixed pseudo-random jitter, so the sums below do not depend on a generator.
    const j = jitterPx * Math.sin(i * 12.9898) * Math.cos(i * 78.233);
    right[i] = 400 + j;
    left[i] = 400 + apartLeg(i / RATE_HZ) * LEG_PX - j;
  }
  return {
    rateHz: RATE_HZ,
    legLengthPx: new Float64Array(n).fill(LEG_PX),
    leftHeelXPx: left,
    rightHeelXPx: right,
  };
}

describe('feetApartAndTogether', () => {
  it('counts jumping jacks (feet 0.1 to 1.1 leg lengths apart, one a second), on either side', () => {
    const jacks = (t: number) => 0.6 - 0.5 * Math.cos(2 * Math.PI * t);
    for (const sign of [1, -1]) {
      const feet = feetApartAndTogether(heels(4.2, (t) => sign * jacks(t), 5));
      expect(feet).not.toBeNull();
      expect(feet!.times).toBe(4);
      expect(feet!.closestLeg).toBeCloseTo(0.1, 1);
      expect(feet!.widestLeg).toBeCloseTo(1.1, 1);
      expect(feetApartSentence(feet!)).toBe(
        'the feet moved apart and back together side by side 4 times (from 0.1 to 1.1 leg lengths apart in the picture, as in jumping) instead of taking turns to step',
      );
    }
  });

  it('is not stepping seen from in front (a step width apart, give or take the landmarks)', () => {
    expect(feetApartAndTogether(heels(6, (t) => 0.2 + 0.05 * Math.sin(2 * Math.PI * t), 8))).toBeNull();
  });

  it('is not a walk toward a camera at a slant, where each step takes one foot past the other', () => {
    // Step width 0.15 leg lengths, steps seen across the picture as 0.6 leg lengths each way.
    expect(feetApartAndTogether(heels(6, (t) => 0.15 + 0.6 * Math.sin(Math.PI * t)))).toBeNull();
  });

  it('is not one change of stance, nor standing with the feet apart', () => {
    expect(feetApartAndTogether(heels(6, (t) => (t < 3 ? 0.1 : 0.9), 3))).toBeNull();
    expect(feetApartAndTogether(heels(6, () => 0.8, 3))).toBeNull();
  });

  it('says nothing on under a second tracked', () => {
    const feet = heels(6, (t) => 0.6 - 0.5 * Math.cos(2 * Math.PI * t));
    feet.legLengthPx.fill(NaN, 25);
    expect(feetApartAndTogether(feet)).toBeNull();
  });
});
