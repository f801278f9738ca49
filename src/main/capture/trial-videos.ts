// What the pose engine and gait analysis take from a trial: each camera's video, its view and its
// start offset, so frames of different cameras can be paired on one clock.
import type { TrialVideo } from '../../shared/api/ops/capture';
import { CAMERA_VIEWS, type CameraView } from '../../shared/api/ops/capture';
import { ApiError } from '../../shared/api/envelope';
import type { LabContext } from '../services/lab-context';
import { resolveInsideLab } from '../store/lab-folder';
import { readReport } from './capture-store';
import { STOPPED_EARLY_MS } from './sync/common-span';

export function trialVideos(
  ctx: Pick<LabContext, 'db' | 'trials' | 'layout'>,
  trialId: string,
): TrialVideo[] {
  const trial = ctx.trials.get(trialId);
  if (!trial) throw new ApiError({ code: 'not-found', message: 'The trial was not found.' });
  const report = readReport(ctx.db, trialId);
  return trial.files
    .filter((f) => f.kind === 'video')
    .map((f) => {
      const cam = report?.cameras.find((c) => c.camera === f.camera);
      return {
        camera: f.camera,
        view: (CAMERA_VIEWS as readonly string[]).includes(f.camera) ? (f.camera as CameraView) : null,
        relativePath: f.relativePath,
        absolutePath: resolveInsideLab(ctx.layout.root, f.relativePath),
        startOffsetMs: cam?.startOffsetMs ?? 0,
        fps: cam?.fps ?? 0,
        frameCount: cam?.frameCount ?? 0,
        durationS: cam?.durationS ?? 0,
      };
    });
}

/**
 * Said on a camera's analysis when its video ends over a second before the trial's other cameras'
 * on the trial clock (unplugged while recording: capture keeps the others to their end), so fewer
 * cycles there are not taken for the patient's: undefined otherwise, or without synchronised lengths.
 */
export function endedEarlyNote(videos: readonly TrialVideo[], camera: string): string | undefined {
  const known = videos.filter((v) => v.durationS > 0);
  const own = known.find((v) => v.camera === camera);
  const others = known.filter((v) => v !== own);
  if (!own || others.length === 0) return undefined;
  const endS = (v: TrialVideo): number => v.startOffsetMs / 1000 + v.durationS;
  const earlyS = Math.max(...others.map(endS)) - endS(own);
  if (earlyS <= STOPPED_EARLY_MS / 1000) return undefined;
  return `The ${camera} camera's video ends ${earlyS.toFixed(1)} s before the trial's other cameras' (unplugged while recording, or stopped first): this analysis covers the ${own.durationS.toFixed(1)} s it filmed.`;
}

// Gait analysis reads sagittal angles best, so without a named camera a side view is analysed first.
const ANALYSIS_PREFERENCE: readonly string[] = ['sagittal-left', 'sagittal-right'];
const FRONT_AND_BACK: readonly string[] = ['frontal', 'posterior'];
const OTHER_SIDE: Readonly<Record<string, string>> = {
  'sagittal-left': 'sagittal-right',
  'sagittal-right': 'sagittal-left',
};

/**
 * The cameras a trial is analysed from when none is named: the default one, then the side camera
 * opposite it when the trial has one (one side camera sees the far leg through the near one; with
 * a camera on each side, each leg is read from the camera it faces), then a frontal and a
 * posterior camera, which take their gait events from the side cameras analysed before them.
 */
export function defaultAnalysisCameras(videos: readonly TrialVideo[], trialName: string): string[] {
  const first = chooseAnalysisVideo(videos, trialName).camera;
  const other = OTHER_SIDE[first];
  const sides = other && videos.some((v) => v.camera === other) ? [first, other] : [first];
  if (!OTHER_SIDE[first]) return sides;
  return [...sides, ...FRONT_AND_BACK.filter((c) => videos.some((v) => v.camera === c))];
}

/**
 * The video to analyse: the named camera's, or else a side view, or else the first one. Throws a
 * message the user can act on when there is none.
 */
export function chooseAnalysisVideo(
  videos: readonly TrialVideo[],
  trialName: string,
  camera?: string,
): TrialVideo {
  const preferred = ANALYSIS_PREFERENCE.map((v) => videos.find((f) => f.camera === v)).find(Boolean);
  const file = camera ? videos.find((f) => f.camera === camera) : (preferred ?? videos[0]);
  if (file) return file;
  const names = videos.map((f) => f.camera).join(', ');
  throw new ApiError({
    code: 'invalid-input',
    message: camera
      ? `Trial "${trialName}" has no video for camera ${camera}${names ? ` (it has ${names})` : ''}.`
      : `Trial "${trialName}" has no video yet. Record or import a video first.`,
  });
}
