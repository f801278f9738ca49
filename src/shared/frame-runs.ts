/** Runs of consecutive frames, so hundreds of flagged frames draw as a few rectangles. */
export function frameRuns(frames: readonly number[]): Array<[number, number]> {
  const sorted = [...frames].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const f of sorted) {
    const lastRun = out[out.length - 1];
    if (lastRun && f <= lastRun[1] + 1) lastRun[1] = f;
    else out.push([f, f]);
  }
  return out;
}
