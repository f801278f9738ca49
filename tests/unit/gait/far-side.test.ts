import { describe, expect, it } from 'vitest';
import { analyseTrajectories, type GaitAnalysis } from '../../../src/main/gait/analyse';
import { cameraSideNote, farSidePerPass, noteFarLegs, type FarSide } from '../../../src/main/gait/far-side';
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

describe('a side camera whose name disagrees with the leg it sees', () => {
  const far = (passIndex: number, side: 'left' | 'right'): FarSide => ({
    passIndex,
    side,
    visibility: side === 'left' ? { left: 0.81, right: 0.98 } : { left: 0.99, right: 0.9 },
  });

  it('says so when the leg it is named beside is the far one in every pass', () => {
    const note = cameraSideNote('sagittal-left', 'left', [far(0, 'left')]);
    expect(note).toBe(
      "The sagittal-left camera is named as standing at the patient's left side, but the pose model saw the left leg as the far one (median visibility 0.81 against 0.98 for the right leg). Check on the video which leg is nearer the camera (an orthosis, a shoe or the affected side tells; writing in the picture reads backwards in a mirror image): if it is the right leg, the camera stood at the patient's right side (file it as the trial's sagittal-right camera: its pose and hand edits are kept); if it is the left leg, the video is a mirror image (a phone's or tablet's front camera can save one), and left and right are exchanged in all of this camera's numbers.",
    );
    expect(cameraSideNote('sagittal-right', 'right', [far(0, 'right'), far(1, 'right')])).toMatch(
      /saw the right leg as the far one in every walking pass \(median visibility 0\.90 against 0\.99 for the left leg\)/,
    );
  });

  it('says nothing when the named leg is near, when a pass to and fro shows it near, or when no pass tells', () => {
    expect(cameraSideNote('sagittal-left', 'left', [far(0, 'right')])).toBeNull();
    expect(cameraSideNote('sagittal-left', 'left', [far(0, 'left'), far(1, 'right')])).toBeNull();
    expect(cameraSideNote('sagittal-left', 'left', [])).toBeNull();
  });
});
