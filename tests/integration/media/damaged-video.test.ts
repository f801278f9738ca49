// A video file damaged in its middle: a memory card read badly, a copy patched after an error. The
// Sports2D walk as a phone stores it (H.264, a keyframe every 2 s), with part of the keyframe at
// 4 s overwritten: ffmpeg decodes all 230 frames without an error, its decoder patching the lost
// part from the frames around and saying so only at the info level, and the 59 frames predicted
// from that keyframe carry the patch on (her ghost where she was, and herself). Posed and analysed
// as they were, the left knee's minimum in stance read 7.0 +- 5.2 deg against 12.4 +- 1.5 in the
// undamaged file, with nothing said. An HEVC or VP9 decoder drops what it cannot read instead.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { poseCommand } from '../../../src/main/cli/commands/pose';
import { locateDecodeDamage } from '../../../src/main/media/decode-damage';
import { decodeFrames } from '../../../src/main/media/decode-frames';
import { probeVideo } from '../../../src/main/media/probe';
import { readPoseManifest, readPoseResult } from '../../../src/main/pose/pose-result';
import { analyseVideoFile, poseCacheDirFor } from '../../../src/main/services/video-analysis';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { fakeIo } from '../../helpers/fake-io';
import { SPORTS2D_WALK } from '../../helpers/video-variant';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-damaged-'));
const cacheDir = join(work, 'cache');
const KEY_EVERY = 60;
const DAMAGED_KEY = 120;

/** The frame `n`'s packet: byte position and size in the file. */
function packetOf(video: string, n: number): { pos: number; size: number } {
  const rows = execFileSync(
    'ffprobe',
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-show_entries',
      'packet=pts,pos,size',
      '-of',
      'csv=p=0',
      video,
    ],
    { encoding: 'utf8' },
  )
    .trim()
    .split('\n')
    .map((r) => r.split(',').map(Number) as [number, number, number])
    .sort((a, b) => a[0] - b[0]);
  const [, size, pos] = rows[n]!;
  return { pos, size };
}

/** `video` with bytes from `from` overwritten by `count` pseudo-random ones, as `out`. */
function overwritten(video: string, out: string, from: number, count: number): string {
  const bytes = readFileSync(video);
  let x = 12345;
  for (let i = from; i < from + count; i++) {
    x = (1103515245 * x + 12345) % 2 ** 31;
    bytes[i] = x >> 16;
  }
  writeFileSync(out, bytes);
  return out;
}

/** Each decoded frame's MD5, in order. */
function frameHashes(video: string): string[] {
  return execFileSync('ffmpeg', ['-v', 'error', '-i', video, '-map', '0:v:0', '-f', 'framemd5', '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  })
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(',').pop()!.trim());
}

const ffmpeg = (...args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
let clean = '';
let damaged = '';
let truthFrames: number[] = [];
let view: TrialAnalysisView;

beforeAll(async () => {
  clean = join(work, 'walk.mp4');
  ffmpeg(
    ...['-i', SPORTS2D_WALK, '-an', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20'],
    ...['-g', String(KEY_EVERY), '-keyint_min', String(KEY_EVERY), '-sc_threshold', '0', clean],
  );
  const key = packetOf(clean, DAMAGED_KEY);
  damaged = overwritten(
    clean,
    join(work, 'walk-damaged.mp4'),
    key.pos + Math.round(key.size * 0.3),
    Math.round(key.size * 0.4),
  );
  const [a, b] = [frameHashes(clean), frameHashes(damaged)];
  truthFrames = a.flatMap((h, i) => (h !== b[i] ? [i] : []));
  view = (await analyseVideoFile(damaged, { heightM: 1.65, cacheDir })).view;
}, 300_000);

describe('an H.264 video whose keyframe at 4 s is damaged', () => {
  it('decodes with no error at the usual log level, its frames from 4 s to the next keyframe patched', () => {
    console.log(
      `frames that differ from the undamaged file's: ${truthFrames[0]}-${truthFrames[truthFrames.length - 1]} (${truthFrames.length})`,
    );
    expect(truthFrames[0]).toBe(DAMAGED_KEY);
    expect(truthFrames.length).toBeGreaterThan(KEY_EVERY / 2);
    expect(
      execFileSync('ffmpeg', ['-v', 'error', '-i', damaged, '-f', 'null', '-'], { encoding: 'utf8' }),
    ).toBe('');
  });

  it('has its patched frames found: those that differ, and none before the damage or after the next keyframe', async () => {
    expect(await locateDecodeDamage(await probeVideo(clean))).toBeUndefined();
    const damage = (await locateDecodeDamage(await probeVideo(damaged)))!;
    console.log(
      `located: frames ${damage.frames[0]}-${damage.frames[damage.frames.length - 1]}, "${damage.message}"`,
    );
    expect(damage.message).toMatch(/^concealing \d+ DC, \d+ AC, \d+ MV errors in I frame$/);
    expect(damage.lostFrames).toEqual([]);
    for (const f of truthFrames) expect(damage.frames).toContain(f);
    for (const f of damage.frames) {
      expect(f).toBeGreaterThanOrEqual(DAMAGED_KEY);
      expect(f).toBeLessThan(DAMAGED_KEY + KEY_EVERY);
    }
  });

  it('is analysed without those frames, and says why', () => {
    expect(view.status, view.message).toBe('analysed');
    const note = view.warnings.find((w) => w.startsWith('The video file is damaged'));
    console.log(note);
    expect(note).toMatch(
      /^The video file is damaged at frames 120-179 \(4\.00-5\.97 s\): its decoder could not read them whole, and patched their pictures from the frames around them or gave none \(ffmpeg: "concealing \d+ DC, \d+ AC, \d+ MV errors in I frame"\), so the landmarks there stand on a damaged picture or on none\. They are not used/,
    );
    for (const f of truthFrames) expect(view.lowConfidenceFrames).toContain(f);
    // No cycle measured across the damaged pictures.
    for (const c of view.cycles.filter((c) => !c.excluded))
      expect(c.endFrame < DAMAGED_KEY || c.startFrame > truthFrames[truthFrames.length - 1]!).toBe(true);
    const used = (side: string) => view.cycles.filter((c) => c.side === side && !c.excluded).length;
    console.log(
      `cycles used: left ${used('left')}, right ${used('right')} (the walk after 6 s is too short for one)`,
    );
    expect(used('left') + used('right')).toBeGreaterThanOrEqual(1);
  });

  it('is flagged by gaitlab pose too: its line and its JSON', async () => {
    const { out, io } = fakeIo();
    const json = join(work, 'walk-damaged.json');
    const args = [damaged, '--out', json, '--work-dir', poseCacheDirFor(damaged, cacheDir)];
    expect(await poseCommand.run(args, { labDir: work, io })).toBe(0);
    const line = out.find((l) => l.includes('where the video file is damaged'));
    console.log(line);
    expect(line).toMatch(
      /^60 frames where the video file is damaged and its decoder patched the picture or gave none \(frames 120-179; ffmpeg: "concealing/,
    );
    const written = JSON.parse(readFileSync(json, 'utf8')) as {
      damaged_picture_frames: number[];
      decoder_message: string;
    };
    expect(written.damaged_picture_frames).toEqual(
      readPoseManifest(poseCacheDirFor(damaged, cacheDir))!.damagedFrames!.frames,
    );
  });
});

describe("a webcam's Motion JPEG AVI with one picture partly overwritten", () => {
  it('has that picture found, and only it (each picture stands alone)', async () => {
    const mjpeg = join(work, 'webcam.avi');
    ffmpeg(
      ...['-i', SPORTS2D_WALK, '-t', '4', '-an', '-vf', 'scale=640:-2', '-c:v', 'mjpeg', '-q:v', '5', mjpeg],
    );
    // Zeros in the middle of its coded data: the picture is shown, its lower part garbage.
    const frame = packetOf(mjpeg, 60);
    const bytes = readFileSync(mjpeg);
    const from = frame.pos + Math.round(frame.size * 0.4);
    bytes.fill(0, from, from + 64);
    const broken = join(work, 'webcam-damaged.avi');
    writeFileSync(broken, bytes);
    const [a, b] = [frameHashes(mjpeg), frameHashes(broken)];
    expect(a.flatMap((h, i) => (h !== b[i] ? [i] : []))).toEqual([60]);
    const damage = (await locateDecodeDamage(await probeVideo(broken)))!;
    console.log(`located: frames ${damage.frames.join(', ')}, "${damage.message}"`);
    expect(damage.frames).toEqual([60]);
    expect(damage.message).toMatch(/^error /);
  });
});

/** The time stamps (stream ticks) of `video`'s packets, or of the pictures its decoder gives. */
function timeStamps(video: string, of: 'packet' | 'frame'): number[] {
  return execFileSync(
    'ffprobe',
    ['-v', 'quiet', '-select_streams', 'v:0', '-show_entries', `${of}=pts`, '-of', 'csv=p=0', video],
    { encoding: 'utf8' },
  )
    .split('\n')
    .filter((l) => /^\d+/.test(l))
    .map((l) => Number(l.split(',')[0]));
}

describe('an HEVC video with a packet its decoder gives no picture for', () => {
  let hevc = '';
  let broken = '';
  let lostTruth: number[] = [];
  beforeAll(() => {
    hevc = join(work, 'walk-hevc.mp4');
    ffmpeg(
      ...['-i', SPORTS2D_WALK, '-an', '-vf', 'scale=884:-2'],
      ...[
        '-c:v',
        'libx265',
        '-preset',
        'ultrafast',
        '-x265-params',
        'log-level=error:keyint=30',
        '-tag:v',
        'hvc1',
        hevc,
      ],
    );
    // Its length field overwritten, the packet of frame 45 cannot be split into its parts.
    broken = overwritten(hevc, join(work, 'walk-hevc-damaged.mp4'), packetOf(hevc, 45).pos, 4);
    // The frames no picture of the decoder has the time of.
    const shown = new Set(timeStamps(broken, 'frame'));
    lostTruth = timeStamps(broken, 'packet')
      .sort((a, b) => a - b)
      .flatMap((t, i) => (shown.has(t) ? [] : [i]));
  }, 120_000);

  it("has those frames found by the search, numbered as the video's", async () => {
    // Decoded with a no-picture frame in the place of each, every frame after them is the frame of
    // the same number in the undamaged file (the next keyframe is at 60).
    const frame100 = async (video: string, lostFrames?: ReadonlySet<number>) => {
      for await (const f of decodeFrames(await probeVideo(video), lostFrames ? { lostFrames } : {}))
        if (f.index === 100) return f.rgb.slice();
      return undefined;
    };
    expect(await frame100(broken, new Set(lostTruth))).toEqual(await frame100(hevc));
    console.log(`frames with no picture: ${lostTruth.join(', ')}`);
    expect(lostTruth).toContain(45);
    const damage = (await locateDecodeDamage(await probeVideo(broken)))!;
    expect(damage.lostFrames).toEqual(lostTruth);
    for (const f of lostTruth) expect(damage.frames).toContain(f);
  });

  it('is posed around them (no landmarks there, the frames after them at their own numbers) and analysed without them, saying so', async () => {
    const { view } = await analyseVideoFile(broken, { heightM: 1.65, cacheDir });
    const dir = poseCacheDirFor(broken, cacheDir);
    const manifest = readPoseManifest(dir)!;
    expect(manifest.status).toBe('complete');
    expect(manifest.frames).toBe(230);
    for (const f of lostTruth) expect(manifest.damagedFrames!.frames).toContain(f);
    const track = readPoseResult(dir).track;
    for (const f of lostTruth) expect(Number.isFinite(track.xPx[f * 33 + 23]!)).toBe(false);
    expect(view.status, view.message).toBe('analysed');
    const note = view.warnings.find((w) => w.startsWith('The video file is damaged at frames'));
    console.log(note);
    expect(note).toContain('Invalid NAL unit size');
    const damaged = manifest.damagedFrames!.frames;
    const [first, last] = [damaged[0]!, damaged[damaged.length - 1]!];
    for (const c of view.cycles.filter((c) => !c.excluded))
      expect(c.endFrame < first || c.startFrame > last).toBe(true);
    console.log(`damaged ${first}-${last}; cycles used: ${view.cycles.filter((c) => !c.excluded).length}`);
  });
});
