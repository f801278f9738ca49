// A side camera's name says which of the patient's legs it faces (sagittal-left: the left). The
// Sports2D walk seen through a mirror (as a phone's or tablet's front camera can save it) shows a
// body whose right leg is the near one: filed as the sagittal-left camera, every left number of it
// is the right leg's. The analysis cannot tell a mirror image from a camera filed on the wrong side,
// but it says that one of the two happened, first among its notes, and how to tell which.
import { expect, it } from 'vitest';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { analyseInProcess, callLab, createTrialLab } from '../../helpers/analysed-trial';

it('a mirrored side video filed as the sagittal-left camera is said to disagree with its name', async () => {
  const t = await createTrialLab({ cameras: [{ camera: 'sagittal-left', mirrored: true }] });
  expect((await analyseInProcess(t.labDir, t.trial.id)).state).toBe('done');
  const view = await callLab<TrialAnalysisView>(t.labDir, 'analysis.get', { trialId: t.trial.id });
  expect(view.status).toBe('analysed');
  console.log(view.warnings[0]);
  expect(view.warnings[0]).toMatch(
    /^The sagittal-left camera is named as standing at the patient's left side, but the pose model saw the left leg as the far one \(median visibility 0\.\d\d against 0\.\d\d for the right leg\)\. Check on the video which leg is nearer the camera .* the video is a mirror image .*, and left and right are exchanged in all of this camera's numbers\.$/,
  );
});
