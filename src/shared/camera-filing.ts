// Which view a trial camera seems filed under wrongly, and the one to file it as: review's button
// and the command line's advice say the same.
import type { TrialAnalysisView } from './api/analysis-types';
import type { CameraView } from './api/ops/capture';

/**
 * The view to offer filing the camera under: the other side, for a side camera whose name
 * disagrees with the leg it sees (sideDoubt); for a frontal or posterior camera the subject
 * crosses (viewDoubt: a side camera), the trial's side left free (a frontal camera's events come
 * from one side camera at least). Null when nothing is doubted or no single view fits.
 */
export function viewToFileAs(
  a: Pick<TrialAnalysisView, 'camera' | 'sideDoubt' | 'viewDoubt'>,
  trialCameras: readonly string[],
): CameraView | null {
  if (a.sideDoubt) return a.camera === 'sagittal-right' ? 'sagittal-left' : 'sagittal-right';
  if (!a.viewDoubt || (a.camera !== 'frontal' && a.camera !== 'posterior')) return null;
  const free = (['sagittal-left', 'sagittal-right'] as const).filter((v) => !trialCameras.includes(v));
  return free.length === 1 ? free[0]! : null;
}
