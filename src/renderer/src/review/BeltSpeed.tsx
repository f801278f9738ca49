// Treadmill walking: the feet do not advance. Without the belt speed, lengths come from the steps
// measured at each contact; with it, speed is the belt's and stride and step length are belt speed x
// time. The clinician types the speed the treadmill's console shows, and the trial is analysed again
// with it (kept for every camera of the trial).
import { LENGTHS_FROM_STEPS } from '../../../shared/analysis-notes';
import { beltSpeedMessage, isPlausibleBeltSpeedMps } from '../../../shared/belt-speed';
import { decimalOf } from '../../../shared/decimal-text';
import { useReanalysis } from './use-reanalysis';
import { ErrorBanner } from '../components/ErrorBanner';
import { DecimalField, useDecimalEntry } from '../components/DecimalField';

function speedError(text: string): string | undefined {
  if (text.trim() === '') return 'Enter the belt speed in metres per second (e.g. 0.8).';
  const v = decimalOf(text);
  if (!Number.isFinite(v)) return 'Enter a number of metres per second (e.g. 0.8).';
  return isPlausibleBeltSpeedMps(v) ? undefined : beltSpeedMessage(v);
}

export function BeltSpeed({
  trialId,
  camera,
  beltSpeedMps,
  markers = false,
  onStarted,
}: {
  trialId: string;
  camera?: string;
  /** A marker-based capture: no camera that could follow the subject, only a treadmill. */
  markers?: boolean;
  /** The belt speed the shown analysis used, m/s; null when none was given. */
  beltSpeedMps: number | null;
  onStarted: (jobId: string) => void;
}) {
  const { failure, busy, start } = useReanalysis(trialId, camera, onStarted);
  const entry = useDecimalEntry(beltSpeedMps === null ? '' : String(beltSpeedMps), speedError);

  return (
    <details className="belt-speed" open={beltSpeedMps === null}>
      <summary>Treadmill: speed and lengths from the belt speed</summary>
      <p className="muted">
        Now:{' '}
        {beltSpeedMps === null
          ? `no belt speed: ${LENGTHS_FROM_STEPS}`
          : `belt speed ${beltSpeedMps.toFixed(2)} m/s; walking speed is the belt speed, stride and step length are belt speed × time`}
        .
      </p>
      {markers ? (
        <p className="muted">
          The subject stays in one place in the capture volume: walking on a treadmill. Enter the speed its
          console shows, in metres per second (3.6 km/h is 1.0 m/s).
        </p>
      ) : (
        <p className="muted">
          The patient stays in one place in the picture: walking on a treadmill, or a camera that pans to
          follow the patient. On a treadmill, enter the speed its console shows, in metres per second (3.6
          km/h is 1.0 m/s); under a camera that follows the patient, leave it empty.
        </p>
      )}
      <ErrorBanner message={failure} />
      <DecimalField id={`belt-speed-${trialId}`} label="Belt speed (m/s)" {...entry.fieldProps} />
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => entry.submit((beltSpeedMps) => void start({ beltSpeedMps }))}
        >
          Analyse with this belt speed
        </button>
        {beltSpeedMps !== null && (
          <button type="button" disabled={busy} onClick={() => void start({ beltSpeedMps: null })}>
            Forget the belt speed
          </button>
        )}
      </div>
    </details>
  );
}
