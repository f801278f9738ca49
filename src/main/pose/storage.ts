// On-disk layout of one pose job in the folder the caller gives:
//   pose.json                 manifest: provenance, settings, chunk list, status
//   times.f64                 frame presentation times, Float64 seconds
//   subject.json              the person scan (so a resumed job follows the same person)
//   chunks/<first>-<last>.f32 Float32 frame records (frame-record.ts), written whole then renamed
// A chunk file exists only when complete; pose.json says "complete" only after every chunk.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../store/atomic-file';
import { join } from 'node:path';
import { RECORD_BYTES } from './frame-record';
import type { ScanSample, SubjectTrack } from './decode/subject';

export const MANIFEST_FILE = 'pose.json';
export const SUBJECT_FILE = 'subject.json';
export const CHUNKS_DIR = 'chunks';
/** Presentation time of every frame, Float64, seconds. */
export const TIMES_FILE = 'times.f64';
/**
 * Frames of a damaged video its decoder gives no picture for, found when a first decode came up
 * short (media/decode-damage.ts): the job, resumed, decodes with a no-picture frame at each.
 */
export const LOST_FILE = 'lost-frames.json';
// 2: subject.json lists everyone the person scan saw (to choose the patient); jobs of version 1
// lack that list, so they run again rather than resume.
// 3: a bystander jumping down no longer counts as walking, so the automatic choice of whom to
// follow can differ from version 2's: those jobs run again.
// 4: when nobody travels, the person whose legs move is followed (not the tallest), and short
// clips are sampled more densely for it: stored jobs run again.
// 5: a walker who travels three times as far as another person is followed even when she crosses
// less than a body height more (a short clip or a narrow view): stored jobs run again.
export const FORMAT_VERSION = 5;

export function chunkName(first: number, count: number): string {
  return `${String(first).padStart(7, '0')}-${String(first + count - 1).padStart(7, '0')}.f32`;
}

export function writeChunk(outDir: string, first: number, records: Float32Array, count: number): string {
  mkdirSync(join(outDir, CHUNKS_DIR), { recursive: true });
  const name = chunkName(first, count);
  writeFileAtomic(
    join(outDir, CHUNKS_DIR, name),
    new Uint8Array(records.buffer, records.byteOffset, count * RECORD_BYTES),
  );
  return name;
}

/** Complete chunks that tile the video from frame 0 without a gap, in order. */
export function completeChunks(outDir: string): Array<{ name: string; first: number; count: number }> {
  const dir = join(outDir, CHUNKS_DIR);
  if (!existsSync(dir)) return [];
  const found = readdirSync(dir)
    .map((name) => {
      const m = /^(\d{7})-(\d{7})\.f32$/.exec(name);
      if (!m) return undefined;
      const first = Number(m[1]);
      const count = Number(m[2]) - first + 1;
      if (statSync(join(dir, name)).size !== count * RECORD_BYTES) return undefined;
      return { name, first, count };
    })
    .filter((c): c is { name: string; first: number; count: number } => c !== undefined)
    .sort((a, b) => a.first - b.first);
  const tiled: typeof found = [];
  let next = 0;
  for (const c of found) {
    if (c.first !== next) break;
    tiled.push(c);
    next = c.first + c.count;
  }
  return tiled;
}

export function readChunk(outDir: string, name: string): Float32Array {
  const buf = readFileSync(join(outDir, CHUNKS_DIR, name));
  const copy = new Float32Array(buf.byteLength / 4);
  new Uint8Array(copy.buffer).set(buf);
  return copy;
}

/** What a job holds besides its manifest (MANIFEST_FILE), which says whether it is complete. */
export const JOB_DATA = [CHUNKS_DIR, SUBJECT_FILE, TIMES_FILE, LOST_FILE] as const;

export function clearJob(outDir: string): void {
  for (const name of [...JOB_DATA, MANIFEST_FILE])
    rmSync(join(outDir, name), { recursive: true, force: true });
}

export function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** subject.json: who the scan saw (candidates in `index` order) and whom it follows. */
export interface ScannedPeople {
  everyFrames: number;
  track: SubjectTrack | null;
  /** Absent in jobs written before the list was kept. */
  people?: SubjectTrack[];
  /** Index of `track` in `people`, -1 when nobody was chosen. */
  chosen?: number;
  /**
   * The subject's other appearances in `people` (the patient walking out of the picture and back),
   * joined to `chosen` in `track`. Absent when there are none.
   */
  joined?: number[];
  /**
   * What the person finder saw on the sampled frames, for another job on the same video to choose
   * another person from without scanning again (absent in jobs written before it was kept).
   */
  scan?: StoredScan;
}

/** The person scan's samples, with what they depend on besides the video's bytes. */
export interface StoredScan {
  /** App version, person model, sampling and last frame: samples are reused only under the same key. */
  key: string;
  /** One per finder input size scanned at (a second, larger one for a walker small in view). */
  passes: Array<{ widthPx: number; heightPx: number; samples: ScanSample[] }>;
}

export function readScannedPeople(outDir: string): ScannedPeople | undefined {
  return readJson<ScannedPeople>(join(outDir, SUBJECT_FILE));
}

/** Presentation time of every frame, seconds; undefined before the job has written them. */
export function readPoseTimes(outDir: string): Float64Array | undefined {
  const path = join(outDir, TIMES_FILE);
  if (!existsSync(path)) return undefined;
  const bytes = readFileSync(path);
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
