// Filling of short dropouts. Markers and landmarks vanish for a few frames (occlusion by the other
// leg, motion blur); a cubic through the neighbours is close to the true path for up to ~0.2 s of
// walking. Longer gaps are left missing and reported, because inventing a swing phase is worse than
// admitting the data are not there.

export interface Gap {
  /** First missing frame (index into the array). */
  startFrame: number;
  /** One past the last missing frame. */
  endFrame: number;
  durationS: number;
}

export interface GapFillResult {
  values: Float64Array;
  /** Gaps that were filled. */
  filled: Gap[];
  /** Gaps left missing: longer than the limit, or touching the start or end of the recording. */
  unfilled: Gap[];
}

export interface GapFillOptions {
  /** Longest gap to fill, seconds. Default 0.2 s. */
  maxGapS?: number;
  method?: 'cubic' | 'linear';
}

/** Fills interior NaN runs of at most maxGapS with a cubic (or linear) interpolant. */
export function fillGaps(
  signal: ArrayLike<number>,
  rateHz: number,
  options: GapFillOptions = {},
): GapFillResult {
  const maxGapFrames = Math.floor((options.maxGapS ?? 0.2) * rateHz + 1e-9);
  const method = options.method ?? 'cubic';
  const n = signal.length;
  const values = Float64Array.from({ length: n }, (_, i) => signal[i]!);
  const filled: Gap[] = [];
  const unfilled: Gap[] = [];
  let i = 0;
  while (i < n) {
    if (Number.isFinite(values[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && !Number.isFinite(values[j]!)) j++;
    const gap: Gap = { startFrame: i, endFrame: j, durationS: (j - i) / rateHz };
    if (i === 0 || j === n || j - i > maxGapFrames) {
      unfilled.push(gap);
    } else {
      interpolateGap(values, i, j, method);
      filled.push(gap);
    }
    i = j;
  }
  return { values, filled, unfilled };
}

function interpolateGap(v: Float64Array, start: number, end: number, method: 'cubic' | 'linear'): void {
  const a = start - 1;
  const b = end;
  const pa = v[a]!;
  const pb = v[b]!;
  const span = b - a;
  // Slopes from one more neighbour on each side when present (cubic Hermite); otherwise linear.
  const before = v[a - 1];
  const after = v[b + 1];
  const cubic =
    method === 'cubic' &&
    before !== undefined &&
    after !== undefined &&
    Number.isFinite(before) &&
    Number.isFinite(after);
  const ma = cubic ? (pa - before!) * span : pb - pa;
  const mb = cubic ? (after! - pb) * span : pb - pa;
  for (let k = start; k < end; k++) {
    const t = (k - a) / span;
    if (!cubic) {
      v[k] = pa + (pb - pa) * t;
      continue;
    }
    const t2 = t * t;
    const t3 = t2 * t;
    v[k] = (2 * t3 - 3 * t2 + 1) * pa + (t3 - 2 * t2 + t) * ma + (-2 * t3 + 3 * t2) * pb + (t3 - t2) * mb;
  }
}
