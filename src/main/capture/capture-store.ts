// The capture tables: the lab's camera set-up and one sync report per trial. A trial's files,
// report and status are written in one transaction, so a crash never leaves a trial marked
// 'recorded' without its videos or its report.
import type { TrialFileInfo, TrialStatus } from '../../shared/api/entities';
import type { CameraSetup, CaptureReport } from '../../shared/api/ops/capture';
import type { Db } from '../store/database';
import { transaction } from '../store/database';

export function readSetup(db: Db): CameraSetup | null {
  const row = db.prepare('SELECT setup_json FROM capture_setup WHERE id = 1').get() as
    { setup_json: string } | undefined;
  return row ? (JSON.parse(row.setup_json) as CameraSetup) : null;
}

export function writeSetup(
  db: Db,
  setup: Omit<CameraSetup, 'updatedAt'>,
  now = new Date().toISOString(),
): CameraSetup {
  const stored: CameraSetup = { ...setup, updatedAt: now };
  db.prepare(
    `INSERT INTO capture_setup (id, setup_json, updated_at) VALUES (1, ?, ?)
     ON CONFLICT(id) DO UPDATE SET setup_json = excluded.setup_json, updated_at = excluded.updated_at`,
  ).run(JSON.stringify(stored), now);
  return stored;
}

export function readReport(db: Db, trialId: string): CaptureReport | null {
  const row = db.prepare('SELECT report_json FROM capture_report WHERE trial_id = ?').get(trialId) as
    { report_json: string } | undefined;
  return row ? (JSON.parse(row.report_json) as CaptureReport) : null;
}

function upsertReport(db: Db, report: CaptureReport, now: string): void {
  db.prepare(
    `INSERT INTO capture_report (trial_id, report_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(trial_id) DO UPDATE SET report_json = excluded.report_json, updated_at = excluded.updated_at`,
  ).run(report.trialId, JSON.stringify(report), now);
}

export function saveReport(db: Db, report: CaptureReport, now = new Date().toISOString()): void {
  upsertReport(db, report, now);
}

export interface TrialOutcome {
  trialId: string;
  files: TrialFileInfo[];
  cameras: string[];
  status: TrialStatus;
  statusMessage: string;
  report: CaptureReport | null;
}

/** Files, cameras, status and report of a trial, all or nothing. */
export function commitTrialOutcome(db: Db, o: TrialOutcome, now = new Date().toISOString()): void {
  transaction(db, () => {
    const insert = db.prepare(
      'INSERT OR REPLACE INTO trial_file (trial_id, camera, relative_path, kind) VALUES (?, ?, ?, ?)',
    );
    for (const f of o.files) insert.run(o.trialId, f.camera, f.relativePath, f.kind);
    db.prepare(
      'UPDATE trial SET status = ?, status_message = ?, cameras_json = ?, updated_at = ? WHERE id = ?',
    ).run(o.status, o.statusMessage, JSON.stringify(o.cameras), now, o.trialId);
    if (o.report) upsertReport(db, o.report, now);
  });
}

/** Trials a recording was running for when the app stopped (crash, kill, power cut). */
export function trialsLeftRecording(db: Db): Array<{ id: string; name: string; sessionId: string }> {
  return db
    .prepare(
      "SELECT id, name, session_id AS sessionId FROM trial WHERE status = 'recording' ORDER BY created_at",
    )
    .all() as unknown as Array<{ id: string; name: string; sessionId: string }>;
}
