import { describe, expect, it } from 'vitest';
import { analyseTrajectories } from '../../../src/main/gait/analyse';
import { doubtedCameraNote, doubtedPoseFrames, doubtedPoseNote } from '../../../src/main/gait/doubted-pose';
import type { TrajectorySet } from '../../../src/main/gait/types';
import { kneesThrownForward, syntheticWalk } from './synthetic-walker';

/** 230 frames at 30 frames/s: nobody for 38, the model sure of the walker, nobody for the last 30. */
function walkConfidence(): Float64Array {
  const c = new Float64Array(230).fill(0.9997);
  c.fill(0, 0, 38);
  c.fill(0, 200);
  return c;
}

/** The person flag of the Sports2D walk with a pillar drawn across it, frames 111-120. */
const BEHIND_PILLAR = [0, 0.55, 0.81, 0.79, 0.57, 0.93, 0.55, 0.75, 0, 0.64];

describe('frames where the pose model doubts a person is in view', () => {
  it('are none in a walk it is sure of, nor where the subject enters or leaves', () => {
    expect(doubtedPoseFrames(walkConfidence(), 30)).toEqual([]);
    // The pillar walk's last frames: the model less and less sure as she leaves the picture.
    const leaving = walkConfidence();
    leaving.set([0.92, 0.85, 0.53, 0, 0.73], 196);
    expect(doubtedPoseFrames(leaving, 30)).toEqual([]);
    // The mirrored walk's last frames: doubted, sure, doubted, sure, then nobody.
    const exit = walkConfidence();
    exit.set([0.88, 0.73, 0.99, 0.57, 0.99], 195);
    expect(doubtedPoseFrames(exit, 30)).toEqual([]);
  });

  it('are none at frames dropped from the video (no pose there, not doubt)', () => {
    const dropped = walkConfidence();
    for (let f = 40; f < 200; f += 5) dropped[f] = 0;
    expect(doubtedPoseFrames(dropped, 30)).toEqual([]);
    dropped.set(BEHIND_PILLAR, 111);
    expect(doubtedPoseFrames(dropped, 30)).toEqual([112, 113, 114, 115, 116, 117, 118, 119, 120]);
  });

  it('are the stretch behind a pillar, with the frames it half-trusted or lost in between', () => {
    const c = walkConfidence();
    c.set(BEHIND_PILLAR, 111);
    expect(doubtedPoseFrames(c, 30)).toEqual([112, 113, 114, 115, 116, 117, 118, 119, 120]);
  });

  it('are one frame when it doubts one frame', () => {
    const c = walkConfidence();
    c[150] = 0.85;
    expect(doubtedPoseFrames(c, 30)).toEqual([150]);
    expect(doubtedPoseNote([150], c)).toMatch(
      /^The pose model doubted that a person was in view at frame 150 \(confidence 0\.85, /,
    );
  });

  it('are none where the model wobbles throughout the walk: its dips there are its usual level', () => {
    const c = walkConfidence();
    // One frame in six doubted, as on the walk cut at the shoulders.
    for (let f = 45; f < 190; f += 6) c[f] = 0.75;
    c.set([0.8, 0.7, 0.6], 120);
    expect(doubtedPoseFrames(c, 30)).toEqual([]);
  });
});

/** The walk as a pose model would give it: the person flag, and the knees guessed at `frames`. */
function walkBehindSomething(frames: readonly number[], flag: readonly number[]): TrajectorySet {
  const set = syntheticWalk();
  const poseConfidence = new Float64Array(set.frameCount).fill(0.9997);
  frames.forEach((f, k) => (poseConfidence[f] = flag[k]!));
  const trajectories = kneesThrownForward(set, frames);
  // Each landmark's confidence there: its visibility times the person flag, as the pose adapter gives it.
  for (const [name, t] of Object.entries(trajectories)) {
    const confidence = Float64Array.from(t.confidence!);
    frames.forEach((f, k) => (confidence[f] = 0.95 * flag[k]!));
    trajectories[name] = { ...t, confidence };
  }
  return { ...set, trajectories, source: 'pose-model', poseConfidence };
}

describe('the analysis of a walk the model doubted for a moment', () => {
  const frames = [90, 91, 92, 93, 94];
  const flag = [0.55, 0.81, 0.79, 0.57, 0.75];

  it('does not read the guessed landmarks, and says why', () => {
    const r = analyseTrajectories(walkBehindSomething(frames, flag));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.analysis.doubtedPoseFrames).toEqual(frames);
    // Bridged (under 0.2 s): one pass, as walked, and angles there.
    expect(r.analysis.passes).toHaveLength(1);
    expect(r.analysis.warnings).toContain(
      'The pose model doubted that a person was in view at frames 90-94 (confidence 0.55-0.81, where it is 0.98 or more on nearly every frame of the second before and after): the subject passing behind something or someone, or a blurred picture; the landmarks there are guesses. They are not used (bridged from the frames around, or left out) and the frames are shaded as low confidence.',
    );
    const clean = analyseTrajectories(syntheticWalk());
    if (!clean.ok) throw new Error(clean.error.message);
    for (const side of ['left', 'right'] as const) {
      const knee = (a: typeof r.analysis) =>
        a.angles.find((s) => s.variable === 'knee_flexion' && s.side === side)!.values;
      for (const f of frames)
        expect(Math.abs(knee(r.analysis)[f]! - knee(clean.analysis)[f]!)).toBeLessThan(5);
    }
  });

  it('reads them as they are when nothing says the model doubted them (marker data)', () => {
    const { poseConfidence: _, ...markers } = walkBehindSomething(frames, flag);
    const r = analyseTrajectories(markers);
    const clean = analyseTrajectories(syntheticWalk());
    if (!r.ok || !clean.ok) throw new Error('not analysed');
    expect(r.analysis.doubtedPoseFrames).toEqual([]);
    // The knees thrown forward read far from the walk's: what the set-aside frames spare.
    const knee = (a: typeof r.analysis) =>
      a.angles.find((s) => s.variable === 'knee_flexion' && s.side === 'left')!.values[92]!;
    expect(Math.abs(knee(r.analysis) - knee(clean.analysis))).toBeGreaterThan(20);
  });
});

describe("a calibrated trial's camera that doubted the person", () => {
  it('is named, with its own frames, in the 3D analysis', () => {
    const c = walkConfidence();
    c.set(BEHIND_PILLAR, 111);
    expect(doubtedCameraNote('sagittal-left', doubtedPoseFrames(c, 30), c)).toBe(
      "The sagittal-left camera's pose model doubted that a person was in view at its frames 112-120 (confidence 0.55-0.93, where it is 0.98 or more on nearly every frame of the second before and after; the subject passing behind something or someone): its landmarks there are not used, and the other cameras place the points where two of them see them.",
    );
    expect(doubtedCameraNote('frontal', [], c)).toBeNull();
  });
});
