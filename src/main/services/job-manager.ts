// Long work (pose, analysis, reports) runs as jobs: each has an AbortController, reports progress
// as events, and ends in exactly one of done / failed / cancelled.
import { randomUUID } from 'node:crypto';
import type { JobProgressEvent } from '../../shared/api/events';
import type { EventBus } from './event-bus';

export interface JobReporter {
  /** done/total in the job's own units; rate (units per second) and ETA are derived here. */
  progress: (done: number, total: number, message?: string) => void;
  signal: AbortSignal;
}

interface RunningJob {
  info: JobProgressEvent;
  controller: AbortController;
  startedMs: number;
  promise: Promise<unknown>;
}

export class JobManager {
  private readonly jobs = new Map<string, RunningJob>();

  constructor(private readonly events: EventBus) {}

  start<T>(
    label: string,
    work: (r: JobReporter) => Promise<T>,
    jobId: string = randomUUID(),
  ): { jobId: string; done: Promise<T> } {
    const controller = new AbortController();
    const startedMs = Date.now();
    const info: JobProgressEvent = {
      type: 'job.progress',
      jobId,
      label,
      done: 0,
      total: 0,
      ratePerS: null,
      etaS: null,
      state: 'running',
    };
    const emit = () => this.events.emit({ ...info });
    // Rate and time left are those of the current step (a new message starts one): a job that
    // waited its turn, or resumed at frame 300, would otherwise show a rate that is not the work's.
    let stepStartedMs = startedMs;
    let stepStartDone = 0;
    const reporter: JobReporter = {
      signal: controller.signal,
      progress: (done, total, message) => {
        if (message !== undefined && message !== info.message) {
          stepStartedMs = Date.now();
          stepStartDone = done;
        }
        const elapsedS = (Date.now() - stepStartedMs) / 1000;
        const stepDone = done - stepStartDone;
        info.done = done;
        info.total = total;
        info.ratePerS = elapsedS > 0.5 && stepDone > 0 ? stepDone / elapsedS : null;
        info.etaS = info.ratePerS ? Math.max(0, (total - done) / info.ratePerS) : null;
        if (message !== undefined) info.message = message;
        emit();
      },
    };
    const promise = (async () => {
      emit();
      try {
        const result = await work(reporter);
        info.state = controller.signal.aborted ? 'cancelled' : 'done';
        info.etaS = 0;
        return result;
      } catch (err) {
        info.state = controller.signal.aborted ? 'cancelled' : 'failed';
        info.message = err instanceof Error ? err.message : String(err);
        throw err;
      } finally {
        emit();
        // Keep finished jobs briefly so late subscribers can read the outcome.
        setTimeout(() => this.jobs.delete(jobId), 60_000).unref();
      }
    })();
    this.jobs.set(jobId, { info, controller, startedMs, promise });
    return { jobId, done: promise as Promise<T> };
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.info.state !== 'running') return false;
    job.controller.abort();
    return true;
  }

  list(): JobProgressEvent[] {
    return [...this.jobs.values()].map((j) => ({ ...j.info }));
  }

  abortAll(): void {
    for (const j of this.jobs.values()) j.controller.abort();
  }

  /** Cancels everything (app quitting) and waits for the jobs to wind down. */
  async shutdown(): Promise<void> {
    for (const j of this.jobs.values()) j.controller.abort();
    await Promise.allSettled([...this.jobs.values()].map((j) => j.promise));
  }
}
