// A trial of the Pose2Sim demo's four calibrated cameras in the browser, analysed with the scene
// calibration: the session page lists its 3D analysis by name with its reason, and review offers it
// in the camera selector, showing the 3D skeleton projected onto the first camera's video. He
// balances on one leg and does not walk, so the 3D gait analysis is stored as failed and says so.
// An analysed 3D trial (a walk) is reviewed in analysed-3d.test.ts, on virtual cameras.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { TRIANGULATED_CAMERA, type TrialAnalysisView } from '../../src/shared/api/analysis-types';
import { seriousViolations } from '../helpers/axe';
import { openBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { callLab, type TrialLab } from '../helpers/analysed-trial';
import { REPO_ROOT } from '../helpers/serve-process';
import { createPose2SimLab } from '../helpers/pose2sim-lab';
import { skeletonPixels as paintedSkeletonPixels } from '../helpers/skeleton-canvas';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');

let lab: TrialLab;
let s: BrowserSession;
let page: Page;
let threeD: TrialAnalysisView;
/** The cameras the page asked for a skeleton of (analysis.poseTrack requests). */
const poseTrackCameras: Array<string | undefined> = [];

const skeletonPixels = () => paintedSkeletonPixels(page);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  lab = await createPose2SimLab();
  threeD = (await callLab<TrialAnalysisView | null>(lab.labDir, 'analysis.get', {
    trialId: lab.trial.id,
    camera: TRIANGULATED_CAMERA,
  }))!;
  expect(threeD.status).toBe('failed');
  s = await openBrowserSession(lab.labDir);
  page = s.page;
  page.on('request', (req) => {
    if (req.url().endsWith('/api/invoke/analysis.poseTrack'))
      poseTrackCameras.push((JSON.parse(req.postData() ?? '{}') as { camera?: string }).camera);
  });
}, 600_000);

afterAll(async () => {
  await s?.close();
});

describe('a trial of four calibrated cameras in the browser', () => {
  it('lists its 3D analysis on the session page by name, with why it failed', async () => {
    await page.goto(`${s.serve.url}#/sessions/${lab.session.id}`);
    const states = page.getByRole('list', { name: `Analysis of each camera of ${lab.trial.name}` });
    await states.waitFor({ timeout: 30_000 });
    // The cameras first, then the 3D analysis made from them.
    const rows = await states.locator('li').all();
    expect(await Promise.all(rows.map((li) => li.getAttribute('data-camera')))).toEqual([
      'frontal',
      'posterior',
      'sagittal-left',
      'sagittal-right',
      TRIANGULATED_CAMERA,
    ]);
    const row = states.locator(`li[data-camera="${TRIANGULATED_CAMERA}"]`);
    expect(await row.getAttribute('data-status')).toBe('failed');
    expect(await row.textContent()).toMatch(/^3D \(calibrated cameras\): failed\. The subject did not walk/);
    const reason = (await row.getByRole('alert').textContent()) ?? '';
    expect(reason).toContain(threeD.message);
    // The far-leg sentence belongs to a side camera, not to 3D.
    expect(reason).not.toMatch(/reports read the/);
    await expect
      .poll(async () => page.locator('dl.facts').textContent())
      .toMatch(
        /measured in 3D.*in metres from the camera calibration\. Otherwise distances are scaled from the patient's height, 1\.65 m\./,
      );
    await page.screenshot({ path: join(ARTIFACTS, 'session-3d-failed.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('offers 3D in review, with its reason, its notes and the 3D skeleton on the first camera’s video', async () => {
    await page.goto(`${s.serve.url}#/trials/${lab.trial.id}`);
    const choice = page.getByLabel('Camera');
    // The 3D analysis failed, so review opens on the first camera, as before.
    await page.getByText('The gait analysis could not be completed:').waitFor({ timeout: 30_000 });
    expect(await choice.inputValue()).toBe('sagittal-left');
    const option = choice.locator(`option[value="${TRIANGULATED_CAMERA}"]`);
    expect(await option.textContent()).toBe('3D (calibrated cameras)');

    poseTrackCameras.length = 0;
    await choice.selectOption({ label: '3D (calibrated cameras)' });
    const failure = page
      .getByRole('alert')
      .filter({ hasText: 'The 3D gait analysis could not be completed' });
    await failure.waitFor({ timeout: 30_000 });
    expect(await failure.textContent()).toContain(threeD.message);
    expect(await failure.textContent()).toMatch(
      /video of the sagittal-left camera and the 3D skeleton projected onto it are shown below.*What to do: This recording shows no walking/,
    );
    expect(poseTrackCameras).toEqual([TRIANGULATED_CAMERA]);
    // The triangulation's notes, as any analysis' notes are shown.
    const notes = page.getByRole('status').filter({ hasText: 'Check before trusting the numbers:' });
    expect(await notes.locator('li').allTextContents()).toEqual(threeD.warnings);
    await page.getByText('The 3D skeleton projected onto the video of the sagittal-left camera.').waitFor();
    expect(await page.getByLabel('Trial video').getAttribute('src')).toMatch(/\/sagittal-left\.mp4(\?|$)/);
    // Person and floor marks are chosen on a camera, not on 3D.
    expect(await page.getByText('Wrong person? Choose the patient', { exact: true }).count()).toBe(0);
    await page.getByText(/The 3D analysis follows one patient on every calibrated camera/).waitFor();

    // The video plays on the skeleton's clock: every frame of the reference camera, skeleton drawn.
    const readout = page.locator('.frame-readout');
    await expect
      .poll(async () => readout.textContent(), { timeout: 30_000 })
      .toMatch(/^Frame 0 \/ 99 · 0\.00 s$/);
    await page.getByRole('button', { name: 'Next frame' }).click();
    await expect.poll(async () => readout.textContent()).toMatch(/^Frame 1 \/ 99 · 0\.\d\d s$/);
    await expect.poll(skeletonPixels, { timeout: 30_000 }).toBeGreaterThan(500);
    await page.getByRole('checkbox', { name: 'Skeleton' }).uncheck();
    await expect.poll(skeletonPixels).toBe(0);
    await page.getByRole('checkbox', { name: 'Skeleton' }).check();
    await expect.poll(skeletonPixels).toBeGreaterThan(500);

    expect(await page.locator('main').textContent()).not.toMatch(/\b3d\b/);
    await page.screenshot({ path: join(ARTIFACTS, 'review-14-3d-failed.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('raised no console errors (CSP violations included)', () => {
    expect(s.consoleErrors).toEqual([]);
  });
});
