import { describe, expect, it } from 'vitest';
import { resolveName } from '../../../src/main/gait/marker-map';
import type { TrajectorySet } from '../../../src/main/gait/types';

const set = (trajectories: TrajectorySet['trajectories']): TrajectorySet => ({
  rateHz: 100,
  frameCount: 2,
  convention: 'lab-z-up',
  unit: 'mm',
  trajectories,
});

describe('finding a role among marker names', () => {
  it('centres a joint between its lateral and medial markers, missing where either is', () => {
    const r = resolveName(
      set({
        'Mila:LKNE': { x: [100, 110], y: [60, 60], z: [500, 500] },
        LKNEin: { x: [100, NaN], y: [-40, -40], z: [510, 510] },
      }),
      ['LFEO', 'LKNE+LKNEin', 'LKNE'],
    )!;
    expect(r.name).toBe('mid(Mila:LKNE,LKNEin)');
    expect(Array.from(r.trajectory.x)).toEqual([100, NaN]);
    expect(Array.from(r.trajectory.y)).toEqual([10, 10]);
    expect(Array.from(r.trajectory.z!)).toEqual([505, 505]);
  });

  it('falls back to the next name when one of a pair is absent', () => {
    const r = resolveName(set({ lkne: { x: [1, 2], y: [3, 4], z: [5, 6] } }), ['LKNE+LKNEin', 'LKNE'])!;
    expect(r.name).toBe('lkne');
  });
});
