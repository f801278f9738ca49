// A webcam in dim light, or an export, at 10 frames/s: the walk still gives its cycles and cadence,
// but a frame lasts 100 ms, and the analysis says how roughly events, stance and support are timed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOW_FRAME_RATE_NOTE_START } from '../../../src/main/gait/frame-rate';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { analyseDemo } from '../../helpers/demo-pose';
import { analyseVideoOnce } from '../../helpers/pose-seeds';
import { videoVariant } from '../../helpers/video-variant';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-low-frame-rate-'));
let slow: TrialAnalysisView;
let full: TrialAnalysisView;

beforeAll(async () => {
  const video = videoVariant(work, 'walk-10fps.mp4', ['-vf', 'fps=10']);
  slow = (await analyseVideoOnce(video, { heightM: 1.65, cacheDir: join(work, 'cache') })).view;
  full = (await analyseDemo({ heightM: 1.65 })).view;
}, 300_000);

describe('the Sports2D walk at 10 frames/s', () => {
  it('gives the cycles and cadence of the 30 frames/s original, and says how roughly it is timed', () => {
    expect(slow.status, slow.message).toBe('analysed');
    expect(slow.fps).toBe(10);
    const mean = (v: TrialAnalysisView, p: string, side: 'left' | 'right') =>
      v.parameters.find((x) => x.parameter === p)![side].mean!;
    for (const side of ['left', 'right'] as const) {
      const used = (v: TrialAnalysisView) => v.cycles.filter((c) => c.side === side && !c.excluded).length;
      console.log(
        `${side}: ${used(slow)} cycles, cadence ${mean(slow, 'cadenceStepsPerMin', side).toFixed(1)} steps/min, stance ${mean(slow, 'stancePct', side).toFixed(1)} %, double support ${mean(slow, 'doubleSupportPct', side).toFixed(1)} %; at 30 frames/s ${used(full)}, ${mean(full, 'cadenceStepsPerMin', side).toFixed(1)}, ${mean(full, 'stancePct', side).toFixed(1)}, ${mean(full, 'doubleSupportPct', side).toFixed(1)}`,
      );
      expect(used(slow)).toBe(used(full));
      expect(
        Math.abs(mean(slow, 'cadenceStepsPerMin', side) - mean(full, 'cadenceStepsPerMin', side)),
      ).toBeLessThan(3);
    }
    const note = slow.warnings.find((w) => w.startsWith(LOW_FRAME_RATE_NOTE_START));
    console.log(note);
    expect(note).toMatch(
      /^The video has only 10 frames\/s: a frame lasts 100 ms, [89] % of a stride \(1\.\d\d s\)/,
    );
    expect(full.warnings.filter((w) => w.startsWith(LOW_FRAME_RATE_NOTE_START))).toEqual([]);
  });
});
