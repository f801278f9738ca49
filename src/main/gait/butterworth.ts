// Zero-lag Butterworth low-pass (forward-backward filtering), the usual smoothing of gait
// trajectories (Winter). A filter of design order n run twice has effective order 2n, no phase lag,
// and would attenuate the cutoff to 1/2 instead of 1/sqrt(2); the cutoff is corrected so the
// zero-lag filter is -3 dB at the requested frequency.

export interface ButterworthOptions {
  /** -3 dB frequency of the zero-lag result, Hz. Default 6 Hz. */
  cutoffHz?: number;
  /** Order of the forward-backward result (even). 4 = a 2nd-order filter run forward and back. */
  effectiveOrder?: number;
}

interface Section {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

export function designLowPassSections(rateHz: number, cutoffHz: number, effectiveOrder: number): Section[] {
  if (!(rateHz > 0)) throw new RangeError(`Sampling rate must be positive, got ${rateHz} Hz.`);
  if (!(cutoffHz > 0) || cutoffHz >= rateHz / 2) {
    throw new RangeError(
      `Cutoff ${cutoffHz} Hz must lie between 0 and the Nyquist frequency ${rateHz / 2} Hz.`,
    );
  }
  if (effectiveOrder < 2 || effectiveOrder % 2 !== 0)
    throw new RangeError('Effective order must be an even number >= 2.');
  const n = effectiveOrder / 2;
  // Two passes square the magnitude: move the design cutoff so |H|^2 = 1/sqrt(2) at cutoffHz.
  const correction = Math.pow(Math.SQRT2 - 1, 1 / (2 * n));
  const k = Math.min(Math.tan((Math.PI * cutoffHz) / rateHz) / correction, 1e6);
  const sections: Section[] = [];
  for (let i = 0; i < Math.floor(n / 2); i++) {
    const theta = (Math.PI * (2 * i + 1)) / (2 * n);
    const q = 1 / (2 * Math.cos(theta));
    const norm = 1 / (1 + k / q + k * k);
    const b0 = k * k * norm;
    sections.push({ b0, b1: 2 * b0, b2: b0, a1: 2 * (k * k - 1) * norm, a2: (1 - k / q + k * k) * norm });
  }
  if (n % 2 === 1) {
    const b0 = k / (1 + k);
    sections.push({ b0, b1: b0, b2: 0, a1: (k - 1) / (k + 1), a2: 0 });
  }
  return sections;
}

function runSections(x: Float64Array, sections: Section[]): Float64Array {
  let y = x;
  for (const s of sections) {
    const out = new Float64Array(y.length);
    const v = y[0] ?? 0;
    // Start in the steady state of a constant input equal to the first sample (no start-up transient).
    let z2 = (s.b2 - s.a2) * v;
    let z1 = (s.b1 - s.a1) * v + z2;
    for (let i = 0; i < y.length; i++) {
      const xi = y[i]!;
      const yi = s.b0 * xi + z1;
      z1 = s.b1 * xi - s.a1 * yi + z2;
      z2 = s.b2 * xi - s.a2 * yi;
      out[i] = yi;
    }
    y = out;
  }
  return y;
}

function filtfiltSegment(x: Float64Array, sections: Section[]): Float64Array {
  const n = x.length;
  if (n < 4) return x.slice();
  const pad = Math.min(n - 1, 3 * (2 * sections.length + 1));
  // Odd (point-symmetric) extension keeps the ends from being pulled toward zero.
  const ext = new Float64Array(n + 2 * pad);
  const first = x[0]!;
  const last = x[n - 1]!;
  for (let i = 0; i < pad; i++) ext[i] = 2 * first - x[pad - i]!;
  ext.set(x, pad);
  for (let i = 0; i < pad; i++) ext[pad + n + i] = 2 * last - x[n - 2 - i]!;
  const fwd = runSections(ext, sections);
  fwd.reverse();
  const back = runSections(fwd, sections);
  back.reverse();
  return back.slice(pad, pad + n);
}

/**
 * Zero-lag low-pass of a signal sampled at rateHz. NaN samples split the signal: each finite
 * stretch is filtered on its own and missing samples stay missing.
 */
export function butterworthLowPass(
  signal: ArrayLike<number>,
  rateHz: number,
  options: ButterworthOptions = {},
): Float64Array {
  const cutoffHz = options.cutoffHz ?? 6;
  const sections = designLowPassSections(rateHz, cutoffHz, options.effectiveOrder ?? 4);
  const out = new Float64Array(signal.length).fill(NaN);
  let i = 0;
  while (i < signal.length) {
    if (!Number.isFinite(signal[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < signal.length && Number.isFinite(signal[j]!)) j++;
    const seg = Float64Array.from({ length: j - i }, (_, k) => signal[i + k]!);
    out.set(filtfiltSegment(seg, sections), i);
    i = j;
  }
  return out;
}
