// Winter's residual analysis (Biomechanics and Motor Control of Human Movement, 4th ed., 2009,
// section 3.4.4.3): the low-pass cutoff a signal's own noise allows. The RMS residual between the
// signal and its filtered version falls as the cutoff rises; above the signal's bandwidth only noise
// is removed, and for broadband noise the residual then falls on a straight line to zero at the
// Nyquist frequency. That line, extrapolated to 0 Hz, estimates the noise RMS; the cutoff at which
// the residual has come down to that level removes about as much signal distortion as it lets noise
// through. Clean marker data get a high cutoff, jittery video landmarks a low one.

import { butterworthLowPass } from './butterworth';

export interface ResidualAnalysisOptions {
  /** Cutoffs tried, as a number of steps up to 0.95 x Nyquist (default 100). */
  steps?: number;
  /** Part of the Nyquist band assumed to hold only noise, where the line is fitted (default [0.5, 0.9]). */
  noiseBand?: readonly [number, number];
}

export interface ResidualAnalysis {
  /** Lowest tried cutoff whose residual is at most the noise estimate; undefined if none (no noise). */
  cutoffHz: number | undefined;
  /** Noise RMS estimate (intercept of the line), signal units. */
  noiseRms: number;
  /** Cutoffs tried and their RMS residuals. */
  cutoffsHz: number[];
  residuals: number[];
}

/**
 * Residual analysis of one signal (NaN = missing: each finite stretch is filtered separately).
 * Returns undefined when fewer than 20 samples are finite.
 */
export function residualAnalysis(
  signal: ArrayLike<number>,
  rateHz: number,
  options: ResidualAnalysisOptions = {},
): ResidualAnalysis | undefined {
  let finite = 0;
  for (let i = 0; i < signal.length; i++) if (Number.isFinite(signal[i]!)) finite++;
  if (finite < 20 || !(rateHz > 0)) return undefined;
  const nyquist = rateHz / 2;
  const steps = Math.max(10, Math.round(options.steps ?? 100));
  const [lo, hi] = options.noiseBand ?? [0.5, 0.9];
  const cutoffsHz: number[] = [];
  const residuals: number[] = [];
  for (let k = 1; k <= steps; k++) {
    const fc = (0.95 * nyquist * k) / steps;
    const y = butterworthLowPass(signal, rateHz, { cutoffHz: fc });
    let s = 0;
    let n = 0;
    for (let i = 0; i < y.length; i++) {
      const d = signal[i]! - y[i]!;
      if (Number.isFinite(d)) {
        s += d * d;
        n++;
      }
    }
    cutoffsHz.push(fc);
    residuals.push(n ? Math.sqrt(s / n) : NaN);
  }
  // Least-squares line through the residuals of the noise band.
  let sf = 0;
  let sr = 0;
  let m = 0;
  for (let k = 0; k < steps; k++) {
    if (cutoffsHz[k]! < lo * nyquist || cutoffsHz[k]! > hi * nyquist) continue;
    sf += cutoffsHz[k]!;
    sr += residuals[k]!;
    m++;
  }
  const mf = sf / m;
  const mr = sr / m;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < steps; k++) {
    if (cutoffsHz[k]! < lo * nyquist || cutoffsHz[k]! > hi * nyquist) continue;
    sxy += (cutoffsHz[k]! - mf) * (residuals[k]! - mr);
    sxx += (cutoffsHz[k]! - mf) ** 2;
  }
  const noiseRms = sxx > 0 ? mr - (sxy / sxx) * mf : mr;
  let cutoffHz: number | undefined;
  if (noiseRms > 0) {
    const k = residuals.findIndex((r) => r <= noiseRms);
    if (k >= 0) cutoffHz = cutoffsHz[k];
  }
  return { cutoffHz, noiseRms, cutoffsHz, residuals };
}
