// The reports feature's handlers over one lab: settings, normative sets, reports.
import { AnalysisRepo } from '../store/analysis-repo';
import { ReportStore } from '../report/report-store';
import type { LabContext } from './lab-context';
import { normativeHandlers } from './normative-handlers';
import { reportHandlers } from './report-handlers';

export function reportFeatureHandlers(ctx: LabContext) {
  const deps = { ...ctx, analyses: new AnalysisRepo(ctx.db), reports: new ReportStore(ctx.db) };
  return { ...normativeHandlers(deps), ...reportHandlers(deps) };
}
