// A trial filmed from both sides: the Sports2D walk as recorded (her left side faces the camera)
// and mirrored (as a camera on her right would see her). Analysing the trial analyses both side
// cameras; the session report then reads each leg from the camera it faces and counts every
// stride once.
import { beforeAll, describe, expect, it } from 'vitest';
import { openLab } from '../../../src/main/services/lab-services';
import { analysedViews } from '../../../src/main/services/report-session-views';
import { sessionAnalysisInput } from '../../../src/main/report/session-analysis-input';
import { AnalysisRepo } from '../../../src/main/store/analysis-repo';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import type { TrialInfo } from '../../../src/shared/api/entities';
import { analyseInProcess, createTrialLab, type TrialLab } from '../../helpers/analysed-trial';

let t: TrialLab;
let views: TrialAnalysisView[];

const farLegs = (v: TrialAnalysisView) =>
  [...new Set(v.curves.filter((c) => c.farSide).map((c) => c.side))].sort();

beforeAll(async () => {
  t = await createTrialLab({
    cameras: [{ camera: 'sagittal-left' }, { camera: 'sagittal-right', mirrored: true }],
  });
  const r = await analyseInProcess(t.labDir, t.trial.id);
  expect(r.state, r.message).toBe('done');
  const lab = openLab(t.labDir);
  try {
    views = analysedViews({ ...lab, analyses: new AnalysisRepo(lab.db) }, t.session.id);
    expect(lab.trials.get(t.trial.id)?.status).toBe('analysed');
  } finally {
    lab.close();
  }
}, 600_000);

describe('a trial with a camera on each side', () => {
  it('analyses both side cameras, each seeing the other leg as the far one', () => {
    expect(views.map((v) => v.camera).sort()).toEqual(['sagittal-left', 'sagittal-right']);
    const left = views.find((v) => v.camera === 'sagittal-left')!;
    const right = views.find((v) => v.camera === 'sagittal-right')!;
    expect(left.status).toBe('analysed');
    expect(right.status).toBe('analysed');
    expect(farLegs(left)).toEqual(['right']);
    expect(farLegs(right)).toEqual(['left']);
    // Mirrored, she walks the other way across the picture, and she, not the man on the box (who
    // jumps down towards the end), is followed: one walking pass each.
    expect(left.passes.map((p) => p.direction)).toEqual([-1]);
    expect(right.passes.map((p) => p.direction)).toEqual([1]);
  });

  it('gives the report each leg from the camera it faces, and each stride once', () => {
    const input = sessionAnalysisInput(views);
    const byCamera = (camera: string, side: 'left' | 'right') =>
      views.find((v) => v.camera === camera)!.cycles.filter((c) => c.side === side && !c.excluded).length;
    expect(input.left?.cycleCount).toBe(byCamera('sagittal-left', 'left'));
    expect(input.right?.cycleCount).toBe(byCamera('sagittal-right', 'right'));
    const peak = (curve: ReadonlyArray<number | null>) =>
      Math.max(...curve.slice(25).filter((x): x is number => x !== null));
    const cameraKnee = (camera: string, side: 'left' | 'right') =>
      views
        .find((v) => v.camera === camera)!
        .curves.find((c) => c.variable === 'knee_flexion' && c.side === side)!;
    for (const side of ['left', 'right'] as const) {
      const knee = input[side]?.kinematics.knee_flexion;
      expect(knee, side).toBeDefined();
      expect(knee?.farSide, side).toBeUndefined();
      const near = cameraKnee(`sagittal-${side}`, side);
      const far = cameraKnee(`sagittal-${side === 'left' ? 'right' : 'left'}`, side);
      const reported = peak(knee!.meanDeg);
      console.log(
        `${side} knee swing peak: report ${reported.toFixed(1)} deg; camera it faces ${peak(near.mean).toFixed(1)}, other camera (far leg) ${peak(far.mean).toFixed(1)}`,
      );
      expect(reported).toBeCloseTo(peak(near.mean), 6);
      // The far camera flattens the knee (43 against 76 deg on the demo): the report does not.
      expect(reported).toBeGreaterThan(peak(far.mean) + 10);
    }
  });
});

describe('a trial whose camera on the right side saw nobody', () => {
  let lab2: TrialLab;
  let trial: TrialInfo;
  let input: ReturnType<typeof sessionAnalysisInput>;

  beforeAll(async () => {
    lab2 = await createTrialLab({
      cameras: [{ camera: 'sagittal-left' }, { camera: 'sagittal-right', nobody: true }],
    });
    const r = await analyseInProcess(lab2.labDir, lab2.trial.id);
    expect(r.state, r.message).toBe('done');
    const lab = openLab(lab2.labDir);
    try {
      trial = lab.trials.get(lab2.trial.id)!;
      input = sessionAnalysisInput(
        analysedViews({ ...lab, analyses: new AnalysisRepo(lab.db) }, lab2.session.id),
      );
    } finally {
      lab.close();
    }
  }, 600_000);

  it('is analysed from its left camera and says why the right one failed', () => {
    expect(trial.status).toBe('analysed');
    const byCamera = Object.fromEntries(trial.cameraAnalyses.map((a) => [a.camera, a]));
    console.log(
      `right camera: ${byCamera['sagittal-right']?.status}: ${byCamera['sagittal-right']?.message}`,
    );
    expect(byCamera['sagittal-left']?.status).toBe('analysed');
    expect(byCamera['sagittal-right']?.status).toBe('failed');
    expect(byCamera['sagittal-right']?.message).toMatch(/nobody|no one|no person|not find/i);
  });

  it('reports the right leg from the left camera, marked as the far leg', () => {
    expect(input.left?.kinematics.knee_flexion?.farSide).toBeUndefined();
    expect(input.right?.kinematics.knee_flexion?.farSide).toBe(true);
  });
});
