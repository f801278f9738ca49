// The Report page in Debian Chromium through the web bridge: lab name and logo from Settings in
// the header, the clinician's interpretation saved and printed, the reference switched off, and
// no console error under the strict CSP.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import { invoke, REPO_ROOT, type ServeProcess } from '../helpers/serve-process';
import { readSharedText } from '../helpers/shared-data';
import { createReportLab, type ReportLab } from '../integration/report-pdf/report-lab';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
// A 2x2 red PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);
let lab: ReportLab;
let s: BrowserSession;
let serve: ServeProcess;
let page: Page;
let consoleErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  lab = await createReportLab();
  s = await openBrowserSession(lab.labDir, { width: 1280, height: 900 });
  ({ serve, page, consoleErrors } = s);
  const imported = await invoke(serve, 'normative.import', {
    format: 'csv',
    content: readSharedText(
      'normative_gait_curves/schwartz2008_TD_children_5speeds/derived_csv/schwartz2008_joint_rotations_deg.csv',
    ),
    name: 'Schwartz 2008',
    group: 'all',
  });
  expect(imported.ok).toBe(true);
});

afterAll(async () => {
  await s?.close();
});

const ready = () =>
  page.waitForSelector('html[data-report-ready="true"]', { state: 'attached', timeout: 60_000 });

describe('report page', () => {
  it('prints the lab name and logo set in Settings', async () => {
    await page.goto(`${serve.url}#/settings`);
    await page.getByLabel('Lab name').fill('Gait Lab North');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Lab settings saved.').waitFor();
    await page
      .getByLabel('Logo (PNG or JPEG, at most 512 KB)')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await page.getByAltText('Current logo').waitFor();
    expect(await page.getByTestId('normative-table').textContent()).toContain('Schwartz 2008 Free');
    await page.screenshot({ path: join(ARTIFACTS, 'report-settings.png'), fullPage: true });

    await page.goto(`${serve.url}#/reports/${lab.sessionA}?compare=${lab.sessionB}`);
    await ready();
    expect(await page.locator('.report-lab-name').textContent()).toBe('Gait Lab North');
    expect(await page.getByAltText('Gait Lab North logo').getAttribute('src')).toMatch(
      /^data:image\/png;base64,/,
    );
    // Automatic choice by walking speed among the five Schwartz bands.
    expect(await page.getByTestId('report-curve-legend').textContent()).toMatch(
      /Normal ± 1 SD \(Schwartz 2008 \w+\)/,
    );
    expect(await page.getByTestId('report-gps-table').textContent()).toContain('Against MCID 1.6 deg');
  });

  it('saves the interpretation and prints it in place of the editor', async () => {
    await page
      .getByLabel('Interpretation', { exact: true })
      .fill('Knee flexion at initial contact reduced after surgery.');
    await page.getByLabel('Clinician').fill('Dr Ada Surgeon');
    await page.getByRole('button', { name: 'Save interpretation' }).click();
    await page.getByText(/^Saved /).waitFor();
    await page.reload();
    await ready();
    expect(await page.getByLabel('Interpretation', { exact: true }).inputValue()).toBe(
      'Knee flexion at initial contact reduced after surgery.',
    );
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByLabel('Interpretation', { exact: true }).isVisible()).toBe(false);
    expect(await page.getByTestId('report-interpretation-print').textContent()).toContain(
      'reduced after surgery',
    );
    expect(await page.locator('.report-controls').isVisible()).toBe(false);
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'report-print-media.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('switches the reference off from the page: no band, no gait indices, and says why', async () => {
    await page.getByLabel('Normal reference').selectOption('none');
    await expect.poll(() => page.url()).toContain('normative=none');
    await ready();
    expect(await page.locator('.report-indices').textContent()).toContain(
      'No normative reference set selected',
    );
    expect(await page.getByTestId('report-curve-legend').textContent()).not.toContain('Normal ± 1 SD');
    await page.screenshot({ path: join(ARTIFACTS, 'report-screen.png'), fullPage: true });
  });

  it("opens the comparison from the patient's sessions", async () => {
    await page.goto(`${serve.url}#/patients/${lab.patientId}`);
    await page.getByRole('link', { name: 'Compare with 2026-11-02' }).click();
    await ready();
    expect(page.url()).toContain(`#/reports/${lab.sessionA}?compare=${lab.sessionB}`);
    expect(await page.locator('.report-title').textContent()).toBe(
      'Gait assessment: comparison of two sessions',
    );
  });

  it('says what is wrong and keeps the choices when a report cannot be made', async () => {
    await page.goto(`${serve.url}#/reports/${lab.c3dSession}?compare=${lab.sessionA}`);
    await page.waitForSelector('html[data-report-error]', { state: 'attached' });
    expect(await page.getByRole('alert').textContent()).toContain('same patient');
    await page.getByLabel('Compare with').selectOption('');
    await ready();
    expect(await page.locator('.report-title').textContent()).toBe('Gait assessment report');
    // The error above is the page's own message, not a console error: clear it for the CSP check.
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/same patient/.test(e)));
  });

  it("builds the lab's own reference from control sessions picked in Settings", async () => {
    await page.goto(`${serve.url}#/settings`);
    const build = page.getByRole('button', { name: /^Build from/ });
    expect(await build.isDisabled()).toBe(true);
    const sessions = page.getByTestId('control-sessions');
    const search = page.getByLabel('Find controls (name or hospital ID)');
    // Two sessions of one person are one control: refused with a message saying so.
    await search.fill('Ada Walker');
    await sessions.getByLabel(/2026-11-02/).check();
    await sessions.getByLabel(/2027-05-18/).check();
    expect(await build.textContent()).toBe('Build from 2 sessions (1 person)');
    await page.getByLabel('Name', { exact: true }).last().fill('Lab controls 2026');
    await build.click();
    expect(await page.getByRole('alert').textContent()).toContain('all of one person');
    await sessions.getByLabel(/2026-11-02/).uncheck();
    await sessions.getByLabel(/2027-05-18/).uncheck();
    // The choice survives a new search: one session of Cora, one of Marco.
    await search.fill('Cora');
    await sessions.getByLabel(/2026-11-03/).check();
    await search.fill('Marco');
    await sessions.getByLabel(/2026-09-14/).check();
    await page.getByLabel('Population (printed with the band)').fill('Adults walking barefoot');
    expect(await build.textContent()).toBe('Build from 2 sessions (2 people)');
    await build.click();
    await page.getByText('Built "Lab controls 2026" from 2 controls.').waitFor();
    // The list reloads after the message appears.
    await expect
      .poll(async () => page.getByTestId('normative-table').textContent(), { timeout: 10_000 })
      .toContain('Lab controls 2026');
    const sets = await invoke(serve, 'normative.list', {});
    const built = (sets.result as Array<{ name: string; subjectCount: number; population: string }>).find(
      (s) => s.name === 'Lab controls 2026',
    );
    expect(built).toMatchObject({ subjectCount: 2, population: 'Adults walking barefoot' });
    await page.screenshot({ path: join(ARTIFACTS, 'settings-control-set.png'), fullPage: true });
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/one person/.test(e)));
  });

  it('has no serious accessibility violation (axe-core) on the report and settings pages', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${serve.url}#/settings`);
    await page.getByTestId('normative-table').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('ran without console errors under the strict CSP', () => {
    expect(consoleErrors).toEqual([]);
  });
});
