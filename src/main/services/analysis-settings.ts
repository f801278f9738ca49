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
