// A trial analysed in 3D, in the browser: the Plug-in Gait walk seen by three virtual calibrated
// cameras (tests/helpers/virtual-3d-trial.ts; the test data has no multi-camera video of a walk).
// Review opens on the 3D analysis, with both legs' curves, step width and the 3D skeleton on the
// first camera's video; a single camera of the trial says that reports read the 3D analysis; the
// session's report reads the trial from its 3D analysis alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { TRIANGULATED_CAMERA, type TrialAnalysisView } from '../../src/shared/api/analysis-types';
import { seriousViolations } from '../helpers/axe';
import { openBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { callLab, type TrialLab } from '../helpers/analysed-trial';
import { REPO_ROOT } from '../helpers/serve-process';
import { createVirtual3dTrialLab, VIRTUAL_3D_CALIBRATION_FILE } from '../helpers/virtual-3d-trial';
import { skeletonPixels as paintedSkeletonPixels } from '../helpers/skeleton-canvas';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
const LABEL_3D = '3D (calibrated cameras)';
const CAMERA_NOTE =
  "Reports of this trial read its 3D analysis: events moved here change the sagittal-left camera's analysis only.";

let lab: TrialLab;
let s: BrowserSession;
let page: Page;
let threeD: TrialAnalysisView;

const skeletonPixels = () => paintedSkeletonPixels(page);

/** Cycles of each side in the 3D analysis' curves (the same for every joint). */
const cyclesOf = (side: 'left' | 'right') =>
  threeD.curves.find((c) => c.variable === 'knee_flexion' && c.side === side)!.includedCycles;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  lab = await createVirtual3dTrialLab();
  threeD = (await callLab<TrialAnalysisView | null>(lab.labDir, 'analysis.get', {
    trialId: lab.trial.id,
    camera: TRIANGULATED_CAMERA,
  }))!;
  expect(threeD.status).toBe('analysed');
  s = await openBrowserSession(lab.labDir);
  page = s.page;
}, 300_000);

afterAll(async () => {
  await s?.close();
});

describe('a trial analysed in 3D in the browser', () => {
  it('opens review on its 3D analysis: both legs, step width, the 3D skeleton on the first camera', async () => {
    await page.goto(`${s.serve.url}#/trials/${lab.trial.id}`);
    await page
      .getByRole('heading', { name: 'Joint angles over the gait cycle' })
      .waitFor({ timeout: 30_000 });
    const choice = page.getByLabel('Camera');
    expect(await choice.inputValue()).toBe(TRIANGULATED_CAMERA);
    expect(await choice.locator('option:checked').textContent()).toBe(LABEL_3D);

    // Both legs from the one analysis, in both planes: each side's mean and band drawn.
    const figure = (axis: string) => page.locator('.curve-grid figure').filter({ hasText: axis });
    for (const axis of ['Knee flexion (+) / extension', 'Hip abduction (+) / adduction']) {
      const f = figure(axis);
      expect(await f.locator('figcaption').textContent()).toContain(
        `(Left n=${cyclesOf('left')}, Right n=${cyclesOf('right')})`,
      );
      await f.locator('.main-svg').first().waitFor({ timeout: 30_000 });
      await expect.poll(async () => f.locator('.scatterlayer .trace').count()).toBe(4);
    }

    const width = page.locator('tr[data-parameter="stepWidthM"]');
    expect(await width.locator('th').textContent()).toBe('Step width');
    const stepWidth = threeD.parameters.find((p) => p.parameter === 'stepWidthM')!;
    for (const side of ['left', 'right'] as const)
      expect(Number(await width.locator(`td[data-side="${side}"]`).getAttribute('data-mean'))).toBeCloseTo(
        stepWidth[side].mean!,
        6,
      );
    expect(await page.locator('#parameters-note').textContent()).toContain(
      `Distances scaled from camera calibration ${VIRTUAL_3D_CALIBRATION_FILE}`,
    );

    // Its notes: those of the analysis (none here: the cameras agree), and what 3D review is.
    const notes = page.getByRole('status').filter({ hasText: 'Check before trusting the numbers:' });
    expect(await notes.locator('li').allTextContents()).toEqual(threeD.warnings);
    await page.getByText('The 3D skeleton projected onto the video of the sagittal-left camera.').waitFor();
    await page.getByText(/The 3D analysis follows one patient on every calibrated camera/).waitFor();
    expect(await page.getByText('Reports of this trial read its 3D analysis').count()).toBe(0);
    expect(await page.locator('.edit-status').textContent()).toBe('Events detected automatically.');
    expect(await page.getByLabel('Trial video').getAttribute('src')).toMatch(/\/sagittal-left\.mp4(\?|$)/);

    // The walk's frames, and the skeleton drawn over the grey picture mid-walk.
    const readout = page.locator('.frame-readout');
    await expect
      .poll(async () => readout.textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`^Frame 0 / ${threeD.frameCount - 1} · 0\\.00 s$`));
    for (let k = 0; k < 4; k++) await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(async () => readout.textContent()).toMatch(/^Frame 40 \//);
    await expect.poll(skeletonPixels, { timeout: 30_000 }).toBeGreaterThan(500);

    expect(await page.locator('main').textContent()).not.toMatch(/\b3d\b/);
    await page.screenshot({ path: join(ARTIFACTS, 'review-15-3d-analysed.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('says on a single camera that reports read the 3D analysis, and not on 3D', async () => {
    const choice = page.getByLabel('Camera');
    await choice.selectOption('sagittal-left');
    const note = page.getByRole('note').filter({ hasText: CAMERA_NOTE });
    await note.waitFor({ timeout: 30_000 });
    expect(await note.textContent()).toContain(`choose “${LABEL_3D}” above`);
    expect(await page.getByText('The 3D skeleton projected onto the video').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'review-16-3d-one-camera.png'), fullPage: true });

    await choice.selectOption({ label: LABEL_3D });
    await page.getByText('The 3D skeleton projected onto the video of the sagittal-left camera.').waitFor();
    expect(await page.getByRole('note').filter({ hasText: CAMERA_NOTE }).count()).toBe(0);
  });

  it("reads the trial from its 3D analysis in the session's report", async () => {
    await page.goto(`${s.serve.url}#/reports/${lab.session.id}`);
    await page.waitForSelector('html[data-report-ready="true"]', { state: 'attached', timeout: 60_000 });
    const provenance = page.locator('.report-provenance-table');
    const row = (label: string) =>
      provenance.locator('tr', { has: page.getByRole('rowheader', { name: label }) });
    // One camera listed: the 3D analysis, not the three cameras it was made from.
    expect(await row('Cameras').locator('td').textContent()).toBe(
      `trial "${lab.trial.name}", 3D, triangulated from calibrated cameras, 1920x1080, ${threeD.fps} fps`,
    );
    expect(await row('Gait cycles').locator('td').textContent()).toBe(
      `left ${cyclesOf('left')}, right ${cyclesOf('right')}`,
    );
    expect(await row('Scale from').locator('td').textContent()).toContain(
      `camera calibration ${VIRTUAL_3D_CALIBRATION_FILE}`,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'report-3d-analysed.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('raised no console errors (CSP violations included)', () => {
    expect(s.consoleErrors).toEqual([]);
  });
});
