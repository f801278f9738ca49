// The slowest walkers (children with CP using a walker) take strides of 2-3.5 s. The Sports2D walk
// played 3x slower (strides of ~3.6 s, real landmarks on a stretched clock) must be analysed like
// the walk itself: its cycles used, cadence and speed a third of the walk's, knee curves alike.
// Cycles longer than 3 s used to be flagged "too long" and left out: "means are not computed".
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseVideoFile } from '../../../src/main/services/video-analysis';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { sharedDataPath } from '../../helpers/shared-data';
import { analyseDemo } from '../../helpers/demo-pose';

const SLOWER = 3;
const demo = sharedDataPath('sports2d_demo_sideview_walk/demo.mp4');
const work = mkdtempSync(join(tmpdir(), 'gaitlab-slow-walk-'));
let walk: TrialAnalysisView;
let slow: TrialAnalysisView;

const param = (v: TrialAnalysisView, p: string, side: 'left' | 'right') =>
  v.parameters.find((x) => x.parameter === p)![side];

beforeAll(async () => {
  const slowVideo = join(work, 'slow.mp4');
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-i', demo, '-an', '-vf', `setpts=${SLOWER}*PTS`, '-r', '30'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '20', slowVideo],
  ]);
  const cacheDir = join(work, 'cache');
  walk = (await analyseDemo({ heightM: 1.65 })).view;
  slow = (await analyseVideoFile(slowVideo, { heightM: 1.65, cacheDir })).view;
}, 600_000);

describe('a very slow walk (the Sports2D walk 3x slower)', () => {
  it('is analysed from its left cycles, with a third of the cadence and speed', () => {
    expect(slow.status, slow.message).toBe('analysed');
    const used = slow.cycles.filter((c) => c.side === 'left' && !c.excluded);
    console.log(
      `3x slower: left strides ${used.map((c) => c.durationS.toFixed(2)).join(', ')} s; ` +
        `cadence ${param(slow, 'cadenceStepsPerMin', 'left').mean?.toFixed(1)} vs ${param(walk, 'cadenceStepsPerMin', 'left').mean?.toFixed(1)} / ${SLOWER}; ` +
        `speed ${param(slow, 'speedMps', 'left').mean?.toFixed(3)} vs ${param(walk, 'speedMps', 'left').mean?.toFixed(3)} / ${SLOWER} m/s`,
    );
    expect(used.length).toBe(3);
    for (const c of used) expect(c.durationS).toBeGreaterThan(3.3);
    expect(param(slow, 'cadenceStepsPerMin', 'left').mean!).toBeCloseTo(
      param(walk, 'cadenceStepsPerMin', 'left').mean! / SLOWER,
      0,
    );
    expect(
      Math.abs(param(slow, 'speedMps', 'left').mean! - param(walk, 'speedMps', 'left').mean! / SLOWER),
    ).toBeLessThan(0.02);
    expect(slow.warnings.some((w) => /slow motion/.test(w))).toBe(false);
  });

  it("gives the walk's left knee pattern", () => {
    const peak = (v: TrialAnalysisView) =>
      Math.max(
        ...v.curves
          .find((c) => c.variable === 'knee_flexion' && c.side === 'left')!
          .mean.map((x) => x ?? -Infinity),
      );
    console.log(
      `left knee swing peak of the mean curve: ${peak(slow).toFixed(1)} deg 3x slower, ${peak(walk).toFixed(1)} deg`,
    );
    expect(Math.abs(peak(slow) - peak(walk))).toBeLessThan(8);
  });
});
