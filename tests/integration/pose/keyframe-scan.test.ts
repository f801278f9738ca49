// A phone records a keyframe about every second. The person scan wants one frame a second, so it
// decodes only the keyframes there (ffmpeg -skip_frame nokey) instead of every frame: for a phone's
// 4K HEVC that was ~24 ms of decoding CPU per frame of video, a quarter of the whole job. The
// Sports2D walk as HEVC with a keyframe every 30 frames must give the same person and the same
// skeleton as the original, whose keyframes are too rare for it (the scan decodes every frame).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeVideo } from '../../../src/main/media/probe';
import { readPoseResult, type PoseResult } from '../../../src/main/pose/pose-result';
import { runPose } from '../../../src/main/pose/run-pose';
import { readScannedPeople } from '../../../src/main/pose/storage';
import { poseCacheDirFor } from '../../../src/main/services/video-analysis';
import { BLAZEPOSE_LANDMARKS, landmarkIndex } from '../../../src/shared/landmarks';
import { demoPoseCache } from '../../helpers/demo-pose';
import { SPORTS2D_WALK } from '../../helpers/video-variant';
import { median, point, tempDir } from './helpers';

const dir = tempDir('keyframes');
const video = join(dir, 'phone-gop.mov');
let phone: PoseResult;

beforeAll(async () => {
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-i', SPORTS2D_WALK, '-an', '-c:v', 'libx265', '-preset', 'ultrafast'],
    ...['-crf', '20', '-tag:v', 'hvc1', '-x265-params', 'keyint=30:min-keyint=30:log-level=error', video],
  ]);
  phone = await runPose({ videoPath: video, outDir: join(dir, 'pose') });
}, 300_000);

describe('the person scan on a video with a keyframe every second', () => {
  it('decodes the keyframes only, and samples the frames the original scan samples', async () => {
    const info = await probeVideo(video);
    expect(info.keyFrames).toEqual([0, 30, 60, 90, 120, 150, 180, 210]);
    expect((await probeVideo(SPORTS2D_WALK)).keyFrames!.length).toBeLessThan(5);
    expect(phone.stats!.scanKeyFramesOnly).toBe(true);
    const here = readScannedPeople(join(dir, 'pose'))!;
    const there = readScannedPeople(poseCacheDirFor(SPORTS2D_WALK, demoPoseCache()))!;
    console.log(
      `followed at frames ${here.track!.frames.join(', ')} (original: ${there.track!.frames.join(', ')}); finder calls ${phone.stats!.finderCalls}`,
    );
    expect(here.track!.frames).toEqual(there.track!.frames);
  });

  it('gives the skeleton of the original video', () => {
    const original = readPoseResult(poseCacheDirFor(SPORTS2D_WALK, demoPoseCache())).track;
    const names = BLAZEPOSE_LANDMARKS.slice(landmarkIndex('left_hip'));
    const d: number[] = [];
    for (let f = 60; f <= 190; f++) {
      if (phone.track.confidence[f]! < 0.5 || original.confidence[f]! < 0.5) continue;
      for (const name of names) {
        const p = point(phone.track, f, name);
        const q = point(original, f, name);
        d.push(Math.hypot(p.x - q.x, p.y - q.y));
      }
    }
    console.log(
      `lower limb: ${d.length / names.length} frames, median ${median(d).toFixed(1)} px from the original's`,
    );
    expect(d.length / names.length).toBeGreaterThan(120);
    expect(median(d)).toBeLessThan(6);
  });
});
