import { describe, expect, it } from 'vitest';
import { analyseTrajectories } from '../../../src/main/gait/analyse';
import { collapsedLegFrames } from '../../../src/main/gait/collapsed-legs';
import type { TrajectorySet } from '../../../src/main/gait/types';
import { syntheticWalk } from './synthetic-walker';

/** The walk with the right leg's knee and foot moved by `place` (hip x, hip y) -> points at those frames. */
function withRightLeg(
  set: TrajectorySet,
  frames: readonly number[],
  place: (hipX: number, hipY: number) => { knee: [number, number]; foot: [number, number] },
): TrajectorySet {
  const trajectories = { ...set.trajectories };
  const copy = (name: string) => {
    const t = set.trajectories[name]!;
    return (trajectories[name] = { ...t, x: Float64Array.from(t.x), y: Float64Array.from(t.y) });
  };
  const [knee, ankle, heel, toe] = ['right_knee', 'right_ankle', 'right_heel', 'right_foot_index'].map(copy);
  const hip = set.trajectories.right_hip!;
  for (const i of frames) {
    const p = place(hip.x[i]!, hip.y[i]!);
    [knee!.x[i], knee!.y[i]] = p.knee;
    for (const t of [ankle!, heel!, toe!]) [t.x[i], t.y[i]] = p.foot;
  }
  return { ...set, trajectories };
}

const FRAMES = [100, 101, 102, 103];

describe('a leg heaped up in the picture', () => {
  it('is found where knee and foot come up to the hip, not in walking', () => {
    expect(collapsedLegFrames(syntheticWalk())).toEqual({ left: [], right: [] });
    const heaped = withRightLeg(syntheticWalk(), FRAMES, (x, y) => ({
      knee: [x + 5, y - 10],
      foot: [x - 10, y - 40],
    }));
    expect(collapsedLegFrames(heaped)).toEqual({ left: [], right: FRAMES });
  });

  it('leaves a knee bent at a right angle under a straight hip alone (the ankle a thigh below the hip)', () => {
    // Thigh 0.45 m, shank 0.43 m at 300 px/m: the leg's drop is about 260 px, here 135 px.
    const bent = withRightLeg(syntheticWalk(), FRAMES, (x, y) => ({
      knee: [x, y + 135],
      foot: [x - 129, y + 135],
    }));
    expect(collapsedLegFrames(bent).right).toEqual([]);
  });

  it('sets the heaped frames aside in the analysis and says so', () => {
    const heaped = withRightLeg(syntheticWalk(), FRAMES, (x, y) => ({
      knee: [x + 5, y - 10],
      foot: [x - 10, y - 40],
    }));
    const r = analyseTrajectories(heaped);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.analysis.collapsedLegFrames.right).toEqual(FRAMES);
    expect(r.analysis.warnings).toContain(
      'The pose model heaped up the right leg at frames 100-103: knee and foot near the height of the hip or above it, which walking never does (the subject half out of the picture, or the leg hidden). Their landmarks are not used there (bridged from the frames around, or left out) and the frames are shaded as low confidence.',
    );
    const knee = r.analysis.angles.find((a) => a.variable === 'knee_flexion' && a.side === 'right')!;
    const clean = analyseTrajectories(syntheticWalk());
    const cleanKnee = clean.ok
      ? clean.analysis.angles.find((a) => a.variable === 'knee_flexion' && a.side === 'right')!
      : null;
    for (const i of FRAMES) expect(Math.abs(knee.values[i]! - cleanKnee!.values[i]!)).toBeLessThan(5);
  });

  it('is not looked for in 3D (marker) data', () => {
    const set = syntheticWalk();
    expect(collapsedLegFrames({ ...set, convention: 'lab-z-up' })).toEqual({
      left: [],
      right: [],
    });
  });
});
