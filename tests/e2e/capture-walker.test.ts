// A real walking video played as the camera (Chromium's file-backed fake camera): what the lab
// records must be that walk, frame for frame, ready for the pose engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { invoke, REPO_ROOT, startServe, type ServeProcess } from '../helpers/serve-process';
import { launchChromium } from '../helpers/chromium';
import type { CaptureReport, TrialVideo } from '../../src/shared/api/ops/capture';
import { decodedFrameCount } from '../integration/capture/media-fixtures';
import type { TrialAnalysisView } from '../../src/shared/api/analysis-types';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
const WALK_MP4 = resolve(REPO_ROOT, '../shared/data/sports2d_demo_sideview_walk/demo.mp4');
const THUMB_W = 64;
const THUMB_H = 36;

let work: string;
let serve: ServeProcess;
let browser: Browser;
let page: Page;

/** Every frame as a tiny grey thumbnail, to compare pictures without caring about compression. */
function thumbnails(path: string): Float64Array[] {
  const raw = execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-i',
      path,
      '-fps_mode',
      'passthrough',
      '-vf',
      `scale=${THUMB_W}:${THUMB_H},format=gray`,
      '-f',
      'rawvideo',
      'pipe:1',
    ],
    { maxBuffer: 1 << 28 },
  );
  const n = THUMB_W * THUMB_H;
  const frames: Float64Array[] = [];
  for (let f = 0; (f + 1) * n <= raw.length; f++)
    frames.push(Float64Array.from(raw.subarray(f * n, (f + 1) * n)));
  return frames;
}

function correlation(a: Float64Array, b: Float64Array): number {
  const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

beforeAll(async () => {
  if (!existsSync(WALK_MP4))
    throw new Error(`${WALK_MP4} is missing: the shared data checkout must sit beside the repository.`);
  mkdirSync(ARTIFACTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'gaitlab-walk-'));
  const y4m = join(work, 'walk.y4m');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    WALK_MP4,
    '-vf',
    'scale=640:360,fps=30',
    '-pix_fmt',
    'yuv420p',
    y4m,
  ]);
  serve = await startServe(join(work, 'lab'));
  browser = await launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${y4m}`,
  ]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(serve.url);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('recording a real walk', () => {
  it('records the walker and analyses the recording into gait cycles', async () => {
    const p = await invoke(serve, 'patients.create', { name: 'Walker', heightM: 1.6 });
    const s = await invoke(serve, 'sessions.create', {
      patientId: (p.result as { id: string }).id,
      date: '2026-10-02',
      condition: 'shoes',
    });
    const sessionId = (s.result as { id: string }).id;
    await page.goto(`${serve.origin}/#/sessions/${sessionId}/record`);
    await expect.poll(() => page.locator('figure[data-device-label]').count(), { timeout: 15_000 }).toBe(1);
    await page.getByLabel('View of camera 1').selectOption('sagittal-left');
    await page.getByLabel('Resolution').selectOption('640 x 360');
    await page.getByLabel('Frame rate (frames/s)').selectOption('30');
    await page.getByLabel('Countdown').selectOption('0');
    await page.getByLabel('Trial name').fill('Side walk');
    await expect
      .poll(() => page.getByRole('button', { name: 'Record', exact: true }).isEnabled(), { timeout: 15_000 })
      .toBe(true);
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.getByRole('timer', { name: 'Elapsed time' }).waitFor({ timeout: 15_000 });
    // The whole pass: she enters at about 1 s and leaves the picture at about 6.5 s.
    await page.waitForTimeout(7000);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText(/Trial saved: 1 camera/).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'capture-06-walker.png'), fullPage: true });

    const trial = (
      (await invoke(serve, 'trials.list', { sessionId })).result as Array<{ id: string; status: string }>
    )[0]!;
    expect(trial.status).toBe('recorded');
    // The op the pose engine and gait analysis use to find a trial's videos.
    const videos = (await invoke(serve, 'capture.videos', { trialId: trial.id })).result as TrialVideo[];
    expect(videos).toHaveLength(1);
    expect(videos[0]).toMatchObject({ camera: 'sagittal-left', view: 'sagittal-left', startOffsetMs: 0 });
    const recorded = videos[0]!.absolutePath;
    const report = (await invoke(serve, 'capture.report', { trialId: trial.id })).result as CaptureReport;
    expect(decodedFrameCount(recorded)).toBe(report.cameras[0]!.frameCount);
    const cam = report.cameras[0]!;
    console.log(
      `walker: ${cam.frameCount} of ${cam.expectedFrameCount} frames, dropped ${cam.droppedFrames}, ${cam.durationS.toFixed(2)} s`,
    );
    // The file-backed fake camera decodes the clip on the same two cores, so a few frames may go.
    expect(cam.frameCount).toBeGreaterThanOrEqual(Math.floor(0.8 * cam.expectedFrameCount));

    // Each sampled recorded frame must be a frame of the walk (the walker at some point of the clip),
    // and the matches must move forward in time: the recording shows her walking, not a still.
    const source = thumbnails(join(work, 'walk.y4m'));
    const mine = thumbnails(recorded);
    const samples = [0.15, 0.35, 0.55, 0.75, 0.95].map((f) => Math.floor(f * (mine.length - 1)));
    const matches = samples.map((i) => {
      let best = -1;
      let bestJ = -1;
      for (const [j, src] of source.entries()) {
        const r = correlation(mine[i]!, src);
        if (r > best) [best, bestJ] = [r, j];
      }
      return { recordedFrame: i, sourceFrame: bestJ, r: best };
    });
    console.log('recorded frame -> walk frame:', JSON.stringify(matches));
    for (const m of matches) expect(m.r).toBeGreaterThan(0.95);
    expect(new Set(matches.map((m) => m.sourceFrame)).size).toBeGreaterThanOrEqual(4);

    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-ss',
      '2',
      '-i',
      recorded,
      '-frames:v',
      '1',
      join(ARTIFACTS, 'capture-07-walker-still.png'),
    ]);

    // The recorded trial goes straight into pose estimation and gait analysis, as from the session page.
    const started = await invoke(serve, 'analysis.start', { trialId: trial.id });
    expect(started.ok, JSON.stringify(started.error)).toBe(true);
    await expect
      .poll(
        async () =>
          ((await invoke(serve, 'trials.get', { id: trial.id })).result as { status: string }).status,
        { timeout: 240_000, interval: 1000 },
      )
      .toMatch(/^(analysed|failed)$/);
    const analysis = (await invoke(serve, 'analysis.get', { trialId: trial.id })).result as TrialAnalysisView;
    const cycles = (side: string) => analysis.cycles.filter((c) => c.side === side && !c.excluded).length;
    console.log(
      `recorded walk analysed: ${analysis.status} ${analysis.message} - cycles left ${cycles('left')}, right ${cycles('right')}`,
    );
    expect(analysis.status).toBe('analysed');
    expect(cycles('left')).toBeGreaterThanOrEqual(1);
    expect(cycles('right')).toBeGreaterThanOrEqual(1);
    expect(analysis.curves.some((c) => c.variable === 'knee_flexion' && c.includedCycles > 0)).toBe(true);
  });
});
