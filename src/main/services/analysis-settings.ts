// What a camera's analysis row keeps between runs (`settings`), read back with its type.
import type { FloorScaleChoice } from '../../shared/api/analysis-types';

/** The floor marks a camera's analysis keeps for its scale (settings.floor), if any. */
export function floorOf(settings: Record<string, unknown> | undefined): FloorScaleChoice | null {
  return (settings?.floor as FloorScaleChoice | null | undefined) ?? null;
}

/** The treadmill belt speed a camera's analysis keeps (settings.beltSpeedMps, m/s), if any. */
export function beltSpeedOf(settings: Record<string, unknown> | undefined): number | null {
  const v = settings?.beltSpeedMps;
  return typeof v === 'number' ? v : null;
}

/** The low-pass cutoff a camera's analysis keeps (settings.cutoffHz, Hz), if set. */
export function cutoffOf(settings: Record<string, unknown> | undefined): number | null {
  const v = settings?.cutoffHz;
  return typeof v === 'number' ? v : null;
}

/** The kept cutoff as a gait-run option (none: the default). */
export function cutoffOption(settings: Record<string, unknown> | undefined): { cutoffHz?: number } {
  const v = cutoffOf(settings);
  return v === null ? {} : { cutoffHz: v };
}
