// A trial filmed from both sides (the Sports2D walk, and mirrored as a camera on her other side
// sees it), analysed once: the review shows one camera at a time and switches between them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/serve-process';
import { openBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { analyseInProcess, createTrialLab, type TrialLab } from '../helpers/analysed-trial';
import { seriousViolations } from '../helpers/axe';
import { analysedTrialInBrowser } from '../helpers/analysed-review';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
let lab: TrialLab;
let s: BrowserSession;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ lab, session: s } = await analysedTrialInBrowser([
    { camera: 'sagittal-left' },
    { camera: 'sagittal-right', mirrored: true },
  ]));
}, 600_000);

afterAll(async () => {
  await s?.close();
});

describe('review of a trial with a camera on each side', () => {
  it('opens on the left camera and switches to the right one, each with its far leg noted', async () => {
    const { page } = s;
    await page.goto(`${s.serve.url}#/trials/${lab.trial.id}`);
    const choice = page.getByLabel('Camera');
    await page.locator('.angle-time .main-svg').first().waitFor({ timeout: 60_000 });
    expect(await choice.inputValue()).toBe('sagittal-left');
    const provenance = page.locator('.provenance');
    expect(await provenance.textContent()).toContain('(sagittal-left)');
    await page.getByText(/the right leg was the far one from the camera/).waitFor();

    await choice.selectOption('sagittal-right');
    await expect
      .poll(async () => provenance.textContent(), { timeout: 30_000 })
      .toContain('(sagittal-right)');
    await page.getByText(/the left leg was the far one from the camera/).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'review-11-right-camera.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});

describe('the session page of a trial with a camera on each side', () => {
  it('shows each camera, and why one failed', async () => {
    const other = await createTrialLab({
      cameras: [{ camera: 'sagittal-left' }, { camera: 'sagittal-right', nobody: true }],
    });
    const r = await analyseInProcess(other.labDir, other.trial.id);
    expect(r.state, r.message).toBe('done');
    const s2 = await openBrowserSession(other.labDir);
    try {
      const { page } = s2;
      await page.goto(`${s2.serve.url}#/sessions/${other.session.id}`);
      const states = page.getByRole('list', { name: `Analysis of each camera of ${other.trial.name}` });
      await states.waitFor({ timeout: 30_000 });
      expect(await states.locator('li[data-camera="sagittal-left"]').textContent()).toBe(
        'sagittal-left: analysed',
      );
      const right = states.locator('li[data-camera="sagittal-right"]');
      expect(await right.getAttribute('data-status')).toBe('failed');
      expect(await right.getByRole('alert').textContent()).toMatch(
        /Nobody was found in view.*reports read the right leg from the other camera/,
      );
      await page.screenshot({ path: join(ARTIFACTS, 'session-two-cameras-one-failed.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      expect(s2.consoleErrors).toEqual([]);
    } finally {
      await s2.close();
    }
  }, 600_000);
});

describe('the review of a trial with a frontal camera', () => {
  it('shows the frontal camera with its frontal-plane curves, on the side camera’s events', async () => {
    const front = await createTrialLab({
      cameras: [{ camera: 'sagittal-left' }, { camera: 'frontal', startS: 0.5 }],
    });
    const r = await analyseInProcess(front.labDir, front.trial.id);
    expect(r.state, r.message).toBe('done');
    const s3 = await openBrowserSession(front.labDir);
    try {
      const { page } = s3;
      await page.goto(`${s3.serve.url}#/trials/${front.trial.id}`);
      await page.locator('.angle-time .main-svg').first().waitFor({ timeout: 60_000 });
      await page.getByLabel('Camera').selectOption('frontal');
      const captions = page.locator('.curve-grid figcaption');
      await expect
        .poll(async () => (await captions.allTextContents()).join(' | '), { timeout: 30_000 })
        .toMatch(
          /Pelvic obliquity: Pelvic obliquity, up \(\+\), deg.*Hip ab\/adduction: Hip abduction \(\+\) \/ adduction, deg.*Knee varus\/valgus: Knee varus \(\+\) \/ valgus, deg/,
        );
      expect(await page.locator('.event-marker').count()).toBeGreaterThan(4);
      await page.getByText('Events from the side camera (a frontal camera cannot time them).').waitFor();
      await page.getByText(/Distances are not measured from a frontal camera \(timing comes from/).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'review-13-frontal-camera.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      expect(s3.consoleErrors).toEqual([]);
    } finally {
      await s3.close();
    }
  }, 600_000);
});
