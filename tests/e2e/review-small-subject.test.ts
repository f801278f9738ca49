// Review of a patient small in a wide shot (the Sports2D walk at a quarter of its size in the middle
// of a grey picture of the same size: about 105 of its 994 px tall): review says the angles lose
// precision at that size and follows the patient, the part of the picture around her enlarged with
// the skeleton on her, so that the reviewer can see where the feet are; unticked, the whole picture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SMALL_SUBJECT_NOTE_START } from '../../src/main/gait/apparent-size';
import type { BrowserSession } from '../helpers/browser-session';
import type { TrialLab } from '../helpers/analysed-trial';
import { REPO_ROOT } from '../helpers/serve-process';
import { skeletonPixels } from '../helpers/skeleton-canvas';
import { showsFrame } from '../helpers/trial-video';
import { analysedTrialInBrowser } from '../helpers/analysed-review';
import { seriousViolations } from '../helpers/axe';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
const WIDE_SHOT = ['-vf', 'scale=442:249,pad=1768:994:663:500:color=gray'];
let lab: TrialLab;
let s: BrowserSession;
let page: Page;
/** The video's CSS transform ('' when the whole picture is shown). Evaluated as a string: no DOM types here. */
const videoTransform = () =>
  page.evaluate(
    `(() => document.querySelector('video[aria-label="Trial video"]').style.transform)()`,
  ) as Promise<string>;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ lab, session: s } = await analysedTrialInBrowser([{ camera: 'sagittal-left', variant: WIDE_SHOT }]));
  page = s.page;
}, 600_000);

afterAll(async () => {
  await s?.close();
});

describe('review of a patient small in the picture', () => {
  it('notes it and follows her, enlarged, with the skeleton on her', async () => {
    await page.goto(`${s.serve.url}#/trials/${lab.trial.id}`);
    await page.getByText(SMALL_SUBJECT_NOTE_START).waitFor();
    const follow = page.getByLabel(/^Follow the patient \(4\.0×\)$/);
    expect(await follow.isChecked()).toBe(true);
    await page.locator('video[aria-label="Trial video"]').focus();
    for (let i = 0; i < 120; i++) await page.keyboard.press('ArrowRight');
    await page.getByText('Frame 120 / 229').waitFor();
    await expect.poll(() => showsFrame(page, 120, 30)).toBe(true);
    expect(await videoTransform()).toMatch(/^scale\(4\) translate\(-\d+(\.\d+)?%, -\d+(\.\d+)?%\)$/);
    const followed = await skeletonPixels(page);
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Video and skeleton' }) })
      .screenshot({ path: join(ARTIFACTS, 'review-small-subject-followed.png') });
    expect(await seriousViolations(page)).toEqual([]);

    await follow.uncheck();
    await expect.poll(videoTransform).toBe('');
    const whole = await skeletonPixels(page);
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Video and skeleton' }) })
      .screenshot({ path: join(ARTIFACTS, 'review-small-subject-whole.png') });
    console.log(`skeleton pixels at frame 120: ${followed} followed (4x), ${whole} in the whole picture`);
    // Drawn four times larger, the skeleton covers many times the pixels.
    expect(whole).toBeGreaterThan(100);
    expect(followed).toBeGreaterThan(4 * whole);
    expect(s.consoleErrors).toEqual([]);
  });
});
