// --cutoff HZ: the low-pass cutoff a researcher sets for the trajectories of a file analysed by
// path. Walking is filtered at 4-10 Hz in the literature; past 30 Hz nothing of a step is left to
// remove, under 0.5 Hz the steps themselves go. 0 keeps the raw (gap-filled) tracks.
import { DEFAULT_CUTOFF_HZ } from '../gait/preprocess';
import { UserError } from './command';

const MIN_CUTOFF_HZ = 0.5;
const MAX_CUTOFF_HZ = 30;

export function parseCutoffHz(text: string): number {
  const v = Number(text);
  if (text.trim() !== '' && (v === 0 || (v >= MIN_CUTOFF_HZ && v <= MAX_CUTOFF_HZ))) return v;
  throw new UserError(
    `--cutoff: give the low-pass cutoff in Hz, ${MIN_CUTOFF_HZ}-${MAX_CUTOFF_HZ} (the default is ${DEFAULT_CUTOFF_HZ} Hz), or 0 for no low-pass filter; "${text}" is not one.`,
  );
}
