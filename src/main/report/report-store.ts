// The report tables of the lab database: lab settings (one row), normative reference sets and
// the clinician's interpretation per report. Sets are stored whole as JSON: a report reads every
// curve of a set at once, and a set never changes once imported (a re-import is a new set).
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/database';
import type { NormativeSet, SpatiotemporalNormalRow } from './model';

/** A walkway normal table (speed, cadence, lengths, times by sex, age and pace), lab-wide. */
export interface SpatiotemporalTableSetting {
  name: string;
  source: string;
  rows: SpatiotemporalNormalRow[];
}

export interface LabSettingsRow {
  labName: string;
  department: string;
  address: string;
  phone: string;
  logoRelativePath: string | null;
  spatiotemporalTable: SpatiotemporalTableSetting | null;
  updatedAt: string | null;
}

export interface NormativeSetRow {
  id: string;
  name: string;
  origin: 'imported' | 'lab';
  format: string;
  group: string | null;
  set: NormativeSet;
  archivedAt: string | null;
  createdAt: string;
}

export interface ReportNoteRow {
  text: string;
  clinicianName: string;
  role: string;
  updatedAt: string;
}

const DEFAULT_LAB_NAME = 'Gait laboratory';

export class ReportStore {
  constructor(private readonly db: Db) {}

  labSettings(): LabSettingsRow {
    const r = this.db.prepare('SELECT * FROM lab_settings WHERE id = 1').get() as
      { settings_json: string; logo_relative_path: string | null; updated_at: string } | undefined;
    const s = r ? (JSON.parse(r.settings_json) as Partial<LabSettingsRow>) : {};
    return {
      labName: s.labName || DEFAULT_LAB_NAME,
      department: s.department ?? '',
      address: s.address ?? '',
      phone: s.phone ?? '',
      logoRelativePath: r?.logo_relative_path ?? null,
      spatiotemporalTable: s.spatiotemporalTable ?? null,
      updatedAt: r?.updated_at ?? null,
    };
  }

  saveLabSettings(patch: Partial<Omit<LabSettingsRow, 'updatedAt'>>): LabSettingsRow {
    const current = this.labSettings();
    const next = { ...current, ...patch };
    const json = JSON.stringify({
      labName: next.labName,
      department: next.department,
      address: next.address,
      phone: next.phone,
      spatiotemporalTable: next.spatiotemporalTable,
    });
    this.db
      .prepare(
        `INSERT INTO lab_settings (id, settings_json, logo_relative_path, updated_at) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET settings_json = excluded.settings_json,
           logo_relative_path = excluded.logo_relative_path, updated_at = excluded.updated_at`,
      )
      .run(json, next.logoRelativePath, new Date().toISOString());
    return this.labSettings();
  }

  listNormativeSets(includeArchived = false): NormativeSetRow[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM normative_set ${includeArchived ? '' : 'WHERE archived_at IS NULL'} ORDER BY created_at, rowid`,
      )
      .all() as unknown as RawSet[];
    return rows.map(toSetRow);
  }

  getNormativeSet(id: string): NormativeSetRow | undefined {
    const r = this.db.prepare('SELECT * FROM normative_set WHERE id = ?').get(id) as RawSet | undefined;
    return r ? toSetRow(r) : undefined;
  }

  /** Stores a set under a new id (the set's own id is replaced by it). */
  addNormativeSet(
    set: NormativeSet,
    origin: NormativeSetRow['origin'],
    format: string,
    group: string | null,
  ): NormativeSetRow {
    const id = randomUUID();
    const stored: NormativeSet = { ...set, id };
    this.db
      .prepare(
        'INSERT INTO normative_set (id, name, origin, format, group_name, set_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, set.name, origin, format, group, JSON.stringify(stored), new Date().toISOString());
    return this.getNormativeSet(id)!;
  }

  setNormativeArchived(id: string, archived: boolean): NormativeSetRow | undefined {
    this.db
      .prepare('UPDATE normative_set SET archived_at = ? WHERE id = ?')
      .run(archived ? new Date().toISOString() : null, id);
    return this.getNormativeSet(id);
  }

  reportNote(sessionId: string, compareSessionId: string | undefined): ReportNoteRow | undefined {
    const r = this.db
      .prepare('SELECT * FROM report_note WHERE session_id = ? AND compare_session_id = ?')
      .get(sessionId, compareSessionId ?? '') as
      { text: string; clinician_name: string; role: string; updated_at: string } | undefined;
    return r
      ? { text: r.text, clinicianName: r.clinician_name, role: r.role, updatedAt: r.updated_at }
      : undefined;
  }

  saveReportNote(
    sessionId: string,
    compareSessionId: string | undefined,
    note: Omit<ReportNoteRow, 'updatedAt'>,
  ): ReportNoteRow {
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO report_note (session_id, compare_session_id, text, clinician_name, role, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (session_id, compare_session_id) DO UPDATE SET text = excluded.text,
           clinician_name = excluded.clinician_name, role = excluded.role, updated_at = excluded.updated_at`,
      )
      .run(sessionId, compareSessionId ?? '', note.text, note.clinicianName, note.role, now);
    return { ...note, updatedAt: now };
  }
}

interface RawSet {
  id: string;
  name: string;
  origin: string;
  format: string;
  group_name: string | null;
  set_json: string;
  archived_at: string | null;
  created_at: string;
}

function toSetRow(r: RawSet): NormativeSetRow {
  return {
    id: r.id,
    name: r.name,
    origin: r.origin === 'lab' ? 'lab' : 'imported',
    format: r.format,
    group: r.group_name,
    set: JSON.parse(r.set_json) as NormativeSet,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
  };
}
