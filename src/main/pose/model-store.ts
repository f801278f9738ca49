// Loads model files from disk and checks them against the committed manifest before use, so a
// damaged or swapped weight file is caught at start-up, not as silently wrong landmarks.
// Never touches the network: missing models mean `npm run models` was not run.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelBytes } from './worker/protocol';

export interface ModelsManifest {
  package: string;
  version: string;
  integrity: string;
  files: Record<string, { sha256: string; bytes: number }>;
}

export interface LoadedModel extends ModelBytes {
  file: string;
  sha256: string;
}

export class ModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelError';
  }
}

/** The folder holding models.manifest.json: GAITLAB_RESOURCES, or the nearest `resources/` above this module. */
export function findResourcesDir(start = dirname(fileURLToPath(import.meta.url))): string {
  if (process.env.GAITLAB_RESOURCES) return resolve(process.env.GAITLAB_RESOURCES);
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'models.manifest.json'))) return candidate;
    const up = dirname(dir);
    if (up === dir)
      throw new ModelError(
        'resources/models.manifest.json not found: set GAITLAB_RESOURCES to the app resources folder.',
      );
    dir = up;
  }
}

export function readManifest(resourcesDir: string): ModelsManifest {
  return JSON.parse(readFileSync(join(resourcesDir, 'models.manifest.json'), 'utf8')) as ModelsManifest;
}

function readVerified(resourcesDir: string, manifest: ModelsManifest, file: string): Buffer {
  const expected = manifest.files[file];
  if (!expected) throw new ModelError(`${file} is not listed in models.manifest.json`);
  const path = join(resourcesDir, 'models', file);
  if (!existsSync(path))
    throw new ModelError(`Model file ${path} is missing: run \`npm run models\` to install the pose models.`);
  const bytes = readFileSync(path);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== expected.sha256) {
    throw new ModelError(`Model file ${path} is damaged (sha256 mismatch): run \`npm run models\` again.`);
  }
  return bytes;
}

/** Reads `<name>.json` + `<name>.bin`, verified; `role` is how workers refer to it. */
export function loadModel(resourcesDir: string, file: string, role: string): LoadedModel {
  const manifest = readManifest(resourcesDir);
  const json = readVerified(resourcesDir, manifest, `${file}.json`);
  const bin = readVerified(resourcesDir, manifest, `${file}.bin`);
  const weights = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
  return {
    name: role,
    file,
    modelJson: json.toString('utf8'),
    weights,
    sha256: manifest.files[`${file}.bin`]!.sha256,
  };
}
