import { describe, expect, it } from 'vitest';
import { upAxisOfBody } from '../../../src/main/gait/vertical-axis';
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
