// Review of a trial whose camera dropped 12 frames (0.43 s) mid-walk: the skeleton is drawn on the
// video's own clock, so after the gap it is still on the walker; inside the gap review says there
// is no picture, and the analysis says how many instants had none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { PoseTrackView, TrialAnalysisView } from '../../src/shared/api/analysis-types';
import { openBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { analyseInProcess, callLab, createTrialLab, type TrialLab } from '../helpers/analysed-trial';
import { REPO_ROOT } from '../helpers/serve-process';
import { skeletonPixels } from '../helpers/skeleton-canvas';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
const NO_PICTURE = 'No picture at this instant: the camera dropped this frame';
let lab: TrialLab;
let whole: TrialLab;
let s: BrowserSession;
let page: Page;

const hip = (t: PoseTrackView, f: number) => ({ x: t.xPx[f * 33 + 23]!, y: t.yPx[f * 33 + 23]! });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  lab = await createTrialLab({
    cameras: [{ camera: 'sagittal-left', keepFrames: 'not(between(n\\,100\\,111))' }],
  });
  whole = await createTrialLab({ cameras: [{ camera: 'sagittal-left' }] });
  for (const l of [lab, whole]) {
    const done = await analyseInProcess(l.labDir, l.trial.id);
    expect(done.state, done.message).toBe('done');
  }
  s = await openBrowserSession(lab.labDir);
  page = s.page;
}, 600_000);

afterAll(async () => {
  await s?.close();
});

/** Steps review to `frame` with the arrow keys from where it is. */
async function goToFrame(frame: number, from: number): Promise<void> {
  await page.locator('video[aria-label="Trial video"]').focus();
  for (let i = from; i < frame; i++) await page.keyboard.press('ArrowRight');
  await page.getByText(`Frame ${frame} / 229`).waitFor();
}

describe('review of a video with dropped frames', () => {
  it('puts the skeleton where the whole video has it, on the video clock', async () => {
    const a = await callLab<TrialAnalysisView>(lab.labDir, 'analysis.get', { trialId: lab.trial.id });
    expect(a.warnings[0]).toMatch(/^The camera dropped frames: 12 of the 230 instants/);
    const gap = (await callLab<PoseTrackView>(lab.labDir, 'analysis.poseTrack', { trialId: lab.trial.id }))!;
    const ref = (await callLab<PoseTrackView>(whole.labDir, 'analysis.poseTrack', {
      trialId: whole.trial.id,
    }))!;
    expect(gap.frameCount).toBe(230);
    expect(gap.droppedFrames).toEqual(Array.from({ length: 12 }, (_, i) => 100 + i));
    // After the gap, frame 130 is the same instant as in the whole video: the hips agree.
    expect(gap.timeS[130]).toBeCloseTo(ref.timeS[130]!, 3);
    const d = Math.hypot(hip(gap, 130).x - hip(ref, 130).x, hip(gap, 130).y - hip(ref, 130).y);
    console.log(`left hip at frame 130: ${d.toFixed(1)} px from the whole video's`);
    expect(d).toBeLessThan(10);
  });

  it('says when the camera dropped the frame shown, and draws the walker after the gap', async () => {
    await page.goto(`${s.serve.url}#/trials/${lab.trial.id}`);
    await page.getByRole('heading', { name: 'Video and skeleton' }).waitFor();
    await page.getByText(NO_PICTURE).waitFor({ state: 'detached' });
    // The timeline marks the instants without a picture, apart from low pose confidence.
    expect(await page.locator('.timeline rect.dropped-frames title').allTextContents()).toEqual([
      'Frames 100-111: no picture (dropped by the camera)',
    ]);
    await goToFrame(104, 0);
    await page.getByText(NO_PICTURE).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'review-dropped-frame.png'), fullPage: true });
    await goToFrame(130, 104);
    expect(await page.getByText(NO_PICTURE).count()).toBe(0);
    // The picture has caught up with the frame counter (the video seeks to the frame's time).
    await expect
      .poll(() =>
        page.locator('video[aria-label="Trial video"]').evaluate((v) => {
          const e = v as unknown as { currentTime: number; seeking: boolean; readyState: number };
          return !e.seeking && e.readyState >= 2 && Math.abs(e.currentTime - 130.5 / 30) < 0.01;
        }),
      )
      .toBe(true);
    await expect.poll(() => skeletonPixels(page)).toBeGreaterThan(500);
    await page.screenshot({ path: join(ARTIFACTS, 'review-after-dropped-frames.png'), fullPage: true });
    expect(s.consoleErrors).toEqual([]);
  });
});
