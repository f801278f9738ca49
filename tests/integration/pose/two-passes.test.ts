// A patient walking a pass, out of the picture, and back the other way: the Sports2D walk followed by
// its mirror image (she leaves on the left after frame ~200 and comes back from the left at frame
// ~268, while the man who stood on the box runs off at frames 205-230). Each pass is one person to
// the scan; the person who walks must be followed through both, and nobody in between. Before, only
// one pass was followed (and her exit was linked to the man on the box in the mirrored picture).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clearestSample } from '../../../src/main/pose/decode/subject';
import { readPoseResult, type PoseTrack } from '../../../src/main/pose/pose-result';
import { readScannedPeople } from '../../../src/main/pose/storage';
import { analyseVideoFile, poseCacheDirFor } from '../../../src/main/services/video-analysis';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { videoVariant } from '../../helpers/video-variant';
import { analyseDemo } from '../../helpers/demo-pose';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-two-passes-'));
let video = '';
const cacheDir = join(work, 'cache');
let view: TrialAnalysisView;
let single: TrialAnalysisView;

/** Frames a..b (inclusive) with a confident pose. */
function confidentFrames(t: PoseTrack, a: number, b: number): number {
  let k = 0;
  for (let f = a; f <= b; f++) if (t.confidence[f]! >= 0.5) k++;
  return k;
}

beforeAll(async () => {
  video = videoVariant(work, 'there-and-back.mp4', [
    '-filter_complex',
    '[0:v]split[a][b];[b]hflip[m];[a][m]concat=n=2:v=1:a=0',
  ]);
  view = (await analyseVideoFile(video, { heightM: 1.65, cacheDir })).view;
  single = (await analyseDemo({ heightM: 1.65 })).view;
}, 600_000);

describe('a walk there and back in one video', () => {
  it('follows her through both passes and nobody while she is out of the picture', () => {
    const dir = poseCacheDirFor(video, cacheDir);
    const t = readPoseResult(dir).track;
    const confident = (a: number, b: number) => confidentFrames(t, a, b);
    console.log(
      `confident frames: pass 1 (50-190) ${confident(50, 190)}/141, out of view (205-265) ${confident(205, 265)}/61, pass 2 (280-420) ${confident(280, 420)}/141`,
    );
    expect(confident(50, 190)).toBe(141);
    expect(confident(280, 420)).toBe(141);
    expect(confident(205, 265)).toBe(0);
    const scan = readScannedPeople(dir)!;
    expect(scan.joined).toHaveLength(1);
  });

  it('follows her through both passes when she is pointed at in the second', async () => {
    const scan = readScannedPeople(poseCacheDirFor(video, cacheDir))!;
    const second = scan.people![scan.joined![0]!]!;
    const pointedDir = join(work, 'pointed');
    await analyseVideoFile(video, { heightM: 1.65, cacheDir: pointedDir, person: clearestSample(second) });
    const t = readPoseResult(poseCacheDirFor(video, pointedDir)).track;
    const confident = (a: number, b: number) => confidentFrames(t, a, b);
    console.log(
      `pointed at in pass 2: confident frames pass 1 ${confident(50, 190)}/141, out of view ${confident(205, 265)}/61, pass 2 ${confident(280, 420)}/141`,
    );
    expect(confident(50, 190)).toBe(141);
    expect(confident(280, 420)).toBe(141);
    expect(confident(205, 265)).toBe(0);
  }, 300_000);

  it('analyses both passes: opposite directions, each leg seen near once, the cadence of one pass', () => {
    expect(view.status, view.message).toBe('analysed');
    expect(view.passes.map((p) => p.direction)).toEqual([-1, 1]);
    for (const side of ['left', 'right'] as const) {
      const used = view.cycles.filter((c) => c.side === side && !c.excluded).length;
      const cadence = view.parameters.find((p) => p.parameter === 'cadenceStepsPerMin')![side].mean!;
      const once = single.parameters.find((p) => p.parameter === 'cadenceStepsPerMin')![side].mean!;
      console.log(
        `${side}: ${used} cycles, cadence ${cadence.toFixed(1)} steps/min (one pass: ${once.toFixed(1)})`,
      );
      expect(used).toBeGreaterThanOrEqual(5);
      expect(Math.abs(cadence - once)).toBeLessThan(3);
    }
    // Each leg faces the camera in one pass: its curve is read from that pass, not flagged far.
    for (const side of ['left', 'right'] as const)
      expect(view.curves.find((c) => c.variable === 'knee_flexion' && c.side === side)!.farSide).toBe(false);
  });
});
