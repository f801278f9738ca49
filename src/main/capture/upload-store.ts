// Files sent from the browser in chunks land in <lab>/tmp/uploads/ until the import accepts or
// refuses them; nothing reaches a trial folder before that.
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/envelope';
import { isDiskFull, labDiskFullError } from '../store/disk-full';

interface Upload {
  fileName: string;
  sizeBytes: number;
  nextSeq: number;
  bytes: number;
  path: string;
}

/** Uploads untouched for this long are abandoned (tab closed mid-upload) and deleted. */
const STALE_UPLOAD_MS = 24 * 3600 * 1000;

export class UploadStore {
  private readonly uploads = new Map<string, Upload>();
  private readonly dir: string;

  constructor(tmpDir: string) {
    this.dir = join(tmpDir, 'uploads');
  }

  async begin(fileName: string, sizeBytes: number): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const id = randomUUID();
    const path = join(this.dir, `${id}.part`);
    await writeFile(path, '');
    this.uploads.set(id, { fileName, sizeBytes, nextSeq: 0, bytes: 0, path });
    return id;
  }

  private get(id: string): Upload {
    const u = this.uploads.get(id);
    if (!u)
      throw new ApiError({
        code: 'not-found',
        message: 'This upload is unknown or already finished. Choose the file again.',
      });
    return u;
  }

  async append(id: string, seq: number, data: Buffer): Promise<{ bytesOnDisk: number; stored: boolean }> {
    const u = this.get(id);
    if (seq < u.nextSeq) return { bytesOnDisk: u.bytes, stored: false };
    if (seq > u.nextSeq) {
      throw new ApiError({
        code: 'conflict',
        message: `Part ${u.nextSeq} of the upload is missing (got part ${seq}).`,
      });
    }
    if (u.bytes + data.length > u.sizeBytes) {
      throw new ApiError({ code: 'invalid-input', message: 'The upload is larger than the file announced.' });
    }
    try {
      await appendFile(u.path, data);
    } catch (err) {
      // Half a part left in the file would stay there when the part is sent again.
      await truncate(u.path, u.bytes).catch(() => undefined);
      if (isDiskFull(err))
        throw labDiskFullError(
          `"${u.fileName}" could not be uploaded. Free some space on it and import the file again. Nothing was imported.`,
        );
      throw err;
    }
    u.nextSeq++;
    u.bytes += data.length;
    return { bytesOnDisk: u.bytes, stored: true };
  }

  /** Hands the finished file over; the caller moves or deletes it. */
  take(id: string): { path: string; fileName: string } {
    const u = this.get(id);
    this.uploads.delete(id);
    if (u.bytes !== u.sizeBytes) {
      void rm(u.path, { force: true });
      throw new ApiError({
        code: 'invalid-input',
        message: `The upload of "${u.fileName}" is incomplete (${u.bytes} of ${u.sizeBytes} bytes). Nothing was imported.`,
      });
    }
    return { path: u.path, fileName: u.fileName };
  }

  async cancel(id: string): Promise<boolean> {
    const u = this.uploads.get(id);
    if (!u) return false;
    this.uploads.delete(id);
    await rm(u.path, { force: true });
    return true;
  }

  async removeStale(nowMs = Date.now()): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      const path = join(this.dir, name);
      const s = await stat(path).catch(() => null);
      const live = [...this.uploads.values()].some((u) => u.path === path);
      if (s && !live && nowMs - s.mtimeMs > STALE_UPLOAD_MS) await rm(path, { force: true });
    }
  }
}
