// A short plain-text summary of one trial for the clinician: enough to see within a minute that
// the trial is usable (cycles found, pace, and the knee pattern that most often flags a problem).

import type { GaitAnalysis } from './analyse';
import { cycleFlagText } from '../../shared/analysis-notes';
import { meanSd, type GaitCycle } from './cycles';
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
  // One cycle has no spread: "± 0" would say it had none.
  const sd = m.n > 1 ? ` ± ${m.sd.toFixed(decimals)}` : '';
  return `${m.mean.toFixed(decimals)}${sd} ${unit} (n = ${m.n})`;
}

/** Frontal-plane variables a frontal camera gives, in the order a clinician reads them. */
const FRONTAL_VARIABLES = ['pelvic_obliquity', 'hip_abduction', 'knee_varus'] as const;

/** Per side: the range of each frontal-plane mean curve over the gait cycle, degrees. */
function frontalLines(analysis: GaitAnalysis): string[] {
  return SIDES.map((side) => {
    const parts = FRONTAL_VARIABLES.flatMap((variable) => {
      const set = analysis.curves.find((c) => c.side === side && c.variable === variable);
      const values = set?.mean.filter(Number.isFinite) ?? [];
      if (!set || values.length === 0) return [];
      return [
        `${set.label.toLowerCase()} ${Math.min(...values).toFixed(1)} to ${Math.max(...values).toFixed(1)} deg (n = ${set.includedCycles})`,
      ];
    });
    const S = side === 'left' ? 'Left' : 'Right';
    return `${S} frontal plane over the gait cycle (mean curve range): ${parts.length ? parts.join('; ') : 'not available'}.`;
  });
}

/** Flags that are notes on a cycle kept in the means, not reasons it was left out. */
const NOTE_FLAGS: ReadonlySet<string> = new Set(['far-side', 'foot-at-picture-edge']);

/** "cycle 2, stride far from ...": why an excluded cycle is not in the means (numbered from 1). */
function whyLeftOut(c: GaitCycle): string {
  const reasons = c.flags.filter((f) => !NOTE_FLAGS.has(f)).map(cycleFlagText);
  return `cycle ${c.index + 1}, ${reasons.join(', ') || 'excluded'}`;
}

export function textSummary(trial: string, analysis: GaitAnalysis): string {
  const st = analysis.spatiotemporal.bySide;
  const frontal = analysis.view === 'frontal';
  const lines: string[] = [];
  lines.push(
    `Trial ${trial}: ${analysis.mode} walking, ${analysis.passes.length} pass(es), ${
      frontal
        ? 'events given (from a side camera or by hand)'
        : analysis.eventSource === 'imported'
          ? 'events imported with the recording'
          : `events by ${analysis.eventSource}`
    }.`,
  );
  for (const side of SIDES) {
    const all = analysis.cycles.filter((c) => c.side === side);
    const used = all.filter((c) => !c.excluded).length;
    const why = all.filter((c) => c.excluded).map(whyLeftOut);
    lines.push(
      `${side === 'left' ? 'Left' : 'Right'}: ${used} of ${all.length} cycle(s) used${why.length ? ` (left out: ${why.join('; ')})` : ''}.`,
    );
  }
  for (const side of SIDES) {
    const S = side === 'left' ? 'Left' : 'Right';
    lines.push(
      `${S} cadence: ${fmt(st[side].cadenceStepsPerMin, 0, 'steps/min')}; speed: ${fmt(st[side].speedMps, 2, 'm/s')}.`,
    );
  }
  if (frontal) lines.push(...frontalLines(analysis));
  else
    for (const k of kneeSummary(analysis)) {
      const S = k.side === 'left' ? 'Left' : 'Right';
      lines.push(
        `${S} knee flexion: peak in swing ${fmt(k.peakSwingFlexionDeg, 1, 'deg')}; minimum in stance ${fmt(k.minStanceFlexionDeg, 1, 'deg')}${k.farSide ? ' (far leg from the camera: low confidence)' : ''}.`,
      );
    }
  // 3D data (markers, calibrated cameras) also sees the frontal plane and how wide the feet are
  // set: scissoring and a wide base are what a CP clinician looks for there.
  if (analysis.view === '3d') {
    lines.push(...frontalLines(analysis));
    lines.push(
      `Step width: left ${fmt(st.left.stepWidthM, 2, 'm')}; right ${fmt(st.right.stepWidthM, 2, 'm')}.`,
    );
  }
  if (analysis.treadmillBeltSpeedMps !== null)
    lines.push(
      `Lengths and speed: from the treadmill belt speed, ${analysis.treadmillBeltSpeedMps.toFixed(2)} m/s (length = belt speed x time).`,
    );
  else if (analysis.scale && !frontal) lines.push(`Scale: ${analysis.scale.description}.`);
  for (const w of analysis.warnings) lines.push(`Note: ${w}`);
  return lines.join('\n') + '\n';
}
