// A trial with a side camera and a frontal camera: analysing the trial analyses both, and the
// frontal camera's gait events are the side camera's, moved onto its frames through the trial's
// clock. The shared data has no frontal walking video, so the "frontal" camera here is the same
// walk started 0.5 s later (synchronised by a manual offset): its events must be the side camera's
// 15 frames earlier and follow a hand edit on the side camera; and, being a side view labelled
// frontal, it must be recognised as one and its curves kept out of the report. (Frontal angles are
// validated on real walks in tests/integration/gait/pig-frontal-camera.test.ts; frontal curves
// reaching the report input in tests/unit/report-render/session-analysis-input.test.ts.)
import { beforeAll, describe, expect, it } from 'vitest';
import { openLab } from '../../../src/main/services/lab-services';
import { analysedViews } from '../../../src/main/services/report-session-views';
import { sessionAnalysisInput } from '../../../src/main/report/session-analysis-input';
import { AnalysisRepo } from '../../../src/main/store/analysis-repo';
import { trialGaitAnalysis } from '../../../src/main/services/trial-analysis';
import { textSummary } from '../../../src/main/gait/summary';
import { analyzeCommand } from '../../../src/main/cli/commands/analyze';
import { fakeIo } from '../../helpers/fake-io';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import type { TrialInfo } from '../../../src/shared/api/entities';
import type { CaptureReport } from '../../../src/shared/api/ops/capture';
import { analyseInProcess, callLab, createTrialLab, type TrialLab } from '../../helpers/analysed-trial';

let t: TrialLab;

const call = <T>(op: string, input: unknown): Promise<T> => callLab<T>(t.labDir, op, input);

const view = (camera: string) => call<TrialAnalysisView>('analysis.get', { trialId: t.trial.id, camera });
/** Each event of `side` in `frontal`'s frames: side frame - 15 (0.5 s at 30 fps), if still in its video. */
function expected(side: TrialAnalysisView, frontal: TrialAnalysisView) {
  return side.events
    .map((e) => ({ side: e.side, kind: e.kind, frame: e.frame - 15 }))
    .filter((e) => e.frame >= 0 && e.frame <= frontal.frameCount - 1);
}
const events = (v: TrialAnalysisView) =>
  v.events.map((e) => ({ side: e.side, kind: e.kind, frame: e.frame }));

beforeAll(async () => {
  t = await createTrialLab({ cameras: [{ camera: 'sagittal-left' }, { camera: 'frontal', startS: 0.5 }] });
  await call('capture.sync', {
    trialId: t.trial.id,
    method: 'manual',
    referenceCamera: 'sagittal-left',
    offsetsMs: { frontal: 500 },
  });
  const r = await analyseInProcess(t.labDir, t.trial.id);
  expect(r.state, r.message).toBe('done');
}, 600_000);

describe('a frontal camera next to a side camera', () => {
  it('is analysed with the side camera, as a frontal view, on the side camera’s events', async () => {
    const trial = await call<TrialInfo>('trials.get', { id: t.trial.id });
    expect(trial.status).toBe('analysed');
    expect(trial.cameraAnalyses.map((a) => [a.camera, a.status])).toEqual([
      ['frontal', 'analysed'],
      ['sagittal-left', 'analysed'],
    ]);
    const side = await view('sagittal-left');
    const frontal = await view('frontal');
    expect(frontal.view).toBe('frontal');
    const got = events(frontal);
    const want = expected(side, frontal);
    expect(got.length).toBe(want.length);
    got.forEach((e, i) => {
      expect([e.side, e.kind]).toEqual([want[i]!.side, want[i]!.kind]);
      expect(e.frame).toBeCloseTo(want[i]!.frame, 6);
    });
    const frontalCurves = new Set(frontal.curves.map((c) => `${c.variable} ${c.view}`));
    for (const v of ['pelvic_obliquity', 'hip_abduction', 'knee_varus'])
      expect(frontalCurves.has(`${v} frontal-camera`), v).toBe(true);
    expect(frontal.warnings).toContain('Distances are not measured from a frontal camera.');
    // This "frontal" camera is really the side view: the analysis says so.
    expect(
      frontal.warnings.some((w) => /crosses the picture .* check that this camera is a frontal/.test(w)),
    ).toBe(true);
  });

  it('follows a gait event corrected by hand on the side camera', async () => {
    const side = await view('sagittal-left');
    const ic = side.events.find((e) => e.side === 'left' && e.kind === 'initial-contact' && e.frame > 60)!;
    const moved = await call<TrialAnalysisView>('analysis.moveEvent', {
      trialId: t.trial.id,
      camera: 'sagittal-left',
      side: 'left',
      kind: 'initial-contact',
      fromFrame: ic.frame,
      toFrame: Math.round(ic.frame) + 3,
    });
    const frontal = await view('frontal');
    expect(frontal.eventsEditedByHand).toBe(false);
    const got = events(frontal);
    const want = expected(moved, frontal);
    expect(got.map((e) => e.frame.toFixed(4))).toEqual(want.map((e) => e.frame.toFixed(4)));
    expect(
      got.some((e) => e.side === 'left' && Math.abs(e.frame - (Math.round(ic.frame) + 3 - 15)) < 1e-6),
    ).toBe(true);
  });

  it("summarises the frontal camera's frontal-plane angles, with no scale or knee flexion", () => {
    const lab = openLab(t.labDir);
    try {
      const r = trialGaitAnalysis({ ...lab, analyses: new AnalysisRepo(lab.db) }, t.trial.id, 'frontal');
      expect(r?.ok).toBe(true);
      const text = r?.ok ? textSummary('Walk 1', r.analysis) : '';
      expect(text).toContain('events given (from a side camera or by hand)');
      expect(text).toMatch(
        /Left frontal plane over the gait cycle \(mean curve range\): pelvic obliquity.* deg \(n = \d\)/,
      );
      expect(text).not.toMatch(/knee flexion|Scale:/);
    } finally {
      lab.close();
    }
  });

  it('keeps the curves of this "frontal" camera, really a side view, out of the report, saying why', () => {
    const lab = openLab(t.labDir);
    try {
      const views = analysedViews({ ...lab, analyses: new AnalysisRepo(lab.db) }, t.session.id);
      const input = sessionAnalysisInput(views, new Map([[t.trial.id, 'Walk 1']]));
      const side = views.find((v) => v.camera === 'sagittal-left')!;
      for (const s of ['left', 'right'] as const) {
        expect(input[s]?.kinematics.pelvis_obliquity, s).toBeUndefined();
        expect(input[s]?.kinematics.hip_abduction, s).toBeUndefined();
        expect(input[s]?.kinematics.knee_flexion, s).toBeDefined();
        expect(input[s]?.cycleCount).toBe(side.cycles.filter((c) => c.side === s && !c.excluded).length);
      }
      expect(
        input.notes?.some((n) =>
          /^trial "Walk 1" \(frontal\): The subject crosses the picture .* left out of this report\.$/.test(
            n,
          ),
        ),
      ).toBe(true);
    } finally {
      lab.close();
    }
  });

  // Last: it changes the trial. A side view filed as the frontal camera is filed again as the side
  // camera the trial lacks; its synchronisation comes along, and both side cameras are analysed.
  it('filed again as the side camera it is, it is analysed as one, its offset kept', async () => {
    // The command line's summary of the camera says how.
    const cli = fakeIo();
    expect(
      await analyzeCommand.run([t.trial.id, '--camera', 'frontal'], { labDir: t.labDir, io: cli.io }),
    ).toBe(0);
    expect(cli.out).toContain(
      'If it is a side camera, run again with --camera frontal --file-as sagittal-right to file it as one (its pose and hand edits are kept) and analyse the trial.',
    );
    const r = await analyseInProcess(t.labDir, t.trial.id, { camera: 'frontal', fileAs: 'sagittal-right' });
    expect(r.state, r.message).toBe('done');
    const trial = await call<TrialInfo>('trials.get', { id: t.trial.id });
    expect(trial.cameras).toEqual(['sagittal-left', 'sagittal-right']);
    expect(trial.cameraAnalyses.map((a) => [a.camera, a.status])).toEqual([
      ['sagittal-left', 'analysed'],
      ['sagittal-right', 'analysed'],
    ]);
    const refiled = await view('sagittal-right');
    expect(refiled.view).toBe('sagittal');
    expect(refiled.warnings.filter((w) => /crosses the picture/.test(w))).toEqual([]);
    expect(refiled.cycles.filter((c) => !c.excluded).length).toBeGreaterThanOrEqual(4);
    const report = await call<CaptureReport>('capture.report', { trialId: t.trial.id });
    expect(Object.fromEntries(report.cameras.map((c) => [c.camera, c.startOffsetMs]))).toEqual({
      'sagittal-left': 0,
      'sagittal-right': 500,
    });
  });
});

describe('a frontal camera alone', () => {
  it('says that its events come from a side camera, and how to proceed', async () => {
    const alone = await createTrialLab({ cameras: [{ camera: 'frontal' }] });
    // The job ends; the trial's analysis is the failure, with its reason.
    expect((await analyseInProcess(alone.labDir, alone.trial.id)).state).toBe('done');
    const lab = openLab(alone.labDir);
    try {
      const trial = lab.trials.get(alone.trial.id)!;
      expect(trial.status).toBe('failed');
      expect(trial.statusMessage).toMatch(
        /takes its gait events from a side camera of the same trial .* analyse a side camera first, or mark the events by hand/,
      );
      // She crosses the picture (a side view labelled frontal): no way or cadence is read from it.
      expect(trial.statusMessage).not.toMatch(/From this camera/);
    } finally {
      lab.close();
    }
  }, 600_000);
});
