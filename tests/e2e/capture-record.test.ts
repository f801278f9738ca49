// Recording through the web bridge in Debian Chromium with fake cameras: set-up, a 5 s trial from
// three cameras with its sync report, cameras lost while recording (one, then all; plugged back in)
// or during the countdown, one back under a new device id (another USB port), and a server killed
// mid-recording that is recovered on restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { invoke, REPO_ROOT, startServe, type ServeProcess } from '../helpers/serve-process';
import { collectConsoleErrors, launchChromium } from '../helpers/chromium';
import type { CaptureReport, RecoveredTrial } from '../../src/shared/api/ops/capture';
import { DROP_WARNING_RATIO } from '../../src/main/capture/sync/capture-report';
import { decodedFrameCount, probeDurationS } from '../integration/capture/media-fixtures';
import { listInWords } from '../../src/shared/list-in-words';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
// Chromium's fake cameras run at 20 frames/s unless told otherwise.
const FAKE_CAMERAS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream=device-count=4,fps=30',
];
/** Chromium's fake device 1 is a depth camera that records black: not a camera a lab would use. */
const DEPTH_DEVICE_LABEL = 'fake_device_1';
const FPS = 30;
const FRAME_MS = 1000 / FPS;

let browser: Browser;
const labDirs: string[] = [];
/** A fresh lab folder, removed when the suite ends. */
function newLabDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  labDirs.push(dir);
  return dir;
}
const consoleErrors: string[] = [];

async function newSession(serve: ServeProcess): Promise<string> {
  const p = await invoke(serve, 'patients.create', { name: 'Capture Patient' });
  const s = await invoke(serve, 'sessions.create', {
    patientId: (p.result as { id: string }).id,
    date: '2026-10-01',
    condition: 'barefoot',
  });
  return (s.result as { id: string }).id;
}

async function openPage(serve: ServeProcess): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  collectConsoleErrors(page, consoleErrors);
  await page.goto(serve.url);
  return page;
}

/** Camera number (1-based, as labelled in the UI) of the fake device with this label. */
async function cameraNumber(page: Page, deviceLabel: string): Promise<number> {
  const labels = await page
    .locator('figure[data-device-label]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-device-label')));
  return labels.indexOf(deviceLabel) + 1;
}

/** Camera `n`'s cable pulled: the browser ends its track. */
async function unplug(page: Page, n: number): Promise<void> {
  await page.getByLabel(new RegExp(`^Live picture, camera ${n} `)).evaluate((v) => {
    const stream = (
      v as unknown as { srcObject: { getVideoTracks(): Array<EventTarget & { stop(): void }> } }
    ).srcObject;
    const track = stream.getVideoTracks()[0]!;
    track.stop();
    track.dispatchEvent(new Event('ended'));
  });
}

/** The browser says its cameras changed (one plugged in or out). */
async function devicesChanged(page: Page): Promise<void> {
  await page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { mediaDevices: EventTarget } }
    ).navigator.mediaDevices.dispatchEvent(new Event('devicechange')),
  );
}

/** Camera `n`'s preview shows a live picture at the 640 px chosen. */
async function expectLivePicture(page: Page, n: number): Promise<void> {
  await expect
    .poll(
      () =>
        page
          .getByLabel(new RegExp(`^Live picture, camera ${n} `))
          .evaluate((v) => (v as unknown as { videoWidth: number }).videoWidth),
      { timeout: 15_000 },
    )
    .toBe(640);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium(FAKE_CAMERAS);
});

afterAll(async () => {
  await browser?.close();
  for (const dir of labDirs) rmSync(dir, { recursive: true, force: true });
});

describe('recording from three cameras', () => {
  let serve: ServeProcess;
  let page: Page;
  let sessionId: string;

  beforeAll(async () => {
    serve = await startServe(newLabDir('gaitlab-capture-'));
    sessionId = await newSession(serve);
    page = await openPage(serve);
  });
  afterAll(async () => {
    await page?.close();
    await serve?.stop();
  });

  it('lists the cameras with live previews and remembers the set-up for the lab', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cameras' }).click();
    await page.getByRole('heading', { name: 'Camera set-up' }).waitFor();
    await expect.poll(() => page.locator('figure[data-device-label]').count(), { timeout: 15_000 }).toBe(4);
    const depth = await cameraNumber(page, DEPTH_DEVICE_LABEL);
    await page.getByLabel(`Record camera ${depth}`).uncheck();
    const others = [1, 2, 3, 4].filter((n) => n !== depth);
    const views = ['sagittal-left', 'sagittal-right', 'frontal'];
    for (const [i, n] of others.entries())
      await page.getByLabel(`View of camera ${n}`).selectOption(views[i]!);
    await page.getByLabel('Resolution').selectOption('640 x 360');
    await page.getByLabel('Frame rate (frames/s)').selectOption(String(FPS));
    await page.getByRole('button', { name: 'Save set-up' }).click();
    await page.getByText('Camera set-up saved for this lab.').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'capture-00-camera-setup.png'), fullPage: true });

    // The session's Record trial page starts from the lab's saved set-up.
    await page.goto(`${serve.origin}/#/sessions/${sessionId}`);
    await page.getByRole('link', { name: 'Record trial' }).click();
    await page.getByRole('heading', { name: 'Record trial' }).waitFor();
    await expect.poll(() => page.locator('figure[data-device-label]').count(), { timeout: 15_000 }).toBe(4);
    expect(await page.getByLabel(`Record camera ${depth}`).isChecked()).toBe(false);
    expect(await page.getByLabel(`View of camera ${others[1]}`).inputValue()).toBe('sagittal-right');
    // Every recording camera shows a live picture at the chosen size.
    for (const n of others) await expectLivePicture(page, n);
    // Each shows the rate its camera delivers; the fake ones keep the 30 asked for (a camera just
    // opened, on a loaded machine, starts slower: the preview warns only after two low readings).
    for (const n of others) {
      const caption = page
        .locator('figure[data-device-label]')
        .nth(n - 1)
        .locator('figcaption');
      const rate = async () =>
        Number(/(\d+\.\d) of 30 frames\/s/.exec((await caption.textContent()) ?? '')?.[1] ?? NaN);
      await expect.poll(rate, { timeout: 20_000 }).toBeGreaterThan(0.8 * FPS);
      console.log(`camera ${n} at set-up: gives ${await rate()} frames/s of ${FPS} asked for`);
      expect(await caption.getByRole('alert').count()).toBe(0);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'capture-01-setup.png'), fullPage: true });
  });

  it('records 5 s from three cameras into seekable, synchronised files', async () => {
    await page.getByLabel('Trial name').fill('Walk 1');
    await page.getByLabel('Countdown').selectOption('3');
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.getByRole('timer', { name: 'Countdown' }).waitFor();
    await page.getByRole('timer', { name: 'Elapsed time' }).waitFor({ timeout: 10_000 });
    const recordingSinceMs = Date.now();
    await page.waitForTimeout(2500);
    // A full-page screenshot costs the cameras frames on two cores: capture only the status line.
    await page
      .getByRole('timer', { name: 'Elapsed time' })
      .screenshot({ path: join(ARTIFACTS, 'capture-02-recording.png') });
    await page.waitForTimeout(Math.max(0, 5000 - (Date.now() - recordingSinceMs)));
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText(/Trial saved: 3 cameras/).waitFor({ timeout: 60_000 });
    await page.getByRole('table', { name: 'Cameras of this trial' }).waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'capture-03-report.png'), fullPage: true });

    const trials = (await invoke(serve, 'trials.list', { sessionId })).result as Array<{
      id: string;
      status: string;
      files: Array<{ kind: string }>;
    }>;
    expect(trials).toHaveLength(1);
    const trial = trials[0]!;
    expect(trial.status).toBe('recorded');
    expect(trial.files.filter((f) => f.kind === 'video')).toHaveLength(3);
    const report = (await invoke(serve, 'capture.report', { trialId: trial.id })).result as CaptureReport;
    const labDir = ((await invoke(serve, 'lab.info', {})).result as { labDir: string }).labDir;
    const durations: number[] = [];
    const summary: string[] = [];
    for (const c of report.cameras) {
      const path = join(labDir, c.relativePath);
      const decoded = decodedFrameCount(path);
      const durationS = probeDurationS(path);
      durations.push(durationS);
      summary.push(
        `${c.camera}: ${decoded} of ${c.expectedFrameCount} frames decoded (${((100 * decoded) / c.expectedFrameCount).toFixed(1)} %), ${durationS.toFixed(3)} s, dropped ${c.droppedFrames}, kept ${c.measuredFps} frames/s, offset ${c.startOffsetMs} ms`,
      );
    }
    console.log(
      `capture report: worst offset ${report.worstOffsetMs} ms, dropped ${report.totalDroppedFrames}\n  ${summary.join('\n  ')}`,
    );
    for (const c of report.cameras) {
      const path = join(labDir, c.relativePath);
      const decoded = decodedFrameCount(path);
      expect(decoded).toBe(c.frameCount);
      // Every frame of the span is in the file or counted as dropped (within a frame of timer
      // jitter), so the report cannot hide a loss. How many a loaded machine drops is not the
      // recorder's to promise: 94.4 % kept was seen in CI beside pose jobs. Below 80 % the camera
      // did not record at the rate asked for.
      const unaccounted = c.expectedFrameCount - (decoded + c.droppedFrames);
      expect(unaccounted).toBeGreaterThanOrEqual(0);
      expect(unaccounted).toBeLessThanOrEqual(1);
      expect(Math.abs(c.expectedFrameCount - c.durationS * c.measuredFps!)).toBeLessThanOrEqual(1);
      expect(decoded).toBeGreaterThanOrEqual(Math.floor(0.8 * c.durationS * FPS));
      // A camera losing more than 5 % is told on the page, with what to do.
      if (c.droppedFrames > DROP_WARNING_RATIO * c.expectedFrameCount)
        await page
          .getByText(`${c.camera} dropped ${c.droppedFrames} of ${c.expectedFrameCount} frames`)
          .waitFor();
      // The fake cameras run at the rate asked for, as the report measures from the frame times.
      expect(Math.abs(c.measuredFps! - FPS)).toBeLessThan(1);
      expect(c.durationS).toBeGreaterThan(4.5);
      expect(c.widthPx).toBe(640);
      expect(c.heightPx).toBe(360);
    }
    // Cut to the span all cameras recorded: lengths agree within a frame, and a frame a camera
    // dropped (on a loaded machine, reported) can shorten its file by one more.
    expect(Math.max(...durations) - Math.min(...durations)).toBeLessThanOrEqual(
      ((1 + report.totalDroppedFrames) * FRAME_MS) / 1000 + 1e-3,
    );
    expect(report.method).toBe('recorded-timestamps');
    expect(report.worstOffsetMs).toBeLessThan(500);
    // What is stored is what is shown.
    expect(await page.getByTestId('worst-offset').textContent()).toBe(
      `${report.worstOffsetMs.toFixed(1)} ms`,
    );
    expect(await page.getByTestId('total-dropped').textContent()).toBe(String(report.totalDroppedFrames));
    for (const c of report.cameras) {
      expect(await page.locator(`tr[data-camera="${c.camera}"] td`).last().textContent()).toBe(
        c.startOffsetMs.toFixed(1),
      );
    }
  });

  it('records on when a camera is unplugged, keeping what it recorded, and says so', async () => {
    const depth = await cameraNumber(page, DEPTH_DEVICE_LABEL);
    const frontal = [1, 2, 3, 4].filter((n) => n !== depth)[2]!;
    expect(await page.getByLabel(`View of camera ${frontal}`).inputValue()).toBe('frontal');
    await page.getByLabel('Trial name').fill('Walk 2');
    await page.getByLabel('Countdown').selectOption('0');
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.getByRole('timer', { name: 'Elapsed time' }).waitFor({ timeout: 10_000 });
    const recordingSinceMs = Date.now();
    await page.waitForTimeout(2000);
    // The frontal camera's cable pulled.
    await unplug(page, frontal);
    const lost = page.getByRole('alert').filter({ hasText: 'The frontal camera was lost' });
    await lost.waitFor();
    expect(await lost.textContent()).toMatch(
      /^The frontal camera was lost \d+\.\d s into the recording \(unplugged\?\): its video stops there and is kept; the other cameras record on\.$/,
    );
    const caption = page
      .locator('figure[data-device-label]')
      .nth(frontal - 1)
      .locator('figcaption');
    await expect.poll(() => caption.textContent()).toMatch(/ · no picture: the camera was lost$/);
    await page.screenshot({ path: join(ARTIFACTS, 'capture-02c-camera-lost.png'), fullPage: true });
    await page.waitForTimeout(Math.max(0, 5000 - (Date.now() - recordingSinceMs)));
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText(/Trial saved: 3 cameras/).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'capture-03c-camera-lost-report.png'), fullPage: true });
    // No next trial from a camera that gives no picture.
    await page
      .getByText(
        `Camera ${frontal} was lost (no picture): plug it back in (it opens again by itself) or untick it.`,
      )
      .waitFor();
    expect(await page.getByRole('button', { name: 'Record', exact: true }).isDisabled()).toBe(true);
    // Plugged back in: the browser says its devices changed, and the page opens the camera again.
    await devicesChanged(page);
    await expect.poll(() => caption.textContent(), { timeout: 15_000 }).not.toMatch(/no picture/);
    await expect
      .poll(() => page.getByRole('button', { name: 'Record', exact: true }).isDisabled(), { timeout: 15_000 })
      .toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'capture-03e-camera-back.png'), fullPage: true });

    const trials = (await invoke(serve, 'trials.list', { sessionId })).result as Array<{
      id: string;
      name: string;
    }>;
    const trial = trials.find((t) => t.name === 'Walk 2')!;
    const report = (await invoke(serve, 'capture.report', { trialId: trial.id })).result as CaptureReport;
    const length = (camera: string) => report.cameras.find((c) => c.camera === camera)!.durationS;
    console.log(
      `camera lost 2 s in: ${report.cameras.map((c) => `${c.camera} ${c.durationS.toFixed(2)} s`).join(', ')}`,
    );
    // The others recorded the whole 5 s; the frontal camera's 2 s are kept.
    expect(length('sagittal-left')).toBeGreaterThan(4.5);
    expect(length('sagittal-right')).toBeGreaterThan(4.5);
    expect(length('frontal')).toBeGreaterThan(1.5);
    expect(length('frontal')).toBeLessThan(3.5);
    const warning = report.warnings.find((w) => w.startsWith('frontal stopped'));
    expect(warning).toMatch(
      /^frontal stopped \d\.\d s before the other cameras \(unplugged, or taken by another program\): its video ends there; the others are kept to the end\.$/,
    );
    await page.getByText(warning!).waitFor();
    // Said once: not again as a difference in length.
    expect(report.warnings.filter((w) => /differ in length/.test(w))).toEqual([]);
  });

  it('stops by itself when every camera is lost, keeping what they recorded', async () => {
    // The cameras as the last test left them: the lost one plugged back in and open again.
    const depth = await cameraNumber(page, DEPTH_DEVICE_LABEL);
    const others = [1, 2, 3, 4].filter((n) => n !== depth);
    for (const n of others) await expectLivePicture(page, n);
    await page.getByLabel('Trial name').fill('Walk 3');
    await page.getByLabel('Countdown').selectOption('0');
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.getByRole('timer', { name: 'Elapsed time' }).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(2000);
    // The hub the three cameras hang on pulled: every track ends, and nobody presses Stop.
    for (const n of others) await unplug(page, n);
    await page.getByText(/Trial saved: 3 cameras/).waitFor({ timeout: 60_000 });
    const notice = (await page.getByRole('status').first().textContent()) ?? '';
    expect(notice).toMatch(
      /^Every camera was lost \(the last \d+\.\d s into the recording\), so the recording stopped by itself: what they recorded is saved\.$/,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'capture-03d-every-camera-lost.png'), fullPage: true });
    await page
      .getByText(
        `Cameras ${listInWords(others)} were lost (no picture): plug them back in (they open again by themselves) or untick them.`,
      )
      .waitFor();
    expect(await page.getByRole('button', { name: 'Record', exact: true }).isDisabled()).toBe(true);

    const trials = (await invoke(serve, 'trials.list', { sessionId })).result as Array<{
      id: string;
      name: string;
      status: string;
    }>;
    const trial = trials.find((t) => t.name === 'Walk 3')!;
    expect(trial.status).toBe('recorded');
    const report = (await invoke(serve, 'capture.report', { trialId: trial.id })).result as CaptureReport;
    console.log(
      `every camera lost 2 s in: ${report.cameras.map((c) => `${c.camera} ${c.durationS.toFixed(2)} s`).join(', ')}`,
    );
    expect(report.cameras).toHaveLength(3);
    for (const c of report.cameras) {
      expect(c.durationS).toBeGreaterThan(1.5);
      expect(c.durationS).toBeLessThan(3.5);
    }
  });

  it('records nothing when a camera is unplugged during the countdown, and says which', async () => {
    // The three cameras lost in the last test plugged back in: they open again.
    await devicesChanged(page);
    const depth = await cameraNumber(page, DEPTH_DEVICE_LABEL);
    const others = [1, 2, 3, 4].filter((n) => n !== depth);
    for (const n of others) await expectLivePicture(page, n);
    const trialsBefore = ((await invoke(serve, 'trials.list', { sessionId })).result as unknown[]).length;
    await page.getByLabel('Trial name').fill('Walk 4');
    await page.getByLabel('Countdown').selectOption('3');
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.getByRole('timer', { name: 'Countdown' }).waitFor();
    await unplug(page, others[2]!);
    await page
      .getByText('The frontal camera was lost during the countdown (unplugged?): nothing was recorded.')
      .waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'capture-03f-lost-in-countdown.png'), fullPage: true });
    expect(((await invoke(serve, 'trials.list', { sessionId })).result as unknown[]).length).toBe(
      trialsBefore,
    );
    expect(await page.getByRole('button', { name: 'Record', exact: true }).isDisabled()).toBe(true);
  });

  it('opens a lost camera again when it comes back under another device id, keeping its view', async () => {
    // The frontal camera lost in the last test is plugged into another USB port: the browser lists
    // it under a new id, with its name, and the old id opens nothing.
    const depth = await cameraNumber(page, DEPTH_DEVICE_LABEL);
    const frontal = [1, 2, 3, 4].filter((n) => n !== depth)[2]!;
    const label = (await page
      .locator('figure[data-device-label]')
      .nth(frontal - 1)
      .getAttribute('data-device-label'))!;
    await page.evaluate((name) => {
      type Constraints = { video?: { deviceId?: { exact?: string } } };
      type Devices = {
        enumerateDevices(): Promise<
          Array<{ deviceId: string; groupId: string; kind: string; label: string }>
        >;
        getUserMedia(c: Constraints): Promise<unknown>;
      };
      const md = (globalThis as unknown as { navigator: { mediaDevices: Devices } }).navigator.mediaDevices;
      const enumerate = md.enumerateDevices.bind(md);
      const open = md.getUserMedia.bind(md);
      const moved = 'another-usb-port';
      let oldId = '';
      md.enumerateDevices = async () =>
        (await enumerate()).map((d) => {
          if (d.kind !== 'videoinput' || d.label !== name) return d;
          oldId = d.deviceId;
          return { deviceId: moved, groupId: d.groupId, kind: d.kind, label: d.label };
        });
      md.getUserMedia = (c) => {
        const exact = c.video?.deviceId?.exact;
        if (exact === moved) return open({ ...c, video: { ...c.video, deviceId: { exact: oldId } } });
        if (exact && exact === oldId) return Promise.reject(new Error('Requested device not found'));
        return open(c);
      };
    }, label);
    const caption = page
      .locator('figure[data-device-label]')
      .nth(frontal - 1)
      .locator('figcaption');
    expect(await caption.textContent()).toMatch(/ · no picture: the camera was lost$/);
    await devicesChanged(page);
    await expect.poll(() => caption.textContent(), { timeout: 15_000 }).not.toMatch(/no picture/);
    await expectLivePicture(page, frontal);
    expect(await page.getByLabel(`View of camera ${frontal}`).inputValue()).toBe('frontal');
    await expect
      .poll(() => page.getByRole('button', { name: 'Record', exact: true }).isDisabled(), { timeout: 15_000 })
      .toBe(false);
    await page.screenshot({
      path: join(ARTIFACTS, 'capture-03g-camera-back-on-another-port.png'),
      fullPage: true,
    });
  });
});

describe('a server killed while recording', () => {
  it('recovers the trial on restart with the video up to the kill', async () => {
    const labDir = newLabDir('gaitlab-kill-');
    let serve = await startServe(labDir);
    const sessionId = await newSession(serve);
    const page = await openPage(serve);
    await page.goto(`${serve.origin}/#/sessions/${sessionId}/record`);
    await expect.poll(() => page.locator('figure[data-device-label]').count(), { timeout: 15_000 }).toBe(4);
    const depth = await cameraNumber(page, DEPTH_DEVICE_LABEL);
    for (const n of [1, 2, 3, 4])
      if (n !== depth && n !== 1 && n !== 3) await page.getByLabel(`Record camera ${n}`).uncheck();
    if (depth === 1 || depth === 3) throw new Error('unexpected fake device order');
    await page.getByLabel(`Record camera ${depth}`).uncheck();
    await page.getByLabel('Countdown').selectOption('0');
    await page.getByLabel('Trial name').fill('Interrupted walk');
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.getByRole('timer', { name: 'Elapsed time' }).waitFor({ timeout: 15_000 });
    const recordingSinceMs = Date.now();
    await page.waitForTimeout(3000);
    const killedAfterS = (Date.now() - recordingSinceMs) / 1000;
    await page.screenshot({ path: join(ARTIFACTS, 'capture-02b-recording-full.png'), fullPage: true });
    const killed = new Promise<void>((r) => serve.proc.once('exit', () => r()));
    serve.proc.kill('SIGKILL');
    await killed;
    await page.close();

    serve = await startServe(labDir);
    try {
      const page2 = await openPage(serve);
      const notice = page2.getByRole('status', { name: 'Recovered recordings' });
      await notice.waitFor({ timeout: 60_000 });
      expect(await notice.textContent()).toMatch(
        /Interrupted walk: Recovered after an interruption: \d+\.\d s from 2 cameras/,
      );
      await page2.screenshot({ path: join(ARTIFACTS, 'capture-04-recovered.png'), fullPage: true });
      await notice.getByRole('link', { name: 'Interrupted walk' }).click();
      await page2.getByRole('table', { name: 'Cameras of this trial' }).waitFor();
      await page2.screenshot({ path: join(ARTIFACTS, 'capture-05-recovered-report.png'), fullPage: true });

      const trials = (await invoke(serve, 'trials.list', { sessionId })).result as Array<{
        id: string;
        status: string;
        statusMessage: string;
      }>;
      expect(trials[0]!.status).toBe('recorded');
      const report = (await invoke(serve, 'capture.report', { trialId: trials[0]!.id }))
        .result as CaptureReport;
      expect(report.recovered).toBe(true);
      for (const c of report.cameras) {
        const decoded = decodedFrameCount(join(labDir, c.relativePath));
        console.log(
          `killed ${killedAfterS.toFixed(2)} s into the recording; recovered ${c.camera}: ${decoded} frames, ${c.durationS.toFixed(2)} s`,
        );
        expect(decoded / FPS).toBeGreaterThanOrEqual(2);
      }
      // Recovery runs once: a second window finds nothing left to recover.
      const again = (await invoke(serve, 'capture.recover', {})).result as { recovered: RecoveredTrial[] };
      expect(again.recovered).toEqual([]);
      await page2.close();
    } finally {
      await serve.stop();
    }
  });

  it('raised no console errors (CSP violations included)', () => {
    // The killed server makes the recording page's last uploads fail; those are expected.
    expect(
      consoleErrors.filter(
        (e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE/.test(e),
      ),
    ).toEqual([]);
  });
});
