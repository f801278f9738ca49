// A video trimmed without re-encoding (a phone's or QuickTime's "Trim", LosslessCut, ffmpeg -c copy)
// starts between keyframes: the file keeps the frames from the keyframe before the cut, so the
// decoder can rebuild the first shown one, and an edit list tells players to hide them. Those
// frames are not part of the video: GaitLab shows, times and poses only what players show.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { validateVideoFile } from '../../../src/main/capture/import-video';
import { decodeFrames } from '../../../src/main/media/decode-frames';
import { probeVideo } from '../../../src/main/media/probe';
import { runPose } from '../../../src/main/pose/run-pose';
import { BLAZEPOSE_LANDMARKS, landmarkIndex } from '../../../src/shared/landmarks';
import { dataFile, median, point, tempDir } from '../pose/helpers';

const dir = tempDir('trimmed');
const ffmpeg = (...args: string[]): void => void execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
const source = join(dir, 'walk.mp4');
const trimmed = join(dir, 'walk-trimmed.mp4');
const trimmedBothEnds = join(dir, 'walk-trimmed-both-ends.mp4');
const FPS = 30;
const LOWER_LIMB = BLAZEPOSE_LANDMARKS.slice(landmarkIndex('left_hip'));

/** Every decoded frame's pixels, in order. */
async function frames(path: string): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const f of decodeFrames(await probeVideo(path))) out.push(f.rgb.slice());
  return out;
}

/** Packets the file marks as hidden by its edit list (ffprobe's 'D' flag). */
function hiddenPackets(path: string): number {
  const csv = execFileSync(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'V:0', '-show_entries', 'packet=flags', '-of', 'csv=p=0', path],
    { encoding: 'utf8' },
  );
  return csv.split('\n').filter((l) => l.includes('D')).length;
}

beforeAll(() => {
  // 1.5 s of the walk, a keyframe every second and B-frames, as phones encode.
  ffmpeg(
    ...['-ss', '2.5', '-t', '1.5', '-i', dataFile('sports2d_demo_sideview_walk/demo.mp4'), '-an'],
    ...['-vf', 'scale=1280:720', '-c:v', 'libx264', '-crf', '18', '-g', String(FPS), '-bf', '2', source],
  );
  ffmpeg('-ss', '0.55', '-i', source, '-c', 'copy', trimmed);
  ffmpeg('-ss', '0.55', '-t', '0.5', '-i', source, '-c', 'copy', trimmedBothEnds);
});

describe('a video trimmed without re-encoding', () => {
  test('is the frames players show: counted, timed and decoded from the cut on', async () => {
    expect(hiddenPackets(trimmed)).toBeGreaterThan(10);
    const all = await frames(source);
    for (const path of [trimmed, trimmedBothEnds]) {
      const info = await probeVideo(path);
      const shown = await frames(path);
      expect(shown).toHaveLength(info.frameCount);
      expect(info.frameTimesS[0]).toBe(0);
      for (let i = 1; i < info.frameCount; i++)
        expect(info.frameTimesS[i]! - info.frameTimesS[i - 1]!).toBeCloseTo(1 / FPS, 4);
      // Its first frame is the source's frame at the cut, pixel for pixel, and so on after it.
      const first = all.findIndex((f) => Buffer.compare(f, shown[0]!) === 0);
      expect(first / FPS).toBeCloseTo(0.55, 1);
      shown.forEach((f, i) => expect(Buffer.compare(f, all[first + i]!)).toBe(0));
      console.log(
        `${path.split('/').pop()}: ${info.frameCount} frames shown (${hiddenPackets(path)} hidden by its edit list), the first = the source's frame ${first}`,
      );
    }
    expect((await probeVideo(trimmedBothEnds)).frameCount).toBeLessThan(
      (await probeVideo(trimmed)).frameCount,
    );
  });

  test('imports, and poses as the same frames of the untrimmed video', async () => {
    const info = await validateVideoFile(trimmed, 'walk-trimmed.mp4');
    expect(info.frameCount).toBe(28);
    const [whole, cut] = await Promise.all(
      [source, trimmed].map((videoPath) =>
        runPose({ videoPath, outDir: join(dir, `pose-${videoPath.split('/').pop()}`) }),
      ),
    );
    const offset = whole!.track.frameCount - cut!.track.frameCount;
    const d: number[] = [];
    for (let f = 0; f < cut!.track.frameCount; f++)
      for (const n of LOWER_LIMB) {
        const a = point(cut!.track, f, n);
        const b = point(whole!.track, f + offset, n);
        d.push(Math.hypot(a.x - b.x, a.y - b.y));
      }
    console.log(
      `trimmed vs whole, lower limb: median ${median(d).toFixed(1)} px over ${cut!.track.frameCount} frames`,
    );
    expect(median(d)).toBeLessThan(3);
  });
});
