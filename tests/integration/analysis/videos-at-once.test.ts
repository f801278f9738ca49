// A batch of video files posed a few at a time ahead of their analysis, on a computer with workers
// for more than one tracking pass. A budget of 4 workers stands for a 4-core computer: two videos
// are tracked at once, two workers each, the third when one of them ends; a file that is not a
// video does not hold up the others and is left to its analysis, which says why.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPoseResult, type PoseResult } from '../../../src/main/pose/pose-result';
import { WorkerBudget } from '../../../src/main/pose/worker-budget';
import {
  analyseVideoFile,
  poseCacheDirFor,
  poseVideoFilesAtOnce,
} from '../../../src/main/services/video-analysis';
import { demoPoseCache } from '../../helpers/demo-pose';
import { gaitlabCli } from '../../helpers/gaitlab-cli';
import { poseSpanMs, posedTogether } from '../../helpers/pose-spans';
import { SPORTS2D_WALK, videoVariant } from '../../helpers/video-variant';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-videos-at-once-'));
const cacheDir = join(work, 'cache');
let videos: string[] = [];
const messages: string[] = [];
let endedAt: number[] = [];
let posed: Array<PoseResult | null> = [];

beforeAll(async () => {
  // The walk, its first 3 s seen in a mirror, a text file named like a video.
  const mirrored = videoVariant(work, 'mirrored.mp4', ['-vf', 'hflip', '-frames:v', '90']);
  const notVideo = join(work, 'notes.mp4');
  writeFileSync(notVideo, 'Walk 3: patient tired, stopped after two passes.\n');
  videos = [SPORTS2D_WALK, mirrored, notVideo];
  const ends = poseVideoFilesAtOnce(videos, {
    cacheDir,
    workerBudget: new WorkerBudget(4),
    onProgress: (_d, _t, m) => {
      if (messages.at(-1) !== m) messages.push(m);
    },
  });
  expect(ends).not.toBeNull();
  endedAt = await Promise.all(ends!.map((e) => e.then(() => Date.now())));
  posed = videos.map((v) => {
    try {
      return readPoseResult(poseCacheDirFor(v, cacheDir));
    } catch {
      return null;
    }
  });
}, 600_000);

describe('the videos of a batch posed a few at a time', () => {
  it('tracks two at once, two workers each, and the third when one has ended', () => {
    expect(messages[0]).toBe('Pose estimation of 3 videos, 2 at a time');
    const [walk, mirror] = [posed[0]!, posed[1]!];
    expect([walk.manifest.provenance.workers, mirror.manifest.provenance.workers]).toEqual([2, 2]);
    expect(posedTogether(walk, mirror)).toBe(true);
    // The short mirrored clip ends first; the text file's job starts only then, and ends before the walk.
    expect(endedAt[2]!).toBeGreaterThanOrEqual(poseSpanMs(mirror)[1]);
    expect(endedAt[2]!).toBeLessThanOrEqual(endedAt[0]!);
    expect(posed[2]).toBeNull();
  });

  it('gives the walk the track it gives posed alone on the whole computer', () => {
    const alone = readPoseResult(poseCacheDirFor(SPORTS2D_WALK, demoPoseCache()));
    const together = posed[0]!;
    expect(together.manifest.settings).toEqual(alone.manifest.settings);
    expect(Array.from(together.track.xPx)).toEqual(Array.from(alone.track.xPx));
    expect(Array.from(together.track.confidence)).toEqual(Array.from(alone.track.confidence));
  });

  it('analyses each video from its pose, and says why the text file was not analysed', async () => {
    const walk = await analyseVideoFile(SPORTS2D_WALK, { heightM: 1.65, cacheDir });
    expect(walk.view.status).toBe('analysed');
    expect(walk.view.provenance.workers).toBe(2);
    expect(walk.analysis!.cycles.filter((c) => c.side === 'left').length).toBeGreaterThanOrEqual(3);
    await expect(analyseVideoFile(videos[2]!, { cacheDir })).rejects.toThrow(
      /not a video|no video|cannot be read/i,
    );
  });
});

describe('gaitlab analyze with several videos, GAITLAB_POSE_WORKERS=4 standing for a 4-core computer', () => {
  it('poses the two walks side by side, then prints each summary in the order given', () => {
    // Her walk from frame 30 to 210, as filmed and seen in a mirror.
    const cut = ['-vf', 'trim=start_frame=30:end_frame=210,setpts=PTS-STARTPTS'];
    const a = videoVariant(work, 'walk-a.mp4', cut);
    const b = videoVariant(work, 'walk-b.mp4', [cut[0]!, `${cut[1]},hflip`]);
    const json = join(work, 'batch.json');
    const gaitlab = gaitlabCli(join(work, 'lab'), 600_000, { GAITLAB_POSE_WORKERS: '4' });
    const r = gaitlab('analyze', a, b, '--height', '1.65', '--json', json);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('Pose estimation of 2 videos, 2 at a time');
    expect(r.out.indexOf(`[1/2] ${a}`)).toBeLessThan(r.out.indexOf(`[2/2] ${b}`));
    expect(r.out).toContain('Analysed 2 of 2.');
    const views = JSON.parse(readFileSync(json, 'utf8')) as Array<{ provenance: { workers: number } }>;
    expect(views.map((v) => v.provenance.workers)).toEqual([2, 2]);
  });

  it('refuses a GAITLAB_POSE_WORKERS that is not a number of workers before any work', () => {
    const r = gaitlabCli(join(work, 'lab'), 60_000, { GAITLAB_POSE_WORKERS: 'all' })(
      'analyze',
      SPORTS2D_WALK,
    );
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(
      /^gaitlab: GAITLAB_POSE_WORKERS is "all": give a whole number of pose workers from 1 to 32 \(unset: one per core, at most 6; this computer: \d+\)\.$/,
    );
    expect(r.out).toBe('');
  });
});
