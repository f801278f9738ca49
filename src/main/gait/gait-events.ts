// One entry point for gait events, whichever the source: detected (Zeni or foot velocity),
// imported (C3D EVENT group) or placed by hand. Events are plain data; editing returns a new list
// and the analysis is simply re-run with `events` given.

import type { Sagittal2D } from './body-frame';
import { footVelocityEvents, type FootVelocityOptions } from './foot-velocity';
import {
  SIDES,
  type EventMethod,
  type EventSource,
  type GaitEvent,
  type GaitEventKind,
  type Side,
  type WalkingPass,
} from './types';
import { zeniEvents, type ZeniOptions } from './zeni';

export interface EventDetectionInput {
  rateHz: number;
  passes: readonly WalkingPass[];
  feet: Record<Side, { heel: Sagittal2D; toe: Sagittal2D }>;
  pelvisForward: ArrayLike<number>;
  /**
   * Heights of heel and toe from which Zeni contact is moved to the landing, when they should be less
   * smoothed than `feet` (see `landingHeights` in analyse.ts). Default: the feet's `up`.
   */
  landing?: Record<Side, { heelUp: ArrayLike<number>; toeUp: ArrayLike<number> }>;
}

export interface EventDetectionOptions {
  method?: EventMethod;
  zeni?: ZeniOptions;
  /**
   * Low-pass cutoff (Hz) of the heel and toe heights that place the landing (Zeni method). 'auto'
   * (default): what Winter's residual analysis of those heights allows, between the trajectory
   * cutoff and 15 Hz; none below 50 frames/s, when the heights are too noisy, or for a pose
   * model's landmarks (TrajectorySet.source 'pose-model': see analyse.ts). A number: that
   * cutoff. 0: none. Without landing heights, contact is placed by the foot's ground speed
   * (ZeniOptions.contactRefinement 'ground-speed') unless a refinement is given.
   */
  landingCutoffHz?: number | 'auto';
  footVelocity?: FootVelocityOptions;
}

export function detectGaitEvents(
  input: EventDetectionInput,
  options: EventDetectionOptions = {},
): GaitEvent[] {
  const method = options.method ?? 'zeni';
  const events: GaitEvent[] = [];
  for (const pass of input.passes) {
    for (const side of SIDES) {
      const { heel, toe } = input.feet[side];
      // The stance foot moves with a treadmill belt, so only the pelvis-relative method applies there.
      if (method === 'foot-velocity' && pass.mode === 'overground') {
        events.push(
          ...footVelocityEvents(
            {
              side,
              heelForward: heel.forward,
              heelUp: heel.up,
              toeForward: toe.forward,
              toeUp: toe.up,
              rateHz: input.rateHz,
              startFrame: pass.startFrame,
              endFrame: pass.endFrame,
            },
            options.footVelocity,
          ),
        );
      } else {
        events.push(
          ...zeniEvents(
            {
              side,
              heelForward: heel.forward,
              toeForward: toe.forward,
              heelUp: input.landing?.[side].heelUp ?? heel.up,
              toeUp: input.landing?.[side].toeUp ?? toe.up,
              pelvisForward: input.pelvisForward,
              rateHz: input.rateHz,
              startFrame: pass.startFrame,
              endFrame: pass.endFrame,
            },
            options.zeni,
          ),
        );
      }
    }
  }
  return sortEvents(events);
}

export function sortEvents(events: readonly GaitEvent[]): GaitEvent[] {
  return [...events].sort((a, b) => a.frame - b.frame || a.side.localeCompare(b.side));
}

/** Seconds on the recording clock of an event. */
export function eventTimeS(e: GaitEvent, rateHz: number, startTimeS = 0): number {
  return startTimeS + e.frame / rateHz;
}

/** Events given in seconds (e.g. a C3D EVENT group, or a hand-edited list) as frame-based events. */
export function eventsFromTimes(
  list: ReadonlyArray<{ side: Side; kind: GaitEventKind; timeS: number }>,
  rateHz: number,
  startTimeS = 0,
  source: EventSource = 'imported',
): GaitEvent[] {
  return sortEvents(
    list.map((e) => ({ side: e.side, kind: e.kind, frame: (e.timeS - startTimeS) * rateHz, source })),
  );
}

/** Maps C3D-style context/label pairs ('Left', 'Foot Strike') to events; others are ignored. */
export function eventFromLabels(
  context: string,
  label: string,
): { side: Side; kind: GaitEventKind } | undefined {
  const c = context.trim().toLowerCase();
  const l = label.trim().toLowerCase();
  const side: Side | undefined = c.startsWith('l') ? 'left' : c.startsWith('r') ? 'right' : undefined;
  const kind: GaitEventKind | undefined = /strike|contact|\bic\b|heel ?strike/.test(l)
    ? 'initial-contact'
    : /off|\bfo\b/.test(l)
      ? 'foot-off'
      : undefined;
  return side && kind ? { side, kind } : undefined;
}

/** Adds an event placed by hand. */
export function addEvent(
  events: readonly GaitEvent[],
  side: Side,
  kind: GaitEventKind,
  frame: number,
): GaitEvent[] {
  return sortEvents([...events, { side, kind, frame, source: 'manual' }]);
}

/** Removes the event of that side and kind nearest to `frame` (within toleranceFrames). */
export function removeEvent(
  events: readonly GaitEvent[],
  side: Side,
  kind: GaitEventKind,
  frame: number,
  toleranceFrames = 3,
): GaitEvent[] {
  const i = nearestEventIndex(events, side, kind, frame, toleranceFrames);
  return i < 0 ? [...events] : events.filter((_, k) => k !== i);
}

/** Moves the nearest matching event to `toFrame`; the moved event becomes 'manual'. */
export function moveEvent(
  events: readonly GaitEvent[],
  side: Side,
  kind: GaitEventKind,
  fromFrame: number,
  toFrame: number,
  toleranceFrames = 3,
): GaitEvent[] {
  const i = nearestEventIndex(events, side, kind, fromFrame, toleranceFrames);
  if (i < 0) return [...events];
  return sortEvents(
    events.map((e, k) => (k === i ? { ...e, frame: toFrame, source: 'manual' as const } : e)),
  );
}

function nearestEventIndex(
  events: readonly GaitEvent[],
  side: Side,
  kind: GaitEventKind,
  frame: number,
  tol: number,
): number {
  let best = -1;
  let bestD = Infinity;
  events.forEach((e, k) => {
    const d = Math.abs(e.frame - frame);
    if (e.side === side && e.kind === kind && d <= tol && d < bestD) {
      best = k;
      bestD = d;
    }
  });
  return best;
}
