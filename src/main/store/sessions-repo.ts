import { randomUUID } from 'node:crypto';
import type { SessionInfo } from '../../shared/api/entities';
import type { OperationParsedInput } from '../../shared/api/contract';
import type { Db } from './database';

interface SessionRow {
  id: string;
  patient_id: string;
  date: string;
  condition: string;
  examiner: string;
  notes: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  trial_count: number;
}

type SessionFields = Omit<OperationParsedInput<'sessions.create'>, 'patientId'>;
const COLUMNS: Record<keyof SessionFields, string> = {
  date: 'date',
  condition: 'condition',
  examiner: 'examiner',
  notes: 'notes',
};

const SELECT = `SELECT s.*, (SELECT count(*) FROM trial t WHERE t.session_id = s.id AND t.archived_at IS NULL) AS trial_count
  FROM session s`;

function toInfo(r: SessionRow): SessionInfo {
  return {
    id: r.id,
    patientId: r.patient_id,
    date: r.date,
    condition: r.condition as SessionInfo['condition'],
    examiner: r.examiner,
    notes: r.notes,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    trialCount: Number(r.trial_count),
  };
}

export class SessionsRepo {
  constructor(private readonly db: Db) {}

  create(patientId: string, f: SessionFields, now = new Date().toISOString()): SessionInfo {
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO session (id, patient_id, date, condition, examiner, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, patientId, f.date, f.condition, f.examiner, f.notes, now, now);
    return this.get(id)!;
  }

  get(id: string): SessionInfo | undefined {
    const row = this.db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SessionRow | undefined;
    return row ? toInfo(row) : undefined;
  }

  /** Newest assessment first: the page reads like a clinical history. */
  listForPatient(patientId: string, includeArchived: boolean): SessionInfo[] {
    const rows = this.db
      .prepare(
        `${SELECT} WHERE s.patient_id = ? AND (? OR s.archived_at IS NULL) ORDER BY s.date DESC, s.created_at DESC`,
      )
      .all(patientId, includeArchived ? 1 : 0) as unknown as SessionRow[];
    return rows.map(toInfo);
  }

  update(id: string, patch: Partial<SessionFields>, now = new Date().toISOString()): SessionInfo | undefined {
    const keys = (Object.keys(patch) as (keyof SessionFields)[]).filter((k) => patch[k] !== undefined);
    if (keys.length > 0) {
      const sets = keys.map((k) => `${COLUMNS[k]} = ?`).join(', ');
      this.db
        .prepare(`UPDATE session SET ${sets}, updated_at = ? WHERE id = ?`)
        .run(...keys.map((k) => patch[k] ?? null), now, id);
    }
    return this.get(id);
  }

  setArchived(id: string, archived: boolean, now = new Date().toISOString()): SessionInfo | undefined {
    this.db
      .prepare('UPDATE session SET archived_at = ?, updated_at = ? WHERE id = ?')
      .run(archived ? now : null, now, id);
    return this.get(id);
  }
}
