// The CLI's way into the services: the same contract operation the UI calls, validated the same
// way, with errors turned into messages for the terminal (one line per invalid field).
import type { OperationHandlers } from '../../shared/api/contract';
import { dispatch } from '../services/dispatch';
import { UserError } from './command';

export async function callOperation<T>(handlers: OperationHandlers, op: string, input: unknown): Promise<T> {
  const env = await dispatch(handlers, op, input, 'cli');
  if (!env.ok) {
    // A field's message that only repeats the whole one is not said twice.
    const fields = Object.entries(env.error.fields ?? {})
      .filter(([, v]) => v !== env.error.message)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n');
    throw new UserError(fields ? `${env.error.message}\n${fields}` : env.error.message);
  }
  return env.result as T;
}
