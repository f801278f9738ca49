// Foot-velocity gait events: the foot is (nearly) still on the ground during stance and fast in
// swing. Initial contact = the foot's speed falls below a fraction of its swing peak; foot off = the
// speed rises above a (larger) fraction before the peak. The foot centre (mid heel-toe) is used, so
// the method does not assume which part of the foot lands first. Overground only: on a treadmill the
// stance foot moves with the belt.

import { findPeaks, robustRange } from './peaks';
import type { GaitEvent, Side } from './types';

export interface FootVelocityInput {
  side: Side;
  /** Sagittal-plane positions per frame (forward and up), any length unit. */
  heelForward: ArrayLike<number>;
  heelUp: ArrayLike<number>;
  toeForward: ArrayLike<number>;
  toeUp: ArrayLike<number>;
  rateHz: number;
  startFrame: number;
  endFrame: number;
}

export interface FootVelocityOptions {
  /** Initial contact when speed drops below this fraction of the swing peak (default 0.2). */
  contactFraction?: number;
  /** Foot off when speed rises above this fraction of the swing peak (default 0.45). */
  footOffFraction?: number;
  minStrideS?: number;
}

/** Speed of the foot centre in units/s (central differences). */
export function footSpeed(input: FootVelocityInput): Float64Array {
  const n = input.heelForward.length;
  const cf = new Float64Array(n);
  const cu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    cf[i] = (input.heelForward[i]! + input.toeForward[i]!) / 2;
    cu[i] = (input.heelUp[i]! + input.toeUp[i]!) / 2;
  }
  const speed = new Float64Array(n).fill(NaN);
  for (let i = 1; i < n - 1; i++) {
    speed[i] = (Math.hypot(cf[i + 1]! - cf[i - 1]!, cu[i + 1]! - cu[i - 1]!) * input.rateHz) / 2;
  }
  return speed;
}

export function footVelocityEvents(input: FootVelocityInput, options: FootVelocityOptions = {}): GaitEvent[] {
  const icFrac = options.contactFraction ?? 0.2;
  const foFrac = options.footOffFraction ?? 0.45;
  const speed = footSpeed(input);
  const minSep = Math.round((options.minStrideS ?? 0.4) * input.rateHz);
  const peaks = findPeaks(speed, input.startFrame, input.endFrame, {
    minSeparationFrames: minSep,
    minProminence: 0.4 * robustRange(speed, input.startFrame, input.endFrame),
    prominenceWindowFrames: Math.round(0.6 * input.rateHz),
  });
  const events: GaitEvent[] = [];
  const maxSearch = Math.round(0.8 * input.rateHz);
  for (const pf of peaks) {
    const p = Math.round(pf);
    const peak = speed[p]!;
    // Forward from the peak to the first crossing below the contact threshold.
    const ic = crossing(speed, p, Math.min(input.endFrame - 1, p + maxSearch), 1, icFrac * peak);
    if (ic !== undefined)
      events.push({ side: input.side, kind: 'initial-contact', frame: ic, source: 'foot-velocity' });
    const fo = crossing(speed, p, Math.max(input.startFrame, p - maxSearch), -1, foFrac * peak);
    if (fo !== undefined)
      events.push({ side: input.side, kind: 'foot-off', frame: fo, source: 'foot-velocity' });
  }
  return events.sort((a, b) => a.frame - b.frame);
}

/** Fractional frame where the signal first falls below `level`, walking from `from` toward `to`. */
function crossing(
  s: Float64Array,
  from: number,
  to: number,
  step: 1 | -1,
  level: number,
): number | undefined {
  for (let i = from; step > 0 ? i < to : i > to; i += step) {
    const a = s[i]!;
    const b = s[i + step]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return undefined;
    if (a >= level && b < level) {
      const t = (a - level) / (a - b);
      return i + step * t;
    }
  }
  return undefined;
}
