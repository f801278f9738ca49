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
