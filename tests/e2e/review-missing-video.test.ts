// A trial's video moved or deleted outside GaitLab after its analysis (a sync tool, a clean-up):
// the session page says which file is missing before anyone presses Analyse, and review says so
// over the picture (it said the browser could not play the video's format, and to analyse again)
// while keeping the skeleton's numbers and curves. Put back, the video plays again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BrowserSession } from '../helpers/browser-session';
import { DEMO_CAMERA, type TrialLab } from '../helpers/analysed-trial';
import { REPO_ROOT } from '../helpers/serve-process';
import { analysedTrialInBrowser } from '../helpers/analysed-review';
import { seriousViolations } from '../helpers/axe';
import { resolveInsideLab, trialDirRelative } from '../../src/main/store/lab-folder';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
let lab: TrialLab;
let s: BrowserSession;
let page: Page;
let video = '';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ lab, session: s } = await analysedTrialInBrowser());
  page = s.page;
  video = resolveInsideLab(
    lab.labDir,
    `${trialDirRelative(lab.patient.id, lab.session.id, lab.trial.id)}/${DEMO_CAMERA}.mp4`,
  );
  renameSync(video, `${video}.moved`);
}, 600_000);

afterAll(async () => {
  await s?.close();
});

describe('a trial whose video was moved away after its analysis', () => {
  it('the session page names the missing file next to the trial', async () => {
    await page.goto(`${s.serve.url}#/sessions/${lab.session.id}`);
    const row = page.locator(`tr[data-trial-id="${lab.trial.id}"]`);
    await row
      .getByText(
        `Missing from the lab folder (moved or deleted outside GaitLab): ${DEMO_CAMERA}.mp4. Put it back where it was to analyse or review this trial.`,
      )
      .waitFor();
    expect(await row.getAttribute('data-status')).toBe('analysed');
    await page.screenshot({ path: join(ARTIFACTS, 'missing-video-session.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('review says the file is missing over the picture, and keeps the curves', async () => {
    await page.goto(`${s.serve.url}#/trials/${lab.trial.id}`);
    const stage = page.locator('.video-stage');
    await stage
      .getByText(`The video file (${DEMO_CAMERA}.mp4) is missing from the lab folder`, { exact: false })
      .waitFor();
    expect(await stage.getByText(/cannot play this video/).count()).toBe(0);
    await page.getByRole('heading', { name: 'Joint angles over time' }).waitFor();
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Video and skeleton' }) })
      .screenshot({ path: join(ARTIFACTS, 'missing-video-review.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('put back, the video plays again and nothing is said', async () => {
    renameSync(`${video}.moved`, video);
    await page.reload();
    await page.locator('video[aria-label="Trial video"]').waitFor();
    await expect
      .poll(() => page.evaluate(`document.querySelector('video[aria-label="Trial video"]').readyState`))
      .toBeGreaterThanOrEqual(2);
    expect(await page.locator('.video-stage [role="alert"]').count()).toBe(0);
  });
});
