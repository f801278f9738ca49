import { describe, expect, it } from 'vitest';
import { readC3D } from '../../../src/main/formats/c3d-reader';
import { forcePlateContacts } from '../../../src/main/formats/c3d-force-plates';
import { parameterWriter } from './c3d-parameters-writer';

const POINT_HZ = 100;
const ANALOG_HZ = 1000;
const FRAMES = 200;

/**
 * An Intel float C3D with one marker and one force plate of `type`, whose analog channels hold
 * `signal(channel, seconds)` (channel 0-based, in the plate's own channel order).
 */
function plateC3D(type: number, channelCount: number, signal: (ch: number, t: number) => number): Uint8Array {
  const perFrame = ANALOG_HZ / POINT_HZ;
  const dataBlock = 4;
  const frameWords = 4 + channelCount * perFrame;
  const bytes = new Uint8Array(512 * (dataBlock - 1) + FRAMES * frameWords * 4);
  const v = new DataView(bytes.buffer);
  bytes[0] = 2;
  bytes[1] = 0x50;
  v.setUint16(2, 1, true);
  v.setUint16(4, channelCount * perFrame, true);
  v.setUint16(6, 1, true);
  v.setUint16(8, FRAMES, true);
  v.setFloat32(12, -1, true);
  v.setUint16(16, dataBlock, true);
  v.setFloat32(20, POINT_HZ, true);
  const p = 512;
  bytes[p + 2] = 2;
  bytes[p + 3] = 84;
  const { group, numbers: param, end } = parameterWriter(bytes, true, p + 4);
  const ones = (n: number, x: number) => Array.from({ length: n }, () => x);
  group(1, 'POINT');
  param(1, 'USED', 2, [], [1]);
  param(1, 'SCALE', 4, [], [-1]);
  param(1, 'RATE', 4, [], [POINT_HZ]);
  param(1, 'DATA_START', 2, [], [dataBlock]);
  param(1, 'FRAMES', 2, [], [FRAMES]);
  group(2, 'ANALOG');
  param(2, 'USED', 2, [], [channelCount]);
  param(2, 'RATE', 4, [], [ANALOG_HZ]);
  param(2, 'SCALE', 4, [channelCount], ones(channelCount, 1));
  param(2, 'OFFSET', 2, [channelCount], ones(channelCount, 0));
  param(2, 'GEN_SCALE', 4, [], [1]);
  group(3, 'FORCE_PLATFORM');
  param(3, 'USED', 2, [], [1]);
  param(3, 'TYPE', 2, [1], [type]);
  param(
    3,
    'CHANNEL',
    2,
    [channelCount, 1],
    Array.from({ length: channelCount }, (_, k) => k + 1),
  );
  end();
  for (let f = 0; f < FRAMES; f++) {
    const base = 512 * (dataBlock - 1) + f * frameWords * 4;
    v.setFloat32(base, 100, true);
    v.setFloat32(base + 4, 200, true);
    v.setFloat32(base + 8, 300, true);
    v.setFloat32(base + 12, 0, true);
    for (let s = 0; s < perFrame; s++)
      for (let ch = 0; ch < channelCount; ch++)
        v.setFloat32(
          base + 16 + (s * channelCount + ch) * 4,
          signal(ch, (f * perFrame + s) / ANALOG_HZ),
          true,
        );
  }
  return bytes;
}

/** A foot on the plate from 0.5 to 1.2 s; shear forces of 60 N swinging all through the record. */
const onPlate = (t: number) => t >= 0.5 && t < 1.2;
const shear = (t: number) => 60 * Math.sin(2 * Math.PI * 3 * t);

describe('force plate contacts by plate type', () => {
  it('Kistler (type 3): the vertical force is the sum of its four Fz channels, not its third channel', () => {
    // Fx12 Fx34 Fy14 Fy23 Fz1 Fz2 Fz3 Fz4; the third (Fy14) is shear.
    const bytes = plateC3D(3, 8, (ch, t) => (ch < 4 ? shear(t) : onPlate(t) ? 180 : 0));
    const contacts = forcePlateContacts(bytes, readC3D(bytes));
    expect(contacts).toHaveLength(1);
    expect(contacts[0]!.plate).toBe(1);
    expect(contacts[0]!.onFrame).toBeCloseTo(50, 1);
    expect(contacts[0]!.offFrame).toBeCloseTo(119.9, 1);
  });

  it('AMTI / Bertec (type 2): Fz is the third channel, stored upward or downward', () => {
    for (const sign of [1, -1]) {
      const bytes = plateC3D(2, 6, (ch, t) => (ch === 2 ? (onPlate(t) ? sign * 700 : 0) : shear(t)));
      const contacts = forcePlateContacts(bytes, readC3D(bytes));
      expect(contacts.map((c) => [c.onFrame, Math.round(c.offFrame)])).toEqual([[50, 120]]);
    }
  });

  it("a treadmill's belt plate, loaded 60 % of the time and never zeroed: each stance found", () => {
    // Stances of 0.66 s every 1.1 s, the belt plate reading -1500 N empty and the load downward.
    const stance = (t: number) => t % 1.1 >= 0.2 && t % 1.1 < 0.86;
    const bytes = plateC3D(2, 6, (ch, t) =>
      ch === 2 ? -1500 - (stance(t) ? 650 * Math.sin((Math.PI * ((t % 1.1) - 0.2)) / 0.66) : 0) : shear(t),
    );
    const contacts = forcePlateContacts(bytes, readC3D(bytes));
    // Both whole stances (0.2-0.86 s and 1.3-1.96 s), on and off where the load passes 20 N.
    expect(contacts.map((c) => [Math.round(c.onFrame), Math.round(c.offFrame)])).toEqual([
      [21, 85],
      [131, 195],
    ]);
  });

  it('a plate type it does not read gives no contacts rather than wrong ones', () => {
    const bytes = plateC3D(5, 8, (ch, t) => (ch < 4 ? shear(t) : onPlate(t) ? 180 : 0));
    expect(forcePlateContacts(bytes, readC3D(bytes))).toEqual([]);
  });
});
