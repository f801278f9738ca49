import { poseStageText, type PoseProgress } from '../pose/run-pose';

/**
 * "[#######.......]  48 %  110/230 frames  9.8 frames/s  12 s left". What is not known yet is left
 * out, not printed as zero: the count before the total is known ("0/0 frames"), the rate before one
 * is measured ("0.0 frames/s" read as a stalled job).
 */
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
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  if (!(total > 0)) return `${bar}  starting`;
  const rate = ratePerS > 0 ? `  ${ratePerS.toFixed(1)} ${unit}/s` : '';
  const eta = Number.isFinite(etaS) && etaS > 0 ? `  ${Math.ceil(etaS)} s left` : '';
  return `${bar} ${String(Math.round(frac * 100)).padStart(3)} %  ${done}/${total} ${unit}${rate}${eta}`;
}

/**
 * A progress bar for steps that report frames but no rate: frames/s counted from when the step's
 * message first appeared (each camera, each stage starts its own count), and none in the step's
 * first second, when the count is mostly start-up (one frame in 1 ms read "1000 frames/s").
 */
export function stepProgressBar(): (done: number, total: number, message: string) => string {
  let step = { message: '', started: Date.now() };
  return (done, total, message) => {
    if (message !== step.message) step = { message, started: Date.now() };
    const elapsedS = (Date.now() - step.started) / 1000;
    const rate = elapsedS >= 1 ? done / elapsedS : 0;
    return progressBar(done, total, rate, rate > 0 ? (total - done) / rate : NaN);
  };
}

/** A pose job's progress line, the same in gaitlab pose and gaitlab analyze: its step in words, then the bar. */
export function poseProgressLine(p: PoseProgress): string {
  return `${poseStageText(p.stage).padEnd(20)} ${progressBar(p.framesDone, p.framesTotal, p.framesPerS, p.etaS)}`;
}
