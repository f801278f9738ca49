// Pose2Sim's multi-person variant as a trial of four calibrated cameras, in the browser: the man
// balancing and a woman standing by are in view of every camera. The clinician opens the
// sagittal-left camera in review and points at the woman with "Wrong person?"; every other
// calibrated camera must then follow her as well, the 3D analysis must say which cameras were
// re-chosen, and a following camera's chooser must say whose patient it follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { TRIANGULATED_CAMERA, type TrialAnalysisView } from '../../src/shared/api/analysis-types';
import { seriousViolations } from '../helpers/axe';
import { openBrowserSession, type BrowserSession } from '../helpers/browser-session';
import type { TrialLab } from '../helpers/analysed-trial';
import { invoke, REPO_ROOT } from '../helpers/serve-process';
import { createPose2SimLab } from '../helpers/pose2sim-lab';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');

let lab: TrialLab;
let s: BrowserSession;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  lab = await createPose2SimLab({ multiperson: true });
  s = await openBrowserSession(lab.labDir);
  page = s.page;
}, 600_000);

afterAll(async () => {
  await s?.close();
});

/**
 * Waits for the trial's analysis job to start and end; returns the trial statuses seen while it
 * ran (four cameras' poses and the 3D analysis: the trial is "analysing" until all are done).
 */
async function analysisEnded(): Promise<Set<string>> {
  const running = async () =>
    ((await invoke(s.serve, 'analysis.jobs', { sessionId: lab.session.id })).result as unknown[]).length;
  const status = async () =>
    ((await invoke(s.serve, 'trials.get', { id: lab.trial.id })).result as { status: string }).status;
  await expect.poll(running, { timeout: 30_000, interval: 100 }).toBe(1);
  const seen = new Set<string>();
  const deadline = Date.now() + 300_000;
  for (;;) {
    const now = await status();
    if ((await running()) === 0) return seen;
    seen.add(now);
    if (Date.now() > deadline) throw new Error('The analysis did not end in 5 minutes.');
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('the patient chosen on one calibrated camera, in review', () => {
  it('follows the woman pointed at on the sagittal-left camera on all four cameras, and says so', async () => {
    await page.goto(`${s.serve.url}#/trials/${lab.trial.id}`);
    const choice = page.getByLabel('Camera');
    await choice.waitFor({ timeout: 30_000 });
    await choice.selectOption('sagittal-left');
    await page.getByText('Wrong person? Choose the patient', { exact: true }).click();
    const picture = page.locator('.person-picture');
    await picture.locator('img').waitFor({ timeout: 30_000 });
    // She stands nearer this camera than he does: the tallest box not followed now.
    const boxes = await picture.locator('.person-box').evaluateAll((els) =>
      els.map((e) => ({
        label: e.getAttribute('aria-label') ?? '',
        height: Number.parseFloat((e as unknown as { style: { height: string } }).style.height),
      })),
    );
    const her = boxes.filter((b) => !b.label.includes('followed')).sort((a, b) => b.height - a.height)[0]!;
    await picture.getByRole('button', { name: her.label }).click();
    await page.locator('.person-chooser').screenshot({ path: join(ARTIFACTS, 'review-17-choose-her.png') });
    const number = her.label.match(/Person (\d+)/)![1]!;
    await page.getByRole('button', { name: `Analyse following person ${number}` }).click();
    // Not "failed" (he and she balance and stand: no gait) while the other cameras are still posed.
    expect([...(await analysisEnded())]).toEqual(['analysing']);

    const threeD = (
      await invoke(s.serve, 'analysis.get', { trialId: lab.trial.id, camera: TRIANGULATED_CAMERA })
    ).result as TrialAnalysisView;
    for (const camera of ['sagittal-right', 'frontal', 'posterior'])
      expect(threeD.warnings.join(' ')).toContain(
        `The ${camera} camera was following someone other than the sagittal-left camera's patient`,
      );
    expect(threeD.warnings.join(' ')).not.toMatch(/disagreed with the others/);

    // The 3D view lists the re-chosen cameras among its notes.
    await page.reload();
    await choice.waitFor();
    await choice.selectOption(TRIANGULATED_CAMERA);
    const notes = page.getByRole('status').filter({ hasText: 'Check before trusting the numbers:' });
    await expect
      .poll(async () => notes.locator('li').allTextContents(), { timeout: 30_000 })
      .toEqual(threeD.warnings);
    await page.screenshot({ path: join(ARTIFACTS, 'review-18-3d-follows-her.png'), fullPage: true });

    // A following camera's chooser says whose patient it follows.
    await choice.selectOption('posterior');
    await page.getByText('Wrong person? Choose the patient', { exact: true }).click();
    const note = page.locator('.person-chooser').getByRole('note');
    await expect
      .poll(async () => note.textContent(), { timeout: 30_000 })
      .toMatch(/This camera follows the patient of the sagittal-left camera/);
    await page
      .locator('.person-chooser')
      .screenshot({ path: join(ARTIFACTS, 'review-19-posterior-follows.png') });
    // Its automatic choice is the leader's patient, not "the person who walks".
    await page
      .getByRole('button', { name: "Back to the automatic choice (the sagittal-left camera's patient)" })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The session page lists every camera and the 3D analysis made from them.
    await page.goto(`${s.serve.url}#/sessions/${lab.session.id}`);
    const states = page.getByRole('list', { name: `Analysis of each camera of ${lab.trial.name}` });
    await states.waitFor({ timeout: 30_000 });
    expect(await states.locator('li').count()).toBe(5);
    await page.screenshot({ path: join(ARTIFACTS, 'session-follow-patient.png'), fullPage: true });
  });

  it('raised no console errors (CSP violations included)', () => {
    expect(s.consoleErrors).toEqual([]);
  });
});
