// Shared by the pose integration tests: data paths that must exist (missing data fails, never skips).
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LANDMARK_COUNT, landmarkIndex, type LandmarkName } from '../../../src/shared/landmarks';
import type { PoseTrack } from '../../../src/main/pose/pose-result';

export const DATA = resolve('../shared/data');

export function dataFile(rel: string): string {
  const path = join(DATA, rel);
  if (!existsSync(path))
    throw new Error(`test data missing: ${path} (expected ../shared/data next to the repo)`);
  return path;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `gaitlab-${prefix}-`));
}

export function artifactsDir(sub: string): string {
  const dir = resolve('test-artifacts', sub);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function point(
  track: PoseTrack,
  frame: number,
  name: LandmarkName,
): { x: number; y: number; v: number } {
  const i = frame * LANDMARK_COUNT + landmarkIndex(name);
  return { x: track.xPx[i]!, y: track.yPx[i]!, v: track.visibility[i]! };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** BODY_25B index of the OpenPose keypoint matching each lower-limb BlazePose landmark (foot_index ~ big toe). */
export const BODY25B_LOWER_LIMB: ReadonlyArray<readonly [LandmarkName, number]> = [
  ['left_hip', 11],
  ['right_hip', 12],
  ['left_knee', 13],
  ['right_knee', 14],
  ['left_ankle', 15],
  ['right_ankle', 16],
  ['left_foot_index', 19],
  ['left_heel', 21],
  ['right_foot_index', 22],
  ['right_heel', 24],
];
