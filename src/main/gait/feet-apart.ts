// Feet that move apart and back together side by side, as in jumping jacks, are not steps. Seen
// from in front, the feet's heights then differ a little with the body's slight turn and rise and
// fall with the spread, so the end-on stepping test (which foot is lower in the picture) counted
// them as steps: the man on the box in the Sports2D clip, doing jumping jacks facing the camera,
// was said to step in place at 106 steps/min. Steps seen from the front keep the feet about a
// step width apart; seen at a slant, a step brings one foot past the other in the picture.

import { butterworthLowPass } from './butterworth';
import { median, robustBounds } from './peaks';

export interface FeetApartInput {
  rateHz: number;
  /** Apparent leg length per frame (thigh + shank in the picture), px; NaN where not tracked. */
  legLengthPx: ArrayLike<number>;
  /** Heel positions across the picture (image x), px; NaN where not tracked. */
  leftHeelXPx: ArrayLike<number>;
  rightHeelXPx: ArrayLike<number>;
}

export interface FeetApart {
  /** Times the feet went apart and came back together. */
  times: number;
  /** Distance between the heels across the picture, closest and widest (5th, 95th percentile), leg lengths. */
  closestLeg: number;
  widestLeg: number;
}

/** The feet must open by at least this much (leg lengths, 95th minus 5th percentile of their distance). */
const MIN_SPREAD_LEG = 0.5;
/** A foot past the other by more than this (leg lengths) has changed sides: a step seen at a slant. */
const SIDE_CHANGE_LEG = 0.1;
/** Openings below which the feet are said to have moved once, not to go apart and together. */
const MIN_TIMES = 2;

/**
 * Whether the feet went apart and back together at least twice without passing each other; null
 * when they did not (stepping, walking, standing, or too little tracked to tell).
 */
export function feetApartAndTogether(input: FeetApartInput): FeetApart | null {
  const n = input.legLengthPx.length;
  const apart = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++)
    apart[i] = (input.leftHeelXPx[i]! - input.rightHeelXPx[i]!) / input.legLengthPx[i]!;
  const tracked = Array.from(apart).filter(Number.isFinite);
  if (tracked.length < input.rateHz) return null;
  // Whichever foot is on the left of the picture, measured so that it is the positive side.
  const side = Math.sign(median(tracked)) || 1;
  // Smoothed at 3 Hz like the end-on lead, so that landmark jitter is not an opening.
  const smooth = butterworthLowPass(
    apart.map((d) => d * side),
    input.rateHz,
    { cutoffHz: Math.min(3, input.rateHz / 4) },
  );
  const bounds = robustBounds(smooth);
  if (!bounds) return null;
  const { p5: closestLeg, p95: widestLeg } = bounds;
  if (widestLeg - closestLeg < MIN_SPREAD_LEG || closestLeg < -SIDE_CHANGE_LEG) return null;
  // Openings counted with hysteresis: above three quarters of the spread, then back below a quarter;
  // only once the feet were seen together, so that a clip starting with them apart counts no opening.
  const high = closestLeg + 0.75 * (widestLeg - closestLeg);
  const low = closestLeg + 0.25 * (widestLeg - closestLeg);
  let times = 0;
  let open = false;
  let closedOnce = false;
  for (const d of smooth) {
    if (!Number.isFinite(d)) continue;
    if (!open && d >= high && closedOnce) open = true;
    else if (d <= low) {
      if (open) times++;
      open = false;
      closedOnce = true;
    }
  }
  return times >= MIN_TIMES ? { times, closestLeg, widestLeg } : null;
}

/** The clinician's sentence: why the feet's motion is not walking. */
export function feetApartSentence(feet: FeetApart): string {
  return `the feet moved apart and back together side by side ${feet.times} times (from ${feet.closestLeg.toFixed(1)} to ${feet.widestLeg.toFixed(1)} leg lengths apart in the picture, as in jumping) instead of taking turns to step`;
}
