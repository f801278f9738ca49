// A trial filmed from both sides (the Sports2D walk, and mirrored as a camera on her other side
// sees it), analysed once: the review shows one camera at a time and switches between them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT, startServe, type ServeProcess } from '../helpers/serve-process';
import { collectConsoleErrors, launchChromium } from '../helpers/chromium';
import { analyseInProcess, createTrialLab, type TrialLab } from '../helpers/analysed-trial';
import { seriousViolations } from '../helpers/axe';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
let lab: TrialLab;
let serve: ServeProcess;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  lab = await createTrialLab({
    cameras: [{ camera: 'sagittal-left' }, { camera: 'sagittal-right', mirrored: true }],
  });
  const r = await analyseInProcess(lab.labDir, lab.trial.id);
  expect(r.state, r.message).toBe('done');
  serve = await startServe(lab.labDir);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  collectConsoleErrors(page, consoleErrors);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('review of a trial with a camera on each side', () => {
  it('opens on the left camera and switches to the right one, each with its far leg noted', async () => {
    await page.goto(`${serve.url}#/trials/${lab.trial.id}`);
    const choice = page.getByLabel('Camera');
    await page.locator('.angle-time .main-svg').first().waitFor({ timeout: 60_000 });
    expect(await choice.inputValue()).toBe('sagittal-left');
    const provenance = page.locator('.provenance');
    expect(await provenance.textContent()).toContain('(sagittal-left)');
    await page.getByText(/the right leg was the far one from the camera/).waitFor();

    await choice.selectOption('sagittal-right');
    await expect
      .poll(async () => provenance.textContent(), { timeout: 30_000 })
      .toContain('(sagittal-right)');
    await page.getByText(/the left leg was the far one from the camera/).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'review-11-right-camera.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
