// The low-pass cutoff the trajectories were filtered at (6 Hz unless changed): a researcher may
// filter at another, and the trial keeps it for its cameras. The analysis runs again from the
// stored pose (or marker file); the provenance and the reports say which cutoff was used.
import {
  cutoffMessage,
  cutoffOfDescription,
  DEFAULT_CUTOFF_HZ,
  isAcceptedCutoffHz,
} from '../../../shared/filter-cutoff';
import { decimalOf } from '../../../shared/decimal-text';
import { useReanalysis } from './use-reanalysis';
import { ErrorBanner } from '../components/ErrorBanner';
import { DecimalField, useDecimalEntry } from '../components/DecimalField';

function cutoffError(text: string): string | undefined {
  return isAcceptedCutoffHz(decimalOf(text)) ? undefined : cutoffMessage(text);
}

export function FilterCutoff({
  trialId,
  camera,
  filter,
  onStarted,
}: {
  trialId: string;
  /** The camera under review; none for the 3D analysis, made from every camera of the trial. */
  camera?: string;
  /** The filter the shown analysis used, in words (its provenance). */
  filter: string;
  onStarted: (jobId: string) => void;
}) {
  const { failure, busy, start } = useReanalysis(trialId, camera, onStarted);
  const cutoff = cutoffOfDescription(filter);
  const shown = cutoff === null ? '' : String(cutoff);
  const entry = useDecimalEntry(shown, cutoffError);
  const isDefault = cutoff === DEFAULT_CUTOFF_HZ;

  return (
    <div className="filter-cutoff">
      <ErrorBanner message={failure} />
      <DecimalField
        id={`filter-cutoff-${trialId}`}
        label="Low-pass cutoff (Hz)"
        hint={`Zero-lag 4th-order Butterworth on every trajectory; ${DEFAULT_CUTOFF_HZ} Hz unless changed, 0 for none. The trial keeps it.`}
        {...entry.fieldProps}
      />
      <div className="actions">
        <button
          type="button"
          disabled={busy}
          onClick={() => entry.submit((cutoffHz) => void start({ cutoffHz }))}
        >
          Analyse with this cutoff
        </button>
        {!isDefault && (
          <button type="button" disabled={busy} onClick={() => void start({ cutoffHz: null })}>
            Back to {DEFAULT_CUTOFF_HZ} Hz
          </button>
        )}
      </div>
    </div>
  );
}
