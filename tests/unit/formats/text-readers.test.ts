import { describe, expect, it } from 'vitest';
import { motColumn, readMot } from '../../../src/main/formats/mot-reader';
import { readTrc } from '../../../src/main/formats/trc-reader';
import { trcToTrajectorySet } from '../../../src/main/formats/trc-trajectories';
import { markerUnitOf } from '../../../src/main/formats/marker-units';

describe('TRC reader (strings)', () => {
  const trc = [
    'PathFileType\t4\t(X/Y/Z)\tx.trc',
    'DataRate\tCameraRate\tNumFrames\tNumMarkers\tUnits\tOrigDataRate\tOrigDataStartFrame\tOrigNumFrames',
    '50\t50\t2\t2\tmm\t50\t1\t2',
    'Frame#\tTime\tLHEE\t\t\tRHEE\t\t',
    '\t\tX1\tY1\tZ1\tX2\tY2\tZ2',
    '',
    '1\t0.00\t1\t2\t3\t4\t5\t6',
    '2\t0.02\t\t\t\t7\t8\t9',
  ].join('\r\n');
  it('reads names, units, rate, and empty cells as NaN', () => {
    const t = readTrc(trc);
    expect(t.dataRateHz).toBe(50);
    expect(t.units).toBe('mm');
    expect(t.markers.map((m) => m.name)).toEqual(['LHEE', 'RHEE']);
    expect(Array.from(t.markers[1]!.z)).toEqual([6, 9]);
    expect(Number.isNaN(t.markers[0]!.x[1]!)).toBe(true);
    expect(t.timeS[1]).toBeCloseTo(0.02, 9);
  });
  it('refuses text that is not a TRC file', () => {
    expect(() => readTrc('hello\nworld')).toThrow(/TRC/);
  });
  it('gives the gait code centimetres as millimetres, gaps kept', () => {
    const set = trcToTrajectorySet(readTrc(trc.replace('\tmm\t', '\tcm\t')));
    expect(set.unit).toBe('mm');
    expect(set.convention).toBe('lab-z-up');
    expect(Array.from(set.trajectories.RHEE!.z!)).toEqual([60, 90]);
    expect(Number.isNaN(set.trajectories.LHEE!.x[1]!)).toBe(true);
    expect(() => trcToTrajectorySet(readTrc(trc.replace('\tmm\t', '\tin\t')))).toThrow(
      /"in" are not supported: expected mm, cm or m/,
    );
  });
});

describe('marker file units', () => {
  it('reads the names systems write, and nothing else', () => {
    expect(['mm', 'MM', ' millimeters', 'Millimetres'].map(markerUnitOf)).toEqual(['mm', 'mm', 'mm', 'mm']);
    expect(['cm', 'centimeters', 'Centimetres'].map(markerUnitOf)).toEqual(['cm', 'cm', 'cm']);
    expect(['m', 'meters', 'metres'].map(markerUnitOf)).toEqual(['m', 'm', 'm']);
    expect(['in', 'ft', 'px', ''].map(markerUnitOf)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('MOT reader (strings)', () => {
  it('reads header, columns and degrees flag', () => {
    const m = readMot(
      'Coordinates\nversion=1\nnRows=2\nnColumns=3\ninDegrees=no\nendheader\ntime\tknee_angle_r\thip_flexion_r\n0.0\t0.1\t0.2\n0.01\t0.3\tnan\n',
    );
    expect(m.inDegrees).toBe(false);
    expect(m.columns).toEqual(['time', 'knee_angle_r', 'hip_flexion_r']);
    expect(Array.from(motColumn(m, 'knee_angle_r')!)).toEqual([0.1, 0.3]);
    expect(Number.isNaN(motColumn(m, 'hip_flexion_r')![1]!)).toBe(true);
    expect(() => readMot('no header here')).toThrow(/endheader/);
  });
});
