// A phone's 60 frames/s mode films the same walk with twice the frames. The Sports2D walk made
// 60 frames/s (each frame shown twice; a motion-interpolated copy, 3 min of CPU to make, gave the
// same) must give the contacts of the 30 frames/s video. At 50 frames/s and more the contact rule
// used to switch to the landing of the heel or toe height, which for a pose model's landmarks came
// 70-145 ms after the foot's ground speed fell (contacts after the other foot's foot off, no
// double support); the ground-speed contacts match hand labels at 30 frames/s.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseVideoFile } from '../../../src/main/services/video-analysis';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { videoVariant } from '../../helpers/video-variant';
import { analyseDemo } from '../../helpers/demo-pose';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-60fps-'));
let at30: TrialAnalysisView;
let at60: TrialAnalysisView;

beforeAll(async () => {
  const video = videoVariant(work, 'walk-60fps.mp4', ['-vf', 'fps=60']);
  const cacheDir = join(work, 'cache');
  at30 = (await analyseDemo({ heightM: 1.65 })).view;
  at60 = (await analyseVideoFile(video, { heightM: 1.65, cacheDir })).view;
}, 600_000);

describe('the same walk at 60 frames/s', () => {
  it('has the contacts and foot offs of the 30 frames/s video', () => {
    expect(at60.fps).toBe(60);
    const errors: string[] = [];
    const worst = { 'initial-contact': 0, 'foot-off': 0 };
    for (const e of at30.events) {
      const near = at60.events
        .filter((f) => f.side === e.side && f.kind === e.kind)
        .map((f) => f.timeS - e.timeS)
        .sort((a, b) => Math.abs(a) - Math.abs(b))[0]!;
      errors.push(
        `${e.side[0]!.toUpperCase()}${e.kind === 'initial-contact' ? 'IC' : 'FO'} ${(1000 * near).toFixed(0)}`,
      );
      worst[e.kind] = Math.max(worst[e.kind], Math.abs(near));
    }
    console.log(`60 frames/s minus 30 frames/s, ms: ${errors.join(', ')}; ${at60.provenance.eventMethod}`);
    expect(String(at60.provenance.eventMethod)).toMatch(/ground speed/);
    // Contacts within a frame at 30 frames/s (the landing rule had them 100-135 ms late); foot offs
    // within two (the last one is taken as she leaves the picture).
    expect(worst['initial-contact']).toBeLessThan(0.034);
    expect(worst['foot-off']).toBeLessThan(0.067);
  });

  it('keeps double support in every cycle', () => {
    for (const side of ['left', 'right'] as const) {
      const p = at60.parameters.find((x) => x.parameter === 'doubleSupportPct')![side];
      expect(p.n).toBeGreaterThanOrEqual(2);
      expect(p.mean!).toBeGreaterThan(10);
    }
  });
});
