import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  OPERATION_NAMES,
  isOperationName,
  type GaitLabApi,
  type OperationInput,
  type OperationResult,
} from '../../../src/shared/api/contract';
import type { PatientInfo, SessionInfo } from '../../../src/shared/api/entities';
import { createApiClient } from '../../../src/shared/api/client';
import { ApiError } from '../../../src/shared/api/envelope';

describe('API contract', () => {
  it('types results and inputs per operation', () => {
    expectTypeOf<OperationResult<'patients.create'>>().toEqualTypeOf<PatientInfo>();
    expectTypeOf<OperationResult<'sessions.list'>>().toEqualTypeOf<SessionInfo[]>();
    expectTypeOf<OperationInput<'patients.create'>>().toHaveProperty('heightM');
    expectTypeOf<GaitLabApi['patients.get']>().parameters.toEqualTypeOf<[{ id: string }]>();
  });

  it('recognises only declared operation names', () => {
    expect(isOperationName('patients.list')).toBe(true);
    expect(isOperationName('constructor')).toBe(false);
    expect(isOperationName('__proto__')).toBe(false);
    expect(OPERATION_NAMES).toContain('sessions.create');
  });

  it('rethrows error envelopes as ApiError with field messages', async () => {
    const api = createApiClient(async () => ({
      ok: false,
      error: { code: 'invalid-input', message: 'Name is required.', fields: { name: 'Name is required.' } },
    }));
    const err = await api['patients.create']({ name: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).fields).toEqual({ name: 'Name is required.' });
  });
});
