// Zero-phase low-pass for landmark tracks (2nd-order Butterworth run forwards and backwards, as
// gait labs filter marker data). Removes frame-to-frame jitter of the landmark model without the
// lag a causal filter adds. Each run of valid frames is filtered on its own; runs too short to
// filter are left as they are.

interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

export function butterworthLowPass(cutoffHz: number, sampleHz: number): Biquad {
  const k = Math.tan((Math.PI * cutoffHz) / sampleHz);
  const q = Math.SQRT1_2;
  const norm = 1 / (1 + k / q + k * k);
  const b0 = k * k * norm;
  return { b0, b1: 2 * b0, b2: b0, a1: 2 * (k * k - 1) * norm, a2: (1 - k / q + k * k) * norm };
}

function runFilter(f: Biquad, x: Float64Array): Float64Array {
  const y = new Float64Array(x.length);
  // Start in steady state at the first sample so the edge does not ring.
  let x1 = x[0]!;
  let x2 = x[0]!;
  let y1 = x[0]!;
  let y2 = x[0]!;
  for (let i = 0; i < x.length; i++) {
    const v = f.b0 * x[i]! + f.b1 * x1 + f.b2 * x2 - f.a1 * y1 - f.a2 * y2;
    x2 = x1;
    x1 = x[i]!;
    y2 = y1;
    y1 = v;
    y[i] = v;
  }
  return y;
}

/** Filters `values` (one series, NaN = gap) in place. */
export function filtfiltSeries(values: Float32Array | Float64Array, f: Biquad, minRun = 9): void {
  const n = values.length;
  let i = 0;
  while (i < n) {
    while (i < n && !Number.isFinite(values[i]!)) i++;
    let j = i;
    while (j < n && Number.isFinite(values[j]!)) j++;
    const len = j - i;
    if (len >= minRun) {
      // Odd reflection at both ends (as scipy's filtfilt pads) keeps the ends unbiased.
      const pad = Math.min(len - 1, 12);
      const ext = new Float64Array(len + 2 * pad);
      const first = values[i]!;
      const last = values[j - 1]!;
      for (let k = 0; k < pad; k++) ext[k] = 2 * first - values[i + pad - k]!;
      for (let k = 0; k < len; k++) ext[pad + k] = values[i + k]!;
      for (let k = 0; k < pad; k++) ext[pad + len + k] = 2 * last - values[j - 2 - k]!;
      const fwd = runFilter(f, ext);
      fwd.reverse();
      const back = runFilter(f, fwd);
      back.reverse();
      for (let k = 0; k < len; k++) values[i + k] = back[pad + k]!;
    }
    i = j;
  }
}

/** Smooths every landmark's x and y over time (flat frame-major arrays, `points` per frame). */
export function smoothTrack(
  xPx: Float32Array,
  yPx: Float32Array,
  frames: number,
  points: number,
  cutoffHz: number,
  fps: number,
): void {
  if (!(cutoffHz > 0) || cutoffHz >= fps / 2) return;
  const f = butterworthLowPass(cutoffHz, fps);
  const series = new Float64Array(frames);
  for (const arr of [xPx, yPx]) {
    for (let p = 0; p < points; p++) {
      for (let t = 0; t < frames; t++) series[t] = arr[t * points + p]!;
      filtfiltSeries(series, f);
      for (let t = 0; t < frames; t++) arr[t * points + p] = series[t]!;
    }
  }
}
