// Review of a trial in which two people walk together (a child beside a therapist, made from the
// Sports2D walk: see WALKING_TOGETHER_OPTIONS). The automatic choice of whom to follow is a
// tie-break there: review says so and opens the person chooser without being asked, and pointing at
// the other walker analyses her, after which the note is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { TrialAnalysisView } from '../../src/shared/api/analysis-types';
import { OTHER_WALKER_NOTE_START } from '../../src/shared/analysis-notes';
import type { BrowserSession } from '../helpers/browser-session';
import { callLab, type TrialLab } from '../helpers/analysed-trial';
import { seriousViolations } from '../helpers/axe';
import { REPO_ROOT } from '../helpers/serve-process';
import { WALKING_TOGETHER_OPTIONS } from '../helpers/video-variant';
import { analysedTrialInBrowser } from '../helpers/analysed-review';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
let lab: TrialLab;
let s: BrowserSession;
let page: Page;

const analysis = () => callLab<TrialAnalysisView>(lab.labDir, 'analysis.get', { trialId: lab.trial.id });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ lab, session: s } = await analysedTrialInBrowser([
    { camera: 'sagittal-left', variant: WALKING_TOGETHER_OPTIONS },
  ]));
  page = s.page;
}, 600_000);

afterAll(async () => {
  await s?.close();
});

describe('review of two people walking together', () => {
  it('says another person walked with the patient and opens the person chooser', async () => {
    const note = (await analysis()).warnings.find((w) => w.startsWith(OTHER_WALKER_NOTE_START));
    expect(note).toBeDefined();
    await page.goto(`${s.serve.url}#/trials/${lab.trial.id}`);
    await page.getByText(OTHER_WALKER_NOTE_START).waitFor();
    // Open without a click: the people and the picture to point at are there.
    const chooser = page.locator('details.person-chooser');
    expect(await chooser.getAttribute('open')).not.toBeNull();
    await chooser.locator('.person-picture img').waitFor({ timeout: 30_000 });
    const other = Number(/person (\d+) under/.exec(note!)![1]);
    await chooser.getByRole('button', { name: `Person ${other}`, exact: true }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await chooser.screenshot({ path: join(ARTIFACTS, 'review-walking-together-chooser.png') });
    await page.getByRole('button', { name: `Analyse following person ${other}` }).click();
    await expect
      .poll(async () => (await analysis()).warnings.some((w) => w.startsWith(OTHER_WALKER_NOTE_START)), {
        timeout: 240_000,
        interval: 500,
      })
      .toBe(false);
    const after = await analysis();
    expect(after.status, after.message).toBe('analysed');
    await page.reload();
    await page.getByRole('heading', { name: 'Video and skeleton' }).waitFor();
    expect(await page.getByText(OTHER_WALKER_NOTE_START).count()).toBe(0);
    expect(await page.locator('details.person-chooser').getAttribute('open')).toBeNull();
  });
});
