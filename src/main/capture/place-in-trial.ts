// Putting an accepted file into a trial folder together with its database rows: the file is
// copied (or moved) under a temporary name and renamed, then the rows are committed; if either
// fails, what was written is removed again, so a refused or failed import leaves nothing behind.
import { copyFile, mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { isDiskFull, labDiskFullError } from '../store/disk-full';

/**
 * Places `source` as `trialDir/fileName` and runs `commit` (the database transaction). `alsoWritten`:
 * other files `commit` writes in the folder, removed too on failure. A moved source is deleted
 * once all is committed.
 */
export async function placeInTrial(
  source: { path: string; move: boolean },
  trialDir: string,
  fileName: string,
  commit: () => void,
  alsoWritten: readonly string[] = [],
): Promise<void> {
  const dirExisted = existsSync(trialDir);
  const finalPath = join(trialDir, fileName);
  const partial = join(trialDir, `.${fileName}.${randomUUID()}.part`);
  try {
    await mkdir(trialDir, { recursive: true });
    if (source.move) await rename(source.path, partial).catch(() => copyFile(source.path, partial));
    else await copyFile(source.path, partial);
    await rename(partial, finalPath);
    commit();
  } catch (err) {
    for (const path of [partial, finalPath, ...alsoWritten.map((f) => join(trialDir, f))])
      await rm(path, { force: true });
    if (!dirExisted) await rmdir(trialDir).catch(() => undefined);
    if (isDiskFull(err))
      throw labDiskFullError(
        'the file could not be copied into the lab. Free some space on it and import the file again. Nothing was imported.',
      );
    throw err;
  }
  if (source.move) await rm(source.path, { force: true });
}
