import { describe, expect, it } from 'vitest';
import {
  beltSpeedCheckNote,
  cameraMotionPerPass,
  movingCameraFrames,
  movingCameraNotes,
  stanceSlideSpeed,
} from '../../../src/main/gait/camera-motion';
import type { GaitEvent, Side } from '../../../src/main/gait/types';

/**
 * Ten strides at 1 m/s, 30 frames/s, seen by a camera that moves forward at `share` of the
 * walking speed: in its picture the pelvis advances at 1 - share and a foot on the floor slides
 * back at share; a swinging foot catches up.
 */
function walk(share: number) {
  const rate = 30;
  const n = 300;
  const strideF = 30;
  const pelvis = Array.from({ length: n }, (_, f) => ((1 - share) * f) / rate);
  const events: GaitEvent[] = [];
  const toe = {} as Record<Side, number[]>;
  for (const [side, phase] of [
    ['left', 0],
    ['right', 15],
  ] as const) {
    // Ground position of the foot: still in stance (60 % of the stride), forward in swing.
    const ground = Array.from({ length: n }, (_, f) => {
      const k = Math.floor((f - phase) / strideF);
      const t = (f - phase) / strideF - k;
      const placed = (k * strideF + phase) / rate + 0.3;
      return t < 0.6 ? placed : placed + ((t - 0.6) / 0.4) * (strideF / rate);
    });
    toe[side] = ground.map((g, f) => g - (share * f) / rate);
    for (let f = phase; f + strideF < n; f += strideF) {
      events.push({ side, kind: 'initial-contact', frame: f, source: 'zeni' });
      events.push({ side, kind: 'foot-off', frame: f + 0.6 * strideF, source: 'zeni' });
    }
  }
  return {
    rateHz: rate,
    passes: [{ index: 0, startFrame: 0, endFrame: n, direction: 1 as const, mode: 'overground' as const }],
    events,
    toeForward: toe,
    pelvisForward: pelvis,
  };
}

describe('camera motion from the stance foot', () => {
  it('finds a fixed camera still and a panning one moving, by the share of the motion it took', () => {
    const still = cameraMotionPerPass(walk(0));
    expect(still[0]!.driftFraction).toBeCloseTo(0, 9);
    expect(still[0]!.moved).toBe(false);
    expect(movingCameraNotes(still)).toEqual([]);
    const panned = cameraMotionPerPass(walk(0.5));
    expect(panned[0]!.driftFraction).toBeCloseTo(0.5, 9);
    expect(panned[0]!.moved).toBe(true);
    expect(movingCameraNotes(panned)[0]).toMatch(
      /^The camera moved during walking pass 1: .* at 50 % of walking speed/,
    );
    expect(Array.from(movingCameraFrames(panned, 300)).every((v) => v === 1)).toBe(true);
  });

  it('does not judge a pass from fewer than two steps, nor a treadmill, nor a foot at the edge', () => {
    const w = walk(0.5);
    const first = w.events.filter((e) => e.frame < 20);
    expect(cameraMotionPerPass({ ...w, events: first })).toEqual([]);
    expect(cameraMotionPerPass({ ...w, passes: [{ ...w.passes[0]!, mode: 'treadmill' }] })).toEqual([]);
    const edge = { left: new Uint8Array(300).fill(1), right: new Uint8Array(300).fill(1) };
    expect(cameraMotionPerPass({ ...w, footAtEdge: edge })).toEqual([]);
  });

  it('does not judge from a stance too short for walking (a contact and foot off a few frames apart)', () => {
    // A fixed camera; the walker comes out from behind a tree, and her half-hidden foot gives a
    // contact and a foot off 0.17 s apart while its landmark slides back (the mirrored Sports2D
    // walk's first 100 frames: "the camera moved ... 35 %", the median of that stance's 78 % and
    // one real stance's -7 %).
    const w = walk(0);
    const events: GaitEvent[] = [
      { side: 'left', kind: 'initial-contact', frame: 31, source: 'zeni' },
      { side: 'left', kind: 'foot-off', frame: 36, source: 'zeni' },
      ...w.events.filter((e) => e.frame >= 60 && e.frame < 80),
    ];
    const left = w.toeForward.left.map((x, f) => (f > 31 && f <= 36 ? x - 0.1 * (f - 31) : x));
    const judged = cameraMotionPerPass({ ...w, events, toeForward: { ...w.toeForward, left } });
    // One real stance is left: too few to judge the pass.
    expect(judged).toEqual([]);
  });

  it("measures a treadmill belt's speed from the feet on it, and checks the speed entered", () => {
    // A camera keeping the walker in place is a treadmill to the picture: the toe on the floor
    // slides back at the walking speed, 1 unit/s.
    expect(stanceSlideSpeed(walk(1))).toBeCloseTo(1, 9);
    expect(beltSpeedCheckNote(1.0, 1.1)).toBeNull();
    expect(beltSpeedCheckNote(1.0, null)).toBeNull();
    expect(beltSpeedCheckNote(2.0, 1.0)).toMatch(
      /^The belt speed entered is 2.00 m\/s, but the feet on the belt move through the picture at about 1.00 m\/s/,
    );
  });
});
