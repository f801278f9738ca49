// The limits a treadmill belt speed is held to, wherever it is entered (review, API, CLI) and where
// lengths are made from it (gait/analyse.ts): one set of numbers for all.

/** Slowest and fastest belt speeds of walking, m/s (children with CP train from about 0.2 m/s). */
export const BELT_SPEED_MIN_MPS = 0.1;
export const BELT_SPEED_MAX_MPS = 2.5;

export const isPlausibleBeltSpeedMps = (v: number): boolean =>
  Number.isFinite(v) && v >= BELT_SPEED_MIN_MPS && v <= BELT_SPEED_MAX_MPS;

/**
 * Treadmill consoles show km/h: 3.6 typed as m/s would be a run. The message says which unit is
 * wanted and how to convert.
 */
export function beltSpeedMessage(v: number): string {
  const kmh = v > BELT_SPEED_MAX_MPS && v / 3.6 <= BELT_SPEED_MAX_MPS;
  return `The belt speed must be in metres per second, between ${BELT_SPEED_MIN_MPS} and ${BELT_SPEED_MAX_MPS}${
    kmh
      ? `: ${v} looks like km/h, which is ${(v / 3.6).toFixed(2)} m/s`
      : ' (a treadmill showing 3.6 km/h runs at 1.0 m/s)'
  }.`;
}
