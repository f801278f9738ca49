// The bridge is killed with SIGKILL in the middle of a burst of writes. On restart the database must
// pass PRAGMA integrity_check and every record must be either whole or absent.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { invoke, startServe } from '../../helpers/serve-process';

interface Sent {
  name: string;
  hospitalId: string;
  diagnosis: string;
  heightM: number;
  massKg: number;
  notes: string;
}

function payload(i: number): Sent {
  return {
    name: `Burst patient ${i}`,
    hospitalId: `B-${i}`,
    diagnosis: `diagnosis text ${i} `.repeat(20).trim(),
    heightM: 1 + (i % 100) / 100,
    massKg: 20 + (i % 50),
    notes: `notes ${i} `.repeat(200).trim(),
  };
}

describe('crash safety of the lab store', () => {
  it('keeps every record whole or absent after SIGKILL during a write burst', async () => {
    const lab = mkdtempSync(join(tmpdir(), 'gaitlab-crash-'));
    const serve = await startServe(lab);
    const sent = new Map<string, Sent>();
    let acknowledged = 0;
    let killed = false;
    const writers = Array.from({ length: 16 }, async (_, w) => {
      for (let k = 0; k < 200 && !killed; k++) {
        const i = w * 1000 + k;
        const p = payload(i);
        sent.set(p.hospitalId, p);
        try {
          const r = await invoke(serve, 'patients.create', p);
          if (r.ok) {
            const id = (r.result as { id: string }).id;
            await invoke(serve, 'sessions.create', {
              patientId: id,
              date: '2026-01-02',
              condition: 'training',
              notes: p.notes,
            });
            acknowledged++;
          }
        } catch {
          return; // connection dropped by the kill
        }
        if (acknowledged >= 150 && !killed) {
          killed = true;
          serve.proc.kill('SIGKILL');
        }
      }
    });
    await Promise.all(writers);
    expect(killed).toBe(true);
    await new Promise((r) =>
      serve.proc.exitCode !== null || serve.proc.signalCode ? r(null) : serve.proc.once('exit', r),
    );

    // Restart: the app itself must open the lab again, then check the file directly.
    const again = await startServe(lab);
    const listed = await invoke(again, 'patients.list', { includeArchived: true });
    expect(listed.ok).toBe(true);
    await again.stop();

    const db = new DatabaseSync(join(lab, 'gaitlab.sqlite'));
    expect((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe(
      'ok',
    );
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    const rows = db.prepare('SELECT * FROM patient').all() as unknown as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThanOrEqual(150);
    for (const row of rows) {
      const p = sent.get(row.hospital_id as string);
      expect(p, `row ${String(row.hospital_id)} was sent`).toBeDefined();
      expect(row).toMatchObject({
        name: p!.name,
        diagnosis: p!.diagnosis,
        height_m: p!.heightM,
        mass_kg: p!.massKg,
        notes: p!.notes,
      });
    }
    const sessions = db.prepare('SELECT notes, patient_id FROM session').all() as Array<{ notes: string }>;
    for (const s of sessions) expect(s.notes).toMatch(/^notes \d+( notes \d+){199}$/);
    db.close();
    console.log(
      `crash test: ${acknowledged} acknowledged writes, ${rows.length} patients and ${sessions.length} sessions whole after SIGKILL`,
    );
  });
});
