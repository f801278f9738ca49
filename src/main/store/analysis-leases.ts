// Which process analyses a trial. Several GaitLab processes may open one lab at once (the desktop
// app, a `gaitlab` command in a terminal, the web bridge); each used to take every analysis left
// 'analysing' for one a crash had interrupted, and so let a second analysis of the same trial write
// into the same pose folder. A process now holds a lease on each trial it analyses and renews it
// while it works; a lease not renewed for LEASE_STALE_MS, or whose process is gone from this
// computer, belongs to nobody.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { transaction, type Db } from './database';

export const LEASE_RENEW_MS = 5_000;
/** A lab on a shared drive, opened from another computer whose process died, is freed after this. */
export const LEASE_STALE_MS = 30_000;

/** This process: computer, pid (a crash on this computer is seen at once) and a random part. */
const PROCESS_OWNER = `${hostname()}|${process.pid}|${randomUUID().slice(0, 8)}`;

/** Whether the process that holds a lease still works on it. */
export function leaseAlive(owner: string, renewedAtMs: number, nowMs: number, host = hostname()): boolean {
  if (nowMs - renewedAtMs > LEASE_STALE_MS) return false;
  const [ownerHost, pid] = owner.split('|');
  if (ownerHost !== host) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (err) {
    // EPERM: a process of another user, alive.
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

interface LeaseRow {
  trial_id: string;
  owner: string;
  renewed_at: number;
}

export class AnalysisLeases {
  private readonly held = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly owner: string = PROCESS_OWNER,
  ) {}

  /**
   * Takes the trial for this process, or returns null when a live process (this one included)
   * analyses it already. The returned function gives it back.
   */
  claim(trialId: string): (() => void) | null {
    const now = Date.now();
    const taken = transaction(this.db, () => {
      const row = this.db.prepare('SELECT * FROM analysis_lease WHERE trial_id = ?').get(trialId) as
        LeaseRow | undefined;
      if (row && leaseAlive(row.owner, row.renewed_at, now)) return false;
      this.db
        .prepare(
          `INSERT INTO analysis_lease (trial_id, owner, renewed_at) VALUES (?, ?, ?)
           ON CONFLICT (trial_id) DO UPDATE SET owner = excluded.owner, renewed_at = excluded.renewed_at`,
        )
        .run(trialId, this.owner, now);
      return true;
    });
    if (!taken) return null;
    this.held.add(trialId);
    this.timer ??= setInterval(() => this.renew(), LEASE_RENEW_MS).unref();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held.delete(trialId);
      if (this.held.size === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
      try {
        this.db
          .prepare('DELETE FROM analysis_lease WHERE trial_id = ? AND owner = ?')
          .run(trialId, this.owner);
      } catch {
        // The lab was closed under the analysis (the process is ending): the lease goes stale.
      }
    };
  }

  /** Trials a live process analyses now. */
  liveTrials(): Set<string> {
    const now = Date.now();
    const rows = this.db.prepare('SELECT * FROM analysis_lease').all() as unknown as LeaseRow[];
    return new Set(rows.filter((r) => leaseAlive(r.owner, r.renewed_at, now)).map((r) => r.trial_id));
  }

  private renew(): void {
    try {
      this.db.prepare('UPDATE analysis_lease SET renewed_at = ? WHERE owner = ?').run(Date.now(), this.owner);
    } catch {
      // A closed lab: nothing to renew.
    }
  }
}
