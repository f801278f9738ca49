// Analyse pressed on three trials one after the other: the second waits for the first one's pose
// workers, says so in its progress, and the first trial is ready first; the third, cancelled while
// it waits, stops at once and can be analysed later.
import { expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLab } from '../../../src/main/services/lab-services';
import { dispatch } from '../../../src/main/services/dispatch';
import type { LabEvent } from '../../../src/shared/api/events';
import { videoVariant } from '../../helpers/video-variant';

it('trials analysed at once take the pose workers in turn', async () => {
  const lab = openLab(mkdtempSync(join(tmpdir(), 'gaitlab-in-turn-')));
  const call = async <T>(op: string, input: unknown): Promise<T> => {
    const e = await dispatch(lab.handlers, op, input, 'cli');
    if (!e.ok) throw new Error(e.error.message);
    return e.result as T;
  };
  try {
    const p = await call<{ id: string }>('patients.create', { name: 'In Turn', heightM: 1.65 });
    const s = await call<{ id: string }>('sessions.create', {
      patientId: p.id,
      date: '2026-01-01',
      condition: 'barefoot',
    });
    // 3 s of her walk, from 2 s in: a walking pass, and the queue is what is on trial.
    const walk = videoVariant(mkdtempSync(join(tmpdir(), 'gaitlab-in-turn-walk-')), 'walk.mp4', [
      '-ss',
      '2',
      '-frames:v',
      '90',
    ]);
    const trials: string[] = [];
    for (const name of ['Walk 1', 'Walk 2', 'Walk 3']) {
      const r = await call<{ trial: { id: string } }>('capture.import.file', {
        path: walk,
        sessionId: s.id,
        view: 'sagittal-left',
        trialName: name,
      });
      trials.push(r.trial.id);
    }
    const messages = new Map<string, string[]>();
    const finished: string[] = [];
    const allDone = new Promise<void>((resolve) => {
      const off = lab.events.subscribe((e: LabEvent) => {
        if (e.type !== 'job.progress') return;
        const seen = messages.get(e.jobId) ?? [];
        if (e.message && seen.at(-1) !== e.message) seen.push(e.message);
        messages.set(e.jobId, seen);
        if (e.state !== 'running' && !finished.includes(e.jobId)) finished.push(e.jobId);
        if (finished.length === 3) {
          off();
          resolve();
        }
      });
    });
    const jobs: string[] = [];
    for (const t of trials)
      jobs.push((await call<{ jobId: string }>('analysis.start', { trialId: t })).jobId);
    await new Promise((r) => setTimeout(r, 1000));
    await call('jobs.cancel', { jobId: jobs[2] });
    await allDone;
    // The cancelled one ended first, while the others went on in turn.
    expect(finished).toEqual([jobs[2], jobs[0], jobs[1]]);
    expect(await call('trials.get', { id: trials[2] })).toMatchObject({
      status: 'recorded',
      statusMessage: 'The analysis was cancelled. Run it again: it resumes where it stopped.',
    });
    const WAITING = 'Waiting its turn (another analysis is running)';
    expect(messages.get(jobs[0]!)).not.toContain(WAITING);
    const second = messages.get(jobs[1]!) ?? [];
    const waited = second.indexOf(WAITING);
    expect(waited).toBeGreaterThanOrEqual(0);
    expect(second.slice(waited)).toContain('Finding the patient');
    for (const t of trials.slice(0, 2))
      expect((await call<{ status: string }>('trials.get', { id: t })).status).toBe('analysed');
  } finally {
    lab.close();
  }
}, 300_000);
