/** "[#######.......]  48 %  110/230 frames  9.8 frames/s  12 s left" */
export function progressBar(
  done: number,
  total: number,
  ratePerS: number,
  etaS: number,
  unit = 'frames',
): string {
  const width = 24;
  const frac = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(frac * width);
  const eta = Number.isFinite(etaS) && etaS > 0 ? `${Math.ceil(etaS)} s left` : '';
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(frac * 100)).padStart(3)} %  ${done}/${total} ${unit}  ${ratePerS.toFixed(1)} ${unit}/s  ${eta}`;
}
