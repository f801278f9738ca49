// A trial filmed with an interlaced camera, in the browser: analysed field by field (twice its
// frames), so review shows the copy with a picture per field, stepped field by field under the
// skeleton, instead of the browser's combed frames, half as many as the skeleton's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BrowserSession } from '../helpers/browser-session';
import type { TrialLab } from '../helpers/analysed-trial';
import { REPO_ROOT } from '../helpers/serve-process';
import { showsFrame, trialVideoState } from '../helpers/trial-video';
import { skeletonPixels } from '../helpers/skeleton-canvas';
import { analysedTrialInBrowser } from '../helpers/analysed-review';
import { INTERLACED_OPTIONS } from '../helpers/video-variant';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
let lab: TrialLab;
let s: BrowserSession;
let page: Page;

const videoState = () => trialVideoState(page);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ lab, session: s } = await analysedTrialInBrowser([
    { camera: 'sagittal-left', variant: INTERLACED_OPTIONS },
  ]));
  page = s.page;
}, 600_000);

afterAll(async () => {
  await s?.close();
});

describe('review of an interlaced video', () => {
  it('steps through its fields on the copy, the skeleton on each', async () => {
    await page.goto(`${s.serve.url}#/trials/${lab.trial.id}`);
    await page.getByRole('heading', { name: 'Video and skeleton' }).waitFor();
    await expect
      .poll(async () => (await videoState()).readyState, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(2);
    expect((await videoState()).currentSrc).toMatch(/sagittal-left\.review\.mp4/);
    // 115 frames of 15 a second, read as 230 fields of 30: field 101 is the second of frame 50.
    await page.locator('video[aria-label="Trial video"]').focus();
    for (let i = 0; i < 101; i++) await page.keyboard.press('ArrowRight');
    await page.getByText('Frame 101 / 229').waitFor();
    await expect.poll(() => showsFrame(page, 101, 30)).toBe(true);
    expect(await skeletonPixels(page)).toBeGreaterThan(500);
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Video and skeleton' }) })
      .screenshot({ path: join(ARTIFACTS, 'review-interlaced-field-101.png') });
    expect(s.consoleErrors).toEqual([]);
  });
});
