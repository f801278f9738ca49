// A camera mounted upside down or on its side: the analysis refused the picture and said which turn
// brings the patient upright. One press turns the camera's video upright (an upright copy becomes
// its video; the recording is kept) and analyses it again.
import { pictureTurnInWords, type PictureTurnDeg } from '../../../shared/picture-turn';
import { ErrorBanner } from '../components/ErrorBanner';
import { useReanalysis } from './use-reanalysis';

export function TurnPicture({
  trialId,
  camera,
  turnDeg,
  onStarted,
}: {
  trialId: string;
  camera: string;
  turnDeg: PictureTurnDeg;
  onStarted: (jobId: string) => void;
}) {
  const { failure, busy, start } = useReanalysis(trialId, camera, onStarted);
  return (
    <div className="turn-picture">
      <button type="button" className="primary" disabled={busy} onClick={() => void start({ turnDeg })}>
        Turn the picture {pictureTurnInWords(turnDeg)} and analyse again
      </button>{' '}
      <span className="muted">
        The recording is kept beside the upright copy; a patient or floor marks chosen on the turned picture
        are chosen again on the upright one.
      </span>
      <ErrorBanner message={failure} />
    </div>
  );
}
