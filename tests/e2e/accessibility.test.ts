// axe-core on every page, under the app's real Content Security Policy: no serious or critical
// violation is allowed (see tests/helpers/axe.ts for how axe gets into the page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BrowserSession } from '../helpers/browser-session';
import type { ServeProcess } from '../helpers/serve-process';
import type { TrialLab } from '../helpers/analysed-trial';
import { seriousViolations } from '../helpers/axe';
import { analysedTrialInBrowser } from '../helpers/analysed-review';

let lab: TrialLab;
let s: BrowserSession;
let serve: ServeProcess;
let page: Page;
let consoleErrors: string[] = [];

beforeAll(async () => {
  ({ lab, session: s } = await analysedTrialInBrowser());
  ({ serve, page, consoleErrors } = s);
  await page.goto(serve.url);
});

afterAll(async () => {
  await s?.close();
});

describe('accessibility (axe-core, serious and critical)', () => {
  it('patients list', async () => {
    await page.getByRole('link', { name: 'Ada Walker' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('patient form, with validation messages shown', async () => {
    await page.goto(`${serve.origin}/#/patients/new`);
    await page.getByRole('button', { name: 'Create patient' }).click();
    await page.locator('#name-error').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('patient page', async () => {
    await page.goto(`${serve.origin}/#/patients/${lab.patient.id}`);
    await page.getByRole('heading', { name: 'Ada Walker' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('session page', async () => {
    await page.goto(`${serve.origin}/#/sessions/${lab.session.id}`);
    await page.getByRole('link', { name: 'Open review of Walk 1' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('trial review page, charts drawn', async () => {
    await page.goto(`${serve.origin}/#/trials/${lab.trial.id}`);
    await page.locator('.angle-time .main-svg').first().waitFor({ timeout: 60_000 });
    await page.locator('.curve-grid .main-svg').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('raised no console errors (CSP violations included)', () => {
    expect(consoleErrors).toEqual([]);
  });
});
