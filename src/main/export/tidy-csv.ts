// Tidy (long) CSV of a trial analysis: one row per trial, side, cycle, percent and variable, with
// units, so research tools (R, pandas) read it without reshaping. Cycle "mean"/"sd" rows carry the
// side's average over included cycles; spatiotemporal parameters have an empty percent.
import type { TrialAnalysisView } from '../../shared/api/analysis-types';

export const TIDY_CSV_HEADER = ['trial', 'side', 'cycle', 'percent', 'variable', 'value', 'unit'] as const;

function cell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Math.round(v * 1e4) / 1e4) : '';
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function tidyCsvRows(trial: string, a: TrialAnalysisView): Array<Array<string | number | null>> {
  const rows: Array<Array<string | number | null>> = [];
  for (const curve of a.curves) {
    for (const c of curve.cycles) {
      if (c.excluded) continue;
      c.values.forEach((v, i) =>
        rows.push([trial, curve.side, c.cycleIndex, curve.percent[i] ?? null, curve.variable, v, 'deg']),
      );
    }
    curve.mean.forEach((v, i) =>
      rows.push([trial, curve.side, 'mean', curve.percent[i] ?? null, curve.variable, v, 'deg']),
    );
    curve.sd.forEach((v, i) =>
      rows.push([trial, curve.side, 'sd', curve.percent[i] ?? null, curve.variable, v, 'deg']),
    );
  }
  for (const p of a.parameters) {
    for (const side of ['left', 'right'] as const) {
      const s = p[side];
      if (s.n === 0) continue;
      rows.push([trial, side, 'mean', null, p.parameter, s.mean, p.unit]);
      rows.push([trial, side, 'sd', null, p.parameter, s.sd, p.unit]);
    }
  }
  return rows;
}

export function tidyCsv(trial: string, a: TrialAnalysisView): string {
  const lines = [TIDY_CSV_HEADER.join(',')];
  for (const r of tidyCsvRows(trial, a)) lines.push(r.map(cell).join(','));
  return `${lines.join('\n')}\n`;
}
