// A camera that moves during a walk (held in the hand, or panning after the patient) moves the
// ground through the picture, and every distance measured across time in the picture then mixes
// the walk with the camera's motion: a camera following at half the walker's pace halves her speed
// and strides, with nothing in the numbers to show it (a step, measured at one instant, is
// unaffected). The ground itself is seen through the feet: from foot flat to push-off the stance
// foot stands still on the floor, so in a fixed camera's picture its toe hardly moves while the
// pelvis travels on. How fast it slides instead, as a share of the walking speed, is the share of
// the motion the camera took.

import { LENGTHS_FROM_STEPS } from '../../shared/analysis-notes';
import { median } from './peaks';
import type { GaitEvent, Side, WalkingPass } from './types';
import { SIDES } from './types';

/** Above this share of the walking speed the camera moved (fixed cameras: at most 0.12 measured). */
export const MOVING_CAMERA_DRIFT = 0.25;

export interface CameraMotionInput {
  /** Frames per second of the trajectories. */
  rateHz: number;
  passes: readonly WalkingPass[];
  events: readonly GaitEvent[];
  /** Positions along the direction of travel (any unit, per frame): each toe, and the pelvis. */
  toeForward: Record<Side, ArrayLike<number>>;
  pelvisForward: ArrayLike<number>;
  /** 1 where a foot touches the picture's edge: its landmarks there do not measure anything. */
  footAtEdge?: Record<Side, ArrayLike<number>>;
}

export interface PassCameraMotion {
  passIndex: number;
  startFrame: number;
  endFrame: number;
  /** Median over the pass' stances of the stance toe's slide as a share of walking speed. */
  driftFraction: number;
  stances: number;
  moved: boolean;
}

/**
 * The slide of each stance toe through the picture, per overground pass. Taken from 20 % to 90 % of
 * stance (contact to foot off of one foot), where the forefoot is on the floor: drift = -toe travel
 * / (pelvis travel - toe travel), 0 for a fixed camera and 1 for one that keeps the walker in place.
 * A pass needs two measured stances to be judged.
 */
export function cameraMotionPerPass(input: CameraMotionInput): PassCameraMotion[] {
  const out: PassCameraMotion[] = [];
  for (const pass of input.passes) {
    if (pass.mode !== 'overground') continue;
    const drifts: number[] = [];
    for (const { side, a, b } of flatFootWindows(input, pass)) {
      const toe = input.toeForward[side];
      const toeTravel = toe[b]! - toe[a]!;
      const walked = input.pelvisForward[b]! - input.pelvisForward[a]! - toeTravel;
      if (Number.isFinite(walked) && walked > 0) drifts.push(-toeTravel / walked);
    }
    if (drifts.length < 2) continue;
    const driftFraction = median(drifts);
    out.push({
      passIndex: pass.index,
      startFrame: pass.startFrame,
      endFrame: pass.endFrame,
      driftFraction,
      stances: drifts.length,
      moved: driftFraction > MOVING_CAMERA_DRIFT,
    });
  }
  return out;
}

/**
 * A walking stance lasts over half a stride: about 0.5 s even at a child's fast 150 steps/min
 * (0.8 s strides). A contact and foot off closer than this are misplaced events (a foot half hidden
 * while the patient enters the picture gave one 0.18 s long, whose landmark slid back).
 */
const SHORTEST_STANCE_S = 0.25;

/**
 * Each stance's stretch from 20 % to 90 % (contact to foot off of one foot, inside the pass), where
 * the forefoot is on the floor; stretches where that foot touches the picture's edge, and stances
 * too short for walking, are left out.
 */
function flatFootWindows(
  input: Pick<CameraMotionInput, 'rateHz' | 'events' | 'footAtEdge'>,
  pass: WalkingPass,
): Array<{ side: Side; a: number; b: number }> {
  const out: Array<{ side: Side; a: number; b: number }> = [];
  for (const side of SIDES) {
    const edge = input.footAtEdge?.[side];
    const mine = input.events.filter(
      (e) => e.side === side && e.frame >= pass.startFrame && e.frame < pass.endFrame,
    );
    for (const contact of mine.filter((e) => e.kind === 'initial-contact')) {
      const off = mine.find((e) => e.kind === 'foot-off' && e.frame > contact.frame);
      if (!off || off.frame - contact.frame < SHORTEST_STANCE_S * input.rateHz) continue;
      const a = Math.round(contact.frame + 0.2 * (off.frame - contact.frame));
      const b = Math.round(contact.frame + 0.9 * (off.frame - contact.frame));
      if (b <= a) continue;
      let atEdge = false;
      for (let f = a; f <= b && edge; f++) if (edge[f]) atEdge = true;
      if (!atEdge) out.push({ side, a, b });
    }
  }
  return out;
}

/**
 * On a treadmill (or under a camera that keeps the walker in place) the foot on the floor moves
 * backwards through the picture at the belt's (the walk's) speed: median over the stances, in the
 * trajectories' units per second; null with fewer than two stances.
 */
export function stanceSlideSpeed(
  input: Pick<CameraMotionInput, 'rateHz' | 'passes' | 'events' | 'toeForward' | 'footAtEdge'>,
): number | null {
  const speeds: number[] = [];
  for (const pass of input.passes)
    for (const { side, a, b } of flatFootWindows(input, pass)) {
      const v = ((input.toeForward[side][a]! - input.toeForward[side][b]!) * input.rateHz) / (b - a);
      if (Number.isFinite(v)) speeds.push(v);
    }
  return speeds.length >= 2 ? median(speeds) : null;
}

/** Belt speed entered and seen this far apart (ratio) means a wrong entry or a wrong unit. */
const BELT_DISAGREEMENT = 0.25;

/** A note when the belt speed entered and the feet's slide on the belt (in m/s) disagree. */
export function beltSpeedCheckNote(enteredMps: number, seenMps: number | null): string | null {
  if (seenMps === null || !(seenMps > 0)) return null;
  if (Math.abs(seenMps / enteredMps - 1) <= BELT_DISAGREEMENT) return null;
  return `The belt speed entered is ${enteredMps.toFixed(2)} m/s, but the feet on the belt move through the picture at about ${seenMps.toFixed(2)} m/s (with the distance scale, about 5 %): check the speed and its unit on the treadmill's console. Speed and lengths use the speed entered.`;
}

/** 1 on the frames of passes in which the camera moved. */
export function movingCameraFrames(motion: readonly PassCameraMotion[], frameCount: number): Uint8Array {
  const mask = new Uint8Array(frameCount);
  for (const m of motion)
    if (m.moved) mask.fill(1, Math.max(0, m.startFrame), Math.min(frameCount, m.endFrame));
  return mask;
}

/** How a moving camera's note starts (reports pick it out of an analysis' notes). */
export const MOVING_CAMERA_NOTE_START = 'The camera moved during walking pass';

export function movingCameraNotes(motion: readonly PassCameraMotion[]): string[] {
  return motion
    .filter((m) => m.moved)
    .map(
      (m) =>
        `${MOVING_CAMERA_NOTE_START} ${m.passIndex + 1}: the foot on the floor slid through the picture at ${Math.round(100 * m.driftFraction)} % of walking speed (median of ${m.stances} steps; a fixed camera keeps it under ${Math.round(100 * MOVING_CAMERA_DRIFT)} %), as when the camera is held in the hand or pans after the patient. Distances across time in the picture are not the walk's, so in that pass ${LENGTHS_FROM_STEPS}. Record with the camera fixed, on a tripod.`,
    );
}
