import { describe, expect, it } from 'vitest';
import { buildCycles, meanSdCurves, normaliseCycle, percentAxis } from '../../../src/main/gait/cycles';
import type { GaitEvent, WalkingPass } from '../../../src/main/gait/types';

const pass: WalkingPass = { index: 0, startFrame: 0, endFrame: 1000, direction: 1, mode: 'overground' };
const ev = (side: 'left' | 'right', kind: GaitEvent['kind'], frame: number): GaitEvent => ({
  side,
  kind,
  frame,
  source: 'manual',
});

describe('cycle normalisation', () => {
  it('resamples to 51 points at 2 % steps', () => {
    expect(percentAxis()).toHaveLength(51);
    expect(percentAxis()[1]).toBe(2);
    const ramp = Float64Array.from({ length: 300 }, (_, i) => i);
    const c = normaliseCycle(ramp, 100.5, 200.5);
    expect(c).toHaveLength(51);
    expect(c[0]).toBeCloseTo(100.5, 9);
    expect(c[25]).toBeCloseTo(150.5, 9);
    expect(c[50]).toBeCloseTo(200.5, 9);
    expect(normaliseCycle(ramp, 0, 100, 101)[37]).toBeCloseTo(37, 9);
  });

  it('means and SDs point by point', () => {
    const { mean, sd } = meanSdCurves(
      [
        [0, 10],
        [2, 10],
        [4, 10],
      ],
      2,
    );
    expect(mean).toEqual([2, 10]);
    expect(sd[0]).toBeCloseTo(2, 9);
    expect(sd[1]).toBe(0);
  });
});

describe('cycle building and flags', () => {
  const rate = 100;
  const events = [
    ev('left', 'initial-contact', 100),
    ev('left', 'foot-off', 160),
    ev('left', 'initial-contact', 200),
    ev('left', 'foot-off', 260),
    ev('left', 'initial-contact', 300),
    // No foot off in this cycle, and too short.
    ev('left', 'initial-contact', 340),
    ev('left', 'foot-off', 400),
    ev('left', 'initial-contact', 440),
  ];

  it('flags short cycles, missing foot off, irregular duration, and user exclusions', () => {
    const cycles = buildCycles(events, [pass], rate, { excluded: ['left:0'] });
    expect(cycles.map((c) => [c.startFrame, c.endFrame])).toEqual([
      [100, 200],
      [200, 300],
      [300, 340],
      [340, 440],
    ]);
    expect(cycles[0]!.flags).toEqual(['excluded-by-user']);
    expect(cycles[1]!.flags).toEqual([]);
    expect(cycles[1]!.excluded).toBe(false);
    expect(cycles[1]!.footOffFrame).toBe(260);
    expect(cycles[2]!.flags).toEqual(
      expect.arrayContaining(['too-short', 'no-foot-off', 'irregular-duration']),
    );
    expect(cycles[2]!.excluded).toBe(true);
  });

  it('never builds a cycle across two passes (a turn is not a stride)', () => {
    const passes: WalkingPass[] = [
      { ...pass, endFrame: 250 },
      { ...pass, index: 1, startFrame: 260, endFrame: 1000, direction: -1 },
    ];
    const cycles = buildCycles(events, passes, rate);
    expect(cycles.some((c) => c.startFrame === 200)).toBe(false);
    expect(cycles.find((c) => c.startFrame === 300)!.passIndex).toBe(1);
  });
});
