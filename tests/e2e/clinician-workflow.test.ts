// The whole path a clinician takes, through the web bridge in Debian Chromium, on a real walk
// (../shared/data/sports2d_demo_sideview_walk/demo.mp4): create the patient and the session, import
// the video, analyse it with visible progress, review it, move one initial contact by 3 frames (the
// parameters follow), and print the report to PDF. Screenshots of every step: test-artifacts/e2e/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { REPO_ROOT, type ServeProcess } from '../helpers/serve-process';
import { sharedDataPath } from '../helpers/shared-data';
import { dragFirstMarker } from '../helpers/event-drag';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
const DEMO = 'sports2d_demo_sideview_walk/demo.mp4';
let work: string;
let s: BrowserSession;
let serve: ServeProcess;
let page: Page;
let consoleErrors: string[] = [];
const shot = (name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `workflow-${name}.png`), fullPage: true });
let sessionId = '';
let trialId = '';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'gaitlab-workflow-'));
  s = await openBrowserSession(join(work, 'lab'), { width: 1366, height: 900 });
  ({ serve, page, consoleErrors } = s);
});

afterAll(async () => {
  await s?.close();
});

async function parameterMean(parameter: string, side: 'left' | 'right'): Promise<number> {
  return Number(
    await page.locator(`tr[data-parameter="${parameter}"] td[data-side="${side}"]`).getAttribute('data-mean'),
  );
}

describe('the clinician workflow on a real walk', () => {
  it('creates the patient and the session', async () => {
    await page.goto(serve.url);
    await page.getByRole('link', { name: 'New patient' }).click();
    await page.getByLabel('Name (required)').fill('Sofia Walker');
    await page.getByLabel('Hospital ID').fill('GL-2041');
    await page.getByLabel('Date of birth').fill('2012-06-20');
    await page.getByLabel('Diagnosis').fill('Spastic hemiplegic CP');
    await page.getByLabel('Height (m)').fill('1.65');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await page.getByRole('heading', { name: 'Sofia Walker' }).waitFor();
    await page.getByLabel('Date', { exact: true }).fill('2026-11-02');
    await page.getByLabel('Condition').selectOption('barefoot');
    await page.getByLabel('Examiner').fill('PT Lind');
    await page.getByRole('button', { name: 'Create session' }).click();
    await page.getByRole('heading', { name: /Session 2026-11-02/ }).waitFor();
    sessionId = /#\/sessions\/([^/]+)/.exec(page.url())![1]!;
    await shot('01-session');
  });

  it('imports the video', async () => {
    await page.getByRole('link', { name: 'Import video' }).click();
    await page.getByRole('heading', { name: 'Import video' }).waitFor();
    await page.getByLabel('New trial name').fill('Walk 1');
    await page.getByLabel('Video files').setInputFiles(sharedDataPath(DEMO));
    await page.getByLabel('View of demo.mp4').selectOption('sagittal-left');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('1 of 1 file imported.').waitFor({ timeout: 120_000 });
    await shot('02-imported');
  });

  it('analyses it from the session page with visible progress', async () => {
    await page.goto(`${serve.origin}/#/sessions/${sessionId}`);
    const row = page.locator('tr[data-trial-id]').filter({ hasText: 'Walk 1' });
    trialId = (await row.getAttribute('data-trial-id'))!;
    await page.getByRole('button', { name: 'Analyse Walk 1' }).click();
    await expect
      .poll(async () => (await row.locator('.job-text').textContent()) ?? '', {
        timeout: 90_000,
        interval: 250,
      })
      .toMatch(/\d+ %/);
    expect(await row.getByRole('progressbar').isVisible()).toBe(true);
    await shot('03-analysing');
    await row.getByRole('link', { name: 'Open review of Walk 1' }).waitFor({ timeout: 300_000 });
    await shot('04-analysed');
  });

  it('reviews it and moves one initial contact by 3 frames; the parameters follow', async () => {
    await page.getByRole('link', { name: 'Open review of Walk 1' }).click();
    await page.getByRole('heading', { name: 'Walk 1: review' }).waitFor();
    await page.locator('.angle-time .main-svg').first().waitFor({ timeout: 60_000 });
    const fps = Number(
      (await page.locator('.provenance dd').first().textContent())?.match(/([\d.]+) frames\/s/)?.[1] ?? 30,
    );
    await shot('05-review');
    const before = await parameterMean('strideTimeS', 'left');
    const n = Number(
      (await page.locator('tr[data-parameter="strideTimeS"] td[data-side="left"] .n').textContent())?.match(
        /\d+/,
      )?.[0],
    );
    await dragFirstMarker(page.locator('.event-marker[data-side="left"][data-kind="initial-contact"]'), 3);
    await page.getByRole('status').filter({ hasText: 'Moved left initial contact by +3 frames' }).waitFor();
    const after = await parameterMean('strideTimeS', 'left');
    console.log(
      `workflow: left stride time ${before.toFixed(4)} -> ${after.toFixed(4)} s over ${n} strides at ${fps} fps`,
    );
    // The first left stride is 3 frames shorter; the mean moves by that divided by the strides averaged.
    expect(after - before).toBeCloseTo(-3 / fps / n, 3);
    await shot('06-event-moved');
  });

  it('prints the report to PDF with the header, the parameter table and the curves', async () => {
    await page.goto(`${serve.origin}/#/sessions/${sessionId}`);
    await page.getByRole('link', { name: 'Sofia Walker' }).click();
    await page.getByRole('link', { name: 'Report', exact: true }).click();
    await page.waitForSelector('html[data-report-ready="true"]', { state: 'attached', timeout: 60_000 });
    await shot('07-report');
    const pdfPath = join(ARTIFACTS, 'workflow-report.pdf');
    writeFileSync(pdfPath, await page.pdf({ format: 'A4', printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    for (const expected of [
      'Sofia Walker',
      'GL-2041',
      '2026-11-02',
      'barefoot',
      'Walking speed',
      'Knee flexion',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/edited by hand|hand-edited|edited/i);
    execFileSync('pdftoppm', ['-png', '-r', '50', pdfPath, join(ARTIFACTS, 'workflow-report-page')]);
    expect(trialId).not.toBe('');
  });

  it('raised no console errors (CSP violations included)', () => {
    expect(consoleErrors).toEqual([]);
  });
});
