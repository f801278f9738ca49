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

describe('marker names written with other separators', () => {
  const at = (x: number) => ({ x: [x, x], y: [0, 0], z: [0, 0] });
  it('finds L_HEE, L Heel and Mila:l-hee as the heel, the exact name first', () => {
    const heel = ['left_heel', 'LHEE', 'L.Heel', 'LHeel'];
    expect(resolveName(set({ L_HEE: at(1) }), heel)!.name).toBe('L_HEE');
    expect(resolveName(set({ 'L Heel': at(1) }), heel)!.name).toBe('L Heel');
    expect(resolveName(set({ 'Mila:l-hee': at(1) }), heel)!.name).toBe('Mila:l-hee');
    expect(resolveName(set({ L_HEE: at(1), LHEE: at(2) }), heel)!.name).toBe('LHEE');
  });

  it('pairs lateral and medial markers written with underscores', () => {
    const r = resolveName(set({ L_Knee: at(100), L_Knee_Medial: at(0) }), ['L.Knee+L.Knee.Medial'])!;
    expect(r.name).toBe('mid(L_Knee,L_Knee_Medial)');
    expect(Array.from(r.trajectory.x)).toEqual([50, 50]);
  });

  it('does not take one marker for another whose name only starts the same', () => {
    expect(resolveName(set({ LHEEL2: at(1), L_ASIS: at(2) }), ['LHEE', 'LASI'])).toBeUndefined();
  });
});
