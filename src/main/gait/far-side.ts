// Which leg a side camera sees through the other. From one side camera the far leg is half hidden
// behind the near one: the landmark model partly guesses it, and its sagittal angles come out
// flattened (on the Sports2D walk the far knee's swing peak read 43 deg against 76 deg on the near
// side, in the same walker). The model's own visibility score tells which leg that is: per walking
// pass, the leg whose knee, ankle, heel and toe it is less sure it sees. (Walking direction alone
// would also tell, but not for a mirrored video, and it could not catch swapped labels.)

import type { GaitCycle } from './cycles';
import { otherSide, type Side, type Trajectory, type WalkingPass } from './types';
import { listInWords } from '../../shared/list-in-words';

export interface FarSide {
  passIndex: number;
  side: Side;
  /** Median over the pass of the leg landmarks' mean visibility (0..1), per side. */
  visibility: Record<Side, number>;
}

/** Below this difference in median visibility neither leg is called the far one. */
const MIN_DIFFERENCE = 0.02;

function medianVisibility(leg: readonly Trajectory[], from: number, to: number): number {
  const perFrame: number[] = [];
  for (let i = from; i < to; i++) {
    let sum = 0;
    let k = 0;
    for (const t of leg) {
      const c = t.confidence?.[i];
      if (c === undefined || !Number.isFinite(c) || !Number.isFinite(t.x[i]!)) continue;
      sum += c;
      k++;
    }
    // A frame where the model found none of the leg says nothing about near or far.
    if (k > 0 && sum > 0) perFrame.push(sum / k);
  }
  if (perFrame.length === 0) return NaN;
  perFrame.sort((a, b) => a - b);
  return perFrame[perFrame.length >> 1]!;
}

/**
 * The far leg of each pass, or undefined for a pass where the legs are seen alike (or the data
 * carry no visibility, such as markers). `legs`: each side's knee, ankle, heel and toe.
 */
export function farSidePerPass(
  legs: Record<Side, readonly Trajectory[]>,
  passes: readonly WalkingPass[],
): Array<FarSide | undefined> {
  return passes.map((p) => {
    const visibility = {
      left: medianVisibility(legs.left, p.startFrame, p.endFrame),
      right: medianVisibility(legs.right, p.startFrame, p.endFrame),
    };
    if (!Number.isFinite(visibility.left) || !Number.isFinite(visibility.right)) return undefined;
    if (Math.abs(visibility.left - visibility.right) < MIN_DIFFERENCE) return undefined;
    return { passIndex: p.index, side: visibility.left < visibility.right ? 'left' : 'right', visibility };
  });
}

/**
 * Notes the far leg's cycles ('far-side', not an exclusion) and says which leg it was: one note per
 * leg, naming its passes (a patient walking to and fro past one camera has the same far leg on
 * every other pass: six passes made six notes of two sentences).
 */
export function noteFarLegs(cycles: GaitCycle[], farSides: readonly FarSide[]): string[] {
  for (const c of cycles)
    if (farSides.some((f) => f.passIndex === c.passIndex && f.side === c.side)) c.flags.push('far-side');
  const legs = [...new Set(farSides.map((f) => f.side))];
  return legs.map((side) => {
    const passes = farSides.filter((f) => f.side === side);
    const near = otherSide(side);
    const numbers = passes.map((f) => f.passIndex + 1);
    const which = `Walking ${numbers.length === 1 ? 'pass' : 'passes'} ${listInWords(numbers)}`;
    return `${which}: the ${side} leg was the far one from the camera (the pose model saw it less well: median visibility ${visibilityRange(passes, side)} against ${visibilityRange(passes, near)} for the ${near} leg). Its sagittal angles are less reliable (knee flexion in swing is typically under-estimated): read them from a camera on the ${side} side.`;
  });
}

/** `0.91`, or `0.89-0.91` over several passes. */
function visibilityRange(passes: readonly FarSide[], side: Side): string {
  const v = passes.map((f) => f.visibility[side]);
  const [lo, hi] = [Math.min(...v).toFixed(2), Math.max(...v).toFixed(2)];
  return lo === hi ? lo : `${lo}-${hi}`;
}

/** What every camera-side note says (its camera's name comes before it). */
export const CAMERA_SIDE_NOTE_MARK = "camera is named as standing at the patient's";

/**
 * A side camera labelled as standing at the patient's `cameraSide` sees that leg as the near one.
 * When every pass that tells says the opposite, the label or the picture is wrong: either the
 * camera stood on the other side, or the video is a mirror image (a phone's or tablet's front
 * camera can save one), in which case the pose model, reading the mirrored body, names each leg
 * as the other one and every left number is the right leg's. Null when no pass tells, or one agrees
 * (a patient walking to and fro past the camera shows it each leg in turn).
 */
export function cameraSideNote(
  camera: string,
  cameraSide: Side,
  farSides: readonly FarSide[],
): string | null {
  if (farSides.length === 0 || farSides.some((f) => f.side !== cameraSide)) return null;
  const other = otherSide(cameraSide);
  const every = farSides.length > 1 ? ' in every walking pass' : '';
  return `The ${camera} ${CAMERA_SIDE_NOTE_MARK} ${cameraSide} side, but the pose model saw the ${cameraSide} leg as the far one${every} (median visibility ${visibilityRange(farSides, cameraSide)} against ${visibilityRange(farSides, other)} for the ${other} leg). Check on the video which leg is nearer the camera (an orthosis, a shoe or the affected side tells; writing in the picture reads backwards in a mirror image): if it is the ${other} leg, the camera stood at the patient's ${other} side (file it as the trial's sagittal-${other} camera: its pose and hand edits are kept); if it is the ${cameraSide} leg, the video is a mirror image (a phone's or tablet's front camera can save one), and left and right are exchanged in all of this camera's numbers.`;
}
