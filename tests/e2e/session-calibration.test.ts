// A session's camera calibration in the browser: Pose2Sim's four-camera calibration imported
// through the file input, each camera given its view, kept across a reload, then removed; a file
// that is not a calibration is refused with its message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../helpers/axe';
import { openBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { invoke, REPO_ROOT, type ServeProcess } from '../helpers/serve-process';
import { sharedDataPath } from '../helpers/shared-data';
import type { SessionCalibrationInfo } from '../../src/shared/api/calibration-types';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
const P2S = sharedDataPath('pose2sim_demo_balancing/calibration/Calib_scene_recomputed.toml');
const VIEWS = [
  ['int_cam01_img', 'sagittal-left', 'Sagittal left'],
  ['int_cam02_img', 'frontal', 'Frontal'],
  ['int_cam03_img', 'sagittal-right', 'Sagittal right'],
  ['int_cam04_img', 'posterior', 'Posterior'],
] as const;

let work: string;
let s: BrowserSession;
let serve: ServeProcess;
let page: Page;
let consoleErrors: string[] = [];
let sessionId: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'gaitlab-calibration-e2e-'));
  s = await openBrowserSession(join(work, 'lab'), { width: 1280, height: 900 });
  ({ serve, page, consoleErrors } = s);
  const p = await invoke(serve, 'patients.create', { name: 'Calibration Patient', heightM: 1.6 });
  const session = await invoke(serve, 'sessions.create', {
    patientId: (p.result as { id: string }).id,
    date: '2026-10-04',
    condition: 'barefoot',
  });
  sessionId = (session.result as { id: string }).id;
  await page.goto(serve.url);
});

afterAll(async () => {
  await s?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const section = () => page.getByRole('region', { name: 'Camera calibration' });

describe('session camera calibration in the browser', () => {
  it('says what a calibration gives, and refuses a file that is not one', async () => {
    await page.goto(`${serve.origin}/#/sessions/${sessionId}`);
    await section().getByText('With two or more calibrated cameras, trials are analysed in 3D').waitFor();
    await page.getByLabel('Import calibration file').setInputFiles({
      name: 'notes.toml',
      mimeType: 'application/toml',
      buffer: Buffer.from('Walked barefoot, two passes.\n'),
    });
    const error = section().getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'Not a readable TOML calibration file (Invalid TOML document: illegal character in key): choose the .toml calibration written by Pose2Sim, Sports2D or caliscope.',
    );
    expect(await page.getByLabel('Import calibration file').getAttribute('aria-invalid')).toBe('true');
  });

  it("imports Pose2Sim's calibration with a view for each camera", async () => {
    await page.getByLabel('Import calibration file').setInputFiles(P2S);
    await page.getByRole('heading', { name: /Calib_scene_recomputed\.toml: 4 cameras/ }).waitFor();
    const rows = section().locator('tbody tr');
    expect(await rows.count()).toBe(4);
    expect(await rows.first().textContent()).toContain('1088 × 1920 px');
    expect(await rows.first().textContent()).toContain('1.89 m');
    expect(await rows.first().textContent()).toContain('22° down');
    // Nothing is chosen for the user: every camera starts as "Not used", and Import waits.
    expect(await page.getByLabel('Which trial camera is int_cam01_img?').inputValue()).toBe('');
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);

    await page.getByLabel('Which trial camera is int_cam01_img?').selectOption('sagittal-left');
    await page.getByLabel('Which trial camera is int_cam02_img?').selectOption('sagittal-left');
    expect(await section().getByRole('alert').textContent()).toBe(
      'Two cameras are set to Sagittal left: give each camera its own view.',
    );
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    for (const [name, view] of VIEWS)
      await page.getByLabel(`Which trial camera is ${name}?`).selectOption(view);
    await section()
      .getByText('4 calibrated trial cameras: trials of this session are analysed in 3D.')
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'calibration-preview.png'), fullPage: true });

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await section()
      .getByRole('status')
      .filter({ hasText: 'Imported Calib_scene_recomputed.toml.' })
      .waitFor();
    const stored = await invoke(serve, 'calibration.get', { sessionId });
    expect((stored.result as SessionCalibrationInfo).cameras.map((c) => [c.name, c.view])).toEqual(
      VIEWS.map(([name, view]) => [name, view]),
    );
  });

  it('lists the cameras and their views after a reload, with no serious accessibility violation', async () => {
    await page.reload();
    await section().getByTestId('calibration-file').waitFor();
    expect(await section().getByTestId('calibration-file').textContent()).toMatch(
      /^Calib_scene_recomputed\.toml \(Pose2Sim \/ Sports2D\), imported .+\.$/,
    );
    for (const [name, view, label] of VIEWS) {
      const row = section().locator(`tr[data-camera="${name}"]`);
      expect(await row.getAttribute('data-view')).toBe(view);
      expect(await row.locator('td').first().textContent()).toBe(label);
    }
    expect(await section().locator(`tr[data-camera="int_cam02_img"]`).textContent()).toContain(
      '(2.71, 0.72, 1.76)',
    );
    await page.getByLabel('Replace with another calibration file').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'calibration-imported.png'), fullPage: true });
  });

  it('removes it after asking', async () => {
    await page.getByRole('button', { name: 'Remove calibration' }).click();
    await page.getByRole('button', { name: 'Keep it' }).click();
    expect((await invoke(serve, 'calibration.get', { sessionId })).result).not.toBeNull();

    await page.getByRole('button', { name: 'Remove calibration' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Yes, remove it' }).click();
    await section().getByText('With two or more calibrated cameras, trials are analysed in 3D').waitFor();
    await section().getByRole('status').filter({ hasText: 'The camera calibration was removed.' }).waitFor();
    expect((await invoke(serve, 'calibration.get', { sessionId })).result).toBeNull();
    await page.reload();
    await page.getByLabel('Import calibration file').waitFor();
    expect(await section().locator('tbody tr').count()).toBe(0);
  });

  it('raised no console errors (CSP violations included)', () => {
    expect(consoleErrors).toEqual([]);
  });
});
