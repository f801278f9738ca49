// A camera's pose folder holds one job: the person it follows, with its settings. Choosing another
// person threw the finished job away, so going back to the first choice (the usual end of "is it
// this one? no") posed the whole video again: a minute of a four-camera trial takes minutes. A
// finished job replaced by one with other settings is kept in `kept/<settings key>/` inside the
// folder (the last KEPT_JOBS of them), and taken back when those settings are asked for again on
// the same video.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PoseManifest } from './pose-result';
import {
  CHUNKS_DIR,
  completeChunks,
  FORMAT_VERSION,
  MANIFEST_FILE,
  readJson,
  SUBJECT_FILE,
  TIMES_FILE,
} from './storage';

export const KEPT_DIR = 'kept';
/** Jobs kept per camera: a few people tried in turn, at about 1 kB per frame each. */
const KEPT_JOBS = 3;
const STAGING_PREFIX = '.partial-';

const keyOf = (settings: unknown): string =>
  createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 16);

/**
 * Moves the finished job in `outDir` (made with `settings`) to its kept folder, leaving `outDir`
 * without a job. The manifest leaves first and the kept folder gets its name last: a crash in
 * between leaves no folder that claims a job it does not hold whole.
 */
export function keepJobAside(outDir: string, settings: unknown): void {
  const keptRoot = join(outDir, KEPT_DIR);
  const key = keyOf(settings);
  const staging = join(keptRoot, `${STAGING_PREFIX}${key}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const name of [MANIFEST_FILE, CHUNKS_DIR, SUBJECT_FILE, TIMES_FILE])
    if (existsSync(join(outDir, name))) renameSync(join(outDir, name), join(staging, name));
  rmSync(join(keptRoot, key), { recursive: true, force: true });
  renameSync(staging, join(keptRoot, key));
  const kept = readdirSync(keptRoot)
    .filter((n) => !n.startsWith(STAGING_PREFIX))
    .map((n) => ({ n, at: statSync(join(keptRoot, n)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { n } of kept.slice(KEPT_JOBS)) rmSync(join(keptRoot, n), { recursive: true, force: true });
  // Leftovers of a move a crash interrupted.
  for (const n of readdirSync(keptRoot))
    if (n.startsWith(STAGING_PREFIX)) rmSync(join(keptRoot, n), { recursive: true, force: true });
}

/**
 * The kept job made with `settings`, whole (every frame in its chunks) and accepted by
 * `sameVideo`, moved back into `outDir` (which holds no job). Its manifest, or undefined; a kept
 * job that fails those checks is removed.
 */
export async function takeBackJob(
  outDir: string,
  settings: unknown,
  sameVideo: (kept: PoseManifest) => Promise<boolean>,
): Promise<PoseManifest | undefined> {
  const dir = join(outDir, KEPT_DIR, keyOf(settings));
  const manifest = readJson<PoseManifest>(join(dir, MANIFEST_FILE));
  if (
    !manifest ||
    manifest.formatVersion !== FORMAT_VERSION ||
    manifest.status !== 'complete' ||
    JSON.stringify(manifest.settings) !== JSON.stringify(settings) ||
    completeChunks(dir).reduce((n, c) => n + c.count, 0) !== manifest.frames ||
    !(await sameVideo(manifest))
  ) {
    // Never of use again: a job cut short, or of a video no longer there.
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  // The manifest comes last: a crash before it leaves `outDir` without a job, posed again.
  for (const name of [CHUNKS_DIR, SUBJECT_FILE, TIMES_FILE, MANIFEST_FILE])
    if (existsSync(join(dir, name))) renameSync(join(dir, name), join(outDir, name));
  rmSync(dir, { recursive: true, force: true });
  return manifest;
}
