// Which legs an analysed camera saw only as the far one (the leg behind the other, read with low
// confidence): the gait analysis marks each such leg's curves, and readers of a stored analysis
// (report pooling, the CLI summary) ask this one question of it.
import type { SideName, TrialAnalysisView } from './api/analysis-types';

export function farLegs(view: Pick<TrialAnalysisView, 'curves'>): SideName[] {
  return (['left', 'right'] as const).filter((s) =>
    view.curves.some((c) => c.side === s && c.farSide === true),
  );
}
