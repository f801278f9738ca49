// --cutoff HZ: the low-pass cutoff of the trajectories (see shared/filter-cutoff.ts).
import { decimalOf } from '../../shared/decimal-text';
import { cutoffMessage, isAcceptedCutoffHz } from '../../shared/filter-cutoff';
import { UserError } from './command';

export function parseCutoffHz(text: string): number {
  const v = decimalOf(text);
  if (isAcceptedCutoffHz(v)) return v;
  throw new UserError(`--cutoff: ${cutoffMessage(text)}`);
}
