// On-disk layout of a recording, written so that a kill or power cut at any instant loses at most
// the chunk in flight: each chunk is appended and fsync'd before the upload is acknowledged.
//
//   <trial>/capture.json              manifest: cameras, views, size, rate (written first, fsync'd)
//   <trial>/raw/<camera>.webm         MediaRecorder chunks, appended in order
//   <trial>/raw/<camera>.frames.jsonl one line per chunk: {seq, bytes, frameTimesMs}
//   <trial>/<camera>.webm|.mp4        remuxed, seekable video (after stop or recovery): WebM for
//                                     VP8/VP9, MP4 for H.264
import { mkdir, open, readFile, rename, truncate, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CameraView } from '../../shared/api/ops/capture';
import { isDiskFull, labDiskFullError } from '../store/disk-full';

export const MANIFEST_FILE = 'capture.json';
export const RAW_DIR = 'raw';

export interface RecordingManifest {
  version: 1;
  trialId: string;
  cameras: Array<{ camera: CameraView; deviceLabel: string }>;
  widthPx: number;
  heightPx: number;
  fps: number;
  mimeType: string;
  chunkIntervalMs: number;
  startedAt: string;
  /** Process that records: another GaitLab still running must not have its recording "recovered". */
  ownerPid: number;
}

export const rawVideoPath = (trialDir: string, camera: string) => join(trialDir, RAW_DIR, `${camera}.webm`);
export const rawFramesPath = (trialDir: string, camera: string) =>
  join(trialDir, RAW_DIR, `${camera}.frames.jsonl`);

async function fsyncDir(dir: string): Promise<void> {
  const h = await open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/** Creates the trial's folders, empty raw files and the manifest, all durable before recording starts. */
export async function prepareRecording(trialDir: string, manifest: RecordingManifest): Promise<void> {
  await mkdir(join(trialDir, RAW_DIR), { recursive: true });
  for (const { camera } of manifest.cameras) {
    await writeFile(rawVideoPath(trialDir, camera), '');
    await writeFile(rawFramesPath(trialDir, camera), '');
  }
  const tmp = join(trialDir, `${MANIFEST_FILE}.tmp`);
  const h = await open(tmp, 'w');
  try {
    await h.writeFile(JSON.stringify(manifest, null, 2));
    await h.sync();
  } finally {
    await h.close();
  }
  await rename(tmp, join(trialDir, MANIFEST_FILE));
  await fsyncDir(join(trialDir, RAW_DIR));
  await fsyncDir(trialDir);
}

export async function readManifest(trialDir: string): Promise<RecordingManifest | null> {
  const path = join(trialDir, MANIFEST_FILE);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(await readFile(path, 'utf8')) as RecordingManifest;
  } catch {
    return null;
  }
}

/** Appends and syncs; a failed append (a full disk) leaves the file as it was. */
async function appendDurably(
  path: string,
  data: Uint8Array | string,
): Promise<{ before: number; after: number }> {
  const h = await open(path, 'a');
  try {
    const before = (await h.stat()).size;
    try {
      await h.appendFile(data);
      await h.datasync();
    } catch (err) {
      // Half a chunk left in the file would stay in the video when the chunk is sent again.
      await h.truncate(before).catch(() => undefined);
      throw err;
    }
    return { before, after: (await h.stat()).size };
  } finally {
    await h.close();
  }
}

/**
 * Video bytes first, then their index line: a line on disk always has its bytes on disk, and bytes
 * whose line could not be written are taken back, so the chunk can be sent again. A full disk is
 * said as such.
 */
export async function appendChunk(
  trialDir: string,
  camera: string,
  seq: number,
  data: Uint8Array,
  frameTimesMs: number[],
): Promise<number> {
  const videoPath = rawVideoPath(trialDir, camera);
  try {
    const video = await appendDurably(videoPath, data);
    try {
      await appendDurably(
        rawFramesPath(trialDir, camera),
        `${JSON.stringify({ seq, bytes: data.length, frameTimesMs })}\n`,
      );
    } catch (err) {
      await truncate(videoPath, video.before).catch(() => undefined);
      throw err;
    }
    return video.after;
  } catch (err) {
    if (isDiskFull(err))
      throw labDiskFullError(
        `the ${camera} recording could not be saved from chunk ${seq} on. Stop the recording (what was saved is kept) and free some space.`,
      );
    throw err;
  }
}

export interface ChunkIndex {
  lastSeq: number;
  frameTimesMs: number[];
}

/** Reads the index, ignoring a half-written last line (the crash happened while writing it). */
export async function readChunkIndex(trialDir: string, camera: string): Promise<ChunkIndex> {
  let text = '';
  try {
    text = await readFile(rawFramesPath(trialDir, camera), 'utf8');
  } catch {
    return { lastSeq: -1, frameTimesMs: [] };
  }
  let lastSeq = -1;
  const frameTimesMs: number[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as { seq: number; frameTimesMs: number[] };
      lastSeq = Math.max(lastSeq, entry.seq);
      frameTimesMs.push(...entry.frameTimesMs);
    } catch {
      break;
    }
  }
  return { lastSeq, frameTimesMs };
}
