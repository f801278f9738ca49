// A camera that moves during a walk (held in the hand, or panning after the patient) moves the
// ground through the picture, and every distance measured in the picture then mixes the walk with
// the camera's motion: a camera following at half the walker's pace halves her speed and strides,
// with nothing in the numbers to show it. The ground itself is seen through the feet: from foot
// flat to push-off the stance foot stands still on the floor, so in a fixed camera's picture its
// toe hardly moves while the pelvis travels on. How fast it slides instead, as a share of the
// walking speed, is the share of the motion the camera took.

import { median } from './peaks';
import type { GaitEvent, Side, WalkingPass } from './types';
import { SIDES } from './types';

/** Above this share of the walking speed the camera moved (fixed cameras: at most 0.12 measured). */
export const MOVING_CAMERA_DRIFT = 0.25;

export interface CameraMotionInput {
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
    for (const side of SIDES) {
      const toe = input.toeForward[side];
      const edge = input.footAtEdge?.[side];
      const mine = input.events.filter(
        (e) => e.side === side && e.frame >= pass.startFrame && e.frame < pass.endFrame,
      );
      for (const contact of mine.filter((e) => e.kind === 'initial-contact')) {
        const off = mine.find((e) => e.kind === 'foot-off' && e.frame > contact.frame);
        if (!off) continue;
        const a = Math.round(contact.frame + 0.2 * (off.frame - contact.frame));
        const b = Math.round(contact.frame + 0.9 * (off.frame - contact.frame));
        if (b <= a) continue;
        let atEdge = false;
        for (let f = a; f <= b && edge; f++) if (edge[f]) atEdge = true;
        if (atEdge) continue;
        const toeTravel = toe[b]! - toe[a]!;
        const walked = input.pelvisForward[b]! - input.pelvisForward[a]! - toeTravel;
        if (Number.isFinite(walked) && walked > 0) drifts.push(-toeTravel / walked);
      }
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
        `${MOVING_CAMERA_NOTE_START} ${m.passIndex + 1}: the foot on the floor slid through the picture at ${Math.round(100 * m.driftFraction)} % of walking speed (median of ${m.stances} steps; a fixed camera keeps it under ${Math.round(100 * MOVING_CAMERA_DRIFT)} %), as when the camera is held in the hand or pans after the patient. Times, cadence and angles are measured; distances and speed in the picture are not the walk's and are not reported for that pass. Record with the camera fixed, on a tripod.`,
    );
}
