import type { Db } from '../store/database';
import type { LabLayout } from '../store/lab-folder';
import type { PatientsRepo } from '../store/patients-repo';
import type { SessionsRepo } from '../store/sessions-repo';
import type { TrialsRepo } from '../store/trials-repo';
import type { EventBus } from './event-bus';
import type { JobManager } from './job-manager';

/** What every feature's handlers get: the open lab, its repositories, events and jobs. */
export interface LabContext {
  layout: LabLayout;
  db: Db;
  events: EventBus;
  jobs: JobManager;
  patients: PatientsRepo;
  sessions: SessionsRepo;
  trials: TrialsRepo;
}
