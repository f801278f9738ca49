// A trial camera's pose job: where it is kept and whom it follows, and several cameras of one trial
// posed side by side when the computer has workers for more than one tracking pass.
import type { PersonChoice } from '../../shared/api/analysis-types';
import type { TrialInfo } from '../../shared/api/entities';
import type { TrialVideo } from '../../shared/api/ops/capture';
import { runPose, TRACKING_LAG_FRAMES, type RunPoseOptions } from '../pose/run-pose';
import { poseWorkerBudget, type WorkerBudget } from '../pose/worker-budget';
import { resolveInsideLab } from '../store/lab-folder';
import { trialDirOf } from './analysis-store';
import type { AnalysisDeps } from './trial-analysis';

/** The person a camera's analysis follows: the one chosen now, else the one chosen last time. */
export function personToFollow(
  deps: AnalysisDeps,
  trialId: string,
  camera: string,
  chosen: PersonChoice | null | undefined,
): PersonChoice | null {
  if (chosen !== undefined) return chosen;
  return (deps.analyses.get(trialId, camera)?.settings.person as PersonChoice | null | undefined) ?? null;
}

/** The lab-relative folder of a trial camera's pose job. */
export function poseDirOf(deps: AnalysisDeps, trial: TrialInfo, camera: string): string {
  return `${trialDirOf(deps, trial)}/pose-${camera}`;
}

/** What identifies a trial camera's pose job: its video, its folder and whom it follows. */
export function trialPoseJob(
  deps: AnalysisDeps,
  trial: TrialInfo,
  video: TrialVideo,
  person: PersonChoice | null,
): Pick<RunPoseOptions, 'videoPath' | 'outDir' | 'person'> {
  return {
    videoPath: video.absolutePath,
    outDir: resolveInsideLab(deps.layout.root, poseDirOf(deps, trial, video.camera)),
    ...(person ? { person: { kind: 'box' as const, box: person.box, frame: person.frame } } : {}),
  };
}

/**
 * Poses a trial's cameras side by side before they are analysed one by one, so a computer with
 * more cores than one camera's tracking keeps busy (each frame is cropped from the one two before,
 * so a tracking pass has at most two frames in flight, whatever the cores): with 6 workers, three
 * cameras are tracked at once, two workers each. The tracks are those each camera would give alone
 * (the same on any number of workers). On a computer with workers for one tracking pass (2 cores),
 * nothing is done here: each camera is posed in its turn, as it is analysed. A camera that fails
 * is left to its analysis, which says why.
 */
export async function poseCamerasAtOnce(
  deps: AnalysisDeps,
  trial: TrialInfo,
  cameras: ReadonlyArray<{ video: TrialVideo; person: PersonChoice | null }>,
  options: {
    signal?: AbortSignal;
    onProgress?: (done: number, total: number, message: string) => void;
    workerBudget?: WorkerBudget;
  },
): Promise<void> {
  const budget = options.workerBudget ?? poseWorkerBudget;
  const atOnce = Math.min(cameras.length, Math.floor(budget.totalWorkers / TRACKING_LAG_FRAMES));
  if (atOnce < 2) return;
  const workers = Math.floor(budget.totalWorkers / atOnce);
  const message = `Pose estimation of ${cameras.length} cameras, ${atOnce} at a time`;
  // Frames tracked over frames to track, of the cameras whose tracking has started.
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
  report();
  await Promise.allSettled(
    cameras.map(({ video, person }) =>
      runPose({
        ...trialPoseJob(deps, trial, video, person),
        workers,
        workerBudget: budget,
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (p) => {
          if (p.stage !== 'landmarks' && p.stage !== 'done') return;
          frames.set(video.camera, { done: p.framesDone, total: p.framesTotal });
          report();
        },
      }),
    ),
  );
}
