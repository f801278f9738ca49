// Walking backward (a training exercise, a video played in reverse, or a camera carried along faster
// than the subject walks, so that they go backward through the picture). The analysis takes the
// direction of travel as forward: a contact is the heel furthest ahead of the pelvis, a knee flexes
// when the ankle trails. Walked backward, the Sports2D walk (the video reversed) gave a knee
// "peak in swing" of -11.5 deg and a minimum in stance of -33 deg, with nothing said. The feet say
// which way the subject faces: toes ahead of heels. A pass in which they point against the travel
// is walked backward, and its cycles are left out with a note.

import type { GaitCycle } from './cycles';
import { median } from './peaks';
import type { WalkingPass } from './types';

/**
 * The feet point against the travel when the median toe-minus-heel along it is negative and at least
 * this share of the median foot length seen (a foot side-on to the camera, or badly placed, says
 * little).
 */
const MIN_POINTING_SHARE = 0.3;

/**
 * Overground passes walked backward: those in which the toes lie behind the heels along the
 * direction of travel. `toeAheadOfHeel`: per foot, toe minus heel along the progression axis
 * (+ toward +x), per frame, any length unit (NaN where not tracked).
 */
export function backwardPasses(
  passes: readonly WalkingPass[],
  toeAheadOfHeel: readonly ArrayLike<number>[],
): WalkingPass[] {
  return passes.filter((p) => {
    if (p.mode !== 'overground') return false;
    const along: number[] = [];
    for (const foot of toeAheadOfHeel)
      for (let i = p.startFrame; i < p.endFrame; i++) {
        const d = foot[i]!;
        if (Number.isFinite(d)) along.push(d * p.direction);
      }
    if (along.length === 0) return false;
    const pointing = median(along);
    return pointing < 0 && -pointing >= MIN_POINTING_SHARE * median(along.map(Math.abs));
  });
}

/** Flags ('walking-backward', an exclusion) the cycles of the passes walked backward. */
export function flagBackwardCycles(cycles: readonly GaitCycle[], backward: readonly WalkingPass[]): number {
  let flagged = 0;
  for (const c of cycles)
    if (backward.some((p) => p.index === c.passIndex)) {
      c.flags.push('walking-backward');
      c.excluded = true;
      flagged++;
    }
  return flagged;
}

/**
 * The reader's note on passes walked backward; null when none was. `filmed`: one camera's picture
 * (which a carried camera can make go backward), not 3D coordinates (markers or triangulated).
 */
export function walkingBackwardNote(
  backward: readonly WalkingPass[],
  flaggedCycles: number,
  filmed: boolean,
): string | null {
  if (backward.length === 0) return null;
  const which =
    backward.length === 1
      ? `Walking pass ${backward[0]!.index + 1}`
      : `Walking passes ${backward.map((p) => p.index + 1).join(', ')}`;
  const left =
    flaggedCycles === 0
      ? 'no cycle is measured there'
      : `the ${flaggedCycles === 1 ? 'cycle' : `${flaggedCycles} cycles`} there ${flaggedCycles === 1 ? 'is' : 'are'} left out`;
  if (!filmed)
    return `${which}: the subject walked backward (the toes pointed against the direction of travel), or the recording runs in reverse. Gait events and joint angles assume walking forward, so ${left}.`;
  return `${which}: the subject went backward through the picture (the toes pointed against the direction of travel): walking backward, a video playing in reverse, or a camera carried along faster than the subject walked. Gait events and joint angles assume walking forward past a still camera, so ${left}; analyse forward walking filmed from a tripod.`;
}
