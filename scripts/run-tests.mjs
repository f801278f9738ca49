// Runs the three suites (unit, integration, e2e) one after the other and ends with one line that
// sums them, e.g. "tests: 120 passed, 0 failed, 3 skipped". Exit code 1 if anything failed.
// The suites make labs, transcoded videos and browser profiles in the temporary folder: they get
// one folder for this run, removed at the end (GAITLAB_KEEP_TEST_TMP=1 keeps it to look into), so
// repeated runs do not fill the disk.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const suites = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['unit', 'integration', 'e2e'];
const outDir = join('test-artifacts', 'results');
mkdirSync(outDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
const runTmp = mkdtempSync(join(tmpdir(), 'gaitlab-tests-'));
// Finished pose jobs by video, shared by the suites of this run (tests/helpers/pose-seeds.ts).
const poseSeeds = join(runTmp, 'pose-seeds');
mkdirSync(poseSeeds);
const env = { ...process.env, TMPDIR: runTmp, GAITLAB_TEST_POSE_SEEDS: poseSeeds };

for (const suite of suites) {
  const jsonFile = join(outDir, `${suite}.json`);
  rmSync(jsonFile, { force: true });
  const fileTimes = join(outDir, `${suite}-file-times.txt`);
  const started = Date.now();
  const r = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--project',
      suite,
      '--reporter=default',
      '--reporter=json',
      '--reporter=./scripts/file-times-reporter.mjs',
      `--outputFile.json=${jsonFile}`,
    ],
    { stdio: 'inherit', env: { ...env, GAITLAB_FILE_TIMES: fileTimes } },
  );
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
    passed = report.numPassedTests;
    failed =
      report.numFailedTests +
      (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
    skipped = report.numPendingTests + report.numTodoTests;
  } catch {
    failed = 1; // the runner itself crashed: count it, never report a silent pass
  }
  if (r.status !== 0 && failed === 0) failed = 1;
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(
    `${suite}: ${passed} passed, ${failed} failed, ${skipped} skipped (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}

if (process.env.GAITLAB_KEEP_TEST_TMP === '1') console.log(`Test files kept in ${runTmp}`);
else rmSync(runTmp, { recursive: true, force: true });

const summary = `tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
writeFileSync(join(outDir, 'summary.txt'), `${summary}\n`);
console.log('');
for (const l of lines) console.log(l);
console.log(summary);
process.exit(totals.failed > 0 ? 1 : 0);
