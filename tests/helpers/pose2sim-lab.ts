// Pose2Sim's four synchronised portrait cameras as one lab trial, with the scene calibration
// imported (each file camera as one trial view), then analysed as the app analyses it: every
// camera posed, then triangulated. The single-person demo (a man balancing) or its multi-person
// variant (a woman standing by as well).
import { expect } from 'vitest';
import { analyseInProcess, callLab, createTrialLab, type TrialLab } from './analysed-trial';
import { readSharedText } from './shared-data';

export const P2S = 'pose2sim_demo_balancing';
export const P2S_VIEWS = ['sagittal-left', 'sagittal-right', 'frontal', 'posterior'] as const;
export const P2S_CALIBRATION_FILE = 'Calib_scene_recomputed.toml';

/** The scene calibration's cameras as trial views: int_cam0N_img is cam0N, in P2S_VIEWS order. */
export const P2S_VIEW_OF_CAMERA: Record<string, string> = Object.fromEntries(
  P2S_VIEWS.map((v, i) => [`int_cam0${i + 1}_img`, v]),
);

/** Imports the scene calibration into the lab's session with these views (file camera -> view). */
export function importPose2SimCalibration(lab: TrialLab, views = P2S_VIEW_OF_CAMERA): Promise<unknown> {
  return callLab(lab.labDir, 'calibration.import', {
    sessionId: lab.session.id,
    fileName: P2S_CALIBRATION_FILE,
    content: readSharedText(`${P2S}/calibration/${P2S_CALIBRATION_FILE}`),
    views,
  });
}

/** The lab, calibrated and analysed (the trial's analysis job must end 'done'). */
export async function createPose2SimLab(options: { multiperson?: boolean } = {}): Promise<TrialLab> {
  const folder = options.multiperson ? `${P2S}/multiperson_variant/videos` : `${P2S}/videos`;
  const lab = await createTrialLab({
    cameras: P2S_VIEWS.map((camera, i) => ({ camera, source: `${folder}/cam0${i + 1}.mp4` })),
  });
  await importPose2SimCalibration(lab);
  const r = await analyseInProcess(lab.labDir, lab.trial.id);
  expect(r.state, r.message).toBe('done');
  return lab;
}
