// The one API contract: operation names, their input schemas and result types. Electron IPC, the web
// bridge and the CLI are thin loops over this map. Each feature declares its operations in ops/ and
// is merged here; adding an operation there is the only way in.
import type { z } from 'zod';
import type { HandlersFor, ResultOf } from './op';
import { recordsOperations } from './ops/records';
import { jobsOperations } from './ops/jobs';
import { analysisOperations } from './ops/analysis';
import { captureOperations } from './ops/capture';
import { reportsOperations } from './ops/reports';
import { calibrationOperations } from './ops/calibration';

export const operations = {
  ...recordsOperations,
  ...jobsOperations,
  ...analysisOperations,
  ...captureOperations,
  ...reportsOperations,
  ...calibrationOperations,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

/** What a caller passes (defaults may be omitted). */
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type OperationParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationResult<N extends OperationName> = ResultOf<Operations[N]>;

/**
 * Operations that read files anywhere on this computer (not only in the lab folder). The command
 * line may call them; the UI transports (Electron IPC, web bridge) refuse them, so a page can never
 * make the services touch a path outside the lab.
 */
export const LOCAL_ONLY_OPERATIONS: ReadonlySet<OperationName> = new Set<OperationName>([
  'capture.import.file',
]);

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}

/** The typed client both the renderer and tests use, whatever the transport. */
export type GaitLabApi = {
  [N in OperationName]: (input: OperationInput<N>) => Promise<OperationResult<N>>;
};

export type OperationHandlers = HandlersFor<Operations>;
