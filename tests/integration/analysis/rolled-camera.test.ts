// A phone held askew: the Sports2D walk rotated 10 deg. Angles between segments do not change, but
// trunk tilt, measured against the picture's vertical, takes the roll; the line through the
// contacts, level within 1 deg from the real camera, shows the roll, and the analysis says so.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseVideoFile } from '../../../src/main/services/video-analysis';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { videoVariant } from '../../helpers/video-variant';
import { analyseDemo } from '../../helpers/demo-pose';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-rolled-'));
let level: TrialAnalysisView;
let rolled: TrialAnalysisView;

const meanOf = (v: TrialAnalysisView, variable: string) => {
  const m = v.curves.find((c) => c.variable === variable && c.side === 'left')!.mean;
  const xs = m.filter((x): x is number => x !== null);
  return xs.reduce((a, b) => a + b, 0) / xs.length;
};

beforeAll(async () => {
  const video = videoVariant(work, 'rolled.mp4', ['-vf', 'rotate=10*PI/180:fillcolor=gray']);
  const cacheDir = join(work, 'cache');
  level = (await analyseDemo({ heightM: 1.65 })).view;
  rolled = (await analyseVideoFile(video, { heightM: 1.65, cacheDir })).view;
}, 600_000);

describe('a camera rolled 10 deg', () => {
  it('is said to be rolled; the level camera is not', () => {
    const note = rolled.warnings.find((w) => w.startsWith('The floor where the feet land runs'));
    console.log(note);
    expect(note).toMatch(/runs (9|10|11) deg from the picture's horizontal/);
    expect(level.warnings.some((w) => w.startsWith('The floor where the feet land'))).toBe(false);
  });

  it('carries the roll in trunk tilt only, not in the knee', () => {
    const trunk = meanOf(rolled, 'trunk_tilt') - meanOf(level, 'trunk_tilt');
    const knee = meanOf(rolled, 'knee_flexion') - meanOf(level, 'knee_flexion');
    console.log(
      `mean left curve, rolled minus level: trunk tilt ${trunk.toFixed(1)} deg, knee flexion ${knee.toFixed(1)} deg`,
    );
    expect(Math.abs(Math.abs(trunk) - 10)).toBeLessThan(2);
    expect(Math.abs(knee)).toBeLessThan(2);
  });
});
