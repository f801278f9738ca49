// How far one set of gait events lies from another (detected against a marker system's stored
// events, or against force plates): each reference event is paired with the nearest event of the
// same kind and side. The rule the validation tests and `gaitlab analyze <file.c3d>` share.

import type { GaitEvent } from './types';

export interface EventMatch {
  reference: GaitEvent;
  /** The nearest event of the same kind (and side), or undefined when there is none. */
  nearest: GaitEvent | undefined;
  /** nearest - reference, ms (Infinity without a nearest event). */
  errorMs: number;
}

export interface EventAgreementOptions {
  /** Compare only reference events at least this far inside the recording, s (default 0). */
  marginS?: number;
  /** Pair across sides too (a force plate does not know which foot stood on it). */
  anySide?: boolean;
}

export function matchEvents(
  reference: readonly GaitEvent[],
  other: readonly GaitEvent[],
  rateHz: number,
  frameCount: number,
  options: EventAgreementOptions = {},
): EventMatch[] {
  const margin = (options.marginS ?? 0) * rateHz;
  return reference
    .filter((r) => r.frame >= margin && r.frame <= frameCount - 1 - margin)
    .map((r) => {
      const nearest = other
        .filter((e) => e.kind === r.kind && (options.anySide || e.side === r.side))
        .reduce<GaitEvent | undefined>(
          (best, e) => (!best || Math.abs(e.frame - r.frame) < Math.abs(best.frame - r.frame) ? e : best),
          undefined,
        );
      return {
        reference: r,
        nearest,
        errorMs: nearest ? ((nearest.frame - r.frame) / rateHz) * 1000 : Infinity,
      };
    });
}
