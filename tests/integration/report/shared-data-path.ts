// Reference files live outside the repository (their licences forbid shipping them), at
// ../shared/data relative to the repository root. A missing file is a failure, never a skip.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const sharedDataDir = resolve(repoRoot, '..', 'shared', 'data');

export function sharedDataPath(relative: string): string {
  const path = resolve(sharedDataDir, relative);
  if (!existsSync(path)) {
    throw new Error(
      `Shared test data missing: ${path}. Tests read ../shared/data relative to the repository root; see ../shared/data/README.md.`,
    );
  }
  return path;
}

export function readSharedText(relative: string): string {
  return readFileSync(sharedDataPath(relative), 'utf8');
}

export function readSharedBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(sharedDataPath(relative)));
}
