// Importing videos through the browser: two cameras synchronised by a clap, and a damaged file
// and a text file named .mp4 refused with a message and nothing kept. A phone's HEVC .mov is
// imported as it is, and its preview says the browser cannot show that format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { invoke, REPO_ROOT, type ServeProcess } from '../helpers/serve-process';
import type { CaptureReport } from '../../src/shared/api/ops/capture';
import { FIXTURE_FPS, makeClapFlashVideo } from '../integration/capture/media-fixtures';
import { sharedDataPath } from '../helpers/shared-data';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
let work: string;
let labDir: string;
let s: BrowserSession;
let serve: ServeProcess;
let page: Page;
let consoleErrors: string[] = [];
let sessionId = '';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'gaitlab-import-e2e-'));
  labDir = join(work, 'lab');
  s = await openBrowserSession(labDir, { width: 1280, height: 900 });
  ({ serve, page, consoleErrors } = s);
  await page.goto(serve.url);
});

afterAll(async () => {
  await s?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('importing videos in the browser', () => {
  it('imports two clips synchronised by the clap and refuses the bad files', async () => {
    const side = makeClapFlashVideo(work, 'side.mp4', 2.0);
    const front = makeClapFlashVideo(work, 'front.mp4', 3.3);
    const corrupt = join(work, 'corrupt.mp4');
    const bytes = readFileSync(side);
    writeFileSync(corrupt, bytes.subarray(0, Math.floor(bytes.length / 3)));
    const notes = join(work, 'notes.mp4');
    writeFileSync(notes, 'Walked 10 m barefoot, two passes.\n');

    const p = await invoke(serve, 'patients.create', { name: 'Import Patient' });
    const s = await invoke(serve, 'sessions.create', {
      patientId: (p.result as { id: string }).id,
      date: '2026-10-03',
      condition: 'AFO',
    });
    sessionId = (s.result as { id: string }).id;
    await page.goto(`${serve.origin}/#/sessions/${sessionId}`);
    await page.getByRole('link', { name: 'Import video' }).click();
    await page.getByRole('heading', { name: 'Import video' }).waitFor();
    await page.getByLabel('New trial name').fill('Imported walk');
    await page.getByLabel('Video files').setInputFiles([side, front, corrupt, notes]);
    await page.getByLabel('View of side.mp4').selectOption('sagittal-left');
    await page.getByLabel('View of front.mp4').selectOption('frontal');
    await page.getByLabel('View of corrupt.mp4').selectOption('sagittal-right');
    await page.getByLabel('View of notes.mp4').selectOption('posterior');
    await page.getByLabel('Synchronise by').selectOption('clap');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('2 of 4 files imported.').waitFor({ timeout: 60_000 });
    await page.getByRole('table', { name: 'Cameras of this trial' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'capture-08-import.png'), fullPage: true });

    expect(await page.locator('li[data-file="corrupt.mp4"]').textContent()).toMatch(
      /"corrupt\.mp4" is not a readable video: the file is damaged, truncated, or not a video despite its name\. Nothing was imported\./,
    );
    expect(await page.locator('li[data-file="notes.mp4"]').textContent()).toMatch(
      /"notes\.mp4" is not a readable video/,
    );

    const trials = (await invoke(serve, 'trials.list', { sessionId })).result as Array<{
      id: string;
      files: Array<{ camera: string }>;
    }>;
    expect(trials).toHaveLength(1);
    expect(trials[0]!.files.map((f) => f.camera).sort()).toEqual(['frontal', 'sagittal-left']);
    const report = (await invoke(serve, 'capture.report', { trialId: trials[0]!.id }))
      .result as CaptureReport;
    const frontOffset = report.cameras.find((c) => c.camera === 'frontal')!.startOffsetMs;
    console.log(`clap sync through the browser: frontal start offset ${frontOffset} ms (truth -1300 ms)`);
    expect(Math.abs(frontOffset - -1300)).toBeLessThan(1000 / FIXTURE_FPS);
    expect(await page.locator('tr[data-camera="frontal"] td').last().textContent()).toBe(
      frontOffset.toFixed(1),
    );

    // The side camera's file picked again, under another name, for the trial's missing camera.
    const again = join(work, 'side again.mp4');
    copyFileSync(side, again);
    expect(await page.getByLabel('Add to trial').inputValue()).toBe(trials[0]!.id);
    await page.getByLabel('Video files').setInputFiles([again]);
    await page.getByLabel('View of side again.mp4').selectOption('sagittal-right');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Nothing was imported.', { exact: true }).waitFor({ timeout: 60_000 });
    expect(await page.locator('li[data-file="side again.mp4"]').textContent()).toMatch(
      /"side again\.mp4" is the same file as the sagittal-left video of trial "Imported walk": each camera records its own\. Import the sagittal-right camera's file\. Nothing was imported\./,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'capture-08b-import-same-file.png'), fullPage: true });

    // Nothing of the refused files is left: not in the trial folder, not in the upload area.
    const all = readdirSync(labDir, { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile() && !e.name.startsWith('gaitlab.sqlite'),
    );
    expect(all.map((e) => e.name).sort()).toEqual(['frontal.mp4', 'sagittal-left.mp4']);
  });

  it('imports a phone HEVC .mov as it is, and says its preview cannot be shown here', async () => {
    const phone = join(work, 'IMG_0412.MOV');
    execFileSync('ffmpeg', [
      ...[
        '-v',
        'error',
        '-y',
        '-ss',
        '2.5',
        '-t',
        '1',
        '-i',
        sharedDataPath('sports2d_demo_sideview_walk/demo.mp4'),
      ],
      ...'-an -vf scale=1280:720 -c:v libx265 -preset ultrafast -tag:v hvc1 -x265-params log-level=error'.split(
        ' ',
      ),
      phone,
    ]);
    await page.goto(`${serve.origin}/#/sessions/${sessionId}`);
    await page.getByRole('link', { name: 'Import video' }).click();
    await page.getByLabel('New trial name').fill('Phone walk');
    await page.getByLabel('Video files').setInputFiles([phone]);
    await page.getByLabel('View of IMG_0412.MOV').selectOption('sagittal-right');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('1 of 1 file imported.').waitFor({ timeout: 60_000 });
    // Alone in its trial, a silent clip has nothing to be synchronised with: no clap is needed.
    expect(await page.getByText('could not be synchronised').count()).toBe(0);
    await page
      .getByText('This format cannot be shown here (for example HEVC from a phone, or AVI).')
      .waitFor();
    await page.getByText('One camera: nothing to synchronise.').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'capture-09-import-hevc.png'), fullPage: true });
  });

  it('raised no console errors (CSP violations included)', () => {
    expect(consoleErrors).toEqual([]);
  });
});
