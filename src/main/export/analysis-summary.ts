// The few numbers a clinician checks first, as text lines with units: cycles per side, cadence,
// speed, and knee flexion peak in swing and minimum in stance.
import type { CurveView, TrialAnalysisView } from '../../shared/api/analysis-types';

const f = (v: number | null | undefined, digits: number): string =>
  v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : v.toFixed(digits);

function stancePeakSwing(
  curve: CurveView | undefined,
  footOffPct: number | null,
): { stanceMin: number | null; swingPeak: number | null } {
  if (!curve) return { stanceMin: null, swingPeak: null };
  const split = footOffPct ?? 60;
  let stanceMin: number | null = null;
  let swingPeak: number | null = null;
  curve.mean.forEach((v, i) => {
    const pct = curve.percent[i] ?? 0;
    if (v === null) return;
    if (pct <= split) stanceMin = stanceMin === null ? v : Math.min(stanceMin, v);
    else swingPeak = swingPeak === null ? v : Math.max(swingPeak, v);
  });
  return { stanceMin, swingPeak };
}

export interface SideSummary {
  side: 'left' | 'right';
  cycles: number;
  cadenceStepsPerMin: number | null;
  speedMps: number | null;
  kneeFlexionSwingPeakDeg: number | null;
  kneeFlexionStanceMinDeg: number | null;
}

export function summariseSides(a: TrialAnalysisView): SideSummary[] {
  const param = (name: string, side: 'left' | 'right') =>
    a.parameters.find((p) => p.parameter === name)?.[side].mean ?? null;
  return (['left', 'right'] as const).map((side) => {
    const knee = a.curves.find((c) => c.variable === 'knee_flexion' && c.side === side);
    const { stanceMin, swingPeak } = stancePeakSwing(knee, param('footOffPct', side));
    return {
      side,
      cycles: a.cycles.filter((c) => c.side === side && !c.excluded).length,
      cadenceStepsPerMin: param('cadenceStepsPerMin', side),
      speedMps: param('speedMps', side),
      kneeFlexionSwingPeakDeg: swingPeak,
      kneeFlexionStanceMinDeg: stanceMin,
    };
  });
}

export function summaryLines(a: TrialAnalysisView): string[] {
  if (a.status === 'failed') return [`Analysis failed: ${a.message}`];
  const lines = [
    `Frames: ${a.frameCount} at ${f(a.fps, 2)} fps; ${a.passes.length} walking pass(es); events ${a.eventsEditedByHand ? 'edited by hand' : 'detected automatically'}`,
    `Scale: ${a.scale ? a.scale.description : 'none (distances and speed not reported: give the patient height in metres)'}`,
  ];
  for (const s of summariseSides(a)) {
    lines.push(
      `${s.side.padEnd(5)}: ${s.cycles} cycles, cadence ${f(s.cadenceStepsPerMin, 1)} steps/min, speed ${f(s.speedMps, 2)} m/s, ` +
        `knee flexion peak in swing ${f(s.kneeFlexionSwingPeakDeg, 1)} deg, minimum in stance ${f(s.kneeFlexionStanceMinDeg, 1)} deg`,
    );
  }
  if (a.lowConfidenceFrames.length > 0)
    lines.push(`Low-confidence frames (review them): ${a.lowConfidenceFrames.length}`);
  for (const w of a.warnings) lines.push(`Warning: ${w}`);
  return lines;
}
