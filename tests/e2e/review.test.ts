// The clinician's workflow through the web bridge: analyse a trial from its session, follow the
// progress, review it, correct one initial contact by dragging it, and undo the correction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { dragFirstMarker } from '../helpers/event-drag';
import { invoke, REPO_ROOT, type ServeProcess } from '../helpers/serve-process';
import { createTrialLab, type TrialLab } from '../helpers/analysed-trial';
import { seriousViolations } from '../helpers/axe';
import { showsFrame } from '../helpers/trial-video';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
let lab: TrialLab;
let s: BrowserSession;
let serve: ServeProcess;
let page: Page;
let consoleErrors: string[] = [];
const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  lab = await createTrialLab({ damagedTrial: true });
  s = await openBrowserSession(lab.labDir, { width: 1366, height: 900 });
  ({ serve, page, consoleErrors } = s);
  // Name the file when a script chunk is missing (the bridge then answers with the app's HTML).
  page.on('response', (r) => {
    if (r.url().includes('/assets/') && (r.headers()['content-type'] ?? '').startsWith('text/html')) {
      consoleErrors.push(`${new Date().toISOString()} ${r.url()} was not found in the build`);
    }
  });
});

afterAll(async () => {
  await s?.close();
});

/** Mean of one parameter for one side, as the table shows it (full precision kept in data-mean). */
async function parameterMean(parameter: string, side: 'left' | 'right'): Promise<number> {
  const v = await page
    .locator(`tr[data-parameter="${parameter}"] td[data-side="${side}"]`)
    .getAttribute('data-mean');
  return Number(v);
}

async function leftCycleDurations(): Promise<number[]> {
  const rows = page.locator('table.cycles tbody tr').filter({ hasText: 'Left cycle' });
  const texts = await rows.locator('td:nth-child(4)').allTextContents();
  return texts.map(Number);
}

describe('trial review in the browser', () => {
  let fps = 30;
  let strideBefore = 0;
  let strideN = 0;
  let durationsBefore: number[] = [];

  it('shows why an analysis failed and what to do, and the other trials stay usable', async () => {
    await page.goto(`${serve.url}#/sessions/${lab.session.id}`);
    const row = page.locator(`tr[data-trial-id="${lab.trial.id}"]`);
    await row.getByText('Ready to analyse').waitFor();
    await shot('review-01-session-recorded.png');
    const bad = page.locator(`tr[data-trial-id="${lab.damaged!.id}"]`);
    await page.getByRole('button', { name: 'Analyse Walk 2' }).click();
    await bad.getByText('Failed', { exact: true }).waitFor({ timeout: 60_000 });
    const reason = (await bad.getByRole('alert').textContent()) ?? '';
    expect(reason).toMatch(/Analysis failed: .+/);
    expect(reason).toContain('What to do');
    expect(await bad.getByRole('button', { name: 'Try again to analyse Walk 2' }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Analyse Walk 1' }).isEnabled()).toBe(true);
    await shot('review-01b-session-failed.png');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Open Walk 2 to see what was found' }).click();
    await page.getByRole('alert').filter({ hasText: 'Analysis failed' }).waitFor();
    expect(await page.getByRole('alert').first().textContent()).not.toContain('/tmp/');
    await page.getByRole('link', { name: 'Back to the session' }).click();
    await page.getByRole('button', { name: 'Analyse Walk 1' }).waitFor();
  });

  it('analyses a trial from its session page with visible progress', async () => {
    const row = page.locator(`tr[data-trial-id="${lab.trial.id}"]`);
    await page.getByRole('button', { name: 'Analyse Walk 1' }).click();
    // Progress is shown as a percentage and a time left once the pose job reports.
    await expect
      .poll(async () => (await row.locator('.job-text').textContent()) ?? '', {
        timeout: 90_000,
        interval: 250,
      })
      .toMatch(/[1-9]\d? %.*left/);
    expect(await row.getByRole('progressbar').isVisible()).toBe(true);
    expect(await row.getByRole('button', { name: 'Cancel analysis of Walk 1' }).isVisible()).toBe(true);
    await shot('review-02-session-progress.png');
    expect(await seriousViolations(page)).toEqual([]);
    // Cancel, then analyse again: the pose job resumes where it stopped.
    await row.getByRole('button', { name: 'Cancel analysis of Walk 1' }).click();
    await row.getByText('Ready to analyse').waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('cancelled');
    await shot('review-02b-session-cancelled.png');
    await page.getByRole('button', { name: 'Analyse Walk 1' }).click();
    await row.getByRole('link', { name: 'Open review of Walk 1' }).waitFor({ timeout: 240_000 });
    expect(await row.getAttribute('data-status')).toBe('analysed');
    await shot('review-03-session-analysed.png');
  });

  it('opens the review with video, skeleton, curves, events and parameters', async () => {
    await page.getByRole('link', { name: 'Open review of Walk 1' }).click();
    await page.getByRole('heading', { name: 'Walk 1: review' }).waitFor();
    await page.locator('.angle-time .main-svg').first().waitFor({ timeout: 60_000 });
    await page.locator('.curve-grid .main-svg').first().waitFor();
    // The test's TypeScript has no DOM types; the CSP forbids string evaluation (waitForFunction("...")).
    const video = page.locator('video');
    await expect
      .poll(() => video.evaluate((v) => (v as unknown as { readyState: number }).readyState))
      .toBeGreaterThanOrEqual(2);
    expect(await page.locator('.event-marker').count()).toBeGreaterThan(4);
    for (const text of [
      'Knee flexion (+) / extension, deg',
      'Ankle dorsiflexion (+) / plantarflexion, deg',
      'Walking speed',
      'Stride time',
    ]) {
      await page.getByText(text).first().waitFor();
    }
    const readout = page.locator('.frame-readout');
    // Keyboard: arrows step frames; ] jumps to the next gait event.
    await page.locator('h1').click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => readout.textContent()).toContain('Frame 1 /');
    await page.keyboard.press(']');
    const eventFrames = (
      await page
        .locator('.event-marker')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute('aria-valuenow'))))
    ).sort((a, b) => a - b);
    const firstEvent = eventFrames.find((f) => f > 1);
    await expect.poll(() => readout.textContent()).toContain(`Frame ${firstEvent} /`);
    // A mid-stride frame, so the screenshot shows the skeleton on the walker.
    await page.keyboard.press(']');
    await page.keyboard.press(']');
    await expect
      .poll(() => video.evaluate((v) => (v as unknown as { seeking: boolean }).seeking))
      .toBe(false);
    await page.waitForTimeout(300);
    await shot('review-04-review.png');
    await page.locator('.video-stage').screenshot({ path: join(ARTIFACTS, 'review-05-skeleton.png') });
    fps = Number(
      (await page.locator('.provenance dd').first().textContent())?.match(/([\d.]+) frames\/s/)?.[1] ?? 30,
    );
  });

  it('moves a left initial contact by 3 frames by dragging, and the parameters follow', async () => {
    strideBefore = await parameterMean('strideTimeS', 'left');
    strideN = Number(
      (await page.locator('tr[data-parameter="strideTimeS"] td[data-side="left"] .n').textContent())?.match(
        /\d+/,
      )?.[0],
    );
    durationsBefore = await leftCycleDurations();
    const markers = page.locator('.event-marker[data-side="left"][data-kind="initial-contact"]');
    const f1 = await dragFirstMarker(markers, 3, () => shot('review-06-dragging.png'));
    await page.getByRole('status').filter({ hasText: 'Moved left initial contact by +3 frames' }).waitFor();
    expect(Number(await markers.first().getAttribute('data-frame'))).toBeCloseTo(f1 + 3, 6);

    // The first left cycle now starts 3 frames later: it is 3/fps s shorter, and the side's mean
    // stride time moves by 3/fps divided by the number of strides averaged.
    const durationsAfter = await leftCycleDurations();
    expect(durationsAfter[0]! - durationsBefore[0]!).toBeCloseTo(-3 / fps, 2);
    const strideAfter = await parameterMean('strideTimeS', 'left');
    expect(strideAfter - strideBefore).toBeCloseTo(-3 / fps / strideN, 3);
    console.log(
      `left stride time ${strideBefore.toFixed(4)} -> ${strideAfter.toFixed(4)} s (n=${strideN}); first left cycle ${durationsBefore[0]} -> ${durationsAfter[0]} s`,
    );
    await shot('review-07-moved.png');
  });

  it('undo restores the automatic events and the parameters', async () => {
    await page.getByRole('button', { name: 'Undo event change' }).click();
    await page.getByRole('status').filter({ hasText: 'Undid the last event change' }).waitFor();
    expect(await parameterMean('strideTimeS', 'left')).toBeCloseTo(strideBefore, 9);
    expect(await leftCycleDurations()).toEqual(durationsBefore);
    expect(await page.getByRole('button', { name: 'Reset to automatic' }).isDisabled()).toBe(true);
    await shot('review-08-undone.png');
  });

  it('excludes a cycle from the means and includes it again', async () => {
    const n = () => page.locator('tr[data-parameter="strideTimeS"] td[data-side="left"] .n').textContent();
    // click(), not uncheck(): the box changes when the re-run analysis comes back, not at once.
    await page.getByRole('checkbox', { name: 'Include Left cycle 1' }).click();
    await expect.poll(n).toBe(` (n=${strideN - 1})`);
    await page.getByRole('checkbox', { name: 'Include Left cycle 1' }).click();
    await expect.poll(n).toBe(` (n=${strideN})`);
    expect(await parameterMean('strideTimeS', 'left')).toBeCloseTo(strideBefore, 9);
  });

  it('plays and pauses with the space bar, and a click on a curve shows that frame', async () => {
    const readout = page.locator('.frame-readout');
    const frameShown = async () => Number((await readout.textContent())?.match(/Frame (\d+)/)?.[1]);
    await page.locator('h1').click();
    const start = await frameShown();
    await page.keyboard.press('Space');
    await expect.poll(frameShown, { timeout: 10_000 }).toBeGreaterThan(start + 5);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Play' }).waitFor();
    // Click the knee curve at about 70 % of the time axis.
    const plot = page.locator('.angle-time .nsewdrag').first();
    const box = (await plot.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.7, box.y + box.height / 2);
    const clicked = await frameShown();
    expect(Math.abs(clicked - 0.7 * 229)).toBeLessThan(25);
  });

  it('shows the frames a note names when they are clicked, the video brought into view', async () => {
    const frameShown = async () =>
      Number((await page.locator('.frame-readout').textContent())?.match(/Frame (\d+)/)?.[1]);
    await page.evaluate('window.scrollTo(0, 0)');
    // "Left cycle 3: the left foot is at the picture's edge at 93-100 % of the cycle (frames 186-189)."
    const note = page.locator('ul.warnings li').filter({ hasText: "at the picture's edge" }).first();
    const link = note.getByRole('button').first();
    const first = Number((await link.textContent())!.split('-')[0]);
    expect(first).toBeGreaterThan(150);
    await link.click();
    await expect.poll(frameShown).toBe(first);
    await expect.poll(() => showsFrame(page, first, fps)).toBe(true);
    await expect
      .poll(async () => (await page.locator('#video-title').boundingBox())!.y, { timeout: 5_000 })
      .toBeLessThan(100);
    await shot('review-note-frame-link.png');
  });

  it('nudges an event with the arrow keys when its marker has focus, and undoes it', async () => {
    const marker = page.locator('.event-marker[data-side="right"][data-kind="foot-off"]').nth(1);
    const before = Number(await marker.getAttribute('data-frame'));
    await marker.focus();
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('status').filter({ hasText: 'Moved right foot off by -1 frame' }).waitFor();
    expect(
      Number(
        await page
          .locator('.event-marker[data-side="right"][data-kind="foot-off"]')
          .nth(1)
          .getAttribute('data-frame'),
      ),
    ).toBeCloseTo(before - 1, 6);
    // The moved marker stays the one Remove would take away.
    await page
      .getByRole('button', { name: `Remove right foot off at frame ${(before - 1).toFixed(1)}` })
      .waitFor();
    await page.getByRole('button', { name: 'Undo event change' }).click();
    await page.getByRole('status').filter({ hasText: 'Undid the last event change' }).waitFor();
    expect(await parameterMean('strideTimeS', 'left')).toBeCloseTo(strideBefore, 9);
  });

  it('removes a contact with the Delete key, places it again with Add, and undoes both', async () => {
    const markers = page.locator('.event-marker[data-side="left"][data-kind="initial-contact"]');
    const count = await markers.count();
    const marker = markers.nth(1);
    const frame = Number(await marker.getAttribute('data-frame'));
    // Focusing the marker shows its frame, where the missed contact is placed again below.
    await marker.focus();
    await page.keyboard.press('Delete');
    await page.getByRole('status').filter({ hasText: 'Removed left initial contact' }).waitFor();
    expect(await markers.count()).toBe(count - 1);
    // Its two cycles are now one stride of two, left out (out of step with the right foot).
    expect(await leftCycleDurations()).toHaveLength(durationsBefore.length - 1);
    await page.getByText("stride far from the other foot's over the same steps").first().waitFor();
    await page.locator('.timeline').screenshot({ path: join(ARTIFACTS, 'review-08b-event-removed.png') });
    await page.getByRole('button', { name: 'Add left initial contact' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Added left initial contact at frame ${Math.round(frame)}` })
      .waitFor();
    expect(await markers.count()).toBe(count);
    const durations = await leftCycleDurations();
    durations.forEach((d, k) => expect(Math.abs(d - durationsBefore[k]!)).toBeLessThan(0.5 / fps + 0.001));
    await page.getByRole('button', { name: 'Undo event change' }).click();
    await page.getByRole('status').filter({ hasText: 'Undid the last event change' }).waitFor();
    expect(await markers.count()).toBe(count - 1);
    await page.getByRole('button', { name: 'Undo event change' }).click();
    await expect.poll(() => markers.count()).toBe(count);
    expect(await leftCycleDurations()).toEqual(durationsBefore);
    expect(await page.getByRole('button', { name: 'Reset to automatic' }).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  /** Waits for the trial to go through 'analysing' and out of it; returns the final status. */
  async function analysisEnded(): Promise<string> {
    const status = async () =>
      ((await invoke(serve, 'trials.get', { id: lab.trial.id })).result as { status: string }).status;
    await expect.poll(status, { timeout: 30_000, interval: 100 }).toBe('analysing');
    await expect.poll(status, { timeout: 240_000, interval: 500 }).not.toBe('analysing');
    return status();
  }

  it('shows the people in view and follows the one the clinician points at, then the walker again', async () => {
    const trialUrl = page.url();
    await page.getByText('Wrong person? Choose the patient', { exact: true }).click();
    const picture = page.locator('.person-picture');
    await picture.locator('img').waitFor();
    const boxes = picture.locator('.person-box');
    expect(await boxes.count()).toBeGreaterThanOrEqual(2);
    expect(await picture.getByRole('button', { name: /\(followed now\)/ }).count()).toBe(1);
    // The man standing on the box is the one whose box is higher up in the picture.
    const tops = await boxes.evaluateAll((els) =>
      els.map((e) => ({
        label: e.getAttribute('aria-label') ?? '',
        top: Number.parseFloat((e as unknown as { style: { top: string } }).style.top),
      })),
    );
    const man = tops.filter((b) => !b.label.includes('followed')).sort((a, b) => a.top - b.top)[0]!;
    expect(man.top).toBeLessThan(50);
    expect(await seriousViolations(page)).toEqual([]);
    await picture.getByRole('button', { name: man.label }).click();
    await page
      .locator('.person-chooser')
      .screenshot({ path: join(ARTIFACTS, 'review-09-choose-person.png') });
    const number = man.label.match(/Person (\d+)/)![1]!;
    await page.getByRole('button', { name: `Analyse following person ${number}` }).click();
    // He does not walk: pose follows him, and the gait analysis says why it found no cycles.
    await analysisEnded();
    const track = await invoke(serve, 'analysis.poseTrack', { trialId: lab.trial.id });
    const t = track.result as { frameCount: number; yPx: Array<number | null>; confidence: number[] };
    const hipY = Array.from({ length: t.frameCount }, (_, f) => t.yPx[f * 33 + 23]).filter(
      (y, f): y is number => y !== null && (t.confidence[f] ?? 0) > 0.5,
    );
    expect(hipY.sort((a, b) => a - b)[Math.floor(hipY.length / 2)]).toBeLessThan(400);
    await page.goto(trialUrl);
    await page.locator('.video-stage').waitFor();
    await page.waitForTimeout(500);
    await page.locator('.video-stage').screenshot({ path: join(ARTIFACTS, 'review-10-other-person.png') });
    // The failure says he was chosen by hand, and advises choosing again, not recording again.
    const failure = page.getByRole('alert').filter({ hasText: 'The gait analysis could not be completed' });
    expect(await failure.textContent()).toContain('The analysis follows a person chosen by hand');
    expect(await failure.textContent()).toMatch(
      /What to do: If the person followed is not the patient, .*the recording is kept\./,
    );
    await page.getByText('Wrong person? Choose the patient', { exact: true }).click();
    await page.getByRole('button', { name: 'Back to the automatic choice (the person who walks)' }).click();
    expect(await analysisEnded()).toBe('analysed');
    await page.reload();
    await page.locator('.event-marker').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('.event-marker').count()).toBeGreaterThan(4);
  });

  it('measures metres from two floor marks clicked on the video frame, and goes back to the height', async () => {
    const view = async () =>
      (await invoke(serve, 'analysis.get', { trialId: lab.trial.id })).result as {
        scale: { metresPerUnit: number; method: string; description: string } | null;
      };
    const byHeight = (await view()).scale!;
    expect(byHeight.method).toBe('subject-height');
    const speedBefore = await parameterMean('speedMps', 'left');
    await page.getByText('Scale: measure metres from two floor marks').click();
    const picture = page.locator('.floor-picture img');
    await picture.waitFor();
    await picture.scrollIntoViewIfNeeded();
    const box = (await picture.boundingBox())!;
    // Two points on the grass in front of her path, 2/3 of the picture apart.
    await page.mouse.click(box.x + box.width * 0.17, box.y + box.height * 0.9);
    await page.mouse.click(box.x + box.width * 0.85, box.y + box.height * 0.9);
    const coordinate = async (name: string) => Number(await page.getByLabel(name).inputValue());
    const a = [await coordinate('Mark A x, video pixels'), await coordinate('Mark A y, video pixels')];
    const b = [await coordinate('Mark B x, video pixels'), await coordinate('Mark B y, video pixels')];
    expect(a[0]).toBeGreaterThan(250);
    expect(b[0]).toBeGreaterThan(1450);
    const distance = page.getByLabel('Distance between the marks (m)');
    await distance.fill('250');
    await distance.blur();
    await page.getByText('did you mean 2.50 m (centimetres)?').waitFor();
    // The length the height scale gives the marks: the floor scale must then agree with it.
    const apartPx = Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!);
    const metres = (apartPx * byHeight.metresPerUnit).toFixed(3);
    await distance.fill(metres);
    await page.locator('.floor-scale').screenshot({ path: join(ARTIFACTS, 'review-12-floor-marks.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Analyse with these marks' }).click();
    expect(await analysisEnded()).toBe('analysed');
    const byFloor = (await view()).scale!;
    expect(byFloor.method).toBe('floor-distance');
    expect(byFloor.description).toBe(`known floor distance ${Number(metres)} m = ${apartPx.toFixed(1)} px`);
    await page.reload();
    await page
      .locator('#parameters-note')
      .getByText(/known floor distance/)
      .waitFor({ timeout: 60_000 });
    expect(await parameterMean('speedMps', 'left')).toBeCloseTo(speedBefore, 2);

    await page.getByText('Scale: measure metres from two floor marks').click();
    await page.getByRole('button', { name: 'Back to the scale from the patient’s height' }).click();
    expect(await analysisEnded()).toBe('analysed');
    expect((await view()).scale!.method).toBe('subject-height');
  });

  it('raised no console errors (CSP violations included)', () => {
    expect(consoleErrors).toEqual([]);
  });
});
