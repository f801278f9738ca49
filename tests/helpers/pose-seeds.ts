// Finished pose jobs of this test run, by the SHA-256 of the video they were made from. Many suites
// build a lab around the same recording (the Sports2D walk copied in, mirrored the same way): a
// trial whose video has the same bytes as one already posed gets that job in its pose folder before
// it is analysed, and the pose job accepts it as it accepts the job of a lab moved to another
// folder (same bytes, same settings; src/main/pose/video-identity.ts). Only jobs that followed the
// walking person (no person chosen) are kept; a test that chooses one is posed for real.
// The folder belongs to one test run: `npm test` names it in GAITLAB_TEST_POSE_SEEDS for all its
// suites; a suite run alone makes its own (tests/pose-seeds-setup.ts).
import { createHash, randomUUID } from 'node:crypto';
import { cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { PoseManifest } from '../../src/main/pose/pose-result';
import { trialDirOf } from '../../src/main/services/analysis-store';
import type { LabServices } from '../../src/main/services/lab-services';
import { resolveInsideLab } from '../../src/main/store/lab-folder';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of finished pose jobs by video SHA-256, for this vitest run. */
    poseSeeds: string;
  }
}

function seedsDir(): string | undefined {
  try {
    return inject('poseSeeds');
  } catch {
    return undefined;
  }
}

interface CameraPose {
  video: string;
  poseDir: string;
}

function cameraPoses(labDir: string, lab: LabServices, trialId: string): CameraPose[] {
  const trial = lab.trials.get(trialId);
  if (!trial) return [];
  const trialDir = trialDirOf(lab, trial);
  return trial.files
    .filter((f) => f.kind === 'video')
    .map((f) => ({
      video: resolveInsideLab(labDir, f.relativePath),
      poseDir: resolveInsideLab(labDir, `${trialDir}/pose-${f.camera}`),
    }));
}

const sha256Of = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Puts the finished job of this video into `poseDir` when it has none yet and one was kept. */
export function seedJob(video: string, poseDir: string): void {
  const seeds = seedsDir();
  if (!seeds || existsSync(join(poseDir, 'pose.json')) || !existsSync(video)) return;
  const seed = join(seeds, sha256Of(video));
  if (existsSync(seed)) cpSync(seed, poseDir, { recursive: true });
}

/** Keeps the job in `poseDir`, when finished and following the walking person, for the same video. */
export function keepJob(poseDir: string): void {
  const seeds = seedsDir();
  const manifestPath = join(poseDir, 'pose.json');
  if (!seeds || !existsSync(manifestPath)) return;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PoseManifest;
  const sha = manifest.source.sha256;
  if (manifest.status !== 'complete' || manifest.settings.person.kind !== 'moving' || !sha) return;
  const seed = join(seeds, sha);
  if (existsSync(seed)) return;
  // Copied beside, then renamed: a test file running alongside never sees half a job.
  const partial = `${seed}.${randomUUID()}.partial`;
  cpSync(poseDir, partial, { recursive: true });
  try {
    renameSync(partial, seed);
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
}

/** seedJob for each camera of the trial. */
export function seedPoses(labDir: string, lab: LabServices, trialId: string): void {
  for (const { video, poseDir } of cameraPoses(labDir, lab, trialId)) seedJob(video, poseDir);
}

/** keepJob for each camera of the trial. */
export function keepPoses(labDir: string, lab: LabServices, trialId: string): void {
  for (const { poseDir } of cameraPoses(labDir, lab, trialId)) keepJob(poseDir);
}
