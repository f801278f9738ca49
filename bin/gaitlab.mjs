#!/usr/bin/env node
// GaitLab CLI launcher. The app needs Node 24 (node:sqlite, the Node inside Electron); when started
// by an older system Node, re-run with the Node 24 that npm installed beside the project.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
const major = Number(process.versions.node.split('.')[0]);

if (major < 24) {
  const local = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(local)) {
    process.stderr.write(
      `GaitLab needs Node 24 or newer (this is ${process.version}). Run npm install in ${root}.\n`,
    );
    process.exit(1);
  }
  const r = spawnSync(local, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}
if (!existsSync(cli)) {
  process.stderr.write(`GaitLab is not built yet: run npm run build in ${root}.\n`);
  process.exit(1);
}
await import(cli);
