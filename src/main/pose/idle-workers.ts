// Pose workers kept warm between the jobs of a process. A job's workers each start tfjs, receive
// the models (tens of MB copied per worker) and set up every model's kernels on its first
// inference: 1-1.6 CPU-seconds and about half a second of start-up per job measured here, paid
// again by every camera of every trial when a session is analysed one job after another. A
// finished job leaves its workers here for a while; the next job of the same size takes them with
// the models loaded and the kernels set up. Idle workers do not keep the process alive (a CLI
// exits as if they were gone).
import { poseWorkerBudget } from './worker-budget';
import type { WorkerPool } from './worker-pool';

/** How long a finished job's workers wait for the next job before they are stopped. */
export const IDLE_WORKERS_MS = 30_000;

/** What is kept of a pool (WorkerPool's, or a test's plain one). */
export interface KeepablePool {
  readonly size: number;
  /** Alive and idle: fit for another job. */
  readonly reusable: boolean;
  holdProcess(hold: boolean): void;
  terminate(): Promise<void>;
}

interface Idle<P> {
  pool: P;
  timer: NodeJS.Timeout;
}

export class IdleWorkers<P extends KeepablePool> {
  private readonly idle: Array<Idle<P>> = [];

  /** @param maxWorkers at most this many workers wait at once (their memory is held meanwhile). */
  constructor(
    private readonly maxWorkers: number,
    private readonly idleMs = IDLE_WORKERS_MS,
  ) {}

  /** A waiting pool of exactly `workers` workers, taken out of waiting, or undefined. */
  take(workers: number): P | undefined {
    const i = this.idle.findIndex((w) => w.pool.size === workers);
    if (i < 0) return undefined;
    const [{ pool, timer }] = this.idle.splice(i, 1) as [Idle<P>];
    clearTimeout(timer);
    pool.holdProcess(true);
    return pool;
  }

  /**
   * Keeps a finished job's pool for the next job, or stops it: a pool that failed or is busy, or
   * one that would hold more workers waiting than `maxWorkers` (the longest waiting go first).
   */
  async keep(pool: P): Promise<void> {
    if (!pool.reusable || pool.size > this.maxWorkers) return pool.terminate();
    const stopped: Array<Promise<void>> = [];
    while (this.waitingWorkers() + pool.size > this.maxWorkers) {
      const oldest = this.idle.shift()!;
      clearTimeout(oldest.timer);
      stopped.push(oldest.pool.terminate());
    }
    const timer = setTimeout(() => {
      const i = this.idle.findIndex((w) => w.pool === pool);
      if (i >= 0) void this.idle.splice(i, 1)[0]!.pool.terminate();
    }, this.idleMs);
    timer.unref();
    pool.holdProcess(false);
    this.idle.push({ pool, timer });
    await Promise.all(stopped);
  }

  /** Stops every waiting worker now. */
  async stopAll(): Promise<void> {
    const all = this.idle.splice(0);
    for (const w of all) clearTimeout(w.timer);
    await Promise.all(all.map((w) => w.pool.terminate()));
  }

  waitingWorkers(): number {
    return this.idle.reduce((n, w) => n + w.pool.size, 0);
  }
}

/** The process' waiting workers: at most as many as its pose budget. */
export const poseIdleWorkers = new IdleWorkers<WorkerPool>(poseWorkerBudget.totalWorkers);
