// How many frames each camera keeps when 1-4 cameras record at once, through the real app (web
// bridge, Record trial page, chunk uploads, remux), on this machine. Needs `npm run build` first.
//
//   npm run bench:capture [-- --seconds 4]
//
// Uses Chromium's fake cameras (device 1 is a depth format that records black, so it is skipped
// and five are asked for to get four real ones).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describeMachine, loadAverages } from './bench-machine.mjs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'out/main/cli.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const secondsArg = process.argv.indexOf('--seconds');
const RECORD_S = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 4;
const FPS = 30;
const RESOLUTIONS = ['640 x 360', '1280 x 720'];
const CAMERA_COUNTS = [1, 2, 3, 4];

if (!existsSync(CLI)) {
  console.error(`${CLI} is missing: run npm run build first.`);
  process.exit(1);
}

async function startServe(labDir) {
  const proc = spawn(process.execPath, [CLI, '--lab', labDir, 'serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((res, rej) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d.toString();
      const m = /Open: (\S+)/.exec(out);
      if (m) res(m[1]);
    });
    proc.once('exit', (code) => rej(new Error(`serve exited with ${code}`)));
  });
  const u = new URL(url);
  return { url, origin: u.origin, token: u.searchParams.get('token'), proc };
}

/** Polls until check() is true; throws with what was awaited instead of hanging. */
async function waitUntil(what, check, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function invoke(serve, op, input) {
  const r = await fetch(`${serve.origin}/api/invoke/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${serve.token}` },
    body: JSON.stringify(input),
  });
  const env = await r.json();
  if (!env.ok) throw new Error(`${op}: ${env.error.message}`);
  return env.result;
}

// Other programs competing for the cores change the answer: say how busy the machine was.
const loadBefore = loadAverages();
const work = mkdtempSync(join(tmpdir(), 'gaitlab-bench-capture-'));
const serve = await startServe(join(work, 'lab'));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--use-fake-ui-for-media-stream',
    `--use-fake-device-for-media-stream=device-count=5,fps=${FPS}`,
  ],
});
const rows = [];
try {
  const patient = await invoke(serve, 'patients.create', { name: 'Bench' });
  const session = await invoke(serve, 'sessions.create', {
    patientId: patient.id,
    date: '2026-01-01',
    condition: 'other',
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(serve.url);
  for (const resolution of RESOLUTIONS) {
    for (const n of CAMERA_COUNTS) {
      await page.goto(`${serve.origin}/#/sessions/${session.id}/record`);
      await page.reload();
      const figures = page.locator('figure[data-device-label]');
      await waitUntil('5 cameras', async () => (await figures.count()) >= 5);
      const labels = await figures.evaluateAll((els) => els.map((e) => e.getAttribute('data-device-label')));
      const usable = labels.map((l, i) => ({ l, n: i + 1 })).filter((d) => d.l !== 'fake_device_1');
      const views = ['sagittal-left', 'sagittal-right', 'frontal', 'posterior'];
      for (const [i, d] of usable.entries()) {
        const box = page.getByLabel(`Record camera ${d.n}`);
        if (i < n) {
          await box.check();
          await page.getByLabel(`View of camera ${d.n}`).selectOption(views[i]);
        } else await box.uncheck();
      }
      await page.getByLabel(`Record camera ${labels.indexOf('fake_device_1') + 1}`).uncheck();
      await page.getByLabel('Resolution').selectOption(resolution);
      await page.getByLabel('Frame rate (frames/s)').selectOption(String(FPS));
      await page.getByLabel('Countdown').selectOption('0');
      await page.getByLabel('Trial name').fill(`${n} x ${resolution}`);
      const record = page.getByRole('button', { name: 'Record', exact: true });
      await waitUntil(`every camera to open (${await page.locator('[role=alert]').allTextContents()})`, () =>
        record.isEnabled(),
      );
      await page.waitForTimeout(1000); // let the previews settle, as a clinician would
      await record.click();
      await page.getByRole('timer', { name: 'Elapsed time' }).waitFor({ timeout: 15_000 });
      const t0 = Date.now();
      await page.waitForTimeout(RECORD_S * 1000);
      await page.getByRole('button', { name: 'Stop' }).click();
      const wallS = (Date.now() - t0) / 1000;
      await page.getByText(/Trial saved:/).waitFor({ timeout: 120_000 });
      const trials = await invoke(serve, 'trials.list', { sessionId: session.id });
      const trial = trials.find((t) => t.name === `${n} x ${resolution}`);
      const report = await invoke(serve, 'capture.report', { trialId: trial.id });
      const perCamera = report.cameras.map((c) => ({
        camera: c.camera,
        kept: c.frameCount,
        nominal: Math.round(wallS * FPS),
        dropped: c.droppedFrames,
      }));
      const minPct = Math.min(...perCamera.map((c) => (100 * c.kept) / c.nominal));
      rows.push({ resolution, cameras: n, wallS, perCamera, minPct, worstOffsetMs: report.worstOffsetMs });
      console.log(
        `${resolution.padEnd(11)} ${n} camera${n > 1 ? 's' : ' '}: ${perCamera.map((c) => `${c.kept}/${c.nominal}`).join('  ')}  (worst camera ${minPct.toFixed(0)} %, dropped ${perCamera.map((c) => c.dropped).join('/')}, offset ${report.worstOffsetMs} ms)`,
      );
    }
  }
} finally {
  await browser.close();
  serve.proc.kill('SIGTERM');
}

const machine = describeMachine({ browser: `Chromium ${browser.version()}` }).text;
const table = [
  `Machine: ${machine}`,
  `Load average (1, 5, 15 min) before ${loadBefore}, after ${loadAverages()}.`,
  `Recording ${RECORD_S} s at ${FPS} frames/s as the app does: H.264 in WebM (VP8 where H.264 is missing), previews on, chunks uploaded every 0.5 s, cameras cut to their common span.`,
  "Nominal = the recording's wall-clock length x the frame rate, so a camera can show a frame over it.",
  '',
  '| resolution | cameras | frames kept per camera (of nominal) | worst camera | dropped (gaps) | worst offset |',
  '|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.resolution} | ${r.cameras} | ${r.perCamera.map((c) => `${c.kept}/${c.nominal}`).join(', ')} | ${r.minPct.toFixed(0)} % | ${r.perCamera.map((c) => c.dropped).join(', ')} | ${r.worstOffsetMs} ms |`,
  ),
].join('\n');
console.log(`\n${table}`);
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'capture.md'), `${table}\n`);
rmSync(work, { recursive: true, force: true });
