// The one API contract: operation names, their input schemas and result types. Electron IPC, the web
// bridge and the CLI are thin loops over this map; adding an operation here is the only way in.
import type { z } from 'zod';
import type { LabInfo, PatientInfo, SessionInfo, TrialInfo } from './entities';
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
} from './schemas';

interface Op<S extends z.ZodType, R> {
  input: S;
  /** Phantom: carries the result type only. */
  result?: R;
}

function op<R>() {
  return <S extends z.ZodType>(input: S): Op<S, R> => ({ input });
}

export const operations = {
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

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

/** What a caller passes (defaults may be omitted). */
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type OperationParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationResult<N extends OperationName> = NonNullable<Operations[N]['result']>;

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}

/** The typed client both the renderer and tests use, whatever the transport. */
export type GaitLabApi = {
  [N in OperationName]: (input: OperationInput<N>) => Promise<OperationResult<N>>;
};

/** Handlers the services implement: one per operation, receiving validated input. */
export type OperationHandlers = {
  [N in OperationName]: (input: OperationParsedInput<N>) => Promise<OperationResult<N>> | OperationResult<N>;
};
