// A number given on the command line (--height 1.65 or 1,65): see shared/decimal-text.ts.
import { decimalOf } from '../../shared/decimal-text';
import { UserError } from './command';

/** The number `text` of `--option`; refused, saying what to give, when it is not one. */
export function numberOption(option: string, text: string, what: string): number {
  const v = decimalOf(text);
  if (Number.isNaN(v)) throw new UserError(`--${option}: give ${what}; "${text}" is not a number.`);
  return v;
}
