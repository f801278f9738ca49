// A trial with only a frontal camera: it has no side camera to take gait events from, so it gives
// no cycles, but it still says which way the patient walked and at what cadence (counted from the
// feet taking turns to lead). No frontal walking video exists in the test data: the camera's pose
// job is the Plug-in Gait walk's markers seen by the virtual end camera of the calibrated-trial
// tests (6 m from the walk's middle, 2 m up), written as the pose engine writes it.
import { describe, expect, it } from 'vitest';
import { openLab } from '../../../src/main/services/lab-services';
import { trialDirOf } from '../../../src/main/services/analysis-store';
import { analyseCameraFromStoredPose, type AnalysisDeps } from '../../../src/main/services/trial-analysis';
import { AnalysisRepo } from '../../../src/main/store/analysis-repo';
import { resolveInsideLab } from '../../../src/main/store/lab-folder';
import { createTrialLab } from '../../helpers/analysed-trial';
import { storedContactsCadence } from '../../helpers/stored-cadence';
import { virtual3dWalk, writePoseJob } from '../../helpers/virtual-3d-trial';

describe('a trial filmed by a frontal camera only', () => {
  it('fails for want of a side camera, saying which way the patient walked and the cadence', async () => {
    const { c3d, set, cameras } = virtual3dWalk();
    const camera = cameras.frontal;
    const t = await createTrialLab({
      cameras: [
        {
          camera: 'frontal',
          nobody: true,
          nobodySize: `${camera.imageSizePx[0]}x${camera.imageSizePx[1]}`,
          nobodyDurationS: (set.frameCount - 1) / set.rateHz,
        },
      ],
    });
    const lab = openLab(t.labDir);
    try {
      const deps: AnalysisDeps = { ...lab, analyses: new AnalysisRepo(lab.db) };
      const trial = lab.trials.get(t.trial.id)!;
      const video = trial.files.find((f) => f.camera === 'frontal')!;
      const poseDir = `${trialDirOf(deps, trial)}/pose-frontal`;
      await writePoseJob(
        resolveInsideLab(t.labDir, poseDir),
        resolveInsideLab(t.labDir, video.relativePath),
        camera,
        set,
        1,
      );
      deps.analyses.upsert(trial.id, 'frontal', {
        status: 'analysing',
        statusMessage: '',
        poseDir,
        settings: { heightM: null, person: null, floor: null },
      });
      const view = analyseCameraFromStoredPose(deps, trial.id, 'frontal');
      console.log(view.message);
      expect(view.status).toBe('failed');
      expect(view.message).toMatch(/takes its gait events from a side camera of the same trial/);
      const m =
        /From this camera: the subject walked (toward|away from) the camera at about (\d+) steps\/min/.exec(
          view.message ?? '',
        );
      expect(m).not.toBeNull();
      // Against the cadence between Vicon's stored contacts in the same walk.
      const vicon = storedContactsCadence(c3d);
      expect(Math.abs(Number(m![2]) / vicon - 1)).toBeLessThan(0.05);
    } finally {
      lab.close();
    }
  });
});
