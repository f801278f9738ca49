import { describe, expect, it } from 'vitest';
import { analyseTrajectories, type GaitAnalysis } from '../../../src/main/gait/analyse';
import { farSidePerPass, noteFarLegs, type FarSide } from '../../../src/main/gait/far-side';
import type { Trajectory, TrajectorySet, WalkingPass } from '../../../src/main/gait/types';
import { concatWalks, syntheticWalk } from './synthetic-walker';

const LEG = ['knee', 'ankle', 'heel', 'foot_index'];

/** The walker with one leg's landmarks seen less surely by the model (visibility 0.95 -> v). */
function withLegVisibility(set: TrajectorySet, side: 'left' | 'right', v: number): TrajectorySet {
  const trajectories = { ...set.trajectories };
  for (const l of LEG) {
    const t = trajectories[`${side}_${l}`]!;
    trajectories[`${side}_${l}`] = { ...t, confidence: new Float64Array(set.frameCount).fill(v) };
  }
  return { ...set, trajectories };
}

function ok(set: TrajectorySet): GaitAnalysis {
  const r = analyseTrajectories(set, { scale: { kind: 'calibration', metresPerUnit: 1 / 300 } });
  if (!r.ok) throw new Error(r.error.message);
  return r.analysis;
}

const constant = (n: number, v: number): Trajectory => ({
  x: new Float64Array(n).fill(1),
  y: new Float64Array(n).fill(1),
  confidence: new Float64Array(n).fill(v),
});
const pass = (index: number, startFrame: number, endFrame: number): WalkingPass => ({
  index,
  startFrame,
  endFrame,
  direction: 1,
  mode: 'overground',
});

describe('the far leg from a side camera', () => {
  it('is the leg whose landmarks the model sees less surely, per pass', () => {
    const n = 100;
    const legs = {
      left: [constant(n, 0.99), constant(n, 0.97)],
      right: [constant(n, 0.8), constant(n, 0.9)],
    };
    const [f] = farSidePerPass(legs, [pass(0, 0, n)]);
    expect(f?.side).toBe('right');
    expect(f?.visibility.left).toBeCloseTo(0.98, 6);
    expect(f?.visibility.right).toBeCloseTo(0.85, 6);
    // Seen alike, or without visibility (markers): no far leg.
    expect(
      farSidePerPass({ left: [constant(n, 0.95)], right: [constant(n, 0.94)] }, [pass(0, 0, n)]),
    ).toEqual([undefined]);
    const marker: Trajectory = { x: new Float64Array(n), y: new Float64Array(n) };
    expect(farSidePerPass({ left: [marker], right: [marker] }, [pass(0, 0, n)])).toEqual([undefined]);
  });

  it('notes its cycles, marks its leg curves (not the trunk) low confidence, and says so', () => {
    const a = ok(withLegVisibility(syntheticWalk({ direction: -1, seconds: 5 }), 'right', 0.7));
    expect(a.farSides.map((f) => f.side)).toEqual(['right']);
    const right = a.cycles.filter((c) => c.side === 'right');
    expect(right.length).toBeGreaterThanOrEqual(3);
    expect(right.every((c) => c.flags.includes('far-side') && !c.excluded)).toBe(true);
    expect(a.cycles.filter((c) => c.side === 'left').some((c) => c.flags.includes('far-side'))).toBe(false);
    const curve = (v: string, s: string) => a.curves.find((c) => c.variable === v && c.side === s)!;
    expect(curve('knee_flexion', 'right').farSide).toBe(true);
    expect(curve('knee_flexion', 'right').includedCycles).toBe(right.length);
    expect(curve('hip_flexion', 'right').farSide).toBe(true);
    expect(curve('knee_flexion', 'left').farSide).toBe(false);
    expect(curve('trunk_tilt', 'right').farSide).toBe(false);
    expect(a.warnings.join(' ')).toMatch(
      /Walking pass 1: the right leg was the far one from the camera \(.*median visibility 0\.70 against 0\.95 for the left leg\)/,
    );
  });

  it('takes each leg from the pass where it was the near one when the walker comes back', () => {
    const out = withLegVisibility(syntheticWalk({ direction: 1, seconds: 5, startXPx: 100 }), 'left', 0.7);
    const endX = 100 + 5 * 1.2 * 300;
    const turn = syntheticWalk({ standing: true, seconds: 1.5, startXPx: endX });
    const back = withLegVisibility(
      syntheticWalk({ direction: -1, seconds: 5, startXPx: endX }),
      'right',
      0.7,
    );
    const a = ok(concatWalks([out, turn, back]));
    expect(a.farSides.map((f) => [f.passIndex, f.side])).toEqual([
      [0, 'left'],
      [1, 'right'],
    ]);
    for (const side of ['left', 'right'] as const) {
      const knee = a.curves.find((c) => c.variable === 'knee_flexion' && c.side === side)!;
      const near = a.cycles.filter((c) => c.side === side && !c.excluded && !c.flags.includes('far-side'));
      expect(near.length).toBeGreaterThanOrEqual(3);
      expect(knee.farSide).toBe(false);
      expect(knee.includedCycles).toBe(near.length);
      // Far cycles stay in the timing parameters.
      expect(a.spatiotemporal.bySide[side].cadenceStepsPerMin.n).toBeGreaterThan(near.length);
    }
  });

  it('says once per leg which passes it was the far one in (a patient walking to and fro)', () => {
    const far = (passIndex: number, side: 'left' | 'right', farV: number, nearV: number): FarSide => ({
      passIndex,
      side,
      visibility: side === 'left' ? { left: farV, right: nearV } : { left: nearV, right: farV },
    });
    const notes = noteFarLegs(
      [],
      [
        far(0, 'right', 0.91, 0.99),
        far(1, 'left', 0.89, 0.98),
        far(2, 'right', 0.9, 0.98),
        far(3, 'left', 0.89, 0.98),
        far(4, 'right', 0.91, 0.99),
      ],
    );
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(
      /^Walking passes 1, 3 and 5: the right leg was the far one from the camera \(the pose model saw it less well: median visibility 0\.90-0\.91 against 0\.98-0\.99 for the left leg\)\. .* read them from a camera on the right side\.$/,
    );
    expect(notes[1]).toMatch(
      /^Walking passes 2 and 4: the left leg .* median visibility 0\.89 against 0\.98 for the right leg\)/,
    );
  });
});
