// Writes a whole file under a temporary name and renames it into place, so a reader (or a crash)
// never sees half a file: the old content or the new, nothing in between.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.partial-${process.pid}`;
  try {
    writeFileSync(tmp, data);
  } catch (err) {
    // A full disk: leave no half file behind to take more room.
    rmSync(tmp, { force: true });
    throw err;
  }
  renameSync(tmp, path);
}
