// A trial filmed in a phone's default format (HEVC in a .mov), in the browser: Chromium cannot play
// HEVC, so review shows the H.264 copy that analysing made, frame for frame under the skeleton.
// When no copy is there (a trial analysed by an older version, or the copy removed), review says
// why the picture is missing instead of showing a black box under the skeleton.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { resolveInsideLab } from '../../src/main/store/lab-folder';
import type { TrialInfo } from '../../src/shared/api/entities';
import type { BrowserSession } from '../helpers/browser-session';
import { callLab, type TrialLab } from '../helpers/analysed-trial';
import { REPO_ROOT } from '../helpers/serve-process';
import { showsFrame, trialVideoState } from '../helpers/trial-video';
import { skeletonPixels } from '../helpers/skeleton-canvas';
import { analysedTrialInBrowser } from '../helpers/analysed-review';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
const CANNOT_PLAY = 'The viewer cannot play this video';
let lab: TrialLab;
let trial: TrialInfo;
let s: BrowserSession;
let page: Page;

const videoState = () => trialVideoState(page);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ lab, session: s } = await analysedTrialInBrowser([{ camera: 'sagittal-left', hevc: true }]));
  trial = await callLab<TrialInfo>(lab.labDir, 'trials.get', { id: lab.trial.id });
  page = s.page;
}, 600_000);

afterAll(async () => {
  await s?.close();
});

describe('review of a phone video', () => {
  it('plays the H.264 copy under the skeleton', async () => {
    await page.goto(`${s.serve.url}#/trials/${trial.id}`);
    await page.getByRole('heading', { name: 'Video and skeleton' }).waitFor();
    await expect
      .poll(async () => (await videoState()).readyState, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(2);
    const v = await videoState();
    expect(v.currentSrc).toMatch(/sagittal-left\.review\.mp4/);
    expect(v.videoWidth).toBe(1280);
    expect(await page.getByText(CANNOT_PLAY).count()).toBe(0);
    // Stepping frames moves the picture's clock with the frame counter.
    await page.getByRole('button', { name: 'Next frame' }).click();
    await page.getByRole('button', { name: 'Next frame' }).click();
    // Frame 2 is shown from the middle of its display interval.
    await expect.poll(() => showsFrame(page, 2, 30)).toBe(true);
    // Frame 100 (she walks in mid-picture): skeleton and picture together, for the eye.
    await page.locator('video[aria-label="Trial video"]').focus();
    for (let i = 0; i < 49; i++) await page.keyboard.press('ArrowRight');
    await page.getByText('Frame 51 / 229').waitFor();
    for (let i = 0; i < 49; i++) await page.keyboard.press('ArrowRight');
    await page.getByText('Frame 100 / 229').waitFor();
    await expect.poll(() => showsFrame(page, 100, 30)).toBe(true);
    expect(await skeletonPixels(page)).toBeGreaterThan(500);
    await page.screenshot({ path: join(ARTIFACTS, 'review-phone-video.png'), fullPage: true });
    expect(s.consoleErrors).toEqual([]);
  });

  it('says why the picture is missing when the copy is gone', async () => {
    const copy = trial.files.find((f) => f.kind === 'review-video')!;
    rmSync(resolveInsideLab(lab.labDir, copy.relativePath));
    await page.reload();
    await page.getByRole('alert').filter({ hasText: CANNOT_PLAY }).waitFor();
    const text = (await page.getByRole('alert').filter({ hasText: CANNOT_PLAY }).textContent()) ?? '';
    expect(text).toContain('Analyse the trial again from its session page to make a copy it can play');
    await page.screenshot({ path: join(ARTIFACTS, 'review-phone-video-missing-copy.png'), fullPage: true });
    // The skeleton, events and curves are still there to read.
    await page.getByRole('heading', { name: 'Gait cycles' }).waitFor();
  });
});
