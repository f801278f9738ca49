import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLab, type LabServices } from '../../../src/main/services/lab-services';
import { dispatch } from '../../../src/main/services/dispatch';
import { integrityCheck, openDatabase, schemaVersion } from '../../../src/main/store/database';
import { MIGRATIONS } from '../../../src/main/store/migrations';

let dir: string;
let lab: LabServices;
const call = (op: string, input: unknown) => dispatch(lab.handlers, op, input);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gaitlab-lab-'));
  lab = openLab(dir);
});
afterEach(() => {
  lab.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('lab store through the services', () => {
  it('creates the database with WAL, foreign keys and the current schema', () => {
    expect(schemaVersion(lab.db)).toBe(MIGRATIONS.length);
    expect((lab.db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe(
      'wal',
    );
    expect((lab.db.prepare('PRAGMA foreign_keys').get() as { foreign_keys: number }).foreign_keys).toBe(1);
    expect(integrityCheck(lab.db)).toBe('ok');
  });

  it('stores a patient and a session and finds them again after reopening', async () => {
    const p = await call('patients.create', {
      name: 'Lina Example',
      hospitalId: 'H-123',
      heightM: 1.28,
      gmfcsLevel: 2,
    });
    expect(p.ok).toBe(true);
    const pid = (p as { result: { id: string } }).result.id;
    const s = await call('sessions.create', {
      patientId: pid,
      date: '2026-03-01',
      condition: 'pre-op',
      examiner: 'Dr B',
    });
    expect(s.ok).toBe(true);
    lab.close();
    lab = openLab(dir);
    const list = await call('patients.list', { search: 'h-12' });
    expect(list).toMatchObject({
      ok: true,
      result: [{ name: 'Lina Example', heightM: 1.28, gmfcsLevel: 2 }],
    });
    const sessions = await call('sessions.list', { patientId: pid });
    expect(sessions).toMatchObject({
      ok: true,
      result: [{ date: '2026-03-01', condition: 'pre-op', trialCount: 0 }],
    });
  });

  it('changes only the fields an edit names', async () => {
    const p = (await call('patients.create', {
      name: 'Edit Me',
      dateOfBirth: '2015-02-03',
      heightM: 1.2,
      gmfcsLevel: 3,
      diagnosis: 'CP',
    })) as { result: { id: string } };
    const r = await call('patients.update', { id: p.result.id, patch: { sex: 'female' } });
    expect(r).toMatchObject({
      ok: true,
      result: { sex: 'female', dateOfBirth: '2015-02-03', heightM: 1.2, gmfcsLevel: 3, diagnosis: 'CP' },
    });
    const s = (await call('sessions.create', {
      patientId: p.result.id,
      date: '2026-01-05',
      condition: 'AFO',
      examiner: 'Dr K',
      notes: 'first',
    })) as { result: { id: string } };
    const u = await call('sessions.update', { id: s.result.id, patch: { condition: 'barefoot' } });
    expect(u).toMatchObject({
      ok: true,
      result: { condition: 'barefoot', examiner: 'Dr K', notes: 'first' },
    });
    const bad = await call('patients.update', { id: p.result.id, patch: { heightM: 120 } });
    expect(bad).toMatchObject({
      ok: false,
      error: { fields: { heightM: expect.stringContaining('1.20 m') } },
    });
  });

  it('archives instead of deleting, and restores', async () => {
    const p = (await call('patients.create', { name: 'To Archive' })) as { result: { id: string } };
    const id = p.result.id;
    await call('patients.archive', { id });
    expect(await call('patients.list', {})).toMatchObject({ ok: true, result: [] });
    expect(await call('patients.list', { includeArchived: true })).toMatchObject({
      ok: true,
      result: [{ id, archivedAt: expect.any(String) }],
    });
    const blocked = await call('sessions.create', {
      patientId: id,
      date: '2026-01-01',
      condition: 'barefoot',
    });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await call('patients.restore', { id });
    expect(await call('patients.list', {})).toMatchObject({ ok: true, result: [{ id, archivedAt: null }] });
  });

  it('returns field messages and saves nothing for bad input', async () => {
    const r = await call('patients.create', { name: '', heightM: 175 });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        fields: { name: 'Name is required.', heightM: expect.stringContaining('Did you mean 1.75 m?') },
      },
    });
    expect(await call('patients.list', { includeArchived: true })).toMatchObject({ ok: true, result: [] });
  });

  it('refuses a session dated before the birth and unknown ids', async () => {
    const p = (await call('patients.create', { name: 'Kid', dateOfBirth: '2018-05-01' })) as {
      result: { id: string };
    };
    const r = await call('sessions.create', {
      patientId: p.result.id,
      date: '2017-01-01',
      condition: 'barefoot',
    });
    expect(r).toMatchObject({ ok: false, error: { fields: { date: expect.any(String) } } });
    expect(await call('patients.get', { id: 'doesnotexist' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await call('no.such.op', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('keeps a session after the birth when either date is edited later', async () => {
    // The report prints the age at each session: a birth after a session would fail every report.
    const p = (await call('patients.create', { name: 'Kid' })) as { result: { id: string } };
    const s = (await call('sessions.create', {
      patientId: p.result.id,
      date: '2019-03-04',
      condition: 'AFO',
    })) as { result: { id: string } };
    expect(
      await call('patients.update', { id: p.result.id, patch: { dateOfBirth: '2019-06-01' } }),
    ).toMatchObject({
      ok: false,
      error: {
        message: 'The date of birth is after the session of 2019-03-04 (AFO): check both dates.',
        fields: { dateOfBirth: 'After the session of 2019-03-04.' },
      },
    });
    expect(
      await call('patients.update', { id: p.result.id, patch: { dateOfBirth: '2015-06-01' } }),
    ).toMatchObject({
      ok: true,
      result: { dateOfBirth: '2015-06-01' },
    });
    expect(await call('sessions.update', { id: s.result.id, patch: { date: '2015-01-01' } })).toMatchObject({
      ok: false,
      error: { fields: { date: 'The session date is before the date of birth.' } },
    });
    expect(await call('sessions.update', { id: s.result.id, patch: { date: '2016-01-01' } })).toMatchObject({
      ok: true,
      result: { date: '2016-01-01' },
    });
  });

  it('refuses a lab written by a newer schema instead of corrupting it', () => {
    lab.db.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    lab.close();
    expect(() => openDatabase(join(dir, 'gaitlab.sqlite'))).toThrow(/newer GaitLab/);
    lab = openLab(mkdtempSync(join(tmpdir(), 'gaitlab-lab-')));
  });
});
