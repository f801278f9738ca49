// The single entry every transport uses: validate the raw input against the contract, run the
// handler, and turn any outcome into an envelope. Nothing unvalidated reaches a handler.
import type { z } from 'zod';
import {
  isOperationName,
  LOCAL_ONLY_OPERATIONS,
  operations,
  type OperationName,
} from '../../shared/api/contract';
import { ApiError, type Envelope } from '../../shared/api/envelope';
import type { OperationHandlers } from '../../shared/api/contract';

function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    // The form knows fields by name; nested patch fields map to their own name.
    const path = issue.path.filter((p) => p !== 'patch').join('.') || '_';
    fields[path] ??= issue.message;
  }
  return fields;
}

export async function dispatch(
  handlers: OperationHandlers,
  operation: unknown,
  rawInput: unknown,
  /** Who calls: the UI transports (IPC, bridge) or the command line, which may read any path. */
  caller: 'ui' | 'cli' = 'ui',
): Promise<Envelope<unknown>> {
  if (!isOperationName(operation)) {
    return {
      ok: false,
      error: { code: 'invalid-input', message: `Unknown operation "${String(operation)}".` },
    };
  }
  if (caller === 'ui' && LOCAL_ONLY_OPERATIONS.has(operation)) {
    return {
      ok: false,
      error: {
        code: 'unauthorized',
        message: `"${operation}" reads files outside the lab folder and is available only from the gaitlab command line.`,
      },
    };
  }
  const parsed = operations[operation].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const first = Object.values(fields)[0] ?? 'The input is not valid.';
    const count = Object.keys(fields).length;
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: count > 1 ? `Please correct ${count} fields: ${first}` : first,
        fields,
      },
    };
  }
  try {
    const handler = handlers[operation as OperationName] as (input: unknown) => unknown;
    const result = await handler(parsed.data);
    return { ok: true, result };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: err.toData() };
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'failed', message } };
  }
}
