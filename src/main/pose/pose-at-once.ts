// Several pose jobs side by side on a computer with workers for more than one tracking pass.
// Each frame is cropped from the one two before, so a tracking pass keeps at most two frames in
// flight whatever the cores: on a 6-core desktop one job alone leaves four workers idle while it
// tracks. A trial's cameras, or the videos of a batch, are then tracked a few at a time instead.
import { runPose, TRACKING_LAG_FRAMES, type RunPoseOptions } from './run-pose';
import { poseWorkerBudget, type WorkerBudget } from './worker-budget';

/** What identifies a pose job: its video, its folder and whom it follows. */
export type PoseJob = Pick<RunPoseOptions, 'videoPath' | 'outDir' | 'person'>;

export interface PoseAtOnceOptions {
  /** What the jobs are, plural, for the progress message ("cameras", "videos"). */
  noun: string;
  signal?: AbortSignal;
  /** Frames tracked over frames to track, of the jobs whose tracking has started. */
  onProgress?: (done: number, total: number, message: string) => void;
  workerBudget?: WorkerBudget;
}

/** Pose jobs the budget can track at once, two workers each (1 on a 2- or 3-core computer). */
function trackingPassesAtOnce(budget: WorkerBudget = poseWorkerBudget): number {
  return Math.max(1, Math.floor(budget.totalWorkers / TRACKING_LAG_FRAMES));
}

/**
 * Starts the jobs a few at a time, in their order, each with an equal share of the budget, and
 * returns when each one ends (in the jobs' order; never rejected: a job that fails is left to its
 * caller's analysis, which runs it again and says why). Jobs sharing a folder are one job. Null
 * when the computer has workers for one tracking pass only: then nothing is started, and each job
 * is better run whole in its turn. Tracks do not depend on the number of workers, so each job
 * gives the track it gives alone.
 */
export function poseJobsAtOnce(
  jobs: readonly PoseJob[],
  options: PoseAtOnceOptions,
): Array<Promise<void>> | null {
  const budget = options.workerBudget ?? poseWorkerBudget;
  const distinct = [...new Map(jobs.map((j) => [j.outDir, j])).values()];
  const atOnce = Math.min(distinct.length, trackingPassesAtOnce(budget));
  if (atOnce < 2) return null;
  const workers = Math.floor(budget.totalWorkers / atOnce);
  const message = `Pose estimation of ${distinct.length} ${options.noun}, ${atOnce} at a time`;
  const frames = new Map<string, { done: number; total: number }>();
  const report = (): void => {
    let done = 0;
    let total = 0;
    for (const f of frames.values()) {
      done += f.done;
      total += f.total;
    }
    options.onProgress?.(done, total, message);
  };
  const ends = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  for (const job of distinct) {
    let resolve = (): void => {};
    const promise = new Promise<void>((r) => (resolve = r));
    ends.set(job.outDir, { promise, resolve });
  }
  let next = 0;
  const startNext = (): void => {
    if (options.signal?.aborted) {
      // Cancelled: the jobs not started end now, so nobody waits for them.
      for (; next < distinct.length; next++) ends.get(distinct[next]!.outDir)!.resolve();
      return;
    }
    const job = distinct[next++];
    if (!job) return;
    void runPose({
      ...job,
      workers,
      workerBudget: budget,
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (p) => {
        if (p.stage !== 'landmarks' && p.stage !== 'done') return;
        frames.set(job.outDir, { done: p.framesDone, total: p.framesTotal });
        report();
      },
    })
      .catch(() => {})
      .finally(() => {
        ends.get(job.outDir)!.resolve();
        startNext();
      });
  };
  report();
  for (let k = 0; k < atOnce; k++) startNext();
  return jobs.map((j) => ends.get(j.outDir)!.promise);
}
