// A trial analysed by a gaitlab command while the app shows its session on the same lab: the session
// page says it is being analysed elsewhere (it said "Starting…" and never changed, as no event of
// the other process reaches it), and shows it analysed once the command has ended, without a reload;
// its review page likewise.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrialLab, type TrialLab } from '../helpers/analysed-trial';
import { seriousViolations } from '../helpers/axe';
import { openBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { BUILT_CLI, REPO_ROOT } from '../helpers/serve-process';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
let lab: TrialLab;
let s: BrowserSession;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Her walk there and back (about 15 s): time to look at both pages while it runs (2-3 s).
  lab = await createTrialLab({
    cameras: [
      {
        camera: 'sagittal',
        variant: ['-filter_complex', '[0:v]split[a][b];[b]hflip[m];[a][m]concat=n=2:v=1:a=0'],
      },
    ],
  });
  s = await openBrowserSession(lab.labDir);
}, 600_000);

afterAll(async () => {
  await s?.close();
});

describe('a trial analysed by another GaitLab process', () => {
  it('is shown as analysed elsewhere, then analysed when that process ends', async () => {
    const started = Date.now();
    const command = spawn(process.execPath, [BUILT_CLI, '--lab', lab.labDir, 'analyze', lab.trial.id]);
    let err = '';
    command.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const ended = new Promise<number | null>((resolve) => command.on('close', resolve));
    await expect.poll(() => /Finding the patient|Pose estimation/.test(err), { timeout: 60_000 }).toBe(true);

    const page = s.page;
    await page.goto(`${s.serve.url}#/sessions/${lab.session.id}`);
    const row = page.locator(`tr[data-trial-id="${lab.trial.id}"]`);
    await row
      .getByText('Being analysed in another GaitLab window or by a gaitlab command on this lab…')
      .waitFor();
    expect(await row.getAttribute('data-status')).toBe('analysing');
    await page.screenshot({ path: join(ARTIFACTS, 'analysed-elsewhere.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Its review, in a second window, likewise; it shows the analysis once it has ended.
    const second = await page.context().browser()!.newContext();
    const review = await second.newPage();
    await review.goto(`${s.serve.url}#/trials/${lab.trial.id}`);
    await review
      .getByText(
        'Being analysed in another GaitLab window or by a gaitlab command on this lab… This page shows the result when it ends.',
      )
      .waitFor();
    const lookedS = (Date.now() - started) / 1000;

    expect(await ended, err).toBe(0);
    console.log(
      `both pages said so ${lookedS.toFixed(1)} s after the command started; it ended after ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('analysed');
    await row.getByRole('link', { name: 'Open review of Walk 1' }).waitFor();
    await review.getByRole('heading', { name: 'Gait cycles' }).waitFor({ timeout: 15_000 });
    expect(await review.getByText(/^Being analysed in another GaitLab window/).count()).toBe(0);
    await review.screenshot({ path: join(ARTIFACTS, 'analysed-elsewhere-review.png') });
    await second.close();
  });
});
