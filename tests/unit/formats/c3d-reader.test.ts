import { describe, expect, it } from 'vitest';
import { C3DFormatError, readC3D } from '../../../src/main/formats/c3d-reader';
import { c3dGaitEvents, c3dToTrajectorySet } from '../../../src/main/formats/c3d-trajectories';
import { parameterWriter } from './c3d-parameters-writer';

/** A minimal C3D: Intel or MIPS, float points, one group POINT, one group EVENT. */
function buildC3D(processor: 'intel' | 'mips', units: 'mm' | 'cm' = 'mm'): Uint8Array {
  const little = processor === 'intel';
  const bytes = new Uint8Array(512 * 4);
  const v = new DataView(bytes.buffer);
  const points = 2;
  const frames = 3;
  bytes[0] = 2;
  bytes[1] = 0x50;
  v.setUint16(2, points, little);
  v.setUint16(6, 11, little); // first frame 11
  v.setUint16(8, 13, little);
  v.setFloat32(12, -0.1, little);
  v.setUint16(16, 4, little); // data in block 4
  v.setFloat32(20, 100, little);
  const p = 512;
  bytes[p + 2] = 1;
  bytes[p + 3] = processor === 'intel' ? 84 : 86;
  const { group, param, chars, end } = parameterWriter(bytes, little, p + 4);
  group(1, 'POINT');
  param(1, 'USED', 2, [], (at) => v.setInt16(at, points, little), 2);
  param(1, 'SCALE', 4, [], (at) => v.setFloat32(at, -0.1, little), 4);
  param(1, 'RATE', 4, [], (at) => v.setFloat32(at, 100, little), 4);
  param(1, 'DATA_START', 2, [], (at) => v.setInt16(at, 4, little), 2);
  param(1, 'FRAMES', 2, [], (at) => v.setInt16(at, frames, little), 2);
  param(1, 'LABELS', -1, [4, 2], (at) => chars(at, ['LHEE', 'RHEE'], 4), 8);
  param(1, 'UNITS', -1, [2], (at) => chars(at, [units], 2), 2);
  group(2, 'EVENT');
  param(2, 'USED', 2, [], (at) => v.setInt16(at, 1, little), 2);
  param(2, 'CONTEXTS', -1, [5, 1], (at) => chars(at, ['Left'], 5), 5);
  param(2, 'LABELS', -1, [11, 1], (at) => chars(at, ['Foot Strike'], 11), 11);
  param(
    2,
    'TIMES',
    4,
    [2, 1],
    (at) => {
      v.setFloat32(at, 0, little);
      v.setFloat32(at + 4, 0.11, little);
    },
    8,
  );
  end();
  const d = 512 * 3;
  for (let f = 0; f < frames; f++) {
    for (let i = 0; i < points; i++) {
      const q = d + (f * points + i) * 16;
      v.setFloat32(q, 100 * f + i, little);
      v.setFloat32(q + 4, 10, little);
      v.setFloat32(q + 8, 20, little);
      v.setFloat32(q + 12, f === 2 && i === 1 ? -1 : 0, little); // last sample of RHEE invalid
    }
  }
  return bytes;
}

describe('C3D reader (constructed files)', () => {
  for (const processor of ['intel', 'mips'] as const) {
    it(`reads points, frame numbering and events (${processor})`, () => {
      const f = readC3D(buildC3D(processor));
      expect(f.processor).toBe(processor);
      expect(f.floatData).toBe(true);
      expect(f.firstFrame).toBe(11);
      expect(f.frameCount).toBe(3);
      expect(f.points.map((p) => p.label)).toEqual(['LHEE', 'RHEE']);
      expect(Array.from(f.points[0]!.x)).toEqual([0, 100, 200]);
      expect(Number.isNaN(f.points[1]!.x[2]!)).toBe(true);
      expect(f.events).toEqual([{ context: 'Left', label: 'Foot Strike', timeS: expect.closeTo(0.11, 6) }]);
      // Frame 11 is at 0.10 s, so the event falls on index 1.
      const set = c3dToTrajectorySet(f);
      expect(set.startTimeS).toBeCloseTo(0.1, 9);
      expect(c3dGaitEvents(f)[0]).toMatchObject({
        side: 'left',
        kind: 'initial-contact',
        source: 'imported',
      });
      expect(c3dGaitEvents(f)[0]!.frame).toBeCloseTo(1, 4);
    });
  }

  it('gives the gait code POINT:UNITS "cm" as millimetres', () => {
    const f = readC3D(buildC3D('intel', 'cm'));
    expect(f.pointUnits).toBe('cm');
    const set = c3dToTrajectorySet(f);
    expect(set.unit).toBe('mm');
    expect(Array.from(set.trajectories.LHEE!.x)).toEqual([0, 1000, 2000]);
    expect(Array.from(set.trajectories.LHEE!.z!)).toEqual([200, 200, 200]);
    expect(Number.isNaN(set.trajectories.RHEE!.x[2]!)).toBe(true);
  });

  it('refuses files that are not C3D with a clear error', () => {
    expect(() => readC3D(new Uint8Array(100))).toThrow(C3DFormatError);
    const notC3d = new Uint8Array(2048);
    notC3d[0] = 2;
    notC3d[1] = 0x51;
    expect(() => readC3D(notC3d)).toThrow(/0x50/);
    const badProcessor = buildC3D('intel');
    badProcessor[512 + 3] = 99;
    expect(() => readC3D(badProcessor)).toThrow(/processor/);
  });
});

/**
 * A C3D of more frames than a 16-bit count holds (10 minutes on a treadmill at 120 Hz is 72,000),
 * one point whose x is its frame's number (from 1), the count written one of the three ways the C3D
 * standard knows: POINT:FRAMES as a float (its own way), POINT:LONG_FRAMES, or the first and last
 * frame numbers in TRIAL:ACTUAL_START_FIELD / ACTUAL_END_FIELD (POINT:FRAMES left at 65535).
 */
function buildLongC3D(frames: number, countIn: 'float-frames' | 'long-frames' | 'trial-fields'): Uint8Array {
  const little = true;
  const dataBlock = 3;
  const bytes = new Uint8Array(512 * (dataBlock - 1) + frames * 16);
  const v = new DataView(bytes.buffer);
  bytes[0] = 2;
  bytes[1] = 0x50;
  v.setUint16(2, 1, little);
  v.setUint16(6, 1, little);
  v.setUint16(8, 65535, little);
  v.setFloat32(12, -1, little);
  v.setUint16(16, dataBlock, little);
  v.setFloat32(20, 120, little);
  const p = 512;
  bytes[p + 2] = 1;
  bytes[p + 3] = 84;
  const w = parameterWriter(bytes, little, p + 4);
  w.group(1, 'POINT');
  w.numbers(1, 'USED', 2, [], [1]);
  w.numbers(1, 'SCALE', 4, [], [-1]);
  w.numbers(1, 'RATE', 4, [], [120]);
  w.numbers(1, 'DATA_START', 2, [], [dataBlock]);
  if (countIn === 'float-frames') w.numbers(1, 'FRAMES', 4, [], [frames]);
  else w.numbers(1, 'FRAMES', 2, [], [-1]); // 65535 as int16
  if (countIn === 'long-frames') w.numbers(1, 'LONG_FRAMES', 4, [], [frames]);
  w.param(1, 'LABELS', -1, [4, 1], (at) => w.chars(at, ['LHEE'], 4), 4);
  if (countIn === 'trial-fields') {
    w.group(2, 'TRIAL');
    const words = (n: number) => [n & 0xffff, n >>> 16].map((x) => (x > 32767 ? x - 65536 : x));
    w.numbers(2, 'ACTUAL_START_FIELD', 2, [2], words(1));
    w.numbers(2, 'ACTUAL_END_FIELD', 2, [2], words(frames));
  }
  w.end();
  const d = 512 * (dataBlock - 1);
  for (let f = 0; f < frames; f++) v.setFloat32(d + 16 * f, f + 1, little);
  return bytes;
}

describe('C3D files longer than 65,535 frames', () => {
  for (const countIn of ['float-frames', 'long-frames', 'trial-fields'] as const) {
    it(`are read whole, the count in ${countIn}`, () => {
      const f = readC3D(buildLongC3D(72_000, countIn));
      expect(f.frameCount).toBe(72_000);
      expect(f.firstFrame).toBe(1);
      const x = f.points[0]!.x;
      expect([x[0], x[65_535], x[71_999]]).toEqual([1, 65_536, 72_000]);
    });
  }
});
