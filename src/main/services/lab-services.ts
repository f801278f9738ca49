// Opens a lab and assembles the handlers of every feature. Transport-free: Electron, the bridge and
// the CLI all call these through dispatch(), so one feature is written once.
import type { OperationHandlers } from '../../shared/api/contract';
import { openDatabase } from '../store/database';
import { ensureLabFolders, labLayout } from '../store/lab-folder';
import { PatientsRepo } from '../store/patients-repo';
import { SessionsRepo } from '../store/sessions-repo';
import { TrialsRepo } from '../store/trials-repo';
import { EventBus } from './event-bus';
import { JobManager } from './job-manager';
import type { LabContext } from './lab-context';
import { recordsHandlers } from './records-handlers';
import { jobsHandlers } from './jobs-handlers';
import { analysisHandlers } from './analysis-handlers';
import { AnalysisRepo } from '../store/analysis-repo';
import { captureHandlers } from './capture-handlers';
import { reportFeatureHandlers } from './report-feature';
import { calibrationHandlers } from './calibration-handlers';

export interface LabServices extends LabContext {
  handlers: OperationHandlers;
  close: () => void;
}

export function openLab(labDir: string): LabServices {
  const layout = labLayout(labDir);
  ensureLabFolders(layout);
  const db = openDatabase(layout.database);
  const events = new EventBus();
  const ctx: LabContext = {
    layout,
    db,
    events,
    jobs: new JobManager(events),
    patients: new PatientsRepo(db),
    sessions: new SessionsRepo(db),
    trials: new TrialsRepo(db),
  };
  const handlers: OperationHandlers = {
    ...recordsHandlers(ctx),
    ...jobsHandlers(ctx),
    ...analysisHandlers({ ...ctx, analyses: new AnalysisRepo(db) }),
    ...captureHandlers(ctx),
    ...reportFeatureHandlers(ctx),
    ...calibrationHandlers(ctx),
  };
  return {
    ...ctx,
    handlers,
    close: () => {
      ctx.jobs.abortAll();
      db.close();
    },
  };
}
