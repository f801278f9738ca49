// Review plays the camera's own file, on the file's clock, which need not be the walk's: a phone
// video whose picture starts after its sound (the camera started after the microphone) shows
// frame 0 at 0.4 s, and a phone's slow-motion file plays its frames four times slower than they
// were filmed (120 a second, played at 30). Frame k must be on screen when review says frame k,
// under its own skeleton.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BrowserSession } from '../helpers/browser-session';
import type { DemoCamera } from '../helpers/analysed-trial';
import { REPO_ROOT } from '../helpers/serve-process';
import { skeletonPixels } from '../helpers/skeleton-canvas';
import { trialVideoState } from '../helpers/trial-video';
import { analysedTrialInBrowser } from '../helpers/analysed-review';
import { distancesWhereTheyDiffer, frameGrey, GREY_SIDE_PX } from '../helpers/frame-picture';
import { SLOW_MOTION_OPTIONS } from '../helpers/video-variant';
import { trialDirRelative } from '../../src/main/store/lab-folder';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
const FPS = 30;
let s: BrowserSession | undefined;

/** The picture the video element shows, as GREY_SIDE_PX square grey levels. */
function shownGrey(p: Page): Promise<number[]> {
  return p.locator('video[aria-label="Trial video"]').evaluate((v, side) => {
    // No DOM types in the tests' TypeScript: the page's own objects, as they are used.
    const doc = (globalThis as unknown as { document: { createElement(t: 'canvas'): unknown } }).document;
    const canvas = doc.createElement('canvas') as {
      width: number;
      height: number;
      getContext(t: '2d'): {
        drawImage(v: unknown, x: number, y: number, w: number, h: number): void;
        getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
      };
    };
    canvas.width = side;
    canvas.height = side;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(v, 0, 0, side, side);
    const rgba = ctx.getImageData(0, 0, side, side).data;
    const out: number[] = [];
    for (let i = 0; i < rgba.length; i += 4)
      out.push(0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!);
    return out;
  }, GREY_SIDE_PX);
}

/**
 * Steps review to `frame` (of `frames`) and checks the player's clock reads `fileTimeS` and the
 * picture is that frame, not `wrongFrame` (what the walk's clock from 0 would show).
 */
async function reviewShowsItsFrame(
  camera: DemoCamera,
  at: { frame: number; frames: number },
  fileTimeS: number,
  wrongFrame: number,
  still: string,
) {
  const opened = await analysedTrialInBrowser([camera]);
  s = opened.session;
  const { lab } = opened;
  const page = s.page;
  await page.goto(`${s.serve.url}#/trials/${lab.trial.id}`);
  await page.getByRole('heading', { name: 'Video and skeleton' }).waitFor();
  await expect
    .poll(async () => (await trialVideoState(page)).readyState, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(2);
  await page.locator('video[aria-label="Trial video"]').focus();
  // Ten frames a step with Shift, then one at a time.
  for (let i = 0; i < Math.floor(at.frame / 10); i++) await page.keyboard.press('Shift+ArrowRight');
  for (let i = 0; i < at.frame % 10; i++) await page.keyboard.press('ArrowRight');
  await page.getByText(`Frame ${at.frame} / ${at.frames - 1}`).waitFor();
  await expect
    .poll(async () => {
      const st = await trialVideoState(page);
      return !st.seeking && Math.abs(st.currentTime - fileTimeS) < 0.01;
    })
    .toBe(true);
  const video = join(
    lab.labDir,
    trialDirRelative(lab.patient.id, lab.session.id, lab.trial.id),
    `${camera.camera}.mp4`,
  );
  const d = distancesWhereTheyDiffer(
    await shownGrey(page),
    frameGrey(video, at.frame),
    frameGrey(video, wrongFrame),
  );
  console.log(
    `${still}: at frame ${at.frame} (file time ${fileTimeS.toFixed(3)} s), over the ${d.pixels} pixels where frames ${at.frame} and ${wrongFrame} differ: ${d.toA.toFixed(1)} grey levels from frame ${at.frame}, ${d.toB.toFixed(1)} from frame ${wrongFrame}`,
  );
  expect(d.pixels).toBeGreaterThan(50);
  expect(d.toA).toBeLessThan(0.5 * d.toB);
  expect(await skeletonPixels(page)).toBeGreaterThan(500);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page
    .locator('section', { has: page.getByRole('heading', { name: 'Video and skeleton' }) })
    .screenshot({ path: join(ARTIFACTS, `${still}.png`) });
  expect(s.consoleErrors).toEqual([]);
}

afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe("review on the video file's clock", () => {
  it('a video whose picture starts 0.4 s after its sound: frame 120 at 0.4 s plus its time', async () => {
    const lateS = 0.4;
    await reviewShowsItsFrame(
      { camera: 'sagittal-left', soundFirstS: lateS },
      { frame: 120, frames: 230 },
      lateS + 120.5 / FPS,
      120 - lateS * FPS,
      'review-late-start-frame-120',
    );
  }, 600_000);

  it('a slow-motion file filmed at 120 frames/s to play at 30: frame 480 at four times its time', async () => {
    await reviewShowsItsFrame(
      { camera: 'sagittal-left', variant: SLOW_MOTION_OPTIONS },
      { frame: 480, frames: 920 },
      (4 * 480.5) / 120,
      120,
      'review-slow-motion-frame-480',
    );
  }, 600_000);
});
