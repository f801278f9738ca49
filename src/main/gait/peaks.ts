// Peak picking for gait signals that oscillate once per stride.

export interface PeakOptions {
  /** Peaks closer than this keep only the larger one, frames. */
  minSeparationFrames: number;
  /** Minimum rise above the lowest value within `prominenceWindowFrames` on either side. */
  minProminence: number;
  prominenceWindowFrames: number;
  /**
   * Peaks closer than this fraction of the median peak interval keep only the larger one
   * (default 0.6): a gait signal peaks once per stride, so a peak half a stride after another is
   * noise or a swapped landmark. 0 disables it.
   */
  minFractionOfMedianInterval?: number;
}

/**
 * Local maxima of signal[start, end) as fractional frame indices (parabolic vertex through the
 * three samples around the peak, for a sub-frame estimate). NaN samples are never peaks, and a
 * peak must have finite neighbours so that a truncated slope at a data edge is not taken for one.
 */
export function findPeaks(
  signal: ArrayLike<number>,
  start: number,
  end: number,
  opts: PeakOptions,
): number[] {
  const w = Math.max(1, Math.round(opts.minSeparationFrames / 2));
  const candidates: number[] = [];
  for (let i = Math.max(start + 1, 1); i < Math.min(end - 1, signal.length - 1); i++) {
    const v = signal[i]!;
    const a = signal[i - 1]!;
    const b = signal[i + 1]!;
    if (!Number.isFinite(v) || !Number.isFinite(a) || !Number.isFinite(b)) continue;
    if (!(v >= a && v > b)) continue;
    let isMax = true;
    for (let k = Math.max(start, i - w); k < Math.min(end, i + w + 1); k++) {
      const s = signal[k]!;
      if (Number.isFinite(s) && (s > v || (s === v && k < i))) {
        isMax = false;
        break;
      }
    }
    if (!isMax) continue;
    let minLeft = Infinity;
    let minRight = Infinity;
    for (let k = Math.max(start, i - opts.prominenceWindowFrames); k < i; k++) {
      const s = signal[k]!;
      if (Number.isFinite(s)) minLeft = Math.min(minLeft, s);
    }
    for (let k = i + 1; k < Math.min(end, i + opts.prominenceWindowFrames + 1); k++) {
      const s = signal[k]!;
      if (Number.isFinite(s)) minRight = Math.min(minRight, s);
    }
    // One-sided prominence is enough near the edges of a pass.
    const prom = v - Math.min(minLeft, minRight);
    const promBoth =
      Number.isFinite(minLeft) && Number.isFinite(minRight) ? v - Math.max(minLeft, minRight) : prom;
    if (promBoth < opts.minProminence * 0.5 || prom < opts.minProminence) continue;
    candidates.push(i);
  }
  // Enforce separation, keeping the higher peak.
  const kept: number[] = [];
  for (const i of candidates) {
    const last = kept[kept.length - 1];
    if (last !== undefined && i - last < opts.minSeparationFrames) {
      if (signal[i]! > signal[last]!) kept[kept.length - 1] = i;
    } else kept.push(i);
  }
  const frac = opts.minFractionOfMedianInterval ?? 0.6;
  let final = kept;
  if (frac > 0 && kept.length >= 4) {
    const intervals = kept
      .slice(1)
      .map((v, k) => v - kept[k]!)
      .sort((a, b) => a - b);
    const minGap = frac * intervals[Math.floor(intervals.length / 2)]!;
    final = [];
    for (const i of kept) {
      const last = final[final.length - 1];
      if (last !== undefined && i - last < minGap) {
        if (signal[i]! > signal[last]!) final[final.length - 1] = i;
      } else final.push(i);
    }
  }
  return final.map((i) => i + parabolicOffset(signal[i - 1]!, signal[i]!, signal[i + 1]!));
}

/**
 * The signal's repeat period in frames: the lag, between `minLagFrames` and `maxLagFrames`, of the
 * highest autocorrelation after it first turns negative (NaN samples skipped); null when it never
 * does (no oscillation to measure), or when that highest is below `minCorrelation` (no repeat
 * within the lags searched).
 */
export function dominantPeriodFrames(
  signal: ArrayLike<number>,
  start: number,
  end: number,
  minLagFrames: number,
  maxLagFrames: number,
  minCorrelation = -Infinity,
): number | null {
  let sum = 0;
  let count = 0;
  for (let i = start; i < end; i++)
    if (Number.isFinite(signal[i]!)) {
      sum += signal[i]!;
      count++;
    }
  if (count < 3) return null;
  const mean = sum / count;
  const r = (lag: number): number => {
    let num = 0;
    let den = 0;
    for (let i = start; i + lag < end; i++) {
      const a = signal[i]! - mean;
      const b = signal[i + lag]! - mean;
      if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
      num += a * b;
      den += (a * a + b * b) / 2;
    }
    return den > 0 ? num / den : NaN;
  };
  let turned = false;
  let best: number | null = null;
  let bestR = -Infinity;
  for (let lag = 1; lag <= Math.min(maxLagFrames, end - start - 2); lag++) {
    const v = r(lag);
    if (!Number.isFinite(v)) continue;
    if (!turned) {
      turned = v < 0;
      continue;
    }
    if (lag >= minLagFrames && v > bestR) {
      bestR = v;
      best = lag;
    }
  }
  return bestR >= minCorrelation ? best : null;
}

export function parabolicOffset(a: number, b: number, c: number): number {
  const den = a - 2 * b + c;
  if (den === 0 || !Number.isFinite(den)) return 0;
  const o = (0.5 * (a - c)) / den;
  return Math.max(-0.5, Math.min(0.5, o));
}

/** Value at a fractional index by linear interpolation (NaN if a neighbour is missing). */
export function sampleAt(signal: ArrayLike<number>, frame: number): number {
  const i = Math.floor(frame);
  const t = frame - i;
  const a = signal[i];
  if (a === undefined) return NaN;
  if (t === 0) return a;
  const b = signal[i + 1];
  if (b === undefined) return NaN;
  return a + (b - a) * t;
}

/**
 * The 5th and 95th percentiles of the finite values in [start, end) (the nearest rank); undefined
 * with fewer than two.
 */
export function robustBounds(
  signal: ArrayLike<number>,
  start = 0,
  end = signal.length,
): { p5: number; p95: number } | undefined {
  const v: number[] = [];
  for (let i = start; i < end; i++) if (Number.isFinite(signal[i]!)) v.push(signal[i]!);
  if (v.length < 2) return undefined;
  v.sort((a, b) => a - b);
  const q = (p: number) => v[Math.min(v.length - 1, Math.max(0, Math.round(p * (v.length - 1))))]!;
  return { p5: q(0.05), p95: q(0.95) };
}

/** 5th and 95th percentile range of the finite values in [start, end). */
export function robustRange(signal: ArrayLike<number>, start: number, end: number): number {
  const b = robustBounds(signal, start, end);
  return b ? b.p95 - b.p5 : 0;
}

export function median(values: ArrayLike<number>): number {
  const v: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) v.push(values[i]!);
  if (v.length === 0) return NaN;
  v.sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}
