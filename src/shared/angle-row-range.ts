// The vertical range of a joint's row in the review's angles-over-time chart: pure, so it is
// tested with numbers (tests/unit/review).
import type { AngleTimeSeriesView, CycleView, GaitEventView, TrialAnalysisView } from './api/analysis-types';

/** A walking pass's frames. */
export type PassSpan = Pick<TrialAnalysisView['passes'][number], 'startFrame' | 'endFrame'>;

/**
 * Frames from the first to the last gait event of each walking pass (of all events, when no pass
 * holds two): where the gait cycles are.
 */
export function eventSpans(
  events: readonly GaitEventView[],
  passes: readonly PassSpan[],
): Array<[number, number]> {
  const span = (es: readonly GaitEventView[]): [number, number] => [
    Math.floor(Math.min(...es.map((e) => e.frame))),
    Math.ceil(Math.max(...es.map((e) => e.frame))),
  ];
  const perPass = passes
    .map((p) => events.filter((e) => e.frame >= p.startFrame && e.frame <= p.endFrame))
    .filter((es) => es.length >= 2)
    .map(span);
  return perPass.length > 0 ? perPass : events.length >= 2 ? [span(events)] : [];
}

/** Fewer frames than this are too little to fit a row to. */
const MIN_FITTED_FRAMES = 10;

/**
 * The vertical range of one joint's row: what the angles do between the first and the last gait
 * event of each walking pass (confident frames only), with a margin. A subject entering or leaving
 * the picture, or turning between passes, can throw landmarks about and draw +-180 deg spikes that
 * would flatten the gait cycles to a line; those parts run off the row instead. Undefined
 * (autorange) when there is too little to fit: under a third of a second at 30 frames/s, not a gait
 * cycle but the ends of one (the frames past the last cycle of a pass whose cycles are set aside).
 */
export function fittedRange(
  series: readonly AngleTimeSeriesView[],
  spans: ReadonlyArray<[number, number]>,
  lowConfidence: ReadonlySet<number>,
): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  // Frames of the longest-drawn side: the row is fitted to a gait cycle if either side has one.
  let frames = 0;
  for (const s of series) {
    let drawn = 0;
    for (const [first, last] of spans)
      for (let f = Math.max(0, first); f <= Math.min(last, s.values.length - 1); f++) {
        const v = s.values[f];
        if (v === null || v === undefined || lowConfidence.has(f)) continue;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
        drawn++;
      }
    frames = Math.max(frames, drawn);
  }
  if (!(hi > lo) || frames < MIN_FITTED_FRAMES) return undefined;
  const margin = Math.max(5, 0.1 * (hi - lo));
  return [lo - margin, hi + margin];
}

/**
 * Cycle flags that say the angles themselves are wrong there, not only the cycle's events or
 * lengths: a pass walked backward (the angles take the direction of travel as forward) and a trunk
 * cut off at the picture's top edge (hips misplaced).
 */
const WRONG_ANGLE_FLAGS: ReadonlySet<string> = new Set(['walking-backward', 'trunk-cut-off']);

/**
 * The frames of the cycles left out because their angles are wrong (first and last frame of each,
 * overlapping cycles of the two sides merged): drawn greyed, and not fitted to a row's range.
 */
export function wrongAngleSpans(
  cycles: ReadonlyArray<Pick<CycleView, 'startFrame' | 'endFrame' | 'flags'>>,
): Array<[number, number]> {
  const spans = cycles
    .filter((c) => c.flags.some((f) => WRONG_ANGLE_FLAGS.has(f)))
    .map((c): [number, number] => [Math.floor(c.startFrame), Math.ceil(c.endFrame)])
    .sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1] + 1) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}
