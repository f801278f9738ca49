// The pose model doubting, in the middle of a walk, that a person is in its crop: the subject
// passing behind a pillar, a post of the parallel bars or someone crossing in front. The Sports2D
// walk with a 110 px pillar drawn across the picture: the model, sure of her at 0.99-1.00 before and
// after, gave 0.55-0.93 for the 8 frames she was behind it and still placed every landmark, hips
// jumping a tenth of her height from frame to frame and the knees at visibilities up to 0.75, so
// the knee read -38 deg in stance and the cycle went into the mean (minimum in stance -4.8 +- 29
// deg, with nothing said). Those frames are the model guessing: their landmarks are set aside like
// the frames it does not see (bridged when short, a gap in the walk when long).
import { frameRunsText } from '../../shared/analysis-notes';
import { withoutSamples } from './set-aside';
import type { TrajectorySet } from './types';

/** A frame the model is sure of: its usual level on a person in full view (0.99-1.00). */
const SURE = 0.98;
/** Below this, the model doubts there is a person in its crop. */
const DOUBTED = 0.9;
/** Doubted frames this close (s) are one stretch, frames between them included. */
const JOIN_S = 0.1;
/** The second before a stretch and the second after it... */
const AROUND_S = 1;
/** ...each have a pose on at least half their frames... */
const POSED_AROUND = 0.5;
/** ...and the model sure on this share of those. */
const SURE_AROUND = 0.9;

/**
 * The frames where the whole-pose confidence (the landmark model's person flag, 0-1, one per
 * frame; 0 where it found nobody) dips below 0.9 for a stretch in a walk it is otherwise sure of:
 * in the second before the stretch and in the second after it, a pose on at least half the frames
 * and 0.98 or more on nine in ten of those. Doubted frames less than 0.1 s apart are one stretch,
 * the frames between them included (a frame half-trusted between two doubted ones is no better
 * placed). Not where the subject enters or leaves the picture (no second of sure frames on one
 * side), nor in a video the model wobbles on throughout (a camera cutting through the trunk: other
 * checks say what is wrong there), nor at frames dropped from the video (no pose, not doubt), nor
 * at frames whose picture the video's decoder patched (1 in `damagedPicture`: the damage is the
 * cause, and damaged-picture.ts says so).
 */
export function doubtedPoseFrames(
  poseConfidence: ArrayLike<number>,
  rateHz: number,
  damagedPicture?: ArrayLike<number>,
): number[] {
  const n = poseConfidence.length;
  const c = (i: number) => {
    const v = poseConfidence[i]!;
    return Number.isFinite(v) ? v : 0;
  };
  const join = Math.max(1, Math.round(JOIN_S * rateHz));
  const stretches: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    if (!(c(i) > 0 && c(i) < DOUBTED)) continue;
    const last = stretches[stretches.length - 1];
    if (last && i - last[1] <= join + 1) last[1] = i;
    else stretches.push([i, i]);
  }
  const around = Math.max(1, Math.round(AROUND_S * rateHz));
  const sureBetween = (from: number, to: number) => {
    let posed = 0;
    let sure = 0;
    for (let k = Math.max(0, from); k < Math.min(n, to); k++) {
      if (c(k) > 0) posed++;
      if (c(k) >= SURE) sure++;
    }
    return posed >= POSED_AROUND * around && sure >= SURE_AROUND * posed;
  };
  return stretches
    .filter(([a, b]) => sureBetween(a - around, a) && sureBetween(b + 1, b + 1 + around))
    .flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => a + k))
    .filter((f) => !damagedPicture?.[f]);
}

/** `set` with every landmark at `frames` missing, as on frames the model does not see. */
export function withoutFrames(set: TrajectorySet, frames: readonly number[]): TrajectorySet {
  if (frames.length === 0) return set;
  const trajectories = Object.fromEntries(
    Object.entries(set.trajectories).map(([name, t]) => [name, withoutSamples(t, frames)]),
  );
  return { ...set, trajectories };
}

/** "confidence 0.55-0.93": what the model gave the doubted frames it placed a person on. */
export function doubtedConfidenceText(frames: readonly number[], poseConfidence: ArrayLike<number>): string {
  // Frames it lost the person on (0) lie between doubted ones: the range is of those it placed.
  const placed = frames.map((f) => poseConfidence[f]!).filter((v) => Number.isFinite(v) && v > 0);
  const [lo, hi] = [Math.min(...placed).toFixed(2), Math.max(...placed).toFixed(2)];
  return `confidence ${lo === hi ? lo : `${lo}-${hi}`}`;
}

/** How sure the model is around a doubted stretch, as the notes say it. */
export const SURE_AROUND_TEXT = `${SURE.toFixed(2)} or more on nearly every frame of the second before and after`;

/**
 * What a reader is told of the doubted frames, or null: how sure the model was there against the
 * frames around them, the likely cause, and that their landmarks are not used.
 */
export function doubtedPoseNote(frames: readonly number[], poseConfidence: ArrayLike<number>): string | null {
  if (frames.length === 0) return null;
  return `The pose model doubted that a person was in view at frame${frames.length > 1 ? 's' : ''} ${frameRunsText(frames)} (${doubtedConfidenceText(frames, poseConfidence)}, where it is ${SURE_AROUND_TEXT}): the subject passing behind something or someone, or a blurred picture; the landmarks there are guesses. They are not used (bridged from the frames around, or left out) and the frames are shaded as low confidence.`;
}

/**
 * The note of a calibrated trial whose `camera`'s frames were left out of the triangulation, its
 * model doubting a person was in view there (frames of that camera's video), or null.
 */
export function doubtedCameraNote(
  camera: string,
  frames: readonly number[],
  poseConfidence: ArrayLike<number>,
): string | null {
  if (frames.length === 0) return null;
  return `The ${camera} camera's pose model doubted that a person was in view at its frame${frames.length > 1 ? 's' : ''} ${frameRunsText(frames)} (${doubtedConfidenceText(frames, poseConfidence)}, where it is ${SURE_AROUND_TEXT}; the subject passing behind something or someone): its landmarks there are not used, and the other cameras place the points where two of them see them.`;
}
