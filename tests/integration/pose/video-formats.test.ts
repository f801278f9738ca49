// The pose engine takes any video ffmpeg reads: the same 1.5 s of the Sports2D walk as H.264 in
// MP4 (the reference), HEVC in QuickTime .mov, VP9 in WebM, MPEG-4 part 2 and Motion JPEG in AVI, an H.264 MP4
// stored sideways with rotation metadata (as phones record portrait), and an anamorphic H.264 MP4
// (pixels stored narrower than shown, as HDV and DV camcorders record) must give the same skeleton
// on the walker, in the pixels of the picture as shown, within what re-encoding changes. A 4K H.264 MP4 (phones record
// 2160p) is decoded at 1920 px for the landmark crops and must still give that skeleton, in 4K pixels.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runPose } from '../../../src/main/pose/run-pose';
import type { PoseManifest, PoseTrack } from '../../../src/main/pose/pose-result';
import { BLAZEPOSE_LANDMARKS, landmarkIndex } from '../../../src/shared/landmarks';
import { dataFile, median, point, tempDir } from './helpers';

const dir = tempDir('formats');
const source = dataFile('sports2d_demo_sideview_walk/demo.mp4');
const clip = (name: string) => join(dir, name);
const ffmpeg = (...args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
// She walks in the open from ~2 s to ~6 s; 1.5 s of it at 720p keeps the test short.
const CUT = ['-ss', '2.5', '-t', '1.5', '-i', source, '-an', '-vf', 'scale=1280:720'];
// Hips, knees, ankles, heels and toes: the model's last ten landmarks.
const LOWER_LIMB = BLAZEPOSE_LANDMARKS.slice(landmarkIndex('left_hip'));

const variants: Record<string, () => void> = {
  'hevc.mov': () =>
    ffmpeg(
      ...CUT,
      '-c:v',
      'libx265',
      '-crf',
      '20',
      '-tag:v',
      'hvc1',
      '-x265-params',
      'log-level=error',
      clip('hevc.mov'),
    ),
  'vp9.webm': () =>
    ffmpeg(
      ...CUT,
      '-c:v',
      'libvpx-vp9',
      '-crf',
      '28',
      '-b:v',
      '0',
      '-deadline',
      'realtime',
      '-cpu-used',
      '8',
      clip('vp9.webm'),
    ),
  'mpeg4.avi': () => ffmpeg(...CUT, '-c:v', 'mpeg4', '-q:v', '2', clip('mpeg4.avi')),
  // Motion JPEG, as USB webcams and many compact cameras record: every frame a JPEG picture.
  'mjpeg.avi': () => ffmpeg(...CUT, '-c:v', 'mjpeg', '-q:v', '3', clip('mjpeg.avi')),
  // Pixels stored turned a quarter clockwise, with a display rotation of 90 degrees (ffprobe's
  // sign: anticlockwise) that players apply to show them upright.
  'rotated.mp4': () => {
    ffmpeg(
      ...CUT.slice(0, -2),
      '-vf',
      'scale=1280:720,transpose=1',
      '-c:v',
      'libx264',
      '-crf',
      '18',
      clip('sideways.mp4'),
    );
    ffmpeg('-i', clip('sideways.mp4'), '-c', 'copy', '-metadata:s:v:0', 'rotate=90', clip('rotated.mp4'));
  },
  // Anamorphic, as HDV (1440x1080 shown 16:9) and DV camcorders record: 960x720 stored pixels,
  // each shown 4/3 as wide as high, so players show 1280x720.
  'anamorphic.mp4': () =>
    ffmpeg(
      ...CUT.slice(0, -2),
      '-vf',
      'scale=960:720,setsar=4/3',
      '-c:v',
      'libx264',
      '-crf',
      '18',
      clip('anamorphic.mp4'),
    ),
};
// The same 1.5 s at 3840x2160: three times the reference's pixels.
const UHD_SCALE = 3;
const UHD = '4k.mp4';

const tracks = new Map<string, PoseTrack>();
const manifests = new Map<string, PoseManifest>();

beforeAll(async () => {
  ffmpeg(...CUT, '-c:v', 'libx264', '-crf', '18', '-pix_fmt', 'yuv420p', clip('reference.mp4'));
  for (const make of Object.values(variants)) make();
  ffmpeg(
    ...CUT.slice(0, -2),
    '-vf',
    'scale=3840:2160',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-crf',
    '18',
    '-pix_fmt',
    'yuv420p',
    clip(UHD),
  );
  for (const name of ['reference.mp4', ...Object.keys(variants), UHD]) {
    const r = await runPose({ videoPath: clip(name), outDir: join(dir, `pose-${name}`) });
    tracks.set(name, r.track);
    manifests.set(name, r.manifest);
  }
}, 300_000);

/** Lower-limb distances to the reference's skeleton, in the reference's pixels (t's divided by scale). */
function againstReference(name: string, scale = 1): { frames: number; median: number; max: number } {
  const ref = tracks.get('reference.mp4')!;
  const t = tracks.get(name)!;
  expect(t.frameCount).toBe(ref.frameCount);
  const d: number[] = [];
  let frames = 0;
  for (let f = 0; f < ref.frameCount; f++) {
    if (!(ref.confidence[f]! >= 0.5 && t.confidence[f]! >= 0.5)) continue;
    frames++;
    for (const n of LOWER_LIMB) {
      const a = point(ref, f, n);
      const b = point(t, f, n);
      d.push(Math.hypot(a.x - b.x / scale, a.y - b.y / scale));
    }
  }
  const r = { frames, median: median(d), max: Math.max(...d) };
  console.log(
    `${name}: ${frames} of ${ref.frameCount} frames with the walker in both, lower-limb median ${r.median.toFixed(1)} px, max ${r.max.toFixed(1)} px (reference pixels)`,
  );
  return r;
}

describe('video formats', () => {
  test.each(Object.keys(variants))('%s gives the skeleton of the H.264 MP4 (median within 6 px)', (name) => {
    const t = tracks.get(name)!;
    expect([t.widthPx, t.heightPx]).toEqual([1280, 720]);
    const r = againstReference(name);
    expect(r.frames).toBeGreaterThan(0.8 * t.frameCount);
    expect(r.median).toBeLessThanOrEqual(6);
  });

  test('a 4K video is cropped from frames decoded at 1920 px and gives that skeleton in 4K pixels', () => {
    const t = tracks.get(UHD)!;
    expect([t.widthPx, t.heightPx]).toEqual([3840, 2160]);
    expect(manifests.get(UHD)!.settings.decodeLongSidePx).toBe(1920);
    expect(manifests.get('reference.mp4')!.settings.decodeLongSidePx).toBeUndefined();
    const r = againstReference(UHD, UHD_SCALE);
    expect(r.frames).toBeGreaterThan(0.8 * t.frameCount);
    expect(r.median).toBeLessThanOrEqual(6);
  });
});
