// A trial camera's pose job: where it is kept and whom it follows, and several cameras of one trial
// posed side by side when the computer has workers for more than one tracking pass.
import type { PersonChoice } from '../../shared/api/analysis-types';
import type { TrialInfo } from '../../shared/api/entities';
import type { TrialVideo } from '../../shared/api/ops/capture';
import { poseJobsAtOnce, type PoseJob } from '../pose/pose-at-once';
import type { WorkerBudget } from '../pose/worker-budget';
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
): PoseJob {
  return {
    videoPath: video.absolutePath,
    outDir: resolveInsideLab(deps.layout.root, poseDirOf(deps, trial, video.camera)),
    ...(person ? { person: { kind: 'box' as const, box: person.box, frame: person.frame } } : {}),
  };
}

/**
 * Poses a trial's cameras side by side before they are analysed one by one, when the computer has
 * workers for more than one tracking pass (pose-at-once.ts): with 6 workers, three cameras are
 * tracked at once, two workers each. On a 2-core computer nothing is done here: each camera is
 * posed in its turn, as it is analysed.
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
  const ends = poseJobsAtOnce(
    cameras.map(({ video, person }) => trialPoseJob(deps, trial, video, person)),
    { ...options, noun: 'cameras' },
  );
  if (ends) await Promise.all(ends);
}
