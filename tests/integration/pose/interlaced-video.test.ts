// Many gait labs still film with DV or broadcast camcorders, which record interlaced video: each
// frame holds two fields a field period apart, so a swinging foot shows as a comb of alternate
// lines. The Sports2D walk made interlaced (frames 2k and 2k+1 as the two fields of one frame, 15
// frames/s, flagged top field first) must give, on its frames, the skeleton of the walk's own
// frames 2k; the same combed pictures flagged progressive show what posing the comb does.
import { beforeAll, describe, expect, it } from 'vitest';
import { probeVideo } from '../../../src/main/media/probe';
import type { PoseTrack } from '../../../src/main/pose/pose-result';
import { runPose } from '../../../src/main/pose/run-pose';
import type { LandmarkName } from '../../../src/shared/landmarks';
import { videoVariant } from '../../helpers/video-variant';
import { median, point, tempDir } from './helpers';

const dir = tempDir('interlaced');
const FEET: LandmarkName[] = [
  'left_ankle',
  'right_ankle',
  'left_heel',
  'right_heel',
  'left_foot_index',
  'right_foot_index',
];
// x264 needs a height divisible by 4 for interlaced coding: the walk is 994 px high.
const CROP = 'crop=1768:992:0:0';
const interlaced = videoVariant(dir, 'interlaced.mp4', [
  ...['-vf', `${CROP},interlace=scan=tff`],
  ...['-flags', '+ilme+ildct', '-x264opts', 'tff=1'],
]);
const combedAsProgressive = videoVariant(dir, 'combed.mp4', [
  '-vf',
  `${CROP},interlace=scan=tff,setfield=prog`,
]);
const evenFrames = videoVariant(dir, 'even-frames.mp4', [
  ...['-vf', `${CROP},select='not(mod(n\\,2))',setpts=N/15/TB`, '-r', '15'],
]);

let tracks: Record<'interlaced' | 'combed' | 'even', PoseTrack>;

/** Feet of `a` against the walk's own frames, on frames both posed confidently: median and 90th percentile, px. */
function feetFromEvenFrames(a: PoseTrack): { median: number; p90: number; frames: number } {
  const even = tracks.even;
  const d: number[] = [];
  for (let f = 0; f < Math.min(a.frameCount, even.frameCount); f++) {
    if (a.confidence[f]! < 0.5 || even.confidence[f]! < 0.5) continue;
    for (const name of FEET) {
      const p = point(a, f, name);
      const q = point(even, f, name);
      d.push(Math.hypot(p.x - q.x, p.y - q.y));
    }
  }
  const sorted = [...d].sort((x, y) => x - y);
  return { median: median(d), p90: sorted[Math.floor(sorted.length * 0.9)]!, frames: d.length / FEET.length };
}

beforeAll(async () => {
  const pose = async (video: string, name: string) =>
    (await runPose({ videoPath: video, outDir: `${dir}/pose-${name}` })).track;
  tracks = {
    interlaced: await pose(interlaced, 'interlaced'),
    combed: await pose(combedAsProgressive, 'combed'),
    even: await pose(evenFrames, 'even'),
  };
}, 600_000);

describe('an interlaced video', () => {
  it('is recognised as interlaced, and its pose job says its frames were deinterlaced', async () => {
    expect((await probeVideo(interlaced)).interlaced).toBe(true);
    expect((await probeVideo(combedAsProgressive)).interlaced).toBeUndefined();
    const job = await runPose({ videoPath: interlaced, outDir: `${dir}/pose-interlaced` });
    expect(job.manifest.settings.deinterlaced).toBe(true);
    expect(job.track.frameCount).toBe(tracks.even.frameCount);
  });

  it('puts the feet where the walk shows them, which the combed frames do not', () => {
    const deinterlaced = feetFromEvenFrames(tracks.interlaced);
    const combed = feetFromEvenFrames(tracks.combed);
    console.log(
      `feet from the walk's own frames: deinterlaced median ${deinterlaced.median.toFixed(1)} px, p90 ${deinterlaced.p90.toFixed(1)} px (${deinterlaced.frames} frames); ` +
        `combed median ${combed.median.toFixed(1)} px, p90 ${combed.p90.toFixed(1)} px (${combed.frames} frames)`,
    );
    expect(deinterlaced.frames).toBeGreaterThan(70);
    expect(deinterlaced.median).toBeLessThan(7);
    expect(deinterlaced.p90).toBeLessThan(25);
    expect(combed.p90).toBeGreaterThan(deinterlaced.p90 * 1.5);
  });
});
