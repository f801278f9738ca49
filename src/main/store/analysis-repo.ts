import { transaction, type Db } from './database';
import { AnalysisLeases } from './analysis-leases';

export interface AnalysisRow {
  trialId: string;
  camera: string;
  status: 'analysing' | 'analysed' | 'failed' | 'cancelled';
  statusMessage: string;
  poseDir: string | null;
  resultPath: string | null;
  summary: unknown;
  settings: Record<string, unknown>;
  /** Hand-edited events (replacing detection) or null to detect. */
  editedEvents: unknown[] | null;
  excludedCycles: string[];
  updatedAt: string;
}

interface Raw {
  trial_id: string;
  camera: string;
  status: string;
  status_message: string;
  pose_dir: string | null;
  result_path: string | null;
  summary_json: string | null;
  settings_json: string;
  edited_events_json: string | null;
  excluded_cycles_json: string;
  updated_at: string;
}

function toRow(r: Raw): AnalysisRow {
  return {
    trialId: r.trial_id,
    camera: r.camera,
    status: r.status as AnalysisRow['status'],
    statusMessage: r.status_message,
    poseDir: r.pose_dir,
    resultPath: r.result_path,
    summary: r.summary_json ? (JSON.parse(r.summary_json) as unknown) : null,
    settings: JSON.parse(r.settings_json) as Record<string, unknown>,
    editedEvents: r.edited_events_json ? (JSON.parse(r.edited_events_json) as unknown[]) : null,
    excludedCycles: JSON.parse(r.excluded_cycles_json) as string[],
    updatedAt: r.updated_at,
  };
}

export class AnalysisRepo {
  /** Which process analyses which trial (analysis-leases.ts). */
  readonly leases: AnalysisLeases;

  constructor(private readonly db: Db) {
    this.leases = new AnalysisLeases(db);
  }

  get(trialId: string, camera: string): AnalysisRow | undefined {
    const r = this.db
      .prepare('SELECT * FROM analysis WHERE trial_id = ? AND camera = ?')
      .get(trialId, camera) as Raw | undefined;
    return r ? toRow(r) : undefined;
  }

  listForTrial(trialId: string): AnalysisRow[] {
    return (
      this.db
        .prepare('SELECT * FROM analysis WHERE trial_id = ? ORDER BY camera')
        .all(trialId) as unknown as Raw[]
    ).map(toRow);
  }

  /** Inserts or updates the fields given; others keep their values. */
  upsert(
    trialId: string,
    camera: string,
    fields: Partial<Omit<AnalysisRow, 'trialId' | 'camera' | 'updatedAt'>>,
  ): AnalysisRow {
    const now = new Date().toISOString();
    const existing = this.get(trialId, camera);
    const merged = {
      status: fields.status ?? existing?.status ?? 'analysing',
      statusMessage: fields.statusMessage ?? existing?.statusMessage ?? '',
      poseDir: fields.poseDir !== undefined ? fields.poseDir : (existing?.poseDir ?? null),
      resultPath: fields.resultPath !== undefined ? fields.resultPath : (existing?.resultPath ?? null),
      summary: fields.summary !== undefined ? fields.summary : (existing?.summary ?? null),
      settings: fields.settings ?? existing?.settings ?? {},
      editedEvents:
        fields.editedEvents !== undefined ? fields.editedEvents : (existing?.editedEvents ?? null),
      excludedCycles: fields.excludedCycles ?? existing?.excludedCycles ?? [],
    };
    this.db
      .prepare(
        `INSERT INTO analysis (trial_id, camera, status, status_message, pose_dir, result_path, summary_json,
           settings_json, edited_events_json, excluded_cycles_json, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (trial_id, camera) DO UPDATE SET status = excluded.status, status_message = excluded.status_message,
           pose_dir = excluded.pose_dir, result_path = excluded.result_path, summary_json = excluded.summary_json,
           settings_json = excluded.settings_json, edited_events_json = excluded.edited_events_json,
           excluded_cycles_json = excluded.excluded_cycles_json, updated_at = excluded.updated_at`,
      )
      .run(
        trialId,
        camera,
        merged.status,
        merged.statusMessage,
        merged.poseDir,
        merged.resultPath,
        merged.summary === null ? null : JSON.stringify(merged.summary),
        JSON.stringify(merged.settings),
        merged.editedEvents === null ? null : JSON.stringify(merged.editedEvents),
        JSON.stringify(merged.excludedCycles),
        now,
      );
    return this.get(trialId, camera)!;
  }

  /**
   * After a crash, analyses left running are marked interrupted (pose work resumes on re-run), and
   * their trials back to recorded; not those another live process is analysing (a command beside
   * the app). Returns the analyses marked.
   */
  markInterrupted(): number {
    const live = [...this.leases.liveTrials()];
    const notLive = (column: string) =>
      live.length ? ` AND ${column} NOT IN (${live.map(() => '?').join(', ')})` : '';
    const message = 'The analysis was interrupted. Run it again: it resumes where it stopped.';
    const now = new Date().toISOString();
    return transaction(this.db, () => {
      const r = this.db
        .prepare(
          `UPDATE analysis SET status = 'cancelled', status_message = ?, updated_at = ? WHERE status = 'analysing'${notLive('trial_id')}`,
        )
        .run(message, now, ...live);
      this.db
        .prepare(
          `UPDATE trial SET status = 'recorded', status_message = ?, updated_at = ? WHERE status = 'analysing'${notLive('id')}`,
        )
        .run(message, now, ...live);
      return Number(r.changes);
    });
  }
}
