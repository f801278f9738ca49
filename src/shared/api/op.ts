import type { z } from 'zod';

/** One operation of the contract: its input schema, and its result type carried as a phantom. */
export interface Op<S extends z.ZodType, R> {
  input: S;
  /** Phantom, boxed so that results which may be null keep their null. */
  result?: [R];
}

export type ResultOf<O extends { result?: [unknown] }> = NonNullable<O['result']>[0];

export function op<R>() {
  return <S extends z.ZodType>(input: S): Op<S, R> => ({ input });
}

export type AnyOps = Record<string, Op<z.ZodType, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Handlers for a group of operations: one per operation, receiving validated input. */
export type HandlersFor<O extends AnyOps> = {
  [N in keyof O]: (input: z.output<O[N]['input']>) => Promise<ResultOf<O[N]>> | ResultOf<O[N]>;
};
