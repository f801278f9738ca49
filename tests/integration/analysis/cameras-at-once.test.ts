// A computer with workers for more than one tracking pass poses a trial's cameras side by side
// (a tracking pass keeps at most two frames in flight, so one camera alone leaves cores idle). Here
// a budget of 4 workers stands for a 4-core computer: the two side cameras of a trial are tracked at
// once, two workers each, and give the tracks each gives alone.
import { beforeAll, describe, expect, it } from 'vitest';
import { openLab } from '../../../src/main/services/lab-services';
import { analyseTrialCameras } from '../../../src/main/services/trial-analysis';
import { poseDirOf } from '../../../src/main/services/trial-pose';
import { AnalysisRepo } from '../../../src/main/store/analysis-repo';
import { resolveInsideLab } from '../../../src/main/store/lab-folder';
import { readPoseResult, type PoseResult } from '../../../src/main/pose/pose-result';
import { poseCacheDirFor } from '../../../src/main/services/video-analysis';
import { WorkerBudget } from '../../../src/main/pose/worker-budget';
import { createTrialLab, type TrialLab } from '../../helpers/analysed-trial';
import { demoPoseCache } from '../../helpers/demo-pose';
import { posedTogether } from '../../helpers/pose-spans';
import { SPORTS2D_WALK } from '../../helpers/video-variant';

let t: TrialLab;
const messages: string[] = [];
const poses = new Map<string, PoseResult>();
let statuses: string[] = [];

beforeAll(async () => {
  t = await createTrialLab({
    cameras: [{ camera: 'sagittal-left' }, { camera: 'sagittal-right', mirrored: true }],
  });
  const lab = openLab(t.labDir);
  try {
    const deps = { ...lab, analyses: new AnalysisRepo(lab.db) };
    await analyseTrialCameras(deps, t.trial.id, {
      workerBudget: new WorkerBudget(4),
      onProgress: (_d, _t, m) => {
        if (messages.at(-1) !== m) messages.push(m);
      },
    });
    for (const camera of ['sagittal-left', 'sagittal-right'])
      poses.set(camera, readPoseResult(resolveInsideLab(t.labDir, poseDirOf(deps, t.trial, camera))));
    statuses = ['sagittal-left', 'sagittal-right'].map((c) => deps.analyses.get(t.trial.id, c)!.status);
  } finally {
    lab.close();
  }
}, 600_000);

describe("a trial's cameras posed side by side", () => {
  it('tracks both cameras at the same time, two workers each, then analyses each', () => {
    expect(messages[0]).toBe('Pose estimation of 2 cameras, 2 at a time');
    const [left, right] = [poses.get('sagittal-left')!, poses.get('sagittal-right')!];
    expect([left.manifest.provenance.workers, right.manifest.provenance.workers]).toEqual([2, 2]);
    expect(posedTogether(left, right)).toBe(true);
    expect(statuses).toEqual(['analysed', 'analysed']);
  });

  it('gives the camera the same track as the walk posed alone on the whole computer', () => {
    const alone = readPoseResult(poseCacheDirFor(SPORTS2D_WALK, demoPoseCache()));
    const together = poses.get('sagittal-left')!;
    expect(together.manifest.settings).toEqual(alone.manifest.settings);
    expect(Array.from(together.track.xPx)).toEqual(Array.from(alone.track.xPx));
    expect(Array.from(together.track.yPx)).toEqual(Array.from(alone.track.yPx));
    expect(Array.from(together.track.confidence)).toEqual(Array.from(alone.track.confidence));
  });
});
