// When finished pose jobs ran, from their manifests: tests of jobs posed side by side.
import type { PoseResult } from '../../src/main/pose/pose-result';

/** Start and end of a finished pose job, ms since the epoch. */
export function poseSpanMs(p: PoseResult): [number, number] {
  return [Date.parse(p.manifest.provenance.startedAt), Date.parse(p.manifest.provenance.finishedAt!)];
}

/** Each job started before the other had finished. */
export function posedTogether(a: PoseResult, b: PoseResult): boolean {
  const [[a0, a1], [b0, b1]] = [poseSpanMs(a), poseSpanMs(b)];
  return a0 < b1 && b0 < a1;
}
