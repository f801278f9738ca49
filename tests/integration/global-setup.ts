// The Sports2D walk is the reference most integration tests compare their variants with: its pose
// is run once here, before any test file, and every file reads the finished job (read only, so
// files running in parallel can share it) instead of posing it again. The same job seeds the test
// run's pose jobs by video (tests/helpers/pose-seeds.ts), so a lab holding the walk reads it too.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { readPoseManifest } from '../../src/main/pose/pose-result';
import { analyseVideoFile, poseCacheDirFor } from '../../src/main/services/video-analysis';
import { SPORTS2D_WALK } from '../helpers/video-variant';
import { providePoseSeeds } from '../pose-seeds-setup';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Pose cache folder holding the Sports2D walk's finished pose job. */
    demoPoseCache: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'gaitlab-demo-pose-'));
  const { view } = await analyseVideoFile(SPORTS2D_WALK, { heightM: 1.65, cacheDir: dir });
  if (view.status !== 'analysed') throw new Error(`The Sports2D walk was not analysed: ${view.message}`);
  project.provide('demoPoseCache', dir);
  const seeds = providePoseSeeds(project);
  const job = poseCacheDirFor(SPORTS2D_WALK, dir);
  const seed = join(seeds.dir, readPoseManifest(job)!.source.sha256!);
  if (!existsSync(seed)) cpSync(job, seed, { recursive: true });
  return () => {
    seeds.remove();
    rmSync(dir, { recursive: true, force: true });
  };
}
