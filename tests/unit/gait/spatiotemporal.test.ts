import { describe, expect, it } from 'vitest';
import type { GaitCycle } from '../../../src/main/gait/cycles';
import { computeSpatiotemporal, oppositeEvents } from '../../../src/main/gait/spatiotemporal';
import type { GaitEvent, GaitEventKind, Side } from '../../../src/main/gait/types';

const ev = (side: Side, kind: GaitEventKind, frame: number): GaitEvent => ({
  side,
  kind,
  frame,
  source: 'zeni',
});

// A left cycle at 100 Hz from frame 100 to 200: right foot off at 112, right contact at 150,
// left foot off at 162 (Perry's normal: 12 %, 50 %, 62 %).
const cycle: GaitCycle = {
  side: 'left',
  index: 0,
  startFrame: 100,
  endFrame: 200,
  footOffFrame: 162,
  durationS: 1,
  passIndex: 0,
  flags: [],
  excluded: false,
};
const normal = [
  ev('left', 'initial-contact', 100),
  ev('right', 'foot-off', 112),
  ev('right', 'initial-contact', 150),
  ev('left', 'foot-off', 162),
  ev('right', 'foot-off', 212),
  ev('left', 'initial-contact', 200),
];

function leftCycle(events: GaitEvent[]) {
  const r = computeSpatiotemporal({ cycles: [cycle], events, rateHz: 100, metresPerUnit: null });
  return r.perCycle[0]!;
}

describe('events of the other foot inside a cycle', () => {
  it('gives opposite foot off, opposite contact, single and double support of a normal cycle', () => {
    const c = leftCycle(normal);
    expect(c.oppositeFootOffPct).toBeCloseTo(12, 9);
    expect(c.oppositeFootContactPct).toBeCloseTo(50, 9);
    expect(c.singleSupportPct).toBeCloseTo(38, 9);
    expect(c.doubleSupportPct).toBeCloseTo(24, 9);
    expect(c.stepTimeS).toBeCloseTo(0.5, 9);
  });

  it('leaves opposite foot off empty when the one after contact was missed, instead of taking the next one', () => {
    // The next right foot off (at 196, 96 % of this cycle) must not stand in for the missed one.
    const events = [
      ...normal.filter((e) => !(e.side === 'right' && e.frame === 112)),
      ev('right', 'foot-off', 196),
    ];
    const c = leftCycle(events);
    expect(c.oppositeFootOffPct).toBeNull();
    expect(c.singleSupportPct).toBeNull();
    expect(c.doubleSupportPct).toBeNull();
    expect(c.oppositeFootContactPct).toBeCloseTo(50, 9);
  });

  it('does the same when the foot off fell a frame before the contact that starts the cycle', () => {
    const events = [
      ...normal.filter((e) => !(e.side === 'right' && e.frame === 112)),
      ev('right', 'foot-off', 99),
      ev('right', 'foot-off', 196),
    ];
    expect(leftCycle(events).oppositeFootOffPct).toBeNull();
  });

  it('keeps the contact nearest mid-cycle when a spurious second one is in the cycle', () => {
    const r = oppositeEvents([...normal, ev('right', 'initial-contact', 104)], 'right', 100, 200);
    expect(r.oppositeContact).toBe(150);
    expect(r.oppositeFootOff).toBe(112);
  });
});
