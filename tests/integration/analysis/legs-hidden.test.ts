// The Sports2D walk with her legs and hips hidden for 9 frames in mid-walk, as when someone passes
// in front of the camera: a grey band over the lower part of the picture at frames 100-108. The
// pose model marks the hidden landmarks as unseen (visibility ~0.01), the pelvis is lost there, and
// pass detection splits the walk: 2 passes and 2 + 1 cycles instead of 1 and 3 + 3, with nothing
// said about why.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WALK_GAP_NOTE_START } from '../../../src/main/gait/walk-gaps';
import { lowConfidenceNote } from '../../../src/shared/analysis-notes';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { analyseDemo } from '../../helpers/demo-pose';
import { analyseVideoOnce } from '../../helpers/pose-seeds';
import { videoVariant } from '../../helpers/video-variant';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-legs-hidden-'));
const HIDDEN = { from: 100, to: 108 };
let hidden: TrialAnalysisView;
let walk: TrialAnalysisView;

beforeAll(async () => {
  const video = videoVariant(work, 'legs-hidden.mp4', [
    '-vf',
    `drawbox=x=0:y=560:w=1768:h=434:color=gray:t=fill:enable='between(n,${HIDDEN.from},${HIDDEN.to})'`,
  ]);
  hidden = (await analyseVideoOnce(video, { heightM: 1.65, cacheDir: join(work, 'cache') })).view;
  walk = (await analyseDemo({ heightM: 1.65 })).view;
}, 300_000);

describe('legs hidden for 0.3 s in mid-walk', () => {
  it('says where the pelvis and feet were lost, that the strides across are not measured and the walk split there', () => {
    const cycles = (v: TrialAnalysisView) =>
      `${v.cycles.filter((c) => c.side === 'left').length} + ${v.cycles.filter((c) => c.side === 'right').length}`;
    console.log(
      `hidden: ${hidden.passes.length} passes, ${cycles(hidden)} cycles; the walk: ${walk.passes.length} pass, ${cycles(walk)} cycles`,
    );
    expect(hidden.status).toBe('analysed');
    expect(hidden.passes).toHaveLength(2);
    const note = hidden.warnings.find((w) => w.startsWith(WALK_GAP_NOTE_START));
    console.log(note);
    const m =
      /^Not tracked in the middle of the walk: the pelvis, left foot and right foot at frames (\d+)-(\d+) \(0\.\d\d s\)\. Hidden by someone or something in front of the camera, or not seen by the pose model: the strides across it are not measured, and the walk is counted as two passes there\. Look at the video there \(shaded as low confidence\)\.$/.exec(
        note ?? '',
      );
    expect(m, note).not.toBeNull();
    // The stretch is the hidden frames, give or take one at each end.
    expect(Math.abs(Number(m![1]) - HIDDEN.from)).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(m![2]) - HIDDEN.to)).toBeLessThanOrEqual(1);
  });

  it('shades the lost frames as low confidence, and counts them as frames of the walk to review', () => {
    for (let f = HIDDEN.from + 1; f < HIDDEN.to; f++) expect(hidden.lowConfidenceFrames).toContain(f);
    const note = lowConfidenceNote(hidden)!;
    console.log(note);
    expect(note).toMatch(/, 9 inside the walking passes \(frames 10\d-10\d\): review them\.$/);
  });

  it('says nothing of the kind on the walk as filmed', () => {
    expect(walk.warnings.filter((w) => w.startsWith(WALK_GAP_NOTE_START))).toEqual([]);
  });
});
