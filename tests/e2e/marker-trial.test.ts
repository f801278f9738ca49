// A Vicon capture (C3D) imported in the browser: it becomes a trial of its own, analysed on import,
// and its review has no video but the events, cycles and curves of a video trial, with an event
// corrected by hand re-analysed from the file, and its events taken from the file or from GaitLab's
// detector. A static trial is refused with its reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowserSession, type BrowserSession } from '../helpers/browser-session';
import { invoke, REPO_ROOT, type ServeProcess } from '../helpers/serve-process';
import { sharedDataPath } from '../helpers/shared-data';
import { seriousViolations } from '../helpers/axe';
import { onTreadmill, writeTrcVariant } from '../helpers/trc-variant';
import { PIG_SKIN_MARKERS } from '../integration/gait/pig-markers';
import { readC3D } from '../../src/main/formats/c3d-reader';
import type { TrialAnalysisView } from '../../src/shared/api/analysis-types';

const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'e2e');
const PIG = 'btkdata_c3d_plugingait/vicon_workstation_functional_walk';
let work: string;
let s: BrowserSession;
let serve: ServeProcess;
let page: Page;
let consoleErrors: string[] = [];
let sessionId = '';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'gaitlab-markers-e2e-'));
  s = await openBrowserSession(join(work, 'lab'), { width: 1280, height: 900 });
  ({ serve, page, consoleErrors } = s);
  await page.goto(serve.url);
});

afterAll(async () => {
  await s?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a marker-based trial in the browser', () => {
  it('imports a Vicon C3D as an analysed trial and refuses a static one', async () => {
    const p = await invoke(serve, 'patients.create', { name: 'Marker Patient', dateOfBirth: '2012-01-02' });
    const created = await invoke(serve, 'sessions.create', {
      patientId: (p.result as { id: string }).id,
      date: '2025-06-03',
      condition: 'pre-op',
    });
    sessionId = (created.result as { id: string }).id;
    await page.goto(`${serve.origin}/#/sessions/${sessionId}`);
    await page.getByRole('link', { name: 'Import video or marker file' }).click();
    await page.getByRole('heading', { name: 'Import video or marker files' }).waitFor();
    await page
      .getByLabel('Video files')
      .setInputFiles([
        sharedDataPath(`${PIG}/FunctionalWalk.c3d`),
        sharedDataPath(`${PIG}/FunctionalStatic.c3d`),
      ]);
    // A marker file has no camera view to choose.
    expect(await page.getByLabel('View of FunctionalWalk.c3d').count()).toBe(0);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('1 of 2 files imported.').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'markers-01-import.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.locator('li[data-file="FunctionalWalk.c3d"]').textContent()).toMatch(
      /Imported as trial "FunctionalWalk" and analysed: C3D, 110 trajectories, 3\.6 s at 120 Hz; 2 left and 2 right gait cycles, events from the file\./,
    );
    expect(await page.locator('li[data-file="FunctionalStatic.c3d"]').textContent()).toMatch(
      /FunctionalStatic\.c3d: The subject did not walk.*Nothing was imported\./,
    );

    await page.goto(`${serve.origin}/#/sessions/${sessionId}`);
    const row = page.locator('tr', { has: page.getByRole('rowheader', { name: 'FunctionalWalk' }) });
    await row.waitFor();
    expect(await row.locator('td').first().textContent()).toBe('Marker capture (C3D), no video');
    await row.getByRole('link', { name: 'Open review of FunctionalWalk' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'markers-00-session.png'), fullPage: true });
    // Its distances are the file's: no height is asked for, no video is missing.
    await page
      .getByText("Marker-based trials are measured by their motion-capture system (the file's mm or m).")
      .waitFor();
    expect(await page.getByText('No height recorded.').count()).toBe(0);
    expect(await row.getByText('Record or import a video first.').count()).toBe(0);
  });

  it('reviews it without a video, and re-analyses it from the file when an event is moved', async () => {
    const trials = (await invoke(serve, 'trials.list', { sessionId })).result as Array<{ id: string }>;
    const trialId = trials[0]!.id;
    await page.goto(`${serve.origin}/#/trials/${trialId}`);
    await page.getByRole('heading', { name: 'Marker-based capture' }).waitFor();
    await page.getByRole('heading', { name: 'Joint angles over time' }).waitFor();
    await page.getByRole('heading', { name: 'Joint angles over the gait cycle' }).waitFor();
    // The curves are drawn (plotly) before they are looked at.
    await page.locator('.angle-time svg.main-svg').first().waitFor();
    await page.locator('svg.main-svg').nth(3).waitFor();
    expect(await page.locator('video').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Video and skeleton' }).count()).toBe(0);
    expect(
      await page.getByRole('status').filter({ hasText: 'Events as stored in the marker file.' }).count(),
    ).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'markers-02-review.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // An event corrected by hand (focus its marker, press →) re-runs the analysis from the file.
    const before = (await invoke(serve, 'analysis.get', { trialId })).result as TrialAnalysisView;
    const marker = page.locator('g[role="slider"][data-side="left"][data-kind="initial-contact"]').first();
    const from = Number(await marker.getAttribute('data-frame'));
    await marker.focus();
    await page.keyboard.press('ArrowRight');
    await page.getByText('Moved left initial contact by +1 frame').waitFor({ timeout: 30_000 });
    const after = (await invoke(serve, 'analysis.get', { trialId })).result as TrialAnalysisView;
    expect(after.eventsEditedByHand).toBe(true);
    const moved = after.events.filter((e) => e.source === 'manual');
    expect(moved).toHaveLength(1);
    console.log(`left contact moved by hand from frame ${from} to ${moved[0]!.frame}`);
    expect(moved[0]!.frame - from).toBeGreaterThan(0);
    expect(moved[0]!.frame - from).toBeLessThanOrEqual(1);
    expect(after.cycles.length).toBe(before.cycles.length);
    await page.screenshot({ path: join(ARTIFACTS, 'markers-03-edited.png'), fullPage: true });

    // Events that leave no gait cycle fail the analysis; the failure offers the way back.
    const one = after.events.filter((e) => e.kind === 'initial-contact').slice(0, 1);
    const failed = (await invoke(serve, 'analysis.setEvents', { trialId, events: one }))
      .result as TrialAnalysisView;
    expect(failed.status).toBe('failed');
    await page.reload();
    const reset = page.getByRole('button', { name: 'Reset events to automatic' });
    await reset.waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'markers-03b-failed-edit.png'), fullPage: true });
    await reset.click();
    await page.getByRole('heading', { name: 'Gait events' }).waitFor({ timeout: 30_000 });
    const restored = (await invoke(serve, 'analysis.get', { trialId })).result as TrialAnalysisView;
    expect(restored).toMatchObject({ status: 'analysed', eventsEditedByHand: false });
    expect(restored.cycles).toHaveLength(before.cycles.length);
    expect(consoleErrors).toEqual([]);
  });
  it("switches its events between the file's and GaitLab's detector, replacing corrections by hand", async () => {
    const trials = (await invoke(serve, 'trials.list', { sessionId })).result as Array<{ id: string }>;
    const trialId = trials[0]!.id;
    await page.goto(`${serve.origin}/#/trials/${trialId}`);
    const group = page.getByRole('group', { name: 'Gait events' });
    const fileChoice = group.getByLabel('Stored in the file by its motion-capture system (11 events)');
    const detector = group.getByLabel(/GaitLab.s detector, as for video/);
    await fileChoice.waitFor();
    expect(await fileChoice.isChecked()).toBe(true);
    // A correction by hand first: the other source replaces it.
    const marker = page.locator('g[role="slider"][data-side="left"][data-kind="initial-contact"]').first();
    await marker.focus();
    await page.keyboard.press('ArrowRight');
    await page.getByText('Moved left initial contact by +1 frame').waitFor({ timeout: 30_000 });
    await group.getByText('choosing the other source replaces the corrections').waitFor();
    // The edit can be undone: the trial's reload after an edit keeps its undo history.
    expect(await page.getByRole('button', { name: 'Undo event change' }).isEnabled()).toBe(true);
    // Reset returns to the file's events, and says so.
    expect(await page.getByRole('button', { name: 'Reset to the file’s events' }).isEnabled()).toBe(true);

    await detector.check();
    await page
      .getByText(/^Detected events against the file's 11 \(those 150 ms or more inside the recording\)/)
      .waitFor({ timeout: 30_000 });
    expect(await detector.isChecked()).toBe(true);
    const detected = (await invoke(serve, 'analysis.get', { trialId })).result as TrialAnalysisView;
    expect(detected).toMatchObject({ status: 'analysed', eventsEditedByHand: false });
    expect(detected.provenance).toMatchObject({ eventsFrom: 'detected', baseEvents: 'detected' });
    expect(detected.events.every((e) => e.source === 'zeni')).toBe(true);
    // The analysis job's end clears the last hand edit from the status line.
    await page
      .getByRole('status')
      .filter({ hasText: 'Events detected automatically.' })
      .waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'markers-05-detector.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await fileChoice.check();
    await page
      .getByRole('status')
      .filter({ hasText: 'Events as stored in the marker file.' })
      .waitFor({ timeout: 30_000 });
    const back = (await invoke(serve, 'analysis.get', { trialId })).result as TrialAnalysisView;
    expect(back.provenance).toMatchObject({ eventsFrom: 'file', baseEvents: 'file' });
    expect(back.events.every((e) => e.source === 'imported')).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  it('takes the belt speed of a marker capture on a treadmill in review', async () => {
    const file = readC3D(readFileSync(sharedDataPath(`${PIG}/FunctionalWalk.c3d`)));
    const keep = [...PIG_SKIN_MARKERS, 'LFEP', 'RFEP', 'LFEO', 'RFEO', 'LTIO', 'RTIO'];
    const trc = join(work, 'treadmill-walk.trc');
    writeTrcVariant(trc, file, keep, onTreadmill(file).move);
    await page.goto(`${serve.origin}/#/sessions/${sessionId}/import`);
    await page.getByLabel('Video files').setInputFiles([trc]);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('1 of 1 file imported.').waitFor({ timeout: 60_000 });
    await page
      .locator('li[data-file="treadmill-walk.trc"]')
      .getByRole('link', { name: 'Open review' })
      .click();
    await page.getByRole('heading', { name: 'Marker-based capture' }).waitFor();
    await page
      .getByText('The subject stays in one place in the capture volume: walking on a treadmill.')
      .first()
      .waitFor();
    await page.getByLabel('Belt speed (m/s)').fill('1.2');
    await page.getByRole('button', { name: 'Analyse with this belt speed' }).click();
    await page
      .locator('#parameters-note')
      .getByText('Treadmill: speed is the belt speed, 1.20 m/s')
      .waitFor({ timeout: 30_000 });
    const trials = (await invoke(serve, 'trials.list', { sessionId })).result as Array<{
      id: string;
      name: string;
    }>;
    const a = (
      await invoke(serve, 'analysis.get', { trialId: trials.find((t) => t.name === 'treadmill-walk')!.id })
    ).result as TrialAnalysisView;
    expect(a.beltSpeedMps).toBe(1.2);
    // A TRC stores no events: GaitLab's detector is the only source.
    const fileChoice = page
      .getByRole('group', { name: 'Gait events' })
      .getByLabel('Stored in the file by its motion-capture system (it stores none)');
    expect(await fileChoice.isDisabled()).toBe(true);
    expect(a.parameters.find((p) => p.parameter === 'speedMps')!.left.mean).toBeCloseTo(1.2, 9);
    await page.screenshot({ path: join(ARTIFACTS, 'markers-04-treadmill.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it("filters the trial's trajectories at another cutoff from review, and back", async () => {
    const trials = (await invoke(serve, 'trials.list', { sessionId })).result as Array<{
      id: string;
      name: string;
    }>;
    const trialId = trials.find((t) => t.name === 'treadmill-walk')!.id;
    const filterOf = async () =>
      ((await invoke(serve, 'analysis.get', { trialId })).result as TrialAnalysisView).provenance.filter;
    const made = page.locator('details.provenance');
    await made.locator('summary').click();
    await made.getByText('zero-lag 4th-order Butterworth low-pass, 6 Hz').waitFor();
    await page.getByLabel('Low-pass cutoff (Hz)').fill('40');
    await page.getByRole('button', { name: 'Analyse with this cutoff' }).click();
    await made.getByText('"40" is not one.').waitFor();
    await page.getByLabel('Low-pass cutoff (Hz)').fill('3');
    await page.getByRole('button', { name: 'Analyse with this cutoff' }).click();
    await made.getByText('zero-lag 4th-order Butterworth low-pass, 3 Hz').waitFor({ timeout: 30_000 });
    expect(await filterOf()).toBe('zero-lag 4th-order Butterworth low-pass, 3 Hz');
    // The belt speed set before is kept: only the filter changed.
    await page
      .locator('#parameters-note')
      .getByText('Treadmill: speed is the belt speed, 1.20 m/s')
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await made.screenshot({ path: join(ARTIFACTS, 'markers-06-filter-cutoff.png') });
    await page.getByRole('button', { name: 'Back to 6 Hz' }).click();
    await made.getByText('zero-lag 4th-order Butterworth low-pass, 6 Hz').waitFor({ timeout: 30_000 });
    expect(await filterOf()).toBe('zero-lag 4th-order Butterworth low-pass, 6 Hz');
    expect(consoleErrors).toEqual([]);
  });

  it('greys the angles over time of a walk played backward, whose cycles are left out', async () => {
    const file = readC3D(readFileSync(sharedDataPath(`${PIG}/FunctionalWalk.c3d`)));
    const back = (a: Float64Array) => Float64Array.from(a).reverse();
    const reversed = {
      ...file,
      points: file.points.map((p) => ({ ...p, x: back(p.x), y: back(p.y), z: back(p.z) })),
    };
    const trc = join(work, 'walk-backward.trc');
    writeTrcVariant(
      trc,
      reversed,
      [...PIG_SKIN_MARKERS, 'LFEP', 'RFEP', 'LFEO', 'RFEO', 'LTIO', 'RTIO'],
      (p) => p,
    );
    await page.goto(`${serve.origin}/#/sessions/${sessionId}/import`);
    await page.getByLabel('Video files').setInputFiles([trc]);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('1 of 1 file imported.').waitFor({ timeout: 60_000 });
    await page
      .locator('li[data-file="walk-backward.trc"]')
      .getByRole('link', { name: 'Open review' })
      .click();
    await page.getByRole('heading', { name: 'Marker-based capture' }).waitFor();
    const chart = page.locator('.review-angles');
    await chart
      .getByText(
        'Grey: cycles left out because their angles are wrong (walked backward, or the shoulders cut off at the top edge): do not read them.',
      )
      .waitFor();
    // One grey band over the cycles (the two sides' overlap), drawn over the curves.
    const trials = (await invoke(serve, 'trials.list', { sessionId })).result as Array<{
      id: string;
      name: string;
    }>;
    const a = (
      await invoke(serve, 'analysis.get', { trialId: trials.find((t) => t.name === 'walk-backward')!.id })
    ).result as TrialAnalysisView;
    expect(a.cycles.length).toBeGreaterThanOrEqual(2);
    for (const c of a.cycles) expect(c.flags).toContain('walking-backward');
    expect(await chart.locator('path[style*="fill: rgb(90, 98, 108)"]').count()).toBe(1);
    await chart.screenshot({ path: join(ARTIFACTS, 'markers-07-walk-backward.png') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
