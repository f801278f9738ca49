import { describe, expect, it } from 'vitest';
import { residualAnalysis } from '../../../src/main/gait/residual-analysis';

const rate = 100;
const n = 1000;
/** Deterministic Gaussian noise, so the test is repeatable. */
function noise(sigma: number, seed = 7): Float64Array {
  let s = seed;
  const rnd = () => (s = (s * 1664525 + 1013904223) % 4294967296) / 4294967296;
  return Float64Array.from(
    { length: n },
    () => sigma * Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd()),
  );
}
// A gait-like signal: 1 Hz stride with harmonics up to 4 Hz (mm).
const signal = Float64Array.from({ length: n }, (_, i) => {
  const t = i / rate;
  return (
    40 * Math.sin(2 * Math.PI * t) + 15 * Math.sin(4 * Math.PI * t + 1) + 5 * Math.sin(8 * Math.PI * t + 2)
  );
});

describe("Winter's residual analysis", () => {
  it('estimates the noise level and picks a cutoff above the signal band', () => {
    const e = noise(1);
    const r = residualAnalysis(
      signal.map((v, i) => v + e[i]!),
      rate,
    )!;
    expect(r.noiseRms).toBeGreaterThan(0.7);
    expect(r.noiseRms).toBeLessThan(1.3);
    expect(r.cutoffHz).toBeGreaterThan(4);
    expect(r.cutoffHz).toBeLessThan(15);
    expect(r.cutoffsHz.length).toBe(r.residuals.length);
  });

  it('picks a lower cutoff for noisier data, a higher one for cleaner data', () => {
    const cut = (sigma: number) => {
      const e = noise(sigma);
      return residualAnalysis(
        signal.map((v, i) => v + e[i]!),
        rate,
      )!.cutoffHz!;
    };
    expect(cut(5)).toBeLessThan(cut(1));
    expect(cut(1)).toBeLessThan(cut(0.1));
  });

  it('finds no noise to remove in a noiseless signal', () => {
    const r = residualAnalysis(signal, rate)!;
    expect(r.noiseRms).toBeLessThan(0.05);
    if (r.cutoffHz !== undefined) expect(r.cutoffHz).toBeGreaterThan(10);
  });

  it('ignores missing samples, and needs at least 20 finite ones', () => {
    const e = noise(1);
    const gappy = signal.map((v, i) => (i % 100 < 10 ? NaN : v + e[i]!));
    const r = residualAnalysis(gappy, rate)!;
    expect(r.cutoffHz).toBeGreaterThan(4);
    expect(r.cutoffHz).toBeLessThan(15);
    expect(residualAnalysis(signal.slice(0, 19), rate)).toBeUndefined();
  });
});
