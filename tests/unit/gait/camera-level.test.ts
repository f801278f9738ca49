import { describe, expect, it } from 'vitest';
import { floorTiltDeg, floorTiltNote } from '../../../src/main/gait/camera-level';
import type { GaitEvent, Trajectory } from '../../../src/main/gait/types';

/** Six contacts along a floor line at `deg` (rising to the right for positive), 1000 px wide picture. */
function contacts(deg: number, spreadPx = 900) {
  const n = 60;
  const events: GaitEvent[] = [];
  const line = (x: number) => 800 - Math.tan((deg * Math.PI) / 180) * (x - 500);
  const mk = (): { heel: Trajectory; toe: Trajectory } => ({
    heel: { x: new Float64Array(n).fill(NaN), y: new Float64Array(n).fill(NaN) },
    toe: { x: new Float64Array(n).fill(NaN), y: new Float64Array(n).fill(NaN) },
  });
  const feet = { left: mk(), right: mk() };
  for (let k = 0; k < 6; k++) {
    const side = k % 2 ? 'right' : 'left';
    const f = 5 + 10 * k;
    const x = 50 + (spreadPx * k) / 5;
    // The heel lands (lowest); the toe is still in the air, 30 px higher.
    (feet[side].heel.x as Float64Array)[f] = x;
    (feet[side].heel.y as Float64Array)[f] = line(x);
    (feet[side].toe.x as Float64Array)[f] = x + 40;
    (feet[side].toe.y as Float64Array)[f] = line(x) - 30;
    events.push({ side, kind: 'initial-contact', frame: f, source: 'zeni' });
  }
  return { events, feet, imageWidthPx: 1000 };
}

describe('the floor line under the feet', () => {
  it('measures its angle in the picture, and says when the camera is rolled', () => {
    expect(floorTiltDeg(contacts(0))).toBeCloseTo(0, 6);
    expect(floorTiltDeg(contacts(10))).toBeCloseTo(10, 6);
    expect(floorTiltDeg(contacts(-6))).toBeCloseTo(-6, 6);
    expect(floorTiltNote(floorTiltDeg(contacts(2)))).toBeNull();
    expect(floorTiltNote(floorTiltDeg(contacts(-6)))).toMatch(
      /^The floor where the feet land runs 6 deg from the picture's horizontal \(rising to the left\)/,
    );
  });

  it('needs three contacts spread over a quarter of the picture (not a treadmill)', () => {
    expect(floorTiltDeg(contacts(10, 100))).toBeNull();
    const few = contacts(10);
    expect(floorTiltDeg({ ...few, events: few.events.slice(0, 2) })).toBeNull();
  });
});
