// A camera filed under the wrong view (set up on the wrong side, or as the frontal camera when it
// filmed from the side), filed again under the right one by hand: its files, pose, chosen patient,
// floor marks and events corrected by hand move to the new name, and the trial is analysed again.
// The analysis offers it itself where it sees the name disagree with the picture (FixPicture).
import { useState } from 'react';
import { CAMERA_VIEW_LABELS, CAMERA_VIEWS, type CameraView } from '../../../shared/api/ops/capture';
import { ErrorBanner } from '../components/ErrorBanner';
import { useReanalysis } from './use-reanalysis';

export function CameraFiling({
  trialId,
  camera,
  trialCameras,
  onStarted,
}: {
  trialId: string;
  camera: string;
  /** The trial's cameras with a video: a view one of them has is exchanged with it. */
  trialCameras: readonly string[];
  onStarted: (jobId: string, view: CameraView) => void;
}) {
  const others = CAMERA_VIEWS.filter((v) => v !== camera);
  const [view, setView] = useState<CameraView>(others[0]!);
  const { failure, busy, start } = useReanalysis(trialId, camera, (jobId) => onStarted(jobId, view));
  const taken = trialCameras.includes(view);
  return (
    <details className="camera-filing">
      <summary>Wrong view? File this camera as another one</summary>
      <p className="muted">
        This camera is filed as the trial&apos;s {camera} camera. If it stood elsewhere (at the patient&apos;s
        other side, or in front or behind), file it where it stood: its video, pose, chosen patient, floor
        marks and events corrected by hand move with it, and the trial is analysed again. A camera in the
        session&apos;s calibration is placed by the calibration, not by its name.
      </p>
      <ErrorBanner message={failure} />
      <label>
        File it as{' '}
        <select value={view} onChange={(e) => setView(e.target.value as CameraView)} disabled={busy}>
          {others.map((v) => (
            <option key={v} value={v}>
              {CAMERA_VIEW_LABELS[v].toLowerCase()}
              {trialCameras.includes(v) ? ' (exchanged with the one filed so)' : ''}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" className="primary" disabled={busy} onClick={() => void start({ fileAs: view })}>
        {taken ? 'Exchange the two cameras and analyse again' : 'File it so and analyse again'}
      </button>
    </details>
  );
}
