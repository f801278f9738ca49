// A misplaced contact must not reach the means when a side has only one or two cycles (a short
// walkway, a child's pass), where the side's median cannot show it. The first 4 s of the Sports2D
// walk as an animated GIF (15 frames/s, 480 px wide, a 256-colour palette per frame) gave a left
// contact and foot off in the middle of the left stance: one left stride of 0.85 s over the same
// steps as a right stride of 1.28 s, read as 140 steps/min on the left against 94 on the right.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseVideoFile } from '../../../src/main/services/video-analysis';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { SPORTS2D_WALK } from '../../helpers/video-variant';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-gif-'));
let view: TrialAnalysisView;

beforeAll(async () => {
  const gif = join(work, 'walk.gif');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    SPORTS2D_WALK,
    '-t',
    '4',
    '-vf',
    'scale=480:-2,fps=15',
    gif,
  ]);
  view = (await analyseVideoFile(gif, { heightM: 1.65, cacheDir: join(work, 'cache') })).view;
}, 300_000);

describe('strides held against the other foot', () => {
  it('leaves no stride in the means that disagrees with the other foot over the same steps', () => {
    const used = view.cycles.filter((c) => !c.excluded);
    console.log(
      view.cycles
        .map(
          (c) =>
            `${c.side} ${c.startFrame.toFixed(1)}-${c.endFrame.toFixed(1)} ${c.durationS.toFixed(2)} s ${c.flags.join(',') || 'used'}`,
        )
        .join('\n'),
    );
    expect(used.length).toBeGreaterThanOrEqual(1);
    for (const a of used.filter((c) => c.side === 'left'))
      for (const b of used.filter((c) => c.side === 'right')) {
        const overlap = Math.min(a.endFrame, b.endFrame) - Math.max(a.startFrame, b.startFrame);
        if (overlap < 0.5 * Math.min(a.durationS, b.durationS) * view.fps) continue;
        expect(Math.max(a.durationS, b.durationS) / Math.min(a.durationS, b.durationS)).toBeLessThan(1.3);
      }
    const flagged = view.cycles.filter((c) => c.flags.includes('out-of-step'));
    expect(flagged.length).toBeGreaterThanOrEqual(1);
    expect(flagged.every((c) => c.excluded)).toBe(true);
  });

  it('gives both sides the cadence of one walk', () => {
    const cadence = view.parameters.find((p) => p.parameter === 'cadenceStepsPerMin')!;
    console.log(
      `cadence: left ${cadence.left.mean} (n=${cadence.left.n}), right ${cadence.right.mean} (n=${cadence.right.n})`,
    );
    for (const side of ['left', 'right'] as const) {
      const m = cadence[side];
      // She walks at 98-99 steps/min (the full video, both sides).
      if (m.n > 0) expect(Math.abs(m.mean! - 98.5)).toBeLessThan(10);
    }
  });
});
