import { describe, expect, it } from 'vitest';
import { fillGaps } from '../../../src/main/gait/gap-fill';

describe('gap filling', () => {
  const rate = 50;
  const curve = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i / 15) * 100);

  it('fills a short gap with a cubic close to the true curve', () => {
    const x = curve.slice();
    for (let i = 60; i < 68; i++) x[i] = NaN; // 0.16 s
    const r = fillGaps(x, rate);
    expect(r.filled).toEqual([{ startFrame: 60, endFrame: 68, durationS: 0.16 }]);
    expect(r.unfilled).toEqual([]);
    for (let i = 60; i < 68; i++) expect(Math.abs(r.values[i]! - curve[i]!)).toBeLessThan(1.5);
  });

  it('cubic beats linear on a curved path', () => {
    const x = curve.slice();
    for (let i = 40; i < 49; i++) x[i] = NaN;
    const err = (v: Float64Array) =>
      Math.max(...Array.from({ length: 9 }, (_, k) => Math.abs(v[40 + k]! - curve[40 + k]!)));
    expect(err(fillGaps(x, rate).values)).toBeLessThan(err(fillGaps(x, rate, { method: 'linear' }).values));
  });

  it('leaves long gaps and gaps at the ends missing, and reports them', () => {
    const x = curve.slice();
    for (let i = 0; i < 3; i++) x[i] = NaN;
    for (let i = 100; i < 120; i++) x[i] = NaN; // 0.4 s > 0.2 s
    const r = fillGaps(x, rate);
    expect(r.unfilled.map((g) => [g.startFrame, g.endFrame])).toEqual([
      [0, 3],
      [100, 120],
    ]);
    expect(r.unfilled[1]!.durationS).toBeCloseTo(0.4, 9);
    expect(Number.isNaN(r.values[110]!)).toBe(true);
    expect(Number.isNaN(r.values[1]!)).toBe(true);
  });

  it('respects a configured limit', () => {
    const x = curve.slice();
    for (let i = 100; i < 120; i++) x[i] = NaN;
    expect(fillGaps(x, rate, { maxGapS: 0.5 }).unfilled).toEqual([]);
  });
});
