import { describe, expect, it } from 'vitest';
import { butterworthLowPass, designLowPassSections } from '../../../src/main/gait/butterworth';

const rate = 100;
function sine(freqHz: number, n = 2000): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * freqHz * i) / rate));
}
function amplitude(x: Float64Array): number {
  // RMS x sqrt(2) over whole periods in the middle, away from the ends (sample peaks can miss the crest).
  const mid = x.slice(500, 1500);
  return Math.sqrt((2 * mid.reduce((a, v) => a + v * v, 0)) / mid.length);
}

describe('zero-lag Butterworth low-pass', () => {
  it('is -3 dB (gain 0.707) at the cutoff, 1 at DC, and strongly attenuates above', () => {
    expect(amplitude(butterworthLowPass(sine(6), rate, { cutoffHz: 6 }))).toBeCloseTo(Math.SQRT1_2, 2);
    expect(amplitude(butterworthLowPass(sine(1), rate, { cutoffHz: 6 }))).toBeGreaterThan(0.99);
    expect(amplitude(butterworthLowPass(sine(18), rate, { cutoffHz: 6 }))).toBeLessThan(0.02);
    const dc = butterworthLowPass(new Float64Array(300).fill(3.5), rate);
    for (const v of dc) expect(v).toBeCloseTo(3.5, 9);
  });

  it('has no phase lag: a peak stays where it was', () => {
    const x = sine(2);
    const y = butterworthLowPass(x, rate, { cutoffHz: 6 });
    const argmax = (a: Float64Array, from: number, to: number) => {
      let best = from;
      for (let i = from; i < to; i++) if (a[i]! > a[best]!) best = i;
      return best;
    };
    expect(argmax(y, 1000, 1050)).toBe(argmax(x, 1000, 1050));
  });

  it('supports other effective orders and a configurable cutoff', () => {
    expect(designLowPassSections(100, 6, 4).length).toBe(1);
    expect(designLowPassSections(100, 6, 8).length).toBe(2);
    expect(designLowPassSections(100, 6, 6).length).toBe(2);
    expect(amplitude(butterworthLowPass(sine(10), rate, { cutoffHz: 10, effectiveOrder: 8 }))).toBeCloseTo(
      Math.SQRT1_2,
      2,
    );
    expect(() => butterworthLowPass(sine(1), rate, { cutoffHz: 60 })).toThrow(/Nyquist/);
    expect(() => butterworthLowPass(sine(1), rate, { effectiveOrder: 3 })).toThrow(/even/);
  });

  it('filters each finite stretch separately and keeps missing samples missing', () => {
    const x = sine(1, 400);
    for (let i = 150; i < 180; i++) x[i] = NaN;
    const y = butterworthLowPass(x, rate);
    for (let i = 150; i < 180; i++) expect(Number.isNaN(y[i]!)).toBe(true);
    expect(Number.isFinite(y[149]!)).toBe(true);
    expect(Number.isFinite(y[180]!)).toBe(true);
    expect(Math.abs(y[100]! - x[100]!)).toBeLessThan(0.01);
  });
});
