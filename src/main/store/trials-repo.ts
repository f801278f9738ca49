import { randomUUID } from 'node:crypto';
import type { TrialCameraAnalysis, TrialFileInfo, TrialInfo, TrialStatus } from '../../shared/api/entities';
import type { Db } from './database';
import { transaction } from './database';

interface TrialRow {
  id: string;
  session_id: string;
  name: string;
  status: string;
  status_message: string;
  cameras_json: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

interface FileRow {
  camera: string;
  relative_path: string;
  kind: string;
}

export class TrialsRepo {
  constructor(private readonly db: Db) {}

  private toInfo(r: TrialRow): TrialInfo {
    const files = this.db
      .prepare('SELECT camera, relative_path, kind FROM trial_file WHERE trial_id = ? ORDER BY camera')
      .all(r.id) as unknown as FileRow[];
    const analyses = this.db
      .prepare('SELECT camera, status, status_message FROM analysis WHERE trial_id = ? ORDER BY camera')
      .all(r.id) as unknown as Array<{ camera: string; status: string; status_message: string }>;
    return {
      id: r.id,
      sessionId: r.session_id,
      name: r.name,
      status: r.status as TrialStatus,
      statusMessage: r.status_message,
      cameras: JSON.parse(r.cameras_json) as string[],
      files: files.map((f) => ({
        camera: f.camera,
        relativePath: f.relative_path,
        kind: f.kind as TrialFileInfo['kind'],
      })),
      cameraAnalyses: analyses.map((a) => ({
        camera: a.camera,
        status: a.status as TrialCameraAnalysis['status'],
        message: a.status_message,
      })),
      archivedAt: r.archived_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  create(sessionId: string, name: string, cameras: string[], now = new Date().toISOString()): TrialInfo {
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO trial (id, session_id, name, cameras_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(id, sessionId, name, JSON.stringify(cameras), now, now);
    return this.get(id)!;
  }

  get(id: string): TrialInfo | undefined {
    const row = this.db.prepare('SELECT * FROM trial WHERE id = ?').get(id) as TrialRow | undefined;
    return row ? this.toInfo(row) : undefined;
  }

  listForSession(sessionId: string, includeArchived: boolean): TrialInfo[] {
    const rows = this.db
      .prepare('SELECT * FROM trial WHERE session_id = ? AND (? OR archived_at IS NULL) ORDER BY created_at')
      .all(sessionId, includeArchived ? 1 : 0) as unknown as TrialRow[];
    return rows.map((r) => this.toInfo(r));
  }

  setStatus(id: string, status: TrialStatus, message = '', now = new Date().toISOString()): void {
    this.db
      .prepare('UPDATE trial SET status = ?, status_message = ?, updated_at = ? WHERE id = ?')
      .run(status, message, now, id);
  }

  /** Files and status change together, so a crash never leaves a trial claiming files it lacks. */
  addFiles(id: string, files: TrialFileInfo[], status?: TrialStatus, now = new Date().toISOString()): void {
    transaction(this.db, () => {
      const insert = this.db.prepare(
        'INSERT OR REPLACE INTO trial_file (trial_id, camera, relative_path, kind) VALUES (?, ?, ?, ?)',
      );
      for (const f of files) insert.run(id, f.camera, f.relativePath, f.kind);
      if (status)
        this.db.prepare('UPDATE trial SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
    });
  }

  setArchived(id: string, archived: boolean, now = new Date().toISOString()): TrialInfo | undefined {
    this.db
      .prepare('UPDATE trial SET archived_at = ?, updated_at = ? WHERE id = ?')
      .run(archived ? now : null, now, id);
    return this.get(id);
  }
}
