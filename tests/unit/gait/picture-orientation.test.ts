import { describe, expect, it } from 'vitest';
import { analyseTrajectories } from '../../../src/main/gait/analyse';
import { subjectInPicture } from '../../../src/main/gait/picture-orientation';
import type { TrajectorySet } from '../../../src/main/gait/types';
import { syntheticWalk } from './synthetic-walker';

/** The walker's picture turned clockwise by `deg` about (cx, cy) (image coordinates, y down). */
function turned(set: TrajectorySet, deg: number, cx = 1000, cy = 600): TrajectorySet {
  const a = (deg * Math.PI) / 180;
  const trajectories: TrajectorySet['trajectories'] = {};
  for (const [name, t] of Object.entries(set.trajectories)) {
    const x = Float64Array.from(t.x, (v, i) => {
      const dx = v - cx;
      const dy = t.y[i]! - cy;
      return cx + dx * Math.cos(a) - dy * Math.sin(a);
    });
    const y = Float64Array.from(t.x, (v, i) => {
      const dx = v - cx;
      const dy = t.y[i]! - cy;
      return cy + dx * Math.sin(a) + dy * Math.cos(a);
    });
    trajectories[name] = { ...t, x, y };
  }
  return { ...set, trajectories };
}

describe('which way up the subject stands in the picture', () => {
  it('finds the turn that brings a turned walker upright, and refuses to analyse it', () => {
    // The picture turned clockwise by d needs (360 - d) clockwise to stand upright again.
    for (const [turnedBy, needs] of [
      [180, 180],
      [90, 270],
      [270, 90],
    ] as const) {
      const r = analyseTrajectories(turned(syntheticWalk(), turnedBy));
      expect(r.ok, `turned ${turnedBy}`).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('picture-turned');
      expect(r.error.turnDeg).toBe(needs);
      expect(r.error.message).toMatch(
        needs === 180
          ? /^The subject is upside down in the picture \(feet above the pelvis in 100 % of the 180 frames where both were tracked\)/
          : /^The subject lies on their side in the picture \(pelvis to the (left|right) of the feet in 100 % of the 180 frames/,
      );
      expect(r.error.message).toMatch(/turn the picture .* and analyse it again\.$/);
    }
  });

  it('leaves an upright walker, and a camera rolled 30 deg, to the analysis', () => {
    expect(analyseTrajectories(syntheticWalk()).ok).toBe(true);
    const rolled = turned(syntheticWalk(), 30);
    const body = rolled.trajectories;
    const mid = (a: string, b: string) => ({
      name: 'x',
      x: Float64Array.from(body[a]!.x, (v, i) => (v + body[b]!.x[i]!) / 2),
      y: Float64Array.from(body[a]!.y, (v, i) => (v + body[b]!.y[i]!) / 2),
      z: new Float64Array(rolled.frameCount),
    });
    const heel = (s: string) => ({ ...mid(`${s}_heel`, `${s}_heel`), name: `${s}_heel` });
    expect(subjectInPicture(mid('left_hip', 'right_hip'), [heel('left'), heel('right')])).toEqual({
      turnDeg: 0,
      fraction: 1,
      frames: 180,
    });
  });

  it('says nothing from a glimpse of fewer than 10 frames', () => {
    const nan = new Float64Array(30).fill(NaN);
    const pelvis = { name: 'p', x: nan.slice(), y: nan.slice(), z: nan.slice() };
    const heel = { name: 'h', x: nan.slice(), y: nan.slice(), z: nan.slice() };
    for (let i = 0; i < 9; i++) {
      pelvis.x[i] = 100;
      pelvis.y[i] = 900;
      heel.x[i] = 100;
      heel.y[i] = 500;
    }
    expect(subjectInPicture(pelvis, [heel])).toBeUndefined();
    pelvis.x[9] = 100;
    pelvis.y[9] = 900;
    heel.x[9] = 100;
    heel.y[9] = 500;
    expect(subjectInPicture(pelvis, [heel])).toEqual({ turnDeg: 180, fraction: 1, frames: 10 });
  });
});
