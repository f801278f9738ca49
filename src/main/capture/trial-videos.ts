// What the pose engine and gait analysis take from a trial: each camera's video, its view and its
// start offset, so frames of different cameras can be paired on one clock.
import type { TrialVideo } from '../../shared/api/ops/capture';
import { CAMERA_VIEWS, type CameraView } from '../../shared/api/ops/capture';
import { ApiError } from '../../shared/api/envelope';
import type { LabContext } from '../services/lab-context';
import { resolveInsideLab } from '../store/lab-folder';
import { readReport } from './capture-store';

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
