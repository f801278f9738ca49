import { describe, expect, it } from 'vitest';
import { analyseTrajectories } from '../../../src/main/gait/analyse';
import { damagedCameraNote, damagedPictureNote, framesMask } from '../../../src/main/gait/damaged-picture';
import { doubtedPoseFrames } from '../../../src/main/gait/doubted-pose';
import type { TrajectorySet } from '../../../src/main/gait/types';
import { kneesThrownForward, syntheticWalk } from './synthetic-walker';

const MESSAGE = 'concealing 4574 DC, 4574 AC, 4574 MV errors in I frame';

/**
 * The walk as a pose model gives it from a damaged file: at `frames` the decoder patched the
 * picture, the knees are thrown forward of the hips (placed on the patch), and the model doubted
 * the person at the first of them only.
 */
function walkOnDamagedFrames(frames: readonly number[]): TrajectorySet {
  const set = syntheticWalk();
  const poseConfidence = new Float64Array(set.frameCount).fill(0.9997);
  poseConfidence[frames[0]!] = 0.85;
  const trajectories = kneesThrownForward(set, frames);
  return {
    ...set,
    trajectories,
    source: 'pose-model',
    poseConfidence,
    damagedPicture: { frames: [...frames], decoderMessage: MESSAGE },
  };
}

describe('the analysis of a walk whose video file is damaged for a moment', () => {
  const frames = [90, 91, 92, 93, 94];

  it('does not read the landmarks on the patched pictures, and says why, when and what the decoder said', () => {
    const r = analyseTrajectories(walkOnDamagedFrames(frames));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.analysis.damagedPictureFrames).toEqual(frames);
    // The model's doubt at frame 90 is the damage's: said once, by the damage's note.
    expect(r.analysis.doubtedPoseFrames).toEqual([]);
    expect(r.analysis.warnings.filter((w) => w.startsWith('The pose model doubted'))).toEqual([]);
    expect(r.analysis.warnings).toContain(
      `The video file is damaged at frames 90-94 (3.00-3.13 s): its decoder could not read them whole, and patched their pictures from the frames around them or gave none (ffmpeg: "${MESSAGE}"), so the landmarks there stand on a damaged picture or on none. They are not used (bridged from the frames around, or left out) and the frames are shaded as low confidence. If the camera or phone still holds the original, copy it again.`,
    );
    // Bridged (under 0.2 s): one pass, as walked, and the knees there as in the undamaged walk.
    expect(r.analysis.passes).toHaveLength(1);
    const clean = analyseTrajectories(syntheticWalk());
    if (!clean.ok) throw new Error(clean.error.message);
    const knee = (a: typeof r.analysis) =>
      a.angles.find((s) => s.variable === 'knee_flexion' && s.side === 'left')!.values;
    for (const f of frames) expect(Math.abs(knee(r.analysis)[f]! - knee(clean.analysis)[f]!)).toBeLessThan(5);
  });

  it('gives the span of several damaged stretches', () => {
    const set = { rateHz: 30, damagedPicture: { frames: [30, 31, 150], decoderMessage: MESSAGE } };
    expect(damagedPictureNote(set)).toMatch(
      /^The video file is damaged at frames 30-31, 150 \(between 1\.00 and 5\.00 s\): /,
    );
  });

  it('leaves the doubt outside the damage to its own rule', () => {
    const c = new Float64Array(230).fill(0.9997);
    c.fill(0, 0, 38);
    c.fill(0, 200);
    c[150] = 0.85;
    c[125] = 0.85;
    expect(doubtedPoseFrames(c, 30, framesMask([120, 121, 122, 123, 124, 125, 126], 230))).toEqual([150]);
  });
});

describe("a calibrated trial's camera whose video file is damaged", () => {
  it('is named, with its own frames, in the 3D analysis', () => {
    const perFrame = framesMask([40, 41, 42, 43, 80], 200);
    expect(damagedCameraNote('frontal', { damagedPicture: { perFrame, decoderMessage: MESSAGE } })).toBe(
      `The frontal camera's video file is damaged at its frames 40-43, 80 (its decoder could not read them whole; ffmpeg: "${MESSAGE}"): its landmarks there are not used, and the other cameras place the points where two of them see them.`,
    );
    expect(damagedCameraNote('frontal', {})).toBeNull();
  });
});
