// The vertical range of a joint's row in the review's angles-over-time chart: pure, so it is
// tested with numbers (tests/unit/review).
import type { AngleTimeSeriesView, GaitEventView, TrialAnalysisView } from './api/analysis-types';

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

/**
 * The vertical range of one joint's row: what the angles do between the first and the last gait
 * event of each walking pass (confident frames only), with a margin. A subject entering or leaving
 * the picture, or turning between passes, can throw landmarks about and draw +-180 deg spikes that
 * would flatten the gait cycles to a line; those parts run off the row instead. Undefined
 * (autorange) when there is too little to fit.
 */
export function fittedRange(
  series: readonly AngleTimeSeriesView[],
  spans: ReadonlyArray<[number, number]>,
  lowConfidence: ReadonlySet<number>,
): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series)
    for (const [first, last] of spans)
      for (let f = Math.max(0, first); f <= Math.min(last, s.values.length - 1); f++) {
        const v = s.values[f];
        if (v === null || v === undefined || lowConfidence.has(f)) continue;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  if (!(hi > lo)) return undefined;
  const margin = Math.max(5, 0.1 * (hi - lo));
  return [lo - margin, hi + margin];
}
