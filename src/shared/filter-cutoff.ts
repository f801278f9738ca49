// The limits of the trajectories' low-pass cutoff, wherever it is entered (review, API, CLI): walking
// is filtered at 4-10 Hz in the literature; past 30 Hz nothing of a step is left to remove, under
// 0.5 Hz the steps themselves go. 0 keeps the raw (gap-filled) tracks.

/** The cutoff trajectories are filtered at unless told otherwise, Hz. */
export const DEFAULT_CUTOFF_HZ = 6;
export const MIN_CUTOFF_HZ = 0.5;
export const MAX_CUTOFF_HZ = 30;

export const isAcceptedCutoffHz = (v: number): boolean =>
  v === 0 || (Number.isFinite(v) && v >= MIN_CUTOFF_HZ && v <= MAX_CUTOFF_HZ);

export function cutoffMessage(given: string | number): string {
  return `Give the low-pass cutoff in Hz, ${MIN_CUTOFF_HZ}-${MAX_CUTOFF_HZ} (the default is ${DEFAULT_CUTOFF_HZ} Hz), or 0 for no low-pass filter; "${given}" is not one.`;
}

/** The filtering in words, for provenance (0 Hz: gaps filled, no low-pass). */
export function filterDescription(cutoffHz: number = DEFAULT_CUTOFF_HZ): string {
  return cutoffHz > 0
    ? `zero-lag 4th-order Butterworth low-pass, ${cutoffHz} Hz`
    : 'no low-pass filter (gaps filled only)';
}

/** The cutoff a provenance's filter words name, Hz, or null for words not made by filterDescription. */
export function cutoffOfDescription(description: string): number | null {
  if (description === filterDescription(0)) return 0;
  const m = /^zero-lag 4th-order Butterworth low-pass, ([\d.]+) Hz$/.exec(description);
  return m ? Number(m[1]) : null;
}
