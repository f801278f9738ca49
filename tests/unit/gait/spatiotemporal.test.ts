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

describe('distances when the floor moves through the picture', () => {
  // The normal cycle above at 1.2 m/s, stride 1.2 m, step 0.6 m, in metres along the walk. Each
  // foot stands still from its contact to its foot off and swings forward by a stride between.
  const rate = 100;
  const n = 320;
  const footOnFloor = (contacts: number[], off: number) =>
    Array.from({ length: n }, (_, f) => {
      const k = contacts.filter((c) => c <= f).length - 1;
      const at = (i: number) => 0.6 * contacts[Math.max(0, i)]! * 0.02;
      if (k < 0) return at(0) - 1.2;
      const c = contacts[k]!;
      if (f < c + off || k + 1 >= contacts.length) return at(k);
      return at(k) + ((f - c - off) / (contacts[k + 1]! - c - off)) * (at(k + 1) - at(k));
    });
  // Contacts every 100 frames per foot, right between left's; positions 0.6 m per step.
  const left = footOnFloor([0, 100, 200, 300], 62);
  const right = footOnFloor([50, 150, 250], 62);
  const pelvis = Array.from({ length: n }, (_, f) => (1.2 * f) / rate);
  // A camera moving on at `share` of walking speed takes that share off every position.
  const seen = (xs: number[], share: number) => xs.map((x, f) => x - (share * 1.2 * f) / rate);
  const run = (share: number, moving: boolean, treadmill = false) =>
    computeSpatiotemporal({
      cycles: [cycle],
      events: normal,
      rateHz: rate,
      footForward: { left: seen(left, share), right: seen(right, share) },
      pelvisForward: seen(pelvis, share),
      metresPerUnit: 1,
      treadmill,
      ...(moving ? { cameraMoving: new Uint8Array(n).fill(1) } : {}),
    }).perCycle[0]!;

  it('measures the walk from a fixed camera, and from steps when the camera moved or the patient walks in place', () => {
    const fixed = run(0, false);
    expect(fixed.strideLengthM).toBeCloseTo(1.2, 9);
    expect(fixed.stepLengthM).toBeCloseTo(0.6, 9);
    expect(fixed.speedMps).toBeCloseTo(1.2, 9);
    // Followed at half the pace, the picture's own strides would say 0.6 m.
    expect(run(0.5, false).strideLengthM).toBeCloseTo(0.6, 9);
    for (const c of [run(0.5, true), run(1, false, true)]) {
      expect(c.stepLengthM).toBeCloseTo(0.6, 9);
      expect(c.strideLengthM).toBeCloseTo(1.2, 9);
      expect(c.speedMps).toBeCloseTo(1.2, 9);
    }
    // A belt speed given is what a treadmill's lengths come from.
    const belt = computeSpatiotemporal({
      cycles: [cycle],
      events: normal,
      rateHz: rate,
      footForward: { left: seen(left, 1), right: seen(right, 1) },
      metresPerUnit: 1,
      treadmill: true,
      treadmillBeltSpeedMps: 1.1,
    }).perCycle[0]!;
    expect(belt.strideLengthM).toBeCloseTo(1.1, 9);
  });
});
