// The Sports2D walk is the reference most integration tests compare their variants with: its pose
// is run once here, before any test file, and every file reads the finished job (read only, so
// files running in parallel can share it) instead of posing it again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { analyseVideoFile } from '../../src/main/services/video-analysis';
import { SPORTS2D_WALK } from '../helpers/video-variant';

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
  return () => rmSync(dir, { recursive: true, force: true });
}
