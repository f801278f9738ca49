// The computer's cores shared by every pose job of the process. A clinician who presses Analyse on
// three trials in a row started three jobs of one worker per core each: on 2 cores, three Sports2D
// walks then all finished at 22 s (1.7 GB) where one alone takes 7 s (0.66 GB). Jobs now take
// their workers in turn, first come first served, so the first trial is ready first.
import { availableParallelism } from 'node:os';

/**
 * Workers a job may have at most. Each holds its own wasm heap and model copies (~300 MB peak RSS
 * per worker measured here), so many-core machines stop here unless a job asks for more.
 */
export const DEFAULT_MAX_WORKERS = 6;

export interface WorkerLease {
  /** Workers the job may start. */
  readonly workers: number;
  /** Gives the workers back; a second call does nothing. */
  release(): void;
}

interface Waiting {
  need: number;
  grant: () => void;
}

export class WorkerBudget {
  private free: number;
  private readonly queue: Waiting[] = [];

  constructor(readonly totalWorkers: number) {
    this.free = Math.max(1, totalWorkers);
  }

  /**
   * Waits until `workers` are free (at most the whole budget: a job that asks for more than the
   * computer has gets them, counted as the whole computer) and after every job that asked before.
   * `onWait` is called once if the job has to wait; an abort while waiting rejects.
   */
  acquire(workers: number, signal?: AbortSignal, onWait?: () => void): Promise<WorkerLease> {
    const need = this.needOf(workers);
    if (signal?.aborted) return Promise.reject(new Error('cancelled'));
    const now = this.tryAcquire(workers);
    if (now) return Promise.resolve(now);
    onWait?.();
    return new Promise<WorkerLease>((resolve, reject) => {
      const waiting: Waiting = {
        need,
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(this.lease(workers, need));
        },
      };
      const onAbort = (): void => {
        const i = this.queue.indexOf(waiting);
        if (i >= 0) this.queue.splice(i, 1);
        // The job behind this one may fit now.
        this.grantWaiting();
        reject(new Error('cancelled'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiting);
    });
  }

  /** The workers at once when they are free and nobody waits for them, else undefined. */
  tryAcquire(workers: number): WorkerLease | undefined {
    const need = this.needOf(workers);
    if (this.queue.length > 0 || this.free < need) return undefined;
    this.free -= need;
    return this.lease(workers, need);
  }

  /** Workers not lent out. */
  get freeWorkers(): number {
    return this.free;
  }

  private needOf(workers: number): number {
    return Math.min(Math.max(1, workers), Math.max(1, this.totalWorkers));
  }

  private lease(workers: number, need: number): WorkerLease {
    let held = true;
    return {
      workers,
      release: () => {
        if (!held) return;
        held = false;
        this.free += need;
        this.grantWaiting();
      },
    };
  }

  private grantWaiting(): void {
    while (this.queue.length > 0 && this.free >= this.queue[0]!.need) {
      const next = this.queue.shift()!;
      this.free -= next.need;
      next.grant();
    }
  }
}

/** Sets the process' pose workers: fewer keeps cores for other work on a shared computer. */
export const POSE_WORKERS_ENV = 'GAITLAB_POSE_WORKERS';
const MAX_POSE_WORKERS = 32;

/** The process' pose workers: GAITLAB_POSE_WORKERS when set, else one per core up to DEFAULT_MAX_WORKERS. */
export function poseWorkersSetting(
  env: NodeJS.ProcessEnv = process.env,
  cores: number = availableParallelism(),
): { workers: number; error?: string } {
  const fallback = Math.min(cores, DEFAULT_MAX_WORKERS);
  const text = env[POSE_WORKERS_ENV]?.trim();
  if (!text) return { workers: fallback };
  const n = Number(text);
  if (Number.isInteger(n) && n >= 1 && n <= MAX_POSE_WORKERS) return { workers: n };
  return {
    workers: fallback,
    error: `${POSE_WORKERS_ENV} is "${text}": give a whole number of pose workers from 1 to ${MAX_POSE_WORKERS} (unset: one per core, at most ${DEFAULT_MAX_WORKERS}; this computer: ${fallback}).`,
  };
}

/** The process' budget (a wrong GAITLAB_POSE_WORKERS leaves the default; the CLI refuses it). */
export const poseWorkerBudget = new WorkerBudget(poseWorkersSetting().workers);
