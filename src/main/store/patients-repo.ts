import { randomUUID } from 'node:crypto';
import type { PatientInfo } from '../../shared/api/entities';
import type { OperationParsedInput } from '../../shared/api/contract';
import type { Db } from './database';

interface PatientRow {
  id: string;
  name: string;
  hospital_id: string;
  date_of_birth: string | null;
  sex: string;
  diagnosis: string;
  gmfcs_level: number | null;
  affected_side: string;
  height_m: number | null;
  leg_length_m: number | null;
  mass_kg: number | null;
  notes: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

type PatientFields = OperationParsedInput<'patients.create'>;

const COLUMNS: Record<keyof PatientFields, keyof PatientRow> = {
  name: 'name',
  hospitalId: 'hospital_id',
  dateOfBirth: 'date_of_birth',
  sex: 'sex',
  diagnosis: 'diagnosis',
  gmfcsLevel: 'gmfcs_level',
  affectedSide: 'affected_side',
  heightM: 'height_m',
  legLengthM: 'leg_length_m',
  massKg: 'mass_kg',
  notes: 'notes',
};

function toInfo(r: PatientRow): PatientInfo {
  return {
    id: r.id,
    name: r.name,
    hospitalId: r.hospital_id,
    dateOfBirth: r.date_of_birth,
    sex: r.sex as PatientInfo['sex'],
    diagnosis: r.diagnosis,
    gmfcsLevel: r.gmfcs_level,
    affectedSide: r.affected_side as PatientInfo['affectedSide'],
    heightM: r.height_m,
    legLengthM: r.leg_length_m,
    massKg: r.mass_kg,
    notes: r.notes,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export class PatientsRepo {
  constructor(private readonly db: Db) {}

  create(fields: PatientFields, now = new Date().toISOString()): PatientInfo {
    const id = randomUUID();
    const cols = Object.values(COLUMNS);
    const values = (Object.keys(COLUMNS) as (keyof PatientFields)[]).map((k) => fields[k] ?? null);
    this.db
      .prepare(
        `INSERT INTO patient (id, ${cols.join(', ')}, created_at, updated_at)
         VALUES (?, ${cols.map(() => '?').join(', ')}, ?, ?)`,
      )
      .run(id, ...values, now, now);
    return this.get(id)!;
  }

  get(id: string): PatientInfo | undefined {
    const row = this.db.prepare('SELECT * FROM patient WHERE id = ?').get(id) as PatientRow | undefined;
    return row ? toInfo(row) : undefined;
  }

  /** Search matches name, hospital ID or diagnosis, case-insensitively; most recently changed first. */
  list(search: string, includeArchived: boolean): PatientInfo[] {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.db
      .prepare(
        `SELECT * FROM patient
         WHERE (? = '' OR name LIKE ? ESCAPE '\\' OR hospital_id LIKE ? ESCAPE '\\' OR diagnosis LIKE ? ESCAPE '\\')
           AND (? OR archived_at IS NULL)
         ORDER BY updated_at DESC, name COLLATE NOCASE`,
      )
      .all(search, like, like, like, includeArchived ? 1 : 0) as unknown as PatientRow[];
    return rows.map(toInfo);
  }

  update(id: string, patch: Partial<PatientFields>, now = new Date().toISOString()): PatientInfo | undefined {
    const keys = (Object.keys(patch) as (keyof PatientFields)[]).filter((k) => patch[k] !== undefined);
    if (keys.length > 0) {
      const sets = keys.map((k) => `${COLUMNS[k]} = ?`).join(', ');
      this.db
        .prepare(`UPDATE patient SET ${sets}, updated_at = ? WHERE id = ?`)
        .run(...keys.map((k) => patch[k] ?? null), now, id);
    }
    return this.get(id);
  }

  setArchived(id: string, archived: boolean, now = new Date().toISOString()): PatientInfo | undefined {
    this.db
      .prepare('UPDATE patient SET archived_at = ?, updated_at = ? WHERE id = ?')
      .run(archived ? now : null, now, id);
    return this.get(id);
  }
}
