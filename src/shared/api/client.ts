import { OPERATION_NAMES, type GaitLabApi, type OperationName } from './contract';
import { unwrapEnvelope, type Envelope } from './envelope';

/** Builds the typed API from one transport function; every transport returns envelopes. */
export function createApiClient(
  send: (operation: OperationName, input: unknown) => Promise<Envelope<unknown>>,
): GaitLabApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of OPERATION_NAMES) {
    api[name] = async (input: unknown) => unwrapEnvelope(await send(name, input ?? {}));
  }
  return api as unknown as GaitLabApi;
}
