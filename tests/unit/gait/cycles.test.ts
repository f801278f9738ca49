import { describe, expect, it } from 'vitest';
import {
  buildCycles,
  meanSdCurves,
  normaliseCycle,
  outOfStepNotes,
  percentAxis,
} from '../../../src/main/gait/cycles';
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

describe('a foot off too early in its cycle for walking', () => {
  it('flags the cycle (events of a foot half hidden while the walker entered the picture)', () => {
    // The mirrored Sports2D walk's first 100 frames (30 frames/s): she comes out from behind a tree,
    // and her left foot, half hidden, gave a contact at 42.5 and a foot off at 48.0; only the left
    // foot has a cycle, so nothing else could catch it.
    const entering = [
      ev('left', 'initial-contact', 42.54),
      ev('left', 'foot-off', 48.04),
      ev('left', 'initial-contact', 61.43),
      ev('left', 'foot-off', 73.2),
      ev('left', 'initial-contact', 80.5),
      ev('left', 'foot-off', 88.1),
      ev('left', 'initial-contact', 99.3),
    ];
    const cycles = buildCycles(entering, [pass], 30);
    // Foot off at 29 % of the first cycle, 61 % and 40 % of the next two.
    expect(cycles.map((c) => c.flags.includes('early-foot-off'))).toEqual([true, false, false]);
    expect(cycles[0]!.excluded).toBe(true);
  });
});

describe('strides checked against the other foot (out of step)', () => {
  const rate = 15;
  // The events a 15 frames/s GIF of the Sports2D walk gave: a left contact and foot off placed in
  // the middle of the left stance (frames 23.9 and 26.7) made a left stride of 0.85 s beside a right
  // one of 1.28 s over the same steps, each side with one cycle, so no side median could catch it.
  const gif = [
    ev('left', 'foot-off', 23.92),
    ev('right', 'foot-off', 25.53),
    ev('left', 'initial-contact', 26.72),
    ev('right', 'initial-contact', 30.63),
    ev('left', 'foot-off', 32.79),
    ev('left', 'initial-contact', 39.53),
    ev('right', 'foot-off', 43.2),
    ev('right', 'initial-contact', 49.86),
    ev('left', 'foot-off', 51.6),
  ];

  it('flags the stride whose other events are out of walking order, not the other foot', () => {
    const cycles = buildCycles(gif, [pass], rate);
    const left = cycles.find((c) => c.side === 'left')!;
    const right = cycles.find((c) => c.side === 'right')!;
    expect(left.flags).toEqual(['out-of-step']);
    expect(left.excluded).toBe(true);
    expect(right.flags).toEqual([]);
    expect(right.excluded).toBe(false);
    expect(outOfStepNotes(cycles)).toEqual([
      "Left cycle 1 (frames 27-40, 0.85 s) is left out: the right foot's stride over the same steps lasts 1.28 s, and the two feet's strides last about as long. An event is likely misplaced, missed or extra: check the events near frames 27-40 on the timeline (move, remove or add one).",
    ]);
  });

  it('keeps strides of equal length with unequal steps (a hemiplegic walk)', () => {
    // Left step 0.4 s, right step 0.7 s: stride 1.1 s (16.5 frames) on both feet.
    const events = [0, 1, 2, 3].flatMap((k) => {
      const t = 10 + k * 16.5;
      return [
        ev('left', 'initial-contact', t),
        ev('right', 'foot-off', t + 1.5),
        ev('right', 'initial-contact', t + 6),
        ev('left', 'foot-off', t + 7.5),
      ];
    });
    const cycles = buildCycles(events, [pass], rate);
    expect(cycles.length).toBeGreaterThanOrEqual(3);
    expect(cycles.every((c) => !c.flags.includes('out-of-step'))).toBe(true);
  });

  it('flags both strides when neither is out of order', () => {
    const events = [
      ev('left', 'initial-contact', 0),
      ev('right', 'foot-off', 2),
      ev('right', 'initial-contact', 9),
      ev('left', 'foot-off', 11),
      ev('left', 'initial-contact', 18),
      ev('right', 'foot-off', 20),
      ev('right', 'initial-contact', 40),
      ev('left', 'foot-off', 42),
      ev('left', 'initial-contact', 48),
    ];
    const cycles = buildCycles(events, [pass], rate);
    const pairs = cycles.filter((c) => c.flags.includes('out-of-step')).map((c) => [c.side, c.startFrame]);
    // Left 0-18 (1.2 s) against right 9-40 (2.1 s): both in order, so both are flagged.
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['left', 0],
        ['right', 9],
      ]),
    );
  });
});
