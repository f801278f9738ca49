// The limits a scale from two floor marks is held to, wherever the marks are entered (review
// panel, API, CLI) and where the scale is made (gait/scaling.ts): one set of numbers for all.

/** Marks closer than this (video pixels) make every length uncertain by tens of percent. */
export const MIN_FLOOR_MARKS_APART_PX = 20;
/** A walkway's known distance, metres: shorter or longer is a unit mix-up or a typing error. */
export const FLOOR_DISTANCE_MIN_M = 0.2;
export const FLOOR_DISTANCE_MAX_M = 30;

export const floorMarksApartPx = (a: readonly [number, number], b: readonly [number, number]): number =>
  Math.hypot(b[0] - a[0], b[1] - a[1]);

export const isPlausibleFloorDistanceM = (m: number): boolean =>
  m >= FLOOR_DISTANCE_MIN_M && m <= FLOOR_DISTANCE_MAX_M;
