// Through the web bridge in Debian Chromium: the same renderer and services as the desktop app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { invoke, REPO_ROOT, type ServeProcess } from '../helpers/serve-process';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
let s: BrowserSession;
let serve: ServeProcess;
let page: Page;
let consoleErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  s = await openBrowserSession(mkdtempSync(join(tmpdir(), 'gaitlab-e2e-')), { width: 1280, height: 900 });
  ({ serve, page, consoleErrors } = s);
});

afterAll(async () => {
  await s?.close();
});

describe('patients and sessions in the browser', () => {
  it('refuses a height of 175 in the metres field and an empty name, saving nothing', async () => {
    await page.goto(serve.url);
    await page.getByRole('link', { name: 'New patient' }).click();
    await page.getByLabel('Height (m)').fill('175');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await expect.poll(() => page.locator('#name-error').textContent()).toBe('Name is required.');
    expect(await page.locator('#heightM-error').textContent()).toBe(
      'Height is in metres: 175 looks like centimetres. Did you mean 1.75 m?',
    );
    expect(await page.getByRole('alert').first().textContent()).toContain('Nothing was saved');
    expect(await page.getByLabel('Height (m)').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: join(ARTIFACTS, '01-validation.png'), fullPage: true });
    expect(await invoke(serve, 'patients.list', { includeArchived: true })).toEqual({ ok: true, result: [] });
  });

  it('creates a patient and a session, reloads, and finds them', async () => {
    await page.getByLabel('Name (required)').fill('Mila Testpatient');
    await page.getByLabel('Hospital ID').fill('GL-0042');
    await page.getByLabel('Date of birth').fill('2016-04-12');
    await page.getByLabel('Diagnosis').fill('Spastic diplegic CP');
    await page.getByLabel('GMFCS level').selectOption('2');
    await page.getByLabel('Height (m)').fill('1.32');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await page.getByRole('heading', { name: 'Mila Testpatient' }).waitFor();
    expect(await page.locator('.subtitle').textContent()).toContain('GMFCS 2');

    await page.getByLabel('Date', { exact: true }).fill('2026-10-01');
    await page.getByLabel('Condition').selectOption('pre-op');
    await page.getByLabel('Examiner').fill('Dr Ortho');
    await page.getByRole('button', { name: 'Create session' }).click();
    await page.getByRole('heading', { name: /Session 2026-10-01 · pre-op/ }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: /Session 2026-10-01 · pre-op/ }).waitFor();
    await page.getByRole('link', { name: 'Mila Testpatient' }).click();
    await page.getByRole('link', { name: '2026-10-01' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, '02-patient.png'), fullPage: true });

    await page.getByRole('link', { name: 'Patients' }).first().click();
    await page.getByLabel('Search patients').fill('GL-0042');
    await page.getByRole('link', { name: 'Mila Testpatient' }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Mila Testpatient' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, '03-list.png'), fullPage: true });
  });

  it('archives and restores a patient without losing the sessions', async () => {
    await page.getByRole('link', { name: 'Mila Testpatient' }).click();
    await page.getByRole('button', { name: 'Archive patient' }).click();
    await page.getByRole('button', { name: 'Restore patient' }).waitFor();
    await page.getByRole('link', { name: 'Patients' }).first().click();
    await page.getByText('No patients yet').or(page.getByText('No patient matches')).waitFor();
    await page.getByLabel('Show archived').check();
    await page.getByRole('link', { name: 'Mila Testpatient' }).click();
    await page.getByRole('button', { name: 'Restore patient' }).click();
    await page.getByRole('button', { name: 'Archive patient' }).waitFor();
    await page.getByRole('link', { name: '2026-10-01' }).waitFor();
  });

  it("corrects a session's date and condition on its page, refusing a date before the birth", async () => {
    // A pre-op session entered as post-op is labelled so in every report and comparison.
    await page.getByRole('link', { name: '2026-10-01' }).click();
    await page.getByRole('heading', { name: /Session 2026-10-01 · pre-op/ }).waitFor();
    await page.getByRole('button', { name: 'Edit session details' }).click();
    expect(await page.getByLabel('Examiner').inputValue()).toBe('Dr Ortho');
    await page.getByLabel('Date', { exact: true }).fill('2016-01-01');
    await page.getByRole('button', { name: 'Save session details' }).click();
    await expect
      .poll(() => page.locator('#session-date-error').textContent())
      .toBe('The session date is before the date of birth.');
    await page.screenshot({ path: join(ARTIFACTS, '04-session-edit-refused.png'), fullPage: true });
    await page.getByLabel('Date', { exact: true }).fill('2026-10-02');
    await page.getByLabel('Condition').selectOption('post-op');
    await page.getByRole('button', { name: 'Save session details' }).click();
    await page.getByRole('heading', { name: /Session 2026-10-02 · post-op/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit session details' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, '05-session-edited.png'), fullPage: true });
    const patients = (await invoke(serve, 'patients.list', {})).result as Array<{ id: string }>;
    const sessions = await invoke(serve, 'sessions.list', { patientId: patients[0]!.id });
    expect(sessions.result).toMatchObject([
      { date: '2026-10-02', condition: 'post-op', examiner: 'Dr Ortho' },
    ]);
  });

  it('raised no console errors (CSP violations included)', () => {
    expect(consoleErrors).toEqual([]);
  });
});
