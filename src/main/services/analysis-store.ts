// Where a trial camera's analysis is kept: its view as JSON beside the trial's media (written
// whole or not at all) and its row in the lab database (status, message, cycles), one way for the
// cameras' 2D analyses and the trial's 3D analysis alike.
import type { TrialAnalysisView } from '../../shared/api/analysis-types';
import { writeFileAtomic } from '../store/atomic-file';
import { resolveInsideLab } from '../store/lab-folder';
import type { AnalysisDeps } from './trial-analysis';

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
