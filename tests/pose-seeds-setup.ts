// The folder of finished pose jobs by video for a vitest run (tests/helpers/pose-seeds.ts): the
// one `npm test` shares between its suites, else one made here and removed at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export function providePoseSeeds(project: TestProject): { dir: string; remove: () => void } {
  const shared = process.env.GAITLAB_TEST_POSE_SEEDS;
  const dir = shared ?? mkdtempSync(join(tmpdir(), 'gaitlab-pose-seeds-'));
  project.provide('poseSeeds', dir);
  return { dir, remove: () => (shared ? undefined : rmSync(dir, { recursive: true, force: true })) };
}

export default function setup(project: TestProject): () => void {
  return providePoseSeeds(project).remove;
}
