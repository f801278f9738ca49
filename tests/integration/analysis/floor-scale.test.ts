// Distances from two floor marks a known distance apart instead of the patient's height. The
// Sports2D walk has no mark of known length, so the marks are placed to span 1200 px and given the
// length the height scale (1.65 m) puts on 1200 px: every distance and speed must then agree with
// the height-scaled analysis, which shows the marks reach the numbers; wrong units and marks that
// make the subject an implausible height are refused with a message. A lab trial keeps its marks
// for re-analyses (hand edits), and can go back to the height.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/services/dispatch';
import { openLab } from '../../../src/main/services/lab-services';
import type { FloorScaleChoice, TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { analyseInProcess, callLab, createTrialLab, type TrialLab } from '../../helpers/analysed-trial';
import { BUILT_CLI } from '../../helpers/serve-process';
import { sharedDataPath } from '../../helpers/shared-data';
import { analyseDemo } from '../../helpers/demo-pose';
import { seedJob } from '../../helpers/pose-seeds';
import { poseCacheDirFor } from '../../../src/main/services/video-analysis';

const demo = sharedDataPath('sports2d_demo_sideview_walk/demo.mp4');
const cacheDir = mkdtempSync(join(tmpdir(), 'gaitlab-floor-'));
let byHeight: TrialAnalysisView;
let floor: FloorScaleChoice;

const param = (v: TrialAnalysisView, name: string) => v.parameters.find((p) => p.parameter === name)!;

beforeAll(async () => {
  byHeight = (await analyseDemo({ heightM: 1.65 })).view;
  expect(byHeight.scale?.method).toBe('subject-height');
  floor = { aPx: [300, 900], bPx: [1500, 900], distanceM: 1200 * byHeight.scale!.metresPerUnit };
}, 600_000);

describe('scale from a known floor distance', () => {
  it('gives the distances and speed the marks imply', async () => {
    const { view } = await analyseDemo({ heightM: 1.65, floor });
    expect(view.status, view.message).toBe('analysed');
    expect(view.scale?.method).toBe('floor-distance');
    expect(view.scale?.description).toBe(`known floor distance ${floor.distanceM} m = 1200.0 px`);
    console.log(
      `floor marks 1200 px = ${floor.distanceM.toFixed(3)} m: left speed ${param(view, 'speedMps').left.mean?.toFixed(3)} m/s (height scale ${param(byHeight, 'speedMps').left.mean?.toFixed(3)})`,
    );
    for (const name of ['speedMps', 'strideLengthM', 'stepLengthM'])
      for (const side of ['left', 'right'] as const)
        expect(param(view, name)[side].mean, `${name} ${side}`).toBeCloseTo(
          param(byHeight, name)[side].mean!,
          9,
        );
    // Timing does not depend on the scale.
    expect(param(view, 'cadenceStepsPerMin').left.mean).toBe(param(byHeight, 'cadenceStepsPerMin').left.mean);
  });

  it('refuses marks that would make the subject an implausible height', async () => {
    const { view } = await analyseDemo({ floor: { ...floor, distanceM: floor.distanceM * 4 } });
    expect(view.status).toBe('failed');
    expect(view.message).toMatch(/the subject would be about \d+\.\d\d m tall: check the points/);
    expect(view.parameters).toEqual([]);
  });

  it('the CLI takes the marks, and refuses a distance in centimetres and marks too close', async () => {
    // Its own pose cache (TMPDIR), holding this run's pose of the walk: the marks are on trial here.
    await seedJob(demo, poseCacheDirFor(demo, join(cacheDir, 'gaitlab-pose')));
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [BUILT_CLI, 'analyze', demo, ...args], {
        encoding: 'utf8',
        timeout: 600_000,
        env: { ...process.env, TMPDIR: cacheDir },
      });
    const cm = cli('--floor', '300,900,1500,900', '--floor-distance', '250');
    expect(cm.status).not.toBe(0);
    expect(cm.stderr).toContain('did you mean 2.50 m (entered in centimetres)?');
    const close = cli('--floor', '300,900,305,900', '--floor-distance', '2');
    expect(close.status).not.toBe(0);
    expect(close.stderr).toContain('the two marks are 5.0 px apart');
    const half = cli('--floor', '300,900,1500,900');
    expect(half.status).not.toBe(0);
    expect(half.stderr).toContain('Give both --floor');
    const ok = cli('--floor', '300,900,1500,900', '--floor-distance', floor.distanceM.toFixed(4));
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Scale: known floor distance \d\.\d+ m = 1200\.0 px/);
    expect(ok.stdout).toMatch(/Left cadence: .*speed: 1\.\d\d ± 0\.\d\d m\/s/);
  });
});

describe('a lab trial keeps its floor marks', () => {
  let t: TrialLab;
  const call = <T>(op: string, input: unknown): Promise<T> => callLab<T>(t.labDir, op, input);

  beforeAll(async () => {
    t = await createTrialLab();
  }, 600_000);

  it('uses them, keeps them through a hand edit, and goes back to the height', async () => {
    const r = await analyseInProcess(t.labDir, t.trial.id, { floor });
    expect(r.state, r.message).toBe('done');
    const first = (await call<TrialAnalysisView>('analysis.get', { trialId: t.trial.id }))!;
    expect(first.scale?.method).toBe('floor-distance');
    const edited = await call<TrialAnalysisView>('analysis.setCycleExcluded', {
      trialId: t.trial.id,
      side: 'left',
      index: 0,
      excluded: true,
    });
    expect(edited.scale?.method).toBe('floor-distance');
    const again = await analyseInProcess(t.labDir, t.trial.id);
    expect(again.state, again.message).toBe('done');
    expect((await call<TrialAnalysisView>('analysis.get', { trialId: t.trial.id }))!.scale?.method).toBe(
      'floor-distance',
    );
    expect((await analyseInProcess(t.labDir, t.trial.id, { floor: null })).state).toBe('done');
    expect((await call<TrialAnalysisView>('analysis.get', { trialId: t.trial.id }))!.scale?.method).toBe(
      'subject-height',
    );
  });

  it('refuses a floor distance outside 0.2-30 m and marks closer than 20 px at the API', async () => {
    const lab = openLab(t.labDir);
    try {
      const cm = await dispatch(lab.handlers, 'analysis.start', {
        trialId: t.trial.id,
        floor: { ...floor, distanceM: 250 },
      });
      expect(cm.ok).toBe(false);
      expect(JSON.stringify(cm)).toContain('The floor distance must be in metres');
      const close = await dispatch(lab.handlers, 'analysis.start', {
        trialId: t.trial.id,
        floor: { aPx: [0, 0], bPx: [5, 0], distanceM: 2 },
      });
      expect(close.ok).toBe(false);
      expect(JSON.stringify(close)).toContain('at least 20 pixels apart');
    } finally {
      lab.close();
    }
  });
});
