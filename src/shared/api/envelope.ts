// Errors cross every transport as data, then become real errors again on the calling side, with a
// message a clinician can act on and, for forms, one message per field.
export type ErrorCode = 'invalid-input' | 'not-found' | 'conflict' | 'cancelled' | 'failed' | 'unauthorized';

export interface ApiErrorData {
  code: ErrorCode;
  message: string;
  /** Field path (dot-separated) to message, for form validation. */
  fields?: Record<string, string>;
}

export type Envelope<R> = { ok: true; result: R } | { ok: false; error: ApiErrorData };

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;
  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.fields = data.fields ?? {};
  }
  toData(): ApiErrorData {
    return Object.keys(this.fields).length > 0
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}

export function unwrapEnvelope<R>(envelope: Envelope<R>): R {
  if (envelope.ok) return envelope.result;
  throw new ApiError(envelope.error);
}

export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: unknown };
  return v.ok === true || (v.ok === false && typeof v.error === 'object' && v.error !== null);
}
