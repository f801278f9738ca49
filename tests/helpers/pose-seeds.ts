// Finished pose jobs of this test run, by the SHA-256 of the video they were made from. Many suites
// build a lab around the same recording (the Sports2D walk copied in, mirrored the same way): a
// trial whose video has the same bytes as one already posed gets that job in its pose folder before
// it is analysed, and the pose job accepts it as it accepts the job of a lab moved to another
// folder (same bytes, same settings; src/main/media/video-identity.ts). Only jobs that followed the
// walking person (no person chosen) are kept; a test that chooses one is posed for real.
// The folder belongs to one test run: `npm test` names it in GAITLAB_TEST_POSE_SEEDS for all its
// suites; a suite run alone makes its own (tests/pose-seeds-setup.ts).
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { readPoseManifest } from '../../src/main/pose/pose-result';
import { fileSha256 } from '../../src/main/media/video-identity';
import {
  analyseVideoFile,
  poseCacheDirFor,
  type VideoAnalysisOptions,
} from '../../src/main/services/video-analysis';
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

/**
 * A job being made from a video by one test file, so that another file about to pose the same
 * video waits for it and reads it instead of posing it at the same time: `<seed>.posing`, holding
 * the claiming process' id. Made by seedJob when there is no seed yet, removed by keepJob.
 */
const CLAIM_SUFFIX = '.posing';
/** Longest wait for another file's job: more than any video here takes to pose, under hook timeouts. */
const CLAIM_WAIT_MS = 100_000;
/** Claims this process holds, by pose folder. */
const claims = new Map<string, string>();

/** The claim's process is running (a claim left by a crashed file is not waited for). */
function claimHeld(claim: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(claim, 'utf8'));
  } catch {
    return true; // made or removed just now: look again
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts the finished job of this video into `poseDir` when it has none yet and one was kept. When
 * none was, and another file is posing the same video, waits for its job; else claims the video
 * until keepJob (a file that seeds a video must keep it, or others wait out CLAIM_WAIT_MS).
 */
export async function seedJob(video: string, poseDir: string): Promise<void> {
  const seeds = seedsDir();
  if (!seeds || readPoseManifest(poseDir) || !existsSync(video)) return;
  const seed = join(seeds, await fileSha256(video));
  const claim = `${seed}${CLAIM_SUFFIX}`;
  for (const giveUpAt = Date.now() + CLAIM_WAIT_MS; ;) {
    if (existsSync(seed)) {
      cpSync(seed, poseDir, { recursive: true });
      return;
    }
    try {
      writeFileSync(claim, String(process.pid), { flag: 'wx' });
      claims.set(poseDir, claim);
      return;
    } catch {
      // another file is posing this video
    }
    // Holding a claim of its own, a file poses rather than waits: two files waiting on each
    // other's cameras would each wait out the other.
    if (claims.size > 0 || Date.now() > giveUpAt || !claimHeld(claim)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Keeps the job in `poseDir`, when finished and following the walking person, for the same video,
 * and gives up this process' claim on the video (a job not kept leaves it to the next file).
 */
export function keepJob(poseDir: string): void {
  try {
    keepFinishedJob(poseDir);
  } finally {
    const claim = claims.get(poseDir);
    if (claim) rmSync(claim, { force: true });
    claims.delete(poseDir);
  }
}

function keepFinishedJob(poseDir: string): void {
  const seeds = seedsDir();
  const manifest = readPoseManifest(poseDir);
  if (!seeds || !manifest) return;
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
export async function seedPoses(labDir: string, lab: LabServices, trialId: string): Promise<void> {
  for (const { video, poseDir } of cameraPoses(labDir, lab, trialId)) await seedJob(video, poseDir);
}

/** keepJob for each camera of the trial. */
export function keepPoses(labDir: string, lab: LabServices, trialId: string): void {
  for (const { poseDir } of cameraPoses(labDir, lab, trialId)) keepJob(poseDir);
}

/**
 * `pose` (which poses `video` into `poseDir`) with this run's finished job of the same video put
 * there first, and what it makes kept for the files after it. For tests that read a pose, not
 * the posing itself: a test of progress, queues or resuming poses for real.
 */
export async function posedOnce<T>(video: string, poseDir: string, pose: () => Promise<T>): Promise<T> {
  await seedJob(video, poseDir);
  try {
    return await pose();
  } finally {
    keepJob(poseDir);
  }
}

/** analyseVideoFile through posedOnce (a picture to turn or mirror is posed from its own copy). */
export function analyseVideoOnce(
  video: string,
  options: VideoAnalysisOptions & { cacheDir: string },
): ReturnType<typeof analyseVideoFile> {
  if (options.turnDeg || options.mirror) return analyseVideoFile(video, options);
  return posedOnce(video, poseCacheDirFor(video, options.cacheDir), () => analyseVideoFile(video, options));
}
