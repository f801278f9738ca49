// A camera mounted upside down: review says so over the failed analysis, with one button that turns
// the camera's picture upright and analyses it again, showing the turn's progress; the trial is then
// analysed from the upright copy, the recording kept. A mirror image filed as the sagittal-left
// camera: review's first note says the camera sees the leg it is named for as the far one, with a
// button that mirrors the picture back. The walk as filmed (her left side) filed as the
// sagittal-right camera: the same note, with a button that files the camera as sagittal-left. A
// side view (the mirrored walk, as a camera at her right sees her) filed as the frontal camera: the
// note that she crosses its picture, with a button that files it as the trial's free side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { resolveInsideLab } from '../../src/main/store/lab-folder';
import type { Page } from 'playwright-core';
import { openBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { analyseInProcess, callLab, createTrialLab, type TrialLab } from '../helpers/analysed-trial';
import { REPO_ROOT } from '../helpers/serve-process';
import { seriousViolations } from '../helpers/axe';
import type { TrialInfo } from '../../src/shared/api/entities';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
let lab: TrialLab;
let mirrored: TrialLab;
let otherSide: TrialLab;
let sideAsFrontal: TrialLab;
let s: BrowserSession;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  lab = await createTrialLab({ cameras: [{ camera: 'sagittal-left', variant: ['-vf', 'hflip,vflip'] }] });
  await analyseInProcess(lab.labDir, lab.trial.id);
  mirrored = await createTrialLab({ cameras: [{ camera: 'sagittal-left', mirrored: true }] }, lab.labDir);
  await analyseInProcess(lab.labDir, mirrored.trial.id);
  otherSide = await createTrialLab({ cameras: [{ camera: 'sagittal-right' }] }, lab.labDir);
  await analyseInProcess(lab.labDir, otherSide.trial.id);
  sideAsFrontal = await createTrialLab(
    { cameras: [{ camera: 'sagittal-left' }, { camera: 'frontal', mirrored: true }] },
    lab.labDir,
  );
  await analyseInProcess(lab.labDir, sideAsFrontal.trial.id);
  s = await openBrowserSession(lab.labDir);
  page = s.page;
}, 600_000);

afterAll(async () => {
  await s?.close();
});

describe('a trial filmed by a camera mounted upside down', () => {
  it('review says the patient is upside down and offers to turn the picture', async () => {
    await page.goto(`${s.serve.url}#/trials/${lab.trial.id}`);
    const banner = page.locator('.banner-error');
    await banner.getByText('The subject is upside down in the picture', { exact: false }).waitFor();
    await banner
      .getByText(
        'Turn the picture upright with the button below; for the next trials, mount the camera upright.',
      )
      .waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'turned-picture-review.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the button turns it, shows the progress, and the trial is analysed upright', async () => {
    await page
      .getByRole('button', { name: 'Turn the picture half a turn (180 deg) and analyse again' })
      .click();
    await page
      .getByText(/Turning the picture upright|Pose estimation|Finding the patient/)
      .first()
      .waitFor();
    await page.locator('.status-analysed').waitFor({ timeout: 240_000 });
    await page.getByRole('heading', { name: 'Joint angles over time' }).waitFor();
    expect(await page.locator('.banner-error').count()).toBe(0);
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Video and skeleton' }) })
      .screenshot({ path: join(ARTIFACTS, 'turned-picture-upright.png') });
    const trial = await callLab<TrialInfo>(lab.labDir, 'trials.get', { id: lab.trial.id });
    expect(trial.files.map((f) => `${f.kind} ${f.relativePath.split('/').pop()}`).sort()).toEqual([
      'other sagittal-left.mp4',
      'video sagittal-left.turned-180.mp4',
    ]);
  });

  it('a mirror image: the note comes first, and its button mirrors the picture back', async () => {
    await page.goto(`${s.serve.url}#/trials/${mirrored.trial.id}`);
    const notes = page.locator('.warnings li');
    await notes
      .first()
      .getByText('The sagittal-left camera is named as standing at the patient', { exact: false })
      .waitFor();
    const button = page.getByRole('button', {
      name: 'The video is a mirror image: mirror it back and analyse again',
    });
    await button.waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'mirrored-picture-review.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await button.click();
    await page.locator('.status-analysing').waitFor();
    await page.locator('.status-analysed').waitFor({ timeout: 240_000 });
    await page.getByRole('heading', { name: 'Joint angles over time' }).waitFor();
    // The badge turns to analysed as the job ends; the new analysis' notes follow when it is read.
    await expect
      .poll(() => page.getByText('is named as standing at the patient', { exact: false }).count(), {
        timeout: 15_000,
      })
      .toBe(0);
    const trial = await callLab<TrialInfo>(lab.labDir, 'trials.get', { id: mirrored.trial.id });
    expect(trial.files.map((f) => `${f.kind} ${f.relativePath.split('/').pop()}`).sort()).toEqual([
      'other sagittal-left.mp4',
      'video sagittal-left.mirrored.mp4',
    ]);
  });

  it('a camera filed at the wrong side: its button files it at the other side, review following it', async () => {
    await page.goto(`${s.serve.url}#/trials/${otherSide.trial.id}`);
    await page
      .locator('.warnings li')
      .first()
      .getByText('The sagittal-right camera is named as standing at the patient', { exact: false })
      .waitFor();
    const button = page.getByRole('button', {
      name: "The camera stood at the patient's left side: file it as the sagittal left camera and analyse again",
    });
    await button.waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'camera-side-review.png') });
    await button.click();
    // Its pose is kept, so the job can end before an "Analysing" badge is seen: wait for the files.
    const files = async () =>
      (await callLab<TrialInfo>(lab.labDir, 'trials.get', { id: otherSide.trial.id })).files.map(
        (f) => `${f.kind} ${f.camera} ${f.relativePath.split('/').pop()}`,
      );
    await expect.poll(files, { timeout: 60_000 }).toEqual(['video sagittal-left sagittal-left.mp4']);
    await page.locator('.status-analysed').waitFor({ timeout: 240_000 });
    await page.getByRole('heading', { name: 'Joint angles over time' }).waitFor();
    await page.getByText('camera (sagittal-left)', { exact: false }).first().waitFor({ state: 'attached' });
    await expect
      .poll(() => page.getByText('is named as standing at the patient', { exact: false }).count(), {
        timeout: 15_000,
      })
      .toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'camera-side-refiled.png') });
  });

  it('a side view filed as the frontal camera: its button files it as the side the trial lacks', async () => {
    await page.goto(`${s.serve.url}#/trials/${sideAsFrontal.trial.id}`);
    await page.getByLabel('Camera').selectOption('frontal');
    await page.getByText('The subject crosses the picture', { exact: false }).waitFor();
    const button = page.getByRole('button', {
      name: "The camera stood at the patient's right side: file it as the sagittal right camera and analyse again",
    });
    await button.waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'side-as-frontal-review.png') });
    await button.click();
    const files = async () =>
      (await callLab<TrialInfo>(lab.labDir, 'trials.get', { id: sideAsFrontal.trial.id })).files
        .map((f) => `${f.kind} ${f.camera} ${f.relativePath.split('/').pop()}`)
        .sort();
    await expect
      .poll(files, { timeout: 60_000 })
      .toEqual(['video sagittal-left sagittal-left.mp4', 'video sagittal-right sagittal-right.mp4']);
    await expect
      .poll(() => page.getByLabel('Camera').inputValue(), { timeout: 15_000 })
      .toBe('sagittal-right');
    await expect
      .poll(() => page.getByText('The subject crosses the picture', { exact: false }).count(), {
        timeout: 15_000,
      })
      .toBe(0);
    await page.getByRole('heading', { name: 'Joint angles over time' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'side-as-frontal-refiled.png') });
  });

  it('any camera can be filed by hand under another view, exchanging with the one filed so', async () => {
    // After the step above: sagittal-left is the walk as filmed, sagittal-right its mirror image.
    const dir = dirname(resolveInsideLab(lab.labDir, sideAsFrontal.trial.files[0]!.relativePath));
    const inodeOf = (name: string) => {
      try {
        return statSync(join(dir, name)).ino;
      } catch {
        return null; // between the moves of an exchange
      }
    };
    const before = { walk: inodeOf('sagittal-left.mp4'), mirror: inodeOf('sagittal-right.mp4') };
    const filing = page.locator('details.camera-filing');
    await filing.locator('summary').click();
    await filing.getByLabel('File it as').selectOption('sagittal-left');
    await filing.getByRole('button', { name: 'Exchange the two cameras and analyse again' }).click();
    await expect
      .poll(() => [inodeOf('sagittal-left.mp4'), inodeOf('sagittal-right.mp4')], { timeout: 60_000 })
      .toEqual([before.mirror, before.walk]);
    await expect
      .poll(() => page.getByLabel('Camera').inputValue(), { timeout: 15_000 })
      .toBe('sagittal-left');
    // The mirror image filed at her left: the analysis says the name disagrees with the leg it sees.
    await page
      .locator('.warnings li')
      .first()
      .getByText('The sagittal-left camera is named as standing at the patient', { exact: false })
      .waitFor({ timeout: 30_000 });
    const trial = await callLab<TrialInfo>(lab.labDir, 'trials.get', { id: sideAsFrontal.trial.id });
    expect(trial.files.map((f) => `${f.camera} ${f.relativePath.split('/').pop()}`).sort()).toEqual([
      'sagittal-left sagittal-left.mp4',
      'sagittal-right sagittal-right.mp4',
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'camera-filing-by-hand.png') });
  });
});
