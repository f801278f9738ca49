import { describe, expect, it } from 'vitest';
import { likelyUnitOf, pelvisAboveFeet, upAxisOfBody } from '../../../src/main/gait/vertical-axis';
import type { TrajectorySet } from '../../../src/main/gait/types';

/** A standing subject in mm: pelvis 950 mm above the floor, heels and toes on it, up along `up`. */
function standing(up: 'y' | 'z', unit: 'mm' | 'm' = 'mm', pelvisAboveFeet = 950): TrajectorySet {
  const k = unit === 'm' ? 0.001 : 1;
  const at = (forward: number, left: number, height: number) => {
    const p = { x: [forward * k], y: [0], z: [0] };
    if (up === 'z') {
      p.y = [left * k];
      p.z = [height * k];
    } else {
      p.y = [height * k];
      p.z = [-left * k];
    }
    return p;
  };
  return {
    rateHz: 100,
    frameCount: 1,
    convention: 'lab-z-up',
    unit,
    trajectories: {
      LASI: at(60, 120, pelvisAboveFeet),
      RASI: at(60, -120, pelvisAboveFeet),
      SACR: at(-100, 0, pelvisAboveFeet),
      LHEE: at(-50, 90, 50),
      RHEE: at(-50, -90, 50),
      LTOE: at(150, 90, 30),
      RTOE: at(150, -90, 30),
    },
  };
}

describe('which axis is up in 3D marker data', () => {
  it('finds Z up (C3D, Vicon) and Y up (OpenSim), whatever the unit', () => {
    expect(upAxisOfBody(standing('z'))).toBe('lab-z-up');
    expect(upAxisOfBody(standing('y'))).toBe('lab-y-up');
    expect(upAxisOfBody(standing('y', 'm'))).toBe('lab-y-up');
    expect(upAxisOfBody(standing('z', 'm'))).toBe('lab-z-up');
  });

  it('says nothing for a body lying down, or one whose pelvis and feet are not named', () => {
    expect(upAxisOfBody(standing('z', 'mm', 60))).toBeUndefined();
    const unnamed = standing('z');
    unnamed.trajectories = { PV1: unnamed.trajectories.LASI!, RFT1: unnamed.trajectories.RHEE! };
    expect(upAxisOfBody(unnamed)).toBeUndefined();
  });
});

describe('a unit written wrong', () => {
  const relabelled = (set: TrajectorySet, unit: 'mm' | 'm'): TrajectorySet => ({ ...set, unit });

  it('measures how far the pelvis stands above the feet, in metres as the file says', () => {
    // Pelvis 950 above the floor, feet markers 30-50 above it: 910 mm above their mean.
    expect(pelvisAboveFeet(standing('z'))).toEqual({ up: 'lab-z-up', pelvisAboveFeetM: 0.91 });
    expect(pelvisAboveFeet(standing('y', 'm'))!.pelvisAboveFeetM).toBeCloseTo(0.91, 12);
  });

  it('names the unit the numbers look like when the declared one cannot be a person', () => {
    const person = pelvisAboveFeet(standing('z'))!;
    expect(likelyUnitOf(person, 'mm')).toBeUndefined();
    // Metres written as mm: the pelvis 0.91 mm above the feet.
    expect(likelyUnitOf(pelvisAboveFeet(relabelled(standing('z', 'm'), 'mm'))!, 'mm')).toBe('m');
    // Millimetres written as m: 910 m.
    expect(likelyUnitOf(pelvisAboveFeet(relabelled(standing('y'), 'm'))!, 'm')).toBe('mm');
    // A small child (pelvis 0.45 m up) and a tall adult (1.15 m) fit their unit.
    expect(likelyUnitOf(pelvisAboveFeet(standing('z', 'mm', 490))!, 'mm')).toBeUndefined();
    expect(likelyUnitOf(pelvisAboveFeet(standing('z', 'm', 1190))!, 'm')).toBeUndefined();
    // Neither unit makes a person of 5 m: no unit is named.
    expect(likelyUnitOf(pelvisAboveFeet(standing('z', 'm', 5040))!, 'm')).toBeUndefined();
  });

  it('tells centimetres from the other two', () => {
    const body = (pelvisAboveFeetM: number) => ({ up: 'lab-z-up' as const, pelvisAboveFeetM });
    // 91 cm written as mm reads 0.091 m; 910 mm written as cm reads 9.1 m; 0.91 m as cm 0.0091 m.
    expect(likelyUnitOf(body(0.091), 'mm')).toBe('cm');
    expect(likelyUnitOf(body(9.1), 'cm')).toBe('mm');
    expect(likelyUnitOf(body(0.0091), 'cm')).toBe('m');
    expect(likelyUnitOf(body(91), 'm')).toBe('cm');
    expect(likelyUnitOf(body(0.91), 'cm')).toBeUndefined();
  });
});
