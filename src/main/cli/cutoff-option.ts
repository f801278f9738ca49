// --cutoff HZ: the low-pass cutoff of the trajectories (see shared/filter-cutoff.ts).
import { cutoffMessage, isAcceptedCutoffHz } from '../../shared/filter-cutoff';
import { UserError } from './command';

export function parseCutoffHz(text: string): number {
  const v = Number(text);
  if (text.trim() !== '' && isAcceptedCutoffHz(v)) return v;
  throw new UserError(`--cutoff: ${cutoffMessage(text)}`);
}
