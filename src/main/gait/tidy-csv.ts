// Tidy (long) CSV of a gait analysis: one row per trial x side x cycle x percent x variable for the
// normalised curves, and one per trial x side x cycle x variable (percent empty) for the
// spatiotemporal parameters of each cycle: the layout statistics packages read without reshaping.
// Means and SDs are not written: they are the rows' own, and a mean row among observations would be
// counted as one.

import type { CycleCurveSet, GaitAnalysis } from './analyse';
import { SPATIOTEMPORAL_KEYS, SPATIOTEMPORAL_UNITS } from './spatiotemporal';

export const TIDY_CSV_COLUMNS = ['trial', 'side', 'cycle', 'percent', 'variable', 'value', 'unit'] as const;

export interface TidyCsvOptions {
  /**
   * Include the curves of cycles flagged or excluded (default false: only cycles that enter the
   * means). Spatiotemporal rows are always those of the cycles that enter the means.
   */
  includeExcluded?: boolean;
  /** Decimals of the value column (default 3). */
  decimals?: number;
  /** Append the view to the variable name (e.g. knee_flexion@3d-sagittal); default only when two views share a variable. */
  qualifyView?: boolean;
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function variableName(c: CycleCurveSet, all: readonly CycleCurveSet[], qualify: boolean | undefined): string {
  const ambiguous = all.some(
    (o) => o !== c && o.variable === c.variable && o.side === c.side && o.view !== c.view,
  );
  return qualify || ambiguous ? `${c.variable}@${c.view}` : c.variable;
}

/**
 * Cycles are numbered from 1 per side, as a clinician counts them. Missing curve values are empty
 * cells; a spatiotemporal parameter a cycle does not have (a length without a scale) has no row.
 * Spatiotemporal variables are named as in the analysis JSON (`strideLengthM`, `cadenceStepsPerMin`).
 */
export function tidyCsv(
  trial: string,
  analysis: Pick<GaitAnalysis, 'curves'> & Partial<Pick<GaitAnalysis, 'spatiotemporal'>>,
  options: TidyCsvOptions = {},
): string {
  const decimals = options.decimals ?? 3;
  const lines: string[] = [TIDY_CSV_COLUMNS.join(',')];
  for (const set of analysis.curves) {
    const name = variableName(set, analysis.curves, options.qualifyView);
    for (const cycle of set.cycles) {
      if (cycle.excluded && !options.includeExcluded) continue;
      cycle.values.forEach((v, k) => {
        const pct = set.percent[k]!;
        lines.push(
          [
            csvCell(trial),
            set.side,
            String(cycle.cycleIndex + 1),
            String(Math.round(pct * 1000) / 1000),
            csvCell(name),
            Number.isFinite(v) ? v.toFixed(decimals) : '',
            set.unit,
          ].join(','),
        );
      });
    }
  }
  for (const c of analysis.spatiotemporal?.perCycle ?? [])
    for (const p of SPATIOTEMPORAL_KEYS) {
      const v = c[p];
      if (v === null || !Number.isFinite(v)) continue;
      lines.push(
        [
          csvCell(trial),
          c.side,
          String(c.cycleIndex + 1),
          '',
          p,
          v.toFixed(decimals),
          SPATIOTEMPORAL_UNITS[p],
        ].join(','),
      );
    }
  return lines.join('\n') + '\n';
}
