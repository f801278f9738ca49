// Damaged and wrong inputs must fail with a message a clinician can act on, and a pose job on
// them must never be marked complete. The files are made here with ffmpeg.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { decodeFrames } from '../../../src/main/media/decode-frames';
import { MediaError } from '../../../src/main/media/media-error';
import { probeVideo } from '../../../src/main/media/probe';
import { runPose } from '../../../src/main/pose/run-pose';
import { tempDir } from '../pose/helpers';
import { BUILT_CLI } from '../../helpers/serve-process';

const dir = tempDir('bad-media');
const ffmpeg = (...args: string[]): void => void execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
const files = {
  good: join(dir, 'good.mp4'),
  faststartCut: join(dir, 'cut-faststart.mp4'),
  moovAtEndCut: join(dir, 'cut-moov-at-end.mp4'),
  empty: join(dir, 'empty.mp4'),
  audioOnly: join(dir, 'audio-only.m4a'),
  text: join(dir, 'notes.mp4'),
  textTxt: join(dir, 'notes.txt'),
  textNfo: join(dir, 'walk.nfo'),
  still: join(dir, 'walk-still.png'),
  stillJpeg: join(dir, 'walk-still.jpg'),
  songWithCover: join(dir, 'song-with-cover.mp3'),
  videoWithCover: join(dir, 'walk-with-cover.mp4'),
  rotated: join(dir, 'rotated.mp4'),
};

beforeAll(() => {
  const src = ['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=4'];
  ffmpeg(...src, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-g', '10', files.good);
  ffmpeg(
    ...src,
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    '-g',
    '10',
    '-movflags',
    '+faststart',
    files.faststartCut,
  );
  truncateSync(files.faststartCut, Math.floor(statSync(files.faststartCut).size * 0.5));
  ffmpeg('-i', files.good, '-c', 'copy', files.moovAtEndCut);
  truncateSync(files.moovAtEndCut, Math.floor(statSync(files.moovAtEndCut).size * 0.6));
  writeFileSync(files.empty, '');
  ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=440:duration=2', '-c:a', 'aac', files.audioOnly);
  writeFileSync(files.text, 'Patient notes, not a video.\n'.repeat(100));
  writeFileSync(files.textTxt, 'Patient notes, not a video.\n'.repeat(100));
  writeFileSync(files.textNfo, 'Camera 1: left side, 3 m from the walkway.\n');
  ffmpeg('-i', files.good, '-frames:v', '1', files.still);
  ffmpeg('-i', files.good, '-frames:v', '1', files.stillJpeg);
  // Cover pictures are stored as a video stream marked 'attached picture'.
  ffmpeg(
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=2', '-i', files.stillJpeg],
    ...['-map', '0', '-map', '1', '-c:a', 'libmp3lame', '-c:v', 'copy', '-disposition:v', 'attached_pic'],
    files.songWithCover,
  );
  ffmpeg(
    ...['-i', files.good, '-i', files.still, '-map', '0', '-map', '1', '-c', 'copy'],
    ...['-c:v:1', 'png', '-disposition:v:1', 'attached_pic', files.videoWithCover],
  );
  // A phone held upright: stored landscape, displayed portrait.
  ffmpeg('-i', files.good, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', files.rotated);
});

async function expectPoseFails(video: string, message: RegExp): Promise<void> {
  const outDir = tempDir('bad-pose');
  const err = await runPose({ videoPath: video, outDir }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MediaError);
  expect((err as Error).message).toMatch(message);
  const manifest = join(outDir, 'pose.json');
  if (existsSync(manifest)) expect(JSON.parse(readFileSync(manifest, 'utf8')).status).not.toBe('complete');
}

describe('bad inputs', () => {
  test('zero-length file', async () => {
    await expect(probeVideo(files.empty)).rejects.toMatchObject({ kind: 'empty-file' });
    await expectPoseFails(files.empty, /empty/);
  });

  test('audio-only file', async () => {
    await expect(probeVideo(files.audioOnly)).rejects.toMatchObject({ kind: 'no-video-stream' });
    await expectPoseFails(files.audioOnly, /audio only/);
  });

  test('a text file named .mp4', async () => {
    const err = await probeVideo(files.text).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'not-a-video' });
    expect((err as MediaError).exitCode).not.toBe(0);
    expect((err as MediaError).stderr).toMatch(/Invalid data/);
    await expectPoseFails(files.text, /cannot be read as a video/);
  });

  test('a text file (.txt, .nfo), which ffmpeg would show as a film of its letters', async () => {
    for (const f of [files.textTxt, files.textNfo])
      await expect(probeVideo(f)).rejects.toMatchObject({
        kind: 'not-a-video',
        message: `${f} is a text file, not a video. Record or import a video of the trial.`,
      });
    await expectPoseFails(files.textTxt, /is a text file, not a video/);
    const cli = spawnSync(process.execPath, [BUILT_CLI, 'analyze', files.textTxt], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim().split('\n').at(-1)).toBe(
      `gaitlab analyze: ${files.textTxt} is a text file, not a video. Record or import a video of the trial.`,
    );
  });

  test('a still picture instead of a video', async () => {
    await expect(probeVideo(files.still)).rejects.toMatchObject({ kind: 'not-a-video' });
    await expectPoseFails(files.still, /is a still picture \(PNG\), not a video\. Record or import a video/);
    // The command line says it in one line, without a stack trace.
    const cli = spawnSync(process.execPath, [BUILT_CLI, 'analyze', files.still], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim().split('\n').at(-1)).toBe(
      `gaitlab analyze: ${files.still} is a still picture (PNG), not a video. Record or import a video of the trial.`,
    );
    expect(cli.stderr).not.toMatch(/\n\s+at /);
  });

  test('a JPEG picture is a still picture; Motion JPEG video is not (video formats test)', async () => {
    await expect(probeVideo(files.stillJpeg)).rejects.toMatchObject({ kind: 'not-a-video' });
    await expectPoseFails(files.stillJpeg, /is a still picture \(MJPEG\), not a video/);
  });

  test('a cover picture is not a video: a song with one is audio only, a video with one is its video', async () => {
    await expect(probeVideo(files.songWithCover)).rejects.toMatchObject({ kind: 'no-video-stream' });
    await expectPoseFails(files.songWithCover, /audio only/);
    const info = await probeVideo(files.videoWithCover);
    expect([info.codec, info.frameCount, info.widthPx, info.heightPx]).toEqual(['h264', 100, 320, 240]);
    let frames = 0;
    for await (const f of decodeFrames(info)) {
      expect(f.rgb.length).toBe(320 * 240 * 3);
      frames++;
    }
    expect(frames).toBe(100);
  });

  test('truncated mp4 whose index was at the end (index lost)', async () => {
    await expect(probeVideo(files.moovAtEndCut)).rejects.toMatchObject({ kind: 'not-a-video' });
    await expectPoseFails(files.moovAtEndCut, /damaged, truncated or not a video/);
  });

  test('truncated mp4 with its index first (frames lost)', async () => {
    await expect(probeVideo(files.faststartCut)).rejects.toMatchObject({ kind: 'truncated' });
    await expectPoseFails(files.faststartCut, /truncated or damaged: it declares 100 frames but holds \d+/);
    // The decoder checks too, for containers that declare no frame count.
    const info = { ...(await probeVideo(files.good)), path: files.faststartCut };
    const decode = async (): Promise<void> => {
      for await (const _ of decodeFrames(info));
    };
    await expect(decode()).rejects.toMatchObject({ kind: 'truncated' });
  });

  test('rotation metadata: frames come out the way the video is displayed', async () => {
    const info = await probeVideo(files.rotated);
    expect(info.rotationDeg).toBe(90);
    expect([info.widthPx, info.heightPx]).toEqual([240, 320]);
    for await (const f of decodeFrames(info)) {
      expect(f.rgb.length).toBe(240 * 320 * 3);
      break;
    }
  });

  test('cancelling a decode kills ffmpeg and reports cancellation', async () => {
    const info = await probeVideo(files.good);
    const abort = new AbortController();
    let n = 0;
    const run = async (): Promise<void> => {
      for await (const _ of decodeFrames(info, { signal: abort.signal })) {
        if (++n === 3) abort.abort();
      }
    };
    await expect(run()).rejects.toMatchObject({ kind: 'cancelled' });
    expect(n).toBe(3);
  });
});
