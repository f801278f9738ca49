// Reading ffmpeg's time-stamp log of a one-thread decode for which frames a decoder complaint
// belongs to. Lines as ffmpeg 5.1 writes them with -debug_ts -loglevel level+info (the damaged
// Sports2D walk's log: tests/integration/media/damaged-video.test.ts).
import { describe, expect, it } from 'vitest';
import {
  damageFromDebugLog,
  damageLine,
  errorLine,
  lineReader,
  videoFramesToTrack,
} from '../../../src/main/media/decode-damage';

const TB = 512; // time-base ticks per frame (30 frames/s on a 15360 clock)
const packet = (frame: number | null) =>
  `[info] demuxer+ffmpeg -> ist_index:0 type:video pkt_pts:${frame === null ? 'NOPTS' : frame * TB} pkt_pts_time:${frame === null ? 'NOPTS' : frame / 30} pkt_dts:${frame === null ? 'NOPTS' : frame * TB} off:0 off_time:0`;
const output = (frame: number | null, key = false) =>
  `[info] decoder -> ist_index:0 type:video frame_pts:${frame === null ? 'NOPTS' : frame * TB} frame_pts_time:${frame === null ? 'NOPTS' : frame / 30} best_effort_ts:${frame === null ? 'NOPTS' : frame * TB} best_effort_ts_time:0 keyframe:${key ? 1 : 0} frame_type:1 time_base:1/15360`;
const CONCEAL = '[h264 @ 0x55d0c1a2b3c0] [info] concealing 6517 DC, 6517 AC, 6517 MV errors in P frame';

/**
 * A decode of frames 0-11 with B-frames (decode order I0 P3 B1 B2 P6 B4 B5 I9 B7 B8 P11 B10, each
 * frame put out once the decoder holds the next reference), `complain` after the packet of the
 * frame it names, `lose` giving no picture.
 */
function log(complain: number[], lose: number[] = []): string[] {
  const decodeOrder = [0, 3, 1, 2, 6, 4, 5, 9, 7, 8, 11, 10];
  const lines: string[] = [];
  let shown = 0;
  decodeOrder.forEach((f, i) => {
    lines.push(packet(f));
    if (complain.includes(f)) lines.push(CONCEAL);
    // Put out in display order every frame decoded so far that no later-decoded frame precedes.
    const decoded = new Set(decodeOrder.slice(0, i + 1).filter((d) => !lose.includes(d)));
    const pending = decodeOrder.slice(i + 1).filter((d) => !lose.includes(d));
    while (shown < 12 && (decoded.has(shown) || lose.includes(shown)) && pending.every((d) => d > shown)) {
      if (!lose.includes(shown)) lines.push(output(shown, shown === 0 || shown === 9));
      shown++;
    }
  });
  return lines;
}

describe('damageFromDebugLog', () => {
  it('finds nothing in a clean decode', () => {
    expect(damageFromDebugLog(log([]))).toBeUndefined();
  });

  it('names the patched frame and every frame decoded after it up to the next keyframe', () => {
    // P6 patched: B4 and B5, shown before it but predicted from it, carry the patch; I9 ends it.
    expect(damageFromDebugLog(log([6]))).toEqual({
      frames: [4, 5, 6],
      lostFrames: [],
      message: 'concealing 6517 DC, 6517 AC, 6517 MV errors in P frame',
    });
    // The last group of frames: to the end.
    expect(damageFromDebugLog(log([11]))!.frames).toEqual([10, 11]);
  });

  it('counts a packet that gave no picture as lost', () => {
    const lines = log([], [3]);
    lines.splice(
      lines.indexOf(packet(3)) + 1,
      0,
      '[error] Error while decoding stream #0:0: Invalid data found when processing input',
    );
    const damage = damageFromDebugLog(lines)!;
    // Numbered as the video's frames: the lost P3 is frame 3, the frames shown after it keep theirs.
    expect(damage.lostFrames).toEqual([3]);
    expect(damage.message).toBe('Error while decoding stream #0:0: Invalid data found when processing input');
    // B1, B2, P6, B4 and B5 were decoded after the lost P3, before I9.
    expect(damage.frames).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('without time stamps, flags from the first frame put out after the complaint to the next keyframe', () => {
    const lines = [packet(null), output(null, true), packet(null), packet(null), CONCEAL];
    for (let f = 1; f < 6; f++) lines.push(packet(null), output(null, f === 4));
    const damage = damageFromDebugLog(lines)!;
    // One frame was put out before the complaint: frames 1-3 follow it, frame 4 is a keyframe.
    expect(damage.frames).toEqual([1, 2, 3]);
  });
});

describe('log lines', () => {
  it('tells a complaint from the rest', () => {
    expect(damageLine(CONCEAL)).toBe('concealing 6517 DC, 6517 AC, 6517 MV errors in P frame');
    expect(
      damageLine('[hevc @ 0x55d6676726c0] [error] Invalid NAL unit size (-2060755839 > 2118).'),
    ).toBeUndefined();
    expect(damageLine('[info]   Stream #0:0 -> #0:0 (h264 (native) -> rawvideo (native))')).toBeUndefined();
    // A Motion JPEG picture partly unreadable (a webcam's AVI): shown, partly garbage.
    expect(damageLine('[mjpeg @ 0x556a8b390940] [error] error count: 64', 'mjpeg')).toBe('error count: 64');
    expect(damageLine('[mjpeg @ 0x556a8b390940] [error] overread 8', 'mjpeg')).toBe('overread 8');
    // Errors of other parts of ffmpeg are not the picture's.
    expect(damageLine('[mjpeg @ 0x556a8b390940] [error] error count: 64', 'h264')).toBeUndefined();
    expect(damageLine('[mjpeg @ 0x556a8b390940] [info] something', 'mjpeg')).toBeUndefined();
    // What -v error would have printed: the error lines, untagged.
    expect(errorLine('[hevc @ 0x55d6676726c0] [error] Invalid NAL unit size (-2060755839 > 2118).')).toBe(
      'Invalid NAL unit size (-2060755839 > 2118).',
    );
    expect(errorLine(CONCEAL)).toBeUndefined();
  });

  it('reads whole lines across chunks', () => {
    const lines: string[] = [];
    const read = lineReader((l) => lines.push(l));
    read('[info] a\n[err');
    read('or] b\r\n');
    read('[info] c');
    expect(lines).toEqual(['[info] a', '[error] b']);
  });
});

describe('videoFramesToTrack', () => {
  it('counts an interlaced video in fields, and stops at the frames posed', () => {
    expect(videoFramesToTrack([4, 5], {}, 100)).toEqual([4, 5]);
    expect(videoFramesToTrack([4, 5], { interlaced: 'tff' }, 11)).toEqual([8, 9, 10]);
  });
});
