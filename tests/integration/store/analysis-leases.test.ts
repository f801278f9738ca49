// Several GaitLab processes on one lab: the one analysing a trial holds it, another opening the lab
// leaves that analysis alone (it marked it interrupted), and a trial whose process died is free.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/services/dispatch';
import { openLab, type LabServices } from '../../../src/main/services/lab-services';
import { AnalysisLeases, LEASE_STALE_MS, leaseAlive } from '../../../src/main/store/analysis-leases';
import { AnalysisRepo } from '../../../src/main/store/analysis-repo';
import type { TrialInfo } from '../../../src/shared/api/entities';

let dir: string;
let lab: LabServices;
let trial: TrialInfo;

async function call<T>(op: string, input: unknown): Promise<T> {
  const r = await dispatch(lab.handlers, op, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.result as T;
}

/** A process of this computer that has ended. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gaitlab-leases-'));
  lab = openLab(dir);
  const p = await call<{ id: string }>('patients.create', { name: 'Lease Test' });
  const s = await call<{ id: string }>('sessions.create', {
    patientId: p.id,
    date: '2026-12-01',
    condition: 'barefoot',
  });
  trial = await call<TrialInfo>('trials.create', { sessionId: s.id, name: 'Walk 1', cameras: ['sagittal'] });
});
afterEach(() => lab.close());

describe('analysis leases', () => {
  it('one process at a time analyses a trial; released, it is free again', () => {
    const app = new AnalysisLeases(lab.db, `${hostname()}|${process.pid}|app`);
    const command = new AnalysisLeases(lab.db, `${hostname()}|${process.pid}|cli`);
    const release = app.claim(trial.id);
    expect(release).not.toBeNull();
    expect(command.claim(trial.id)).toBeNull();
    // The same process asking twice (Analyse pressed twice) is refused too.
    expect(app.claim(trial.id)).toBeNull();
    expect([...command.liveTrials()]).toEqual([trial.id]);
    release!();
    const again = command.claim(trial.id);
    expect(again).not.toBeNull();
    again!();
    expect(command.liveTrials().size).toBe(0);
  });

  it('a lease whose process died on this computer, or not renewed for 30 s, belongs to nobody', () => {
    const now = Date.now();
    expect(leaseAlive(`${hostname()}|${process.pid}|x`, now, now)).toBe(true);
    expect(leaseAlive(`${hostname()}|${deadPid()}|x`, now, now)).toBe(false);
    // Another computer (a lab on a shared drive): alive until it stops renewing.
    expect(leaseAlive(`other-computer|${deadPid()}|x`, now - 1000, now)).toBe(true);
    expect(leaseAlive(`other-computer|1|x`, now - LEASE_STALE_MS - 1, now)).toBe(false);

    const crashed = new AnalysisLeases(lab.db, `${hostname()}|${deadPid()}|crashed`);
    expect(crashed.claim(trial.id)).not.toBeNull();
    const next = new AnalysisLeases(lab.db, `${hostname()}|${process.pid}|next`);
    expect(next.claim(trial.id)).not.toBeNull();
  });

  it('a process opening the lab leaves an analysis running elsewhere alone, and settles one whose process died', () => {
    const analyses = new AnalysisRepo(lab.db);
    const elsewhere = new AnalysisLeases(lab.db, `other-computer|4242|app`);
    const release = elsewhere.claim(trial.id)!;
    analyses.upsert(trial.id, 'sagittal', { status: 'analysing' });
    lab.trials.setStatus(trial.id, 'analysing');
    expect(analyses.markInterrupted()).toBe(0);
    expect(lab.trials.get(trial.id)!.status).toBe('analysing');
    expect(analyses.get(trial.id, 'sagittal')!.status).toBe('analysing');

    // The other process ended without giving the trial back (killed): its lease is stale once
    // not renewed, and the next look settles the analysis.
    lab.db.prepare('UPDATE analysis_lease SET renewed_at = ?').run(Date.now() - LEASE_STALE_MS - 1);
    expect(analyses.markInterrupted()).toBe(1);
    expect(lab.trials.get(trial.id)!.status).toBe('recorded');
    expect(lab.trials.get(trial.id)!.statusMessage).toBe(
      'The analysis was interrupted. Run it again: it resumes where it stopped.',
    );
    expect(analyses.get(trial.id, 'sagittal')!.status).toBe('cancelled');
    release();
  });
});
