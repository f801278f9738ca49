// The subject passing behind a narrow pillar (a post of the parallel bars, a door frame): the
// Sports2D walk with a 110 px band drawn down the picture at x = 820. Behind a 140 px one the model
// loses her (tests/integration/pose/pillar-occlusion.test.ts); behind this one, for about 8 frames,
// the model, sure of her at 0.99-1.00 before and after, doubted a person was there (0.55-0.93) and
// still placed every landmark: the left knee read -38 deg at the start of a stance, and that
// cycle went into the mean (minimum in stance -4.8 +- 29.1 deg, against 10.7 +- 5.6 in the walk as
// filmed), with only "3 low-confidence frames" said. Now those frames are set aside and a note says
// why; the strides across them are not measured.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { analyseDemo } from '../../helpers/demo-pose';
import { analyseVideoOnce } from '../../helpers/pose-seeds';
import { videoVariant } from '../../helpers/video-variant';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-pillar-'));
const DOUBT_NOTE =
  /^The pose model doubted that a person was in view at frames (\d+)-(\d+) \(confidence (0\.\d\d)-(0\.\d\d), where it is 0\.98 or more on nearly every frame of the second before and after\): the subject passing behind something or someone/;
let pillar: TrialAnalysisView;
let whole: TrialAnalysisView;

beforeAll(async () => {
  const video = videoVariant(work, 'pillar.mp4', [
    '-vf',
    'drawbox=x=820:y=0:w=110:h=994:color=0x303030:t=fill',
  ]);
  pillar = (await analyseVideoOnce(video, { heightM: 1.65, cacheDir: join(work, 'cache') })).view;
  whole = (await analyseDemo({ heightM: 1.65 })).view;
}, 300_000);

/** Per used cycle of `side`: the smallest knee flexion over the cycle (deg). */
function kneeMinima(view: TrialAnalysisView, side: 'left' | 'right'): number[] {
  const knee = view.curves.find((c) => c.variable === 'knee_flexion' && c.side === side)!;
  return knee.cycles
    .filter((c) => !c.excluded)
    .map((c) => Math.min(...c.values.filter((v): v is number => v !== null)));
}

describe('the walk with a pillar between the camera and her', () => {
  it('sets aside the frames the pose model doubted, and says why', () => {
    expect(pillar.status, pillar.message).toBe('analysed');
    const note = pillar.warnings.find((w) => DOUBT_NOTE.test(w));
    console.log(note);
    const [, first, last, low, high] = DOUBT_NOTE.exec(note!)!;
    // Behind the band: her hips reach x = 930 at frame 110 and leave it at 820 near frame 121.
    expect(Number(first)).toBeGreaterThanOrEqual(108);
    expect(Number(last)).toBeLessThanOrEqual(124);
    expect(Number(last) - Number(first)).toBeGreaterThanOrEqual(5);
    expect(Number(low)).toBeLessThan(0.7);
    expect(Number(high)).toBeLessThan(0.98);
    // Shaded for review with the other doubtful frames.
    for (let f = Number(first); f <= Number(last); f++) expect(pillar.lowConfidenceFrames).toContain(f);
  });

  it('keeps the guessed knees out of the cycles it measures', () => {
    for (const side of ['left', 'right'] as const) {
      const minima = kneeMinima(pillar, side);
      console.log(
        `${side}: ${minima.length} cycles used, knee minima ${minima.map((m) => m.toFixed(1)).join(', ')} deg; as filmed ${kneeMinima(
          whole,
          side,
        )
          .map((m) => m.toFixed(1))
          .join(', ')} deg`,
      );
      expect(minima.length).toBeGreaterThanOrEqual(1);
      // Her knee straightens to 0-20 deg in stance; the guessed one read -38.
      const lowest = Math.min(...kneeMinima(whole, side));
      for (const m of minima) expect(m).toBeGreaterThan(lowest - 5);
    }
  });
});
