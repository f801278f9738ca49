// The top of the picture cutting through the subject's trunk (a camera framed too low, or too
// close). The landmark model keeps the body it cannot see inside the picture: it squeezes head and
// shoulders in under the top edge and pulls the hips up with them. The Sports2D walk cropped below
// her shoulders (at row 640 of 994) was analysed with no word of it: speed 1.48 m/s against 1.25 for
// the whole picture (the scale from her height takes the trunk as hip to shoulder), and a knee
// minimum in stance of -5 +/- 28 deg against 11 +/- 6; cropped at her hips, 1.90 m/s and -14 +/- 24
// deg. Cycles whose shoulders lie at the top edge are left out, and the note says why; the trunk
// measured there does not enter the scale.

import { frameRuns } from '../../shared/frame-runs';
import type { GaitCycle } from './cycles';
import { usable } from './picture-edge';
import type { Trajectory, WalkingPass } from './types';

/** Shoulders placed this close to the top edge (leg lengths, thigh + shank) are squeezed in by the model. */
const TOP_MARGIN_LEG = 0.1;
/** A cycle with its shoulders at the top edge for this share of its frames or more is left out. */
const CUT_SHARE_OF_CYCLE = 0.1;

/**
 * 1 for each frame where either shoulder lies within a tenth of a leg length of the picture's top
 * edge, or above it. `legLengthPx`: the subject's thigh + shank in the picture (median), px.
 */
export function trunkCutOffFrames(
  shoulders: readonly Trajectory[],
  legLengthPx: number,
  frameCount: number,
): Uint8Array {
  const out = new Uint8Array(frameCount);
  const margin = TOP_MARGIN_LEG * legLengthPx;
  if (!(margin > 0)) return out;
  for (const s of shoulders)
    for (let i = 0; i < frameCount; i++) if (usable(s, i) && s.y[i]! < margin) out[i] = 1;
  return out;
}

/** Flags ('trunk-cut-off', an exclusion) the cycles cut at the top for a tenth of their frames or more. */
export function flagTrunkCutOff(cycles: readonly GaitCycle[], cut: Uint8Array): GaitCycle[] {
  const flagged: GaitCycle[] = [];
  for (const c of cycles) {
    const a = Math.max(0, Math.floor(c.startFrame));
    const b = Math.min(cut.length - 1, Math.ceil(c.endFrame));
    let k = 0;
    for (let i = a; i <= b; i++) k += cut[i]!;
    if (b >= a && k >= CUT_SHARE_OF_CYCLE * (b - a + 1)) {
      c.flags.push('trunk-cut-off');
      c.excluded = true;
      flagged.push(c);
    }
  }
  return flagged;
}

/** The reader's note when the top edge cut the trunk inside the walking passes; null when it never did. */
export function trunkCutOffNote(
  cut: Uint8Array,
  passes: readonly WalkingPass[],
  flagged: readonly GaitCycle[],
  cycleCount: number,
): string | null {
  const inPasses: number[] = [];
  let walking = 0;
  for (const p of passes)
    for (let i = p.startFrame; i < Math.min(p.endFrame, cut.length); i++) {
      walking++;
      if (cut[i]) inPasses.push(i);
    }
  if (inPasses.length === 0) return null;
  const runs = frameRuns(inPasses);
  const where = runs
    .slice(0, 5)
    .map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`))
    .join(', ');
  const one = flagged.length === 1;
  const left =
    flagged.length === 0
      ? 'no cycle has the shoulders there for a tenth of its frames or more, so none is left out'
      : `${flagged.length} of the ${cycleCount} cycles ${one ? 'has' : 'have'} the shoulders there for a tenth of ${one ? 'its' : 'their'} frames or more and ${one ? 'is' : 'are'} left out`;
  return `The picture cuts the subject off at the top: the shoulders are at its top edge in ${inPasses.length} of the ${walking} frames of the walking passes (frames ${where}${runs.length > 5 ? ', ...' : ''}), as when the camera is framed too low or too close. The pose model then squeezes head and shoulders into the picture and pulls the hips up with them, so hip and knee flexion, trunk tilt and lengths scaled from the patient's height are wrong there: ${left}. Frame the whole body, head to feet, and analyse again.`;
}
