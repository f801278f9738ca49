// Cross-correlation through the FFT, so minutes of 1 kHz envelopes correlate in milliseconds.

/** In-place iterative radix-2 FFT; re/im lengths must be the same power of two. */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const angle = ((inverse ? 2 : -2) * Math.PI) / len;
    const wRe = Math.cos(angle);
    const wIm = Math.sin(angle);
    for (let i = 0; i < n; i += len) {
      let curRe = 1;
      let curIm = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k;
        const b = a + len / 2;
        const tRe = re[b]! * curRe - im[b]! * curIm;
        const tIm = re[b]! * curIm + im[b]! * curRe;
        re[b] = re[a]! - tRe;
        im[b] = im[a]! - tIm;
        re[a] = re[a]! + tRe;
        im[a] = im[a]! + tIm;
        const nextRe = curRe * wRe - curIm * wIm;
        curIm = curRe * wIm + curIm * wRe;
        curRe = nextRe;
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < n; i++) {
      re[i] = re[i]! / n;
      im[i] = im[i]! / n;
    }
  }
}

function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}

export interface LagPeak {
  /** Samples to shift b by so it lines up with a: a[n] ~ b[n - lag]. Sub-sample (parabolic fit). */
  lag: number;
  peak: number;
  /** Peak over the strongest correlation further than `exclusion` samples from it (>= 1). */
  peakRatio: number;
}

/**
 * Lag that best aligns b with a, searched in [-maxLag, maxLag]. Signals are mean-removed first so
 * a constant level does not favour the largest overlap.
 */
export function bestLag(a: ArrayLike<number>, b: ArrayLike<number>, maxLag: number, exclusion = 20): LagPeak {
  const n = nextPow2(a.length + b.length);
  const meanA = mean(a);
  const meanB = mean(b);
  const aRe = new Float64Array(n);
  const aIm = new Float64Array(n);
  const bRe = new Float64Array(n);
  const bIm = new Float64Array(n);
  for (let i = 0; i < a.length; i++) aRe[i] = a[i]! - meanA;
  for (let i = 0; i < b.length; i++) bRe[i] = b[i]! - meanB;
  fft(aRe, aIm);
  fft(bRe, bIm);
  // A * conj(B) gives c[k] = sum_n a[n + k] b[n].
  for (let i = 0; i < n; i++) {
    const re = aRe[i]! * bRe[i]! + aIm[i]! * bIm[i]!;
    const im = aIm[i]! * bRe[i]! - aRe[i]! * bIm[i]!;
    aRe[i] = re;
    aIm[i] = im;
  }
  fft(aRe, aIm, true);
  const at = (lag: number): number => aRe[(lag + n) % n]!;
  const limit = Math.min(maxLag, n / 2 - 1);
  let bestK = 0;
  let best = -Infinity;
  for (let k = -limit; k <= limit; k++) {
    const v = at(k);
    if (v > best) {
      best = v;
      bestK = k;
    }
  }
  let second = 0;
  for (let k = -limit; k <= limit; k++) {
    if (Math.abs(k - bestK) > exclusion) second = Math.max(second, at(k));
  }
  const y0 = at(bestK - 1);
  const y2 = at(bestK + 1);
  const denom = y0 - 2 * best + y2;
  const frac = denom < 0 ? (0.5 * (y0 - y2)) / denom : 0;
  return {
    lag: bestK + (Math.abs(frac) < 1 ? frac : 0),
    peak: best,
    peakRatio: second > 0 ? best / second : best > 0 ? Infinity : 1,
  };
}

function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return x.length > 0 ? s / x.length : 0;
}
