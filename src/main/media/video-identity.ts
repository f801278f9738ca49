// Which video file this is: the same bytes (size and SHA-256) wherever the file now is. A lab
// folder moved to another disk, restored from a backup or opened from a drive mounted elsewhere has
// the same videos at new paths with new file times, and their pose jobs are kept; an import refuses
// a copy of the video a trial's other camera holds. The file is hashed only when its path, size or
// time changed since a job recorded them (or an older job recorded no hash), so an unchanged trial
// is recognised without reading its video.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';

export interface VideoSource {
  path: string;
  bytes: number;
  modifiedMs: number;
  /** Of the whole file; absent in jobs made before it was recorded. */
  sha256?: string;
}

/** The file as it is now: path, size and time, without reading it. */
export function statSource(videoPath: string): VideoSource {
  const st = statSync(videoPath);
  return { path: resolve(videoPath), bytes: st.size, modifiedMs: Math.round(st.mtimeMs) };
}

/** Same path, size and time: the same file, unless something rewrote it within the same millisecond. */
export function unchangedFile(recorded: VideoSource | undefined, now: VideoSource): boolean {
  return (
    recorded !== undefined &&
    recorded.path === now.path &&
    recorded.bytes === now.bytes &&
    recorded.modifiedMs === now.modifiedMs
  );
}

/** `now` with the hash `recorded` holds for it when the file has not changed since; else as it is. */
export function withRecordedHash(recorded: VideoSource | undefined, now: VideoSource): VideoSource {
  return recorded?.sha256 && unchangedFile(recorded, now) ? { ...now, sha256: recorded.sha256 } : now;
}

/** The video's identity, its hash taken from `recorded` when the file has not changed since. */
export async function videoSource(
  videoPath: string,
  recorded: VideoSource | undefined,
  signal?: AbortSignal,
): Promise<VideoSource> {
  const now = withRecordedHash(recorded, statSource(videoPath));
  return now.sha256 ? now : { ...now, sha256: await fileSha256(now.path, signal) };
}

/** The job recorded in `recorded` was made from the video `now` describes. */
export function sameVideo(recorded: VideoSource | undefined, now: VideoSource): boolean {
  if (!recorded) return false;
  if (recorded.sha256 && now.sha256) return recorded.bytes === now.bytes && recorded.sha256 === now.sha256;
  return unchangedFile(recorded, now);
}

/** SHA-256 of the whole file, hex, read in 1 MiB pieces. */
export function fileSha256(path: string, signal?: AbortSignal): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('sha256');
    const stream = createReadStream(path, { highWaterMark: 1 << 20, ...(signal ? { signal } : {}) });
    stream.on('data', (chunk) => hash.update(chunk));
    stream.on('error', fail);
    stream.on('end', () => done(hash.digest('hex')));
  });
}
