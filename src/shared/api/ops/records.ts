// Patients, sessions and trials: the records every other feature hangs from.
import type { LabInfo, PatientInfo, SessionInfo, TrialInfo } from '../entities';
import { op } from '../op';
import {
  byIdSchema,
  emptySchema,
  patientCreateSchema,
  patientListSchema,
  patientUpdateSchema,
  sessionCreateSchema,
  sessionListSchema,
  sessionUpdateSchema,
  trialCreateSchema,
  trialListSchema,
} from '../schemas';

export const recordsOperations = {
  'lab.info': op<LabInfo>()(emptySchema),
  'patients.list': op<PatientInfo[]>()(patientListSchema),
  'patients.get': op<PatientInfo>()(byIdSchema),
  'patients.create': op<PatientInfo>()(patientCreateSchema),
  'patients.update': op<PatientInfo>()(patientUpdateSchema),
  'patients.archive': op<PatientInfo>()(byIdSchema),
  'patients.restore': op<PatientInfo>()(byIdSchema),
  'sessions.list': op<SessionInfo[]>()(sessionListSchema),
  'sessions.get': op<SessionInfo>()(byIdSchema),
  'sessions.create': op<SessionInfo>()(sessionCreateSchema),
  'sessions.update': op<SessionInfo>()(sessionUpdateSchema),
  'sessions.archive': op<SessionInfo>()(byIdSchema),
  'sessions.restore': op<SessionInfo>()(byIdSchema),
  'trials.list': op<TrialInfo[]>()(trialListSchema),
  'trials.get': op<TrialInfo>()(byIdSchema),
  'trials.create': op<TrialInfo>()(trialCreateSchema),
  'trials.archive': op<TrialInfo>()(byIdSchema),
  'trials.restore': op<TrialInfo>()(byIdSchema),
} as const;
