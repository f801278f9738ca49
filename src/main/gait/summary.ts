// A short plain-text summary of one trial for the clinician: enough to see within a minute that
// the trial is usable (cycles found, pace, and the knee pattern that most often flags a problem).

import type { GaitAnalysis } from './analyse';
import { meanSd } from './cycles';
import { SIDES, type MeanSd, type Side } from './types';

export interface KneeSummary {
  side: Side;
  /** Largest knee flexion in swing (after foot off), degrees, mean and SD over cycles. */
  peakSwingFlexionDeg: MeanSd;
  /** Smallest knee flexion in stance (before foot off), degrees. */
  minStanceFlexionDeg: MeanSd;
  /** The leg was the far one from the side camera in every cycle used: low confidence. */
  farSide: boolean;
}

export function kneeSummary(analysis: Pick<GaitAnalysis, 'curves' | 'cycles'>): KneeSummary[] {
  return SIDES.map((side) => {
    const set = analysis.curves.find(
      (c) =>
        c.side === side &&
        c.variable === 'knee_flexion' &&
        (c.view === 'sagittal-camera' || c.view === '3d-sagittal'),
    );
    const peaks: number[] = [];
    const mins: number[] = [];
    if (set) {
      for (const curve of set.cycles) {
        if (curve.excluded) continue;
        const cycle = analysis.cycles.find((c) => c.side === side && c.index === curve.cycleIndex);
        if (!cycle?.footOffFrame) continue;
        const foPct = (100 * (cycle.footOffFrame - cycle.startFrame)) / (cycle.endFrame - cycle.startFrame);
        const stance = curve.values.filter((v, k) => set.percent[k]! <= foPct && Number.isFinite(v));
        const swing = curve.values.filter((v, k) => set.percent[k]! > foPct && Number.isFinite(v));
        if (stance.length) mins.push(Math.min(...stance));
        if (swing.length) peaks.push(Math.max(...swing));
      }
    }
    return {
      side,
      peakSwingFlexionDeg: meanSd(peaks),
      minStanceFlexionDeg: meanSd(mins),
      farSide: set?.farSide ?? false,
    };
  });
}

function fmt(m: MeanSd, decimals: number, unit: string): string {
  if (m.n === 0) return 'not available';
  return `${m.mean.toFixed(decimals)} ± ${m.sd.toFixed(decimals)} ${unit} (n = ${m.n})`;
}

export function textSummary(trial: string, analysis: GaitAnalysis): string {
  const st = analysis.spatiotemporal.bySide;
  const lines: string[] = [];
  lines.push(
    `Trial ${trial}: ${analysis.mode} walking, ${analysis.passes.length} pass(es), events by ${analysis.eventSource}.`,
  );
  for (const side of SIDES) {
    const all = analysis.cycles.filter((c) => c.side === side);
    const used = all.filter((c) => !c.excluded).length;
    lines.push(`${side === 'left' ? 'Left' : 'Right'}: ${used} of ${all.length} cycle(s) used.`);
  }
  for (const side of SIDES) {
    const S = side === 'left' ? 'Left' : 'Right';
    lines.push(
      `${S} cadence: ${fmt(st[side].cadenceStepsPerMin, 0, 'steps/min')}; speed: ${fmt(st[side].speedMps, 2, 'm/s')}.`,
    );
  }
  for (const k of kneeSummary(analysis)) {
    const S = k.side === 'left' ? 'Left' : 'Right';
    lines.push(
      `${S} knee flexion: peak in swing ${fmt(k.peakSwingFlexionDeg, 1, 'deg')}; minimum in stance ${fmt(k.minStanceFlexionDeg, 1, 'deg')}${k.farSide ? ' (far leg from the camera: low confidence)' : ''}.`,
    );
  }
  if (analysis.scale) lines.push(`Scale: ${analysis.scale.description}.`);
  for (const w of analysis.warnings) lines.push(`Note: ${w}`);
  return lines.join('\n') + '\n';
}
