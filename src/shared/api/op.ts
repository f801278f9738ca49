import type { z } from 'zod';

/** One operation of the contract: its input schema, and its result type carried as a phantom. */
export interface Op<S extends z.ZodType, R> {
  input: S;
  result?: R;
}

export function op<R>() {
  return <S extends z.ZodType>(input: S): Op<S, R> => ({ input });
}

export type AnyOps = Record<string, Op<z.ZodType, unknown>>;

/** Handlers for a group of operations: one per operation, receiving validated input. */
export type HandlersFor<O extends AnyOps> = {
  [N in keyof O]: (input: z.output<O[N]['input']>) => Promise<NonNullable<O[N]['result']>> | NonNullable<O[N]['result']>;
};
