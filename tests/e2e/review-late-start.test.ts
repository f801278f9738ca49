// A phone video whose picture starts 0.4 s after its sound (the camera started after the
// microphone), in the browser: the player's clock reads 0.4 s at the first frame, so review must
// show frame k at 0.4 s plus its time, or the skeleton is drawn 12 frames away from its picture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BrowserSession } from '../helpers/browser-session';
import { type TrialLab } from '../helpers/analysed-trial';
import { REPO_ROOT } from '../helpers/serve-process';
import { skeletonPixels } from '../helpers/skeleton-canvas';
import { trialVideoState } from '../helpers/trial-video';
import { analysedTrialInBrowser } from '../helpers/analysed-review';
import { trialDirRelative } from '../../src/main/store/lab-folder';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
const LATE_S = 0.4;
const FPS = 30;
const SIDE = 96;
let lab: TrialLab;
let s: BrowserSession;
let page: Page;

/** The picture the video element shows, as SIDE x SIDE grey levels. */
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
  }, SIDE);
}

/** Frame `n` of the trial's video (counted from its first frame) as ffmpeg decodes it, grey. */
function frameGrey(video: string, n: number): Uint8Array {
  return execFileSync('ffmpeg', [
    ...['-v', 'error', '-i', video, '-vf', `select=eq(n\\,${n}),scale=${SIDE}:${SIDE},format=gray`],
    ...['-frames:v', '1', '-f', 'rawvideo', 'pipe:1'],
  ]);
}

/**
 * Mean grey-level distance of `shown` from `a` and from `b`, over the pixels where a and b differ
 * (the walker's moving body; the still background and the browser's own colour conversion say nothing).
 */
function distancesWhereTheyDiffer(
  shown: ArrayLike<number>,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): { toA: number; toB: number; pixels: number } {
  let toA = 0;
  let toB = 0;
  let pixels = 0;
  for (let i = 0; i < a.length; i++) {
    if (Math.abs(a[i]! - b[i]!) < 24) continue;
    toA += Math.abs(shown[i]! - a[i]!);
    toB += Math.abs(shown[i]! - b[i]!);
    pixels++;
  }
  return { toA: toA / pixels, toB: toB / pixels, pixels };
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ lab, session: s } = await analysedTrialInBrowser([{ camera: 'sagittal-left', soundFirstS: LATE_S }]));
  page = s.page;
}, 600_000);

afterAll(async () => {
  await s?.close();
});

describe('review of a video that starts after its sound', () => {
  it('shows each frame under its own skeleton', async () => {
    await page.goto(`${s.serve.url}#/trials/${lab.trial.id}`);
    await page.getByRole('heading', { name: 'Video and skeleton' }).waitFor();
    await expect
      .poll(async () => (await trialVideoState(page)).readyState, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(2);
    await page.locator('video[aria-label="Trial video"]').focus();
    for (let i = 0; i < 120; i++) await page.keyboard.press('ArrowRight');
    await page.getByText('Frame 120 / 229').waitFor();
    // The player's clock: 0.4 s before frame 0, then the frame's own time.
    await expect
      .poll(async () => {
        const st = await trialVideoState(page);
        return !st.seeking && Math.abs(st.currentTime - (LATE_S + 120.5 / FPS)) < 0.01;
      })
      .toBe(true);
    const video = join(
      lab.labDir,
      trialDirRelative(lab.patient.id, lab.session.id, lab.trial.id),
      'sagittal-left.mp4',
    );
    const shown = await shownGrey(page);
    const d = distancesWhereTheyDiffer(shown, frameGrey(video, 120), frameGrey(video, 120 - LATE_S * FPS));
    console.log(
      `review at frame 120, over the ${d.pixels} pixels where frames 120 and 108 differ: ${d.toA.toFixed(1)} grey levels from frame 120, ${d.toB.toFixed(1)} from frame 108`,
    );
    expect(d.pixels).toBeGreaterThan(50);
    expect(d.toA).toBeLessThan(0.5 * d.toB);
    expect(await skeletonPixels(page)).toBeGreaterThan(500);
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Video and skeleton' }) })
      .screenshot({ path: join(ARTIFACTS, 'review-late-start-frame-120.png') });
    expect(s.consoleErrors).toEqual([]);
  });
});
