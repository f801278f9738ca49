// A trial from an anamorphic camera (HDV, DV: pixels stored narrower than shown), in the browser:
// the landmarks are in the picture as shown, and the browser shows the video at that shape, so the
// skeleton sits on the walker instead of on a picture squeezed under it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { PoseTrackView } from '../../src/shared/api/analysis-types';
import type { BrowserSession } from '../helpers/browser-session';
import { callLab, type TrialLab } from '../helpers/analysed-trial';
import { REPO_ROOT } from '../helpers/serve-process';
import { skeletonPixels } from '../helpers/skeleton-canvas';
import { showsFrame, trialVideoState } from '../helpers/trial-video';
import { analysedTrialInBrowser } from '../helpers/analysed-review';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
/** The walk's 1768 px width stored as 1326 pixels, each shown 4/3 as wide. */
const ANAMORPHIC = ['-vf', 'scale=1326:994,setsar=4/3'];
let lab: TrialLab;
let s: BrowserSession;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ lab, session: s } = await analysedTrialInBrowser([{ camera: 'sagittal-left', variant: ANAMORPHIC }]));
  page = s.page;
}, 600_000);

afterAll(async () => {
  await s?.close();
});

describe('review of an anamorphic video', () => {
  it('shows the picture at the shape its landmarks are in, the skeleton on the walker', async () => {
    const pose = await callLab<PoseTrackView>(lab.labDir, 'analysis.poseTrack', {
      trialId: lab.trial.id,
      camera: 'sagittal-left',
    });
    expect([pose.widthPx, pose.heightPx]).toEqual([1768, 994]);
    await page.goto(`${s.serve.url}#/trials/${lab.trial.id}`);
    await page.getByRole('heading', { name: 'Video and skeleton' }).waitFor();
    await expect
      .poll(async () => (await trialVideoState(page)).readyState, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(2);
    const shown = await trialVideoState(page);
    expect(shown.videoWidth / 994).toBeCloseTo(1768 / 994, 2);
    await page.locator('video[aria-label="Trial video"]').focus();
    for (let i = 0; i < 120; i++) await page.keyboard.press('ArrowRight');
    await page.getByText('Frame 120 / 229').waitFor();
    await expect.poll(() => showsFrame(page, 120, 30)).toBe(true);
    expect(await skeletonPixels(page)).toBeGreaterThan(500);
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Video and skeleton' }) })
      .screenshot({ path: join(ARTIFACTS, 'review-anamorphic-frame-120.png') });
    expect(s.consoleErrors).toEqual([]);
  });
});
