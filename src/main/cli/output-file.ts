// Files the CLI writes (--out, --json). Their folder is checked before the work starts: an analysis
// of several minutes used to end in a stack trace when it did not exist; a write that still fails
// says why.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from './command';

/** The absolute path of a file to write, given with `--option`, once its folder is known to exist. */
export function outputFile(option: string, path: string): string {
  const out = resolve(path);
  if (!existsSync(dirname(out)))
    throw new UserError(`--${option}: the folder ${dirname(out)} does not exist.`);
  if (existsSync(out) && statSync(out).isDirectory())
    throw new UserError(`--${option}: ${out} is a folder; give the name of a file to write.`);
  return out;
}

/** Writes a file the CLI was asked for; a failure (no permission, a full disk) is said in one line. */
export function writeOutputFile(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (err) {
    throw new UserError(`Cannot write ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
