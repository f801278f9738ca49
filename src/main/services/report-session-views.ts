// The analysed trial cameras of a session, as stored by the analysis service.
import type { TrialAnalysisView } from '../../shared/api/analysis-types';
import { readAnalysis, type AnalysisDeps } from './trial-analysis';

/** Every analysed camera of the session's trials (archived trials left out), or of one trial. */
export function analysedViews(deps: AnalysisDeps, sessionId: string, trialId?: string): TrialAnalysisView[] {
  const trials = deps.trials
    .listForSession(sessionId, false)
    .filter((t) => trialId === undefined || t.id === trialId);
  return trials.flatMap((t) => {
    // Every analysed camera of the trial: videos, and motion-capture files analysed without one.
    const cameras = deps.analyses
      .listForTrial(t.id)
      .filter((r) => r.status === 'analysed')
      .map((r) => r.camera);
    return cameras.flatMap((camera) => {
      try {
        const v = readAnalysis(deps, t.id, camera);
        return v && v.status === 'analysed' ? [v] : [];
      } catch {
        return [];
      }
    });
  });
}
