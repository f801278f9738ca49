// A camera in front of or behind the walkway sees the walk end-on: the pelvis hardly crosses the
// picture, so pass detection finds no walking and the analysis used to say that the subject did
// not walk and the feet did not cycle, both untrue. What such a camera does show is the body
// growing in the picture (walking toward it) or shrinking (walking away) while the feet take turns
// to lead, the leading foot lower in the picture toward the camera and higher away from it (and
// higher while it swings): that is enough to say what was filmed and to count the steps, not to
// time a landing (see services/frontal-events.ts: a front or back camera takes its events from a
// side camera).

import { butterworthLowPass } from './butterworth';
import { dominantPeriodFrames, median } from './peaks';
import { LONGEST_PLAUSIBLE_STRIDE_S, SHORTEST_PLAUSIBLE_STRIDE_S } from './stride-clock';

export interface EndOnInput {
  rateHz: number;
  /** Apparent leg length per frame (thigh + shank in the picture), px; NaN where not tracked. */
  legLengthPx: ArrayLike<number>;
  /** Heel heights in the picture per frame (image y, down), px; NaN where not tracked. */
  leftHeelYPx: ArrayLike<number>;
  rightHeelYPx: ArrayLike<number>;
}

export interface EndOnWalk {
  /**
   * Toward the camera (the body grows), away from it (shrinks), toward it and back away (a
   * corridor's turn at the camera's end), away and back, or stepping in place (a treadmill).
   */
  travel: 'toward' | 'away' | 'toward-and-back' | 'away-and-back' | 'in-place';
  /** Median apparent leg length over the first, middle and last third of the tracked frames, px. */
  legPx: [number, number, number];
  /** Mean time between the same foot's turns to lead, s: one stride (two steps counted as lead changes). */
  strideS: number;
}

/** The body grows or shrinks by at least this factor between thirds of the recording to count as travel. */
const TRAVEL_SIZE_RATIO = 1.2;
/** Turns the feet take to lead (a stride is two), below which nobody is said to step. */
const MIN_LEAD_CHANGES = 4;
/** The leading foot's lead, in leg lengths, that counts as a step (not noise or a weight shift). */
const MIN_LEAD_LEG = 0.05;
/** How alike one stride's lead must be to the next's (autocorrelation at the stride). */
const MIN_STRIDE_CORRELATION = 0.5;

/**
 * Whether a camera's track, in which no walking across the picture was found, shows stepping seen
 * end-on; null when it does not (the subject stood, or is not tracked well enough to tell).
 */
export function endOnWalk(input: EndOnInput): EndOnWalk | null {
  const n = input.legLengthPx.length;
  const tracked: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(input.legLengthPx[i]!)) tracked.push(i);
  if (tracked.length < input.rateHz) return null;
  const third = Math.floor(tracked.length / 3);
  const legOver = (frames: number[]) => median(frames.map((i) => input.legLengthPx[i]!));
  const legPx: [number, number, number] = [
    legOver(tracked.slice(0, third)),
    legOver(tracked.slice(third, -third)),
    legOver(tracked.slice(-third)),
  ];
  if (!legPx.every((l) => l > 0)) return null;

  // Which foot leads, in leg lengths so that growing in the picture does not grow the lead; smoothed
  // at 3 Hz, above a brisk walk's two steps a second, so that landmark jitter weighs less.
  const lead = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++)
    lead[i] = (input.leftHeelYPx[i]! - input.rightHeelYPx[i]!) / input.legLengthPx[i]!;
  const smooth = butterworthLowPass(lead, input.rateHz, { cutoffHz: Math.min(3, input.rateHz / 4) });
  const steps = leadChanges(smooth);
  if (steps.length < MIN_LEAD_CHANGES) return null;
  // Steps repeat stride after stride; a standing subject's jittery landmarks change lead at random.
  const repeats = dominantPeriodFrames(
    smooth,
    0,
    n,
    Math.round(SHORTEST_PLAUSIBLE_STRIDE_S * input.rateHz),
    Math.round(LONGEST_PLAUSIBLE_STRIDE_S * input.rateHz),
    MIN_STRIDE_CORRELATION,
  );
  if (repeats === null) return null;

  const [start, middle, end] = legPx;
  const grew = (from: number, to: number) => to / from >= TRAVEL_SIZE_RATIO;
  const travel = grew(start, end)
    ? 'toward'
    : grew(end, start)
      ? 'away'
      : grew(start, middle) && grew(end, middle)
        ? 'toward-and-back'
        : grew(middle, start) && grew(middle, end)
          ? 'away-and-back'
          : 'in-place';
  // The stride from the steps counted (the autocorrelation's peak may lie at a multiple of it).
  const stepS = (steps[steps.length - 1]! - steps[0]!) / (steps.length - 1) / input.rateHz;
  return { travel, legPx, strideS: 2 * stepS };
}

/** Frames at which the other foot takes the lead (with hysteresis about the median lead): steps. */
function leadChanges(lead: Float64Array): number[] {
  const values = Array.from(lead).filter(Number.isFinite);
  if (values.length < 3) return [];
  const mid = median(values);
  const changes: number[] = [];
  let last = 0;
  lead.forEach((v, frame) => {
    const state = v > mid + MIN_LEAD_LEG / 2 ? 1 : v < mid - MIN_LEAD_LEG / 2 ? -1 : 0;
    if (state === 0 || state === last) return;
    if (last !== 0) changes.push(frame);
    last = state;
  });
  return changes;
}

/** How the subject went, as the sentences below say it. */
const WAY: Record<EndOnWalk['travel'], string> = {
  toward: 'walked toward the camera',
  away: 'walked away from the camera',
  'toward-and-back': 'walked toward the camera and back away from it',
  'away-and-back': 'walked away from the camera and back toward it',
  'in-place': 'stepped in place facing toward or away from the camera (on a treadmill?)',
};

/** The clinician's sentence for an end-on walk (the recording gives no gait cycles). */
export function endOnWalkMessage(walk: EndOnWalk): string {
  const [a, b, c] = walk.legPx.map((l) => l.toFixed(0));
  const size =
    walk.travel === 'toward' || walk.travel === 'away'
      ? ` (the legs went from ${a} to ${c} px long in the picture)`
      : walk.travel === 'in-place'
        ? ''
        : ` (the legs went from ${a} to ${b} px long in the picture and back to ${c})`;
  return `The subject ${WAY[walk.travel]}, not across it${size}, ${pace(walk)}: seen from in front or behind, a foot's landing cannot be timed, so this camera alone gives no gait cycles. Film the walk from the side, at right angles to the walkway. A camera in front or behind can join a side camera in the same lab trial as its frontal or posterior camera: its hip abduction, pelvic obliquity and knee valgus then use the side camera's gait events.`;
}

/** "at about 112 steps/min (the same foot leads again every 1.07 s)". */
function pace(walk: EndOnWalk): string {
  return `at about ${Math.round(120 / walk.strideS)} steps/min (the same foot leads again every ${walk.strideS.toFixed(2)} s)`;
}

/** What a frontal camera without gait events can still say: which way, and the cadence. */
export function endOnPaceSentence(walk: EndOnWalk): string {
  return `From this camera: the subject ${WAY[walk.travel]} ${pace(walk)}.`;
}
