// Real recordings live outside the repository (../shared/data, licences differ from ours). Tests
// read them in place; a missing file is a failure, never a skip.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of ../shared/data/<rel> (relative to the repository root); throws if missing. */
export function sharedDataPath(rel: string): string {
  const p = resolve(repoRoot, '..', 'shared', 'data', rel);
  if (!existsSync(p)) {
    throw new Error(
      `Shared test data missing: ${p} (expected ../shared/data/${rel} next to the repository). These tests must not be skipped.`,
    );
  }
  return p;
}

export function readSharedBytes(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(sharedDataPath(rel)));
}

export function readSharedText(rel: string): string {
  return readFileSync(sharedDataPath(rel), 'utf8');
}
