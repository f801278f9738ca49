// Where a trial camera's analysis is kept: its view as JSON beside the trial's media (written
// whole or not at all) and its row in the lab database (status, message, cycles), one way for the
// cameras' 2D analyses and the trial's 3D analysis alike.
import { readFileSync } from 'node:fs';
import type { TrialAnalysisView } from '../../shared/api/analysis-types';
import { ApiError } from '../../shared/api/envelope';
import type { TrialInfo } from '../../shared/api/entities';
import { readPoseResult, type PoseResult } from '../pose/pose-result';
import { resultOnUniformClock } from '../pose/uniform-clock';
import { writeFileAtomic } from '../store/atomic-file';
import { resolveInsideLab, trialDirRelative } from '../store/lab-folder';
import type { AnalysisDeps } from './trial-analysis';

/** The trial's folder, relative to the lab: patients/<patient>/sessions/<session>/trials/<trial>. */
export function trialDirOf(deps: Pick<AnalysisDeps, 'sessions'>, trial: TrialInfo): string {
  const session = deps.sessions.get(trial.sessionId);
  if (!session)
    throw new ApiError({ code: 'not-found', message: 'The session of this trial was not found.' });
  return trialDirRelative(session.patientId, session.id, trial.id);
}

export function storeAnalysisView(
  deps: Pick<AnalysisDeps, 'layout' | 'analyses'>,
  trialDirRelative: string,
  view: TrialAnalysisView,
  settings?: Record<string, unknown>,
): void {
  const resultRel = `${trialDirRelative}/analysis-${view.camera}.json`;
  writeFileAtomic(resolveInsideLab(deps.layout.root, resultRel), JSON.stringify(view));
  deps.analyses.upsert(view.trialId, view.camera, {
    status: view.status,
    statusMessage: view.message,
    resultPath: resultRel,
    summary: { cycles: view.cycles.filter((c) => !c.excluded).length },
    ...(settings ? { settings } : {}),
  });
}

/** A stored analysis view, by its path relative to the lab (an analysis row's `resultPath`). */
export function readStoredView(deps: Pick<AnalysisDeps, 'layout'>, resultPath: string): TrialAnalysisView {
  return JSON.parse(
    readFileSync(resolveInsideLab(deps.layout.root, resultPath), 'utf8'),
  ) as TrialAnalysisView;
}

/**
 * The finished pose job in `poseDir` (relative to the lab) as analysis and review read it: the
 * track on a steady clock (pose/uniform-clock.ts). Throws when the job is not complete.
 */
export function readAnalysisPose(deps: Pick<AnalysisDeps, 'layout'>, poseDir: string): PoseResult {
  return resultOnUniformClock(readPoseResult(resolveInsideLab(deps.layout.root, poseDir)));
}

/**
 * A trial camera's finished pose job, or null when there is none to read (never run, still
 * running or cancelled half-way, removed): callers then show or use nothing for that camera.
 */
export function storedPoseOf(
  deps: Pick<AnalysisDeps, 'layout' | 'analyses'>,
  trialId: string,
  camera: string,
): PoseResult | null {
  const poseDir = deps.analyses.get(trialId, camera)?.poseDir;
  if (!poseDir) return null;
  try {
    return readAnalysisPose(deps, poseDir);
  } catch {
    return null;
  }
}
