// Review of a walk filmed in place (the Sports2D walk under a camera that pans with her, as a
// treadmill trial looks): the analysis recognises treadmill walking, measures steps at their
// contacts (speed and lengths from them), takes the speed the treadmill's console shows (refusing
// km/h typed as m/s) and reports speed and stride length from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { TrialAnalysisView } from '../../src/shared/api/analysis-types';
import type { BrowserSession } from '../helpers/browser-session';
import { callLab, type TrialLab } from '../helpers/analysed-trial';
import { seriousViolations } from '../helpers/axe';
import { REPO_ROOT } from '../helpers/serve-process';
import { analysedTrialInBrowser } from '../helpers/analysed-review';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
let lab: TrialLab;
let s: BrowserSession;
let page: Page;

const analysis = () => callLab<TrialAnalysisView>(lab.labDir, 'analysis.get', { trialId: lab.trial.id });
const parameterMean = async (parameter: string, side: 'left' | 'right') =>
  page.locator(`tr[data-parameter="${parameter}"] td[data-side="${side}"]`).getAttribute('data-mean');

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ lab, session: s } = await analysedTrialInBrowser([{ camera: 'sagittal-left', following: true }]));
  page = s.page;
}, 600_000);

afterAll(async () => {
  await s?.close();
});

describe('review of treadmill walking', () => {
  it('gives speed and lengths from the steps, and offers the belt speed instead', async () => {
    const a = await analysis();
    expect(a.mode).toBe('treadmill');
    expect(a.beltSpeedMps).toBeNull();
    await page.goto(`${s.serve.url}#/trials/${lab.trial.id}`);
    await page.getByRole('heading', { name: 'Video and skeleton' }).waitFor();
    await page
      .locator('#parameters-note')
      .getByText('On a treadmill (or under a camera that follows the patient) the feet do not advance')
      .waitFor();
    expect(await parameterMean('cadenceStepsPerMin', 'left')).not.toBe('');
    // Without the belt speed, speed and lengths come from the steps measured at their contacts.
    const measured = a.parameters.find((p) => p.parameter === 'speedMps')!.left.mean!;
    expect(measured).toBeGreaterThan(1);
    expect(Number(await parameterMean('speedMps', 'left'))).toBeCloseTo(measured, 6);
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Spatiotemporal parameters' }) })
      .screenshot({ path: join(ARTIFACTS, 'review-treadmill-steps.png') });
    // Floor marks measure nothing here: the belt speed panel stands in their place.
    expect(await page.getByText('Scale: measure metres from two floor marks').count()).toBe(0);
    await page.getByText('Treadmill: speed and lengths from the belt speed').waitFor();
  });

  it('refuses km/h typed as m/s, then analyses with the belt speed', async () => {
    const speed = page.getByLabel('Belt speed (m/s)');
    await speed.fill('3.6');
    await page.getByRole('button', { name: 'Analyse with this belt speed' }).click();
    await page
      .getByText('The belt speed must be in metres per second, between 0.1 and 2.5: 3.6 looks like km/h')
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .locator('.belt-speed')
      .screenshot({ path: join(ARTIFACTS, 'review-treadmill-belt-speed.png') });
    await speed.fill('1.0');
    await page.getByRole('button', { name: 'Analyse with this belt speed' }).click();
    await expect
      .poll(async () => (await analysis()).beltSpeedMps, { timeout: 240_000, interval: 500 })
      .toBe(1);
    await page.reload();
    await page
      .locator('#parameters-note')
      .getByText('Treadmill: speed is the belt speed, 1.00 m/s')
      .waitFor();
    expect(Number(await parameterMean('speedMps', 'left'))).toBeCloseTo(1, 6);
    const stride = Number(await parameterMean('strideLengthM', 'left'));
    const time = Number(await parameterMean('strideTimeS', 'left'));
    expect(stride).toBeCloseTo(time, 6);
    await page.screenshot({ path: join(ARTIFACTS, 'review-treadmill.png'), fullPage: true });
    expect(s.consoleErrors).toEqual([]);
  });
});
