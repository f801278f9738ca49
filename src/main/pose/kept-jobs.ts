// A camera's pose folder holds one job: the person it follows, with its settings, on one video.
// Choosing another person threw the finished job away, so going back to the first choice (the usual
// end of "is it this one? no") posed the whole video again, and so did undoing a turn or a mirror
// of the picture (the camera's video becomes a corrected copy, then the recording again): a minute
// of a four-camera trial takes minutes. A finished job replaced by another is kept in
// `kept/<key>/` inside the folder (the last KEPT_JOBS of them), named by its settings and its
// video's SHA-256, and taken back when both are asked for again.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PoseManifest } from './pose-result';
import { sameVideo, type VideoSource } from '../media/video-identity';
import {
  completeChunks,
  FORMAT_VERSION,
  JOB_DATA,
  MANIFEST_FILE,
  readJson,
  SUBJECT_FILE,
  type ScannedPeople,
  type StoredScan,
} from './storage';

export const KEPT_DIR = 'kept';
/** Jobs kept per camera: a few people tried in turn, at about 1 kB per frame each. */
const KEPT_JOBS = 3;
const STAGING_PREFIX = '.partial-';

const keyOf = (settings: unknown, videoSha256: string): string =>
  createHash('sha256')
    .update(`${videoSha256}|${JSON.stringify(settings)}`)
    .digest('hex')
    .slice(0, 16);

/**
 * Moves the finished job in `outDir` to its kept folder, leaving `outDir` without a job (one
 * whose video hash is unknown stays, to be cleared). The manifest leaves first and the kept folder
 * gets its name last: a crash in between leaves no folder that claims a job it does not hold whole.
 */
export function keepJobAside(outDir: string, job: PoseManifest): void {
  if (!job.source.sha256) return;
  const keptRoot = join(outDir, KEPT_DIR);
  const key = keyOf(job.settings, job.source.sha256);
  const staging = join(keptRoot, `${STAGING_PREFIX}${key}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const name of [MANIFEST_FILE, ...JOB_DATA])
    if (existsSync(join(outDir, name))) renameSync(join(outDir, name), join(staging, name));
  rmSync(join(keptRoot, key), { recursive: true, force: true });
  renameSync(staging, join(keptRoot, key));
  const kept = keptFolders(keptRoot)
    .map((n) => ({ n, at: statSync(join(keptRoot, n)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { n } of kept.slice(KEPT_JOBS)) rmSync(join(keptRoot, n), { recursive: true, force: true });
  // Leftovers of a move a crash interrupted.
  for (const n of readdirSync(keptRoot))
    if (n.startsWith(STAGING_PREFIX)) rmSync(join(keptRoot, n), { recursive: true, force: true });
}

/** The kept jobs' folders (not a move in progress, or one a crash interrupted). */
function keptFolders(keptRoot: string): string[] {
  return readdirSync(keptRoot).filter((n) => !n.startsWith(STAGING_PREFIX));
}

/** Whether `outDir` keeps finished jobs (so that asking for one needs the video's hash). */
export function hasKeptJobs(outDir: string): boolean {
  return existsSync(join(outDir, KEPT_DIR));
}

/**
 * The kept job made with `settings` from `video` (whose SHA-256 is known), whole (every frame in
 * its chunks), moved back into `outDir` (which holds no job). Its manifest, or undefined; a kept
 * job that fails those checks is removed.
 */
export function takeBackJob(outDir: string, settings: unknown, video: VideoSource): PoseManifest | undefined {
  if (!video.sha256) return undefined;
  const dir = join(outDir, KEPT_DIR, keyOf(settings, video.sha256));
  if (!existsSync(dir)) return undefined;
  const manifest = readJson<PoseManifest>(join(dir, MANIFEST_FILE));
  if (
    !manifest ||
    manifest.formatVersion !== FORMAT_VERSION ||
    manifest.status !== 'complete' ||
    JSON.stringify(manifest.settings) !== JSON.stringify(settings) ||
    completeChunks(dir).reduce((n, c) => n + c.count, 0) !== manifest.frames ||
    !sameVideo(manifest.source, video)
  ) {
    // Never of use again: a job cut short, or its files changed by hand.
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  // The manifest comes last: a crash before it leaves `outDir` without a job, posed again.
  for (const name of [...JOB_DATA, MANIFEST_FILE])
    if (existsSync(join(dir, name))) renameSync(join(dir, name), join(outDir, name));
  rmSync(dir, { recursive: true, force: true });
  return manifest;
}

/**
 * The person scans of the jobs kept for `video` (whose SHA-256 is known): who is in view does not
 * depend on whom a job follows, so a job choosing another person reads them instead of scanning
 * the video again.
 */
export function keptScans(outDir: string, video: VideoSource): StoredScan[] {
  const keptRoot = join(outDir, KEPT_DIR);
  if (!video.sha256 || !existsSync(keptRoot)) return [];
  const scans: StoredScan[] = [];
  for (const name of keptFolders(keptRoot)) {
    const manifest = readJson<PoseManifest>(join(keptRoot, name, MANIFEST_FILE));
    if (manifest?.formatVersion !== FORMAT_VERSION || !sameVideo(manifest.source, video)) continue;
    const scan = readJson<ScannedPeople>(join(keptRoot, name, SUBJECT_FILE))?.scan;
    if (scan) scans.push(scan);
  }
  return scans;
}
