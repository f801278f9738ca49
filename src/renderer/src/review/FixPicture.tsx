// A camera's picture made right: turned upright (a camera mounted upside down or on its side; the
// analysis refused the picture and said which turn), or mirrored back (a front camera's mirror
// image, which a side camera's name and the leg it sees showed). One press makes the camera's
// video a fixed copy (the recording is kept) and analyses it again. Or the camera filed under the
// view it had (a side camera that stood at the patient's other side): its files, pose and hand
// edits move to the new name, and the trial is analysed again.
import { CAMERA_VIEW_LABELS, type CameraView } from '../../../shared/api/ops/capture';
import { pictureTurnInWords, type PictureTurnDeg } from '../../../shared/picture-fix';
import { ErrorBanner } from '../components/ErrorBanner';
import { useReanalysis } from './use-reanalysis';

/** Where a camera filed under `view` stands, for the button that files it so. */
const standing: Record<CameraView, string> = {
  'sagittal-left': "at the patient's left side",
  'sagittal-right': "at the patient's right side",
  frontal: 'in front of the patient',
  posterior: 'behind the patient',
};

export function FixPicture({
  trialId,
  camera,
  fix,
  onStarted,
}: {
  trialId: string;
  camera: string;
  fix: { turnDeg: PictureTurnDeg } | { mirror: true } | { fileAs: CameraView };
  onStarted: (jobId: string) => void;
}) {
  const { failure, busy, start } = useReanalysis(trialId, camera, onStarted);
  return (
    <div className="fix-picture">
      <button type="button" className="primary" disabled={busy} onClick={() => void start(fix)}>
        {'turnDeg' in fix
          ? `Turn the picture ${pictureTurnInWords(fix.turnDeg)} and analyse again`
          : 'fileAs' in fix
            ? `The camera stood ${standing[fix.fileAs]}: file it as the ${CAMERA_VIEW_LABELS[fix.fileAs].toLowerCase()} camera and analyse again`
            : 'The video is a mirror image: mirror it back and analyse again'}
      </button>{' '}
      <span className="muted">
        {'fileAs' in fix
          ? 'Its video, pose, chosen patient, floor marks and events corrected by hand move with it; a camera already filed so takes its old name.'
          : 'The recording is kept beside the corrected copy; a patient or floor marks chosen on the old picture are chosen again on the new one.'}
      </span>
      <ErrorBanner message={failure} />
    </div>
  );
}
