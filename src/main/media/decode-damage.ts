// A video file damaged in its middle (a memory card read badly, a copy patched after an error) can
// still decode to its end without a word at ffmpeg's usual log level: the H.264 decoder patches
// what it cannot read from the pictures around it and says so only at the info level
// ("concealing ... errors"), and every frame predicted from a patched one carries the patch on
// until the next keyframe. The Sports2D walk as H.264 with 150 kB of one frame overwritten decoded
// all 230 frames; frames 120-179 showed her twice, a ghost where she had been and herself, and
// the pose on them moved the left knee's minimum in stance from 12.4 to 7.0 deg with nothing said.
// HEVC and VP9 decoders drop what they cannot read instead ("Error while decoding stream").
import { spawn } from 'node:child_process';
import { MediaError } from './media-error';
import type { VideoInfo } from './probe';
import { ffmpegPath } from './run-tool';

/**
 * ffmpeg's log options that let `damageLine` see the decoder's complaints: the info level (where
 * H.264 says it patched a picture), each line tagged with its level so errors can be told apart.
 */
export const DAMAGE_LOG_ARGS = ['-hide_banner', '-nostats', '-loglevel', 'level+info'];

/**
 * The decoder's complaint in one line of ffmpeg's log (written with DAMAGE_LOG_ARGS), without its
 * tags, or undefined when the line is not one: a picture patched ("concealing N DC, N AC, N MV
 * errors"), a packet that gave no picture ("Error while decoding stream"), a frame the decoder
 * flagged corrupt, or any error of the decoder of `codec` (the probe's codec name, which ffmpeg's
 * own decoders log under): a Motion JPEG picture partly unreadable ("error count: 64", "error
 * dc", "overread 8") is shown, part of it garbage.
 */
export function damageLine(line: string, codec?: string): string | undefined {
  const complaint =
    /concealing \d+ DC|Error while decoding stream|corrupt decoded frame/.test(line) ||
    (codec !== undefined && line.startsWith(`[${codec} @ 0x`) && /\] \[(error|fatal)\] /.test(line));
  return complaint ? untagged(line) : undefined;
}

/** A log line without its `[context @ 0x...]` and `[level]` tags. */
export function untagged(line: string): string {
  return line.replace(/^(\[[^\]]* @ 0x[0-9a-f]+\] )?\[(info|warning|error|fatal|verbose)\] /, '').trim();
}

/** An error-level line of a DAMAGE_LOG_ARGS log, untagged (what `-v error` would have printed), or undefined. */
export function errorLine(line: string): string | undefined {
  return /^(\[[^\]]* @ 0x[0-9a-f]+\] )?\[(error|fatal)\] /.test(line) ? untagged(line) : undefined;
}

/** Calls `onLine` with each whole line of a stream of text chunks. */
export function lineReader(onLine: (line: string) => void): (chunk: string) => void {
  let pending = '';
  return (chunk) => {
    const lines = (pending + chunk).split(/\r?\n|\r/);
    pending = lines.pop() ?? '';
    for (const line of lines) if (line) onLine(line);
  };
}

export interface DecodeDamage {
  /**
   * Frames of the video, counted from 0 in the order they are shown, whose picture the decoder
   * patched, predicted from a patched one, or could not give at all: from the damaged frame to the
   * frame before the next keyframe the decoder reads after it.
   */
  frames: number[];
  /**
   * Those of `frames` the decoder gave no picture for (none where the log has no time stamps to
   * tell): decodeFrames, told them, puts a no-picture frame in the place of each.
   */
  lostFrames: number[];
  /** The decoder's first complaint, as ffmpeg words it. */
  message: string;
}

interface Packet {
  pts: number;
  damaged: boolean;
}

const field = (line: string, name: string): number | undefined => {
  const m = new RegExp(`(?:^| )${name}:(-?\\d+)(?: |$)`).exec(line);
  return m ? Number(m[1]) : undefined;
};

/**
 * Which decoded frames `damage` lines came from, given ffmpeg's `-debug_ts` log of a one-thread
 * decode (each packet is read, then decoded, then its complaints are logged, in that order). Pure:
 * the log's lines in, the damage out; undefined when the log holds no complaint.
 */
export function damageFromDebugLog(lines: Iterable<string>, codec?: string): DecodeDamage | undefined {
  const packets: Packet[] = [];
  // Decoded frames in output order: their time stamp and whether they are keyframes.
  const frames: Array<{ pts: number; key: boolean }> = [];
  let message: string | undefined;
  // Frames put out when the damage was logged: the fallback where time stamps are missing.
  const outputAtDamage: number[] = [];
  for (const line of lines) {
    if (/demuxer\+ffmpeg -> .*type:video/.test(line)) {
      const pts = field(line, 'pkt_pts') ?? field(line, 'pkt_dts');
      packets.push({ pts: pts ?? NaN, damaged: false });
    } else if (/decoder -> .*type:video/.test(line)) {
      frames.push({ pts: field(line, 'best_effort_ts') ?? NaN, key: field(line, 'keyframe') === 1 });
    } else {
      const complaint = damageLine(line, codec);
      if (!complaint) continue;
      message ??= complaint;
      const last = packets[packets.length - 1];
      if (last) last.damaged = true;
      outputAtDamage.push(frames.length);
    }
  }
  if (message === undefined) return undefined;
  const indexOfPts = new Map<number, number>();
  frames.forEach((f, i) => {
    if (Number.isFinite(f.pts) && !indexOfPts.has(f.pts)) indexOfPts.set(f.pts, i);
  });
  const keyPts = new Set(frames.filter((f) => f.key).map((f) => f.pts));
  const damaged = new Set<number>();
  const lostPts = new Set<number>();
  const byTime = packets.some((p) => p.damaged) && packets.every((p) => Number.isFinite(p.pts));
  if (byTime) {
    for (let i = 0; i < packets.length; i++) {
      if (!packets[i]!.damaged) continue;
      // The damaged packet, then each packet decoded after it up to the next keyframe.
      for (let j = i; j < packets.length && (j === i || !keyPts.has(packets[j]!.pts)); j++) {
        const f = indexOfPts.get(packets[j]!.pts);
        if (f !== undefined) damaged.add(f);
        else lostPts.add(packets[j]!.pts);
      }
    }
  }
  // Packets and frames that do not share time stamps (a stream written without them): only the
  // order is known, from the frame put out after the complaint to the next keyframe.
  if (damaged.size === 0 && lostPts.size === 0) {
    for (const start of outputAtDamage)
      for (let f = start; f < frames.length && (f === start || !frames[f]!.key); f++) damaged.add(f);
    return { frames: [...damaged].sort((a, b) => a - b), lostFrames: [], message };
  }
  // Numbered as the video's frames, the lost ones among them by their time stamps.
  const lost = [...lostPts].sort((a, b) => a - b);
  const lostBefore = (pts: number) => lost.filter((p) => p < pts).length;
  const shownBefore = (pts: number) => frames.filter((f) => f.pts < pts).length;
  const lostFrames = lost.map((p, k) => k + shownBefore(p));
  const patched = [...damaged].map((i) => i + lostBefore(frames[i]!.pts));
  return { frames: [...patched, ...lostFrames].sort((a, b) => a - b), lostFrames, message };
}

/**
 * Decodes the video once more on one thread with ffmpeg's time-stamp log, to find which frames the
 * decoder's complaints belong to. Run only after a decode complained: it costs a full decode on
 * one core. Undefined when this decode finds no damage.
 */
export async function locateDecodeDamage(
  info: Pick<VideoInfo, 'path' | 'codec'>,
  signal?: AbortSignal,
  onFrames?: (framesDecoded: number) => void,
): Promise<DecodeDamage | undefined> {
  if (signal?.aborted) throw new MediaError('cancelled', 'Cancelled.');
  const args = [
    ...['-nostdin', '-threads', '1', '-debug_ts', ...DAMAGE_LOG_ARGS, '-i', info.path],
    ...['-map', '0:V:0', '-fps_mode', 'passthrough', '-f', 'null', '-'],
  ];
  const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  // Only the lines the reading needs are kept: the log has several lines per frame.
  const kept: string[] = [];
  let decoded = 0;
  const read = lineReader((line) => {
    if (/(demuxer\+ffmpeg|decoder) -> .*type:video/.test(line) || damageLine(line, info.codec))
      kept.push(line);
    if (/decoder -> .*type:video/.test(line) && ++decoded % 30 === 0) onFrames?.(decoded);
  });
  child.stderr.on('data', (b: Buffer) => read(b.toString('utf8')));
  const onAbort = (): void => {
    child.kill('SIGKILL');
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', () => resolve());
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (signal?.aborted) throw new MediaError('cancelled', 'Cancelled.');
  return damageFromDebugLog(kept, info.codec);
}

/**
 * Damaged decoded frames as a pose job counts frames: an interlaced video is read as its fields,
 * two per frame (media/deinterlace.ts); none at or past `frameCount` (a job told to stop early).
 */
export function videoFramesToTrack(
  frames: readonly number[],
  info: Pick<VideoInfo, 'interlaced'>,
  frameCount: number,
): number[] {
  const fields = info.interlaced ? frames.flatMap((f) => [2 * f, 2 * f + 1]) : frames;
  return fields.filter((f) => f < frameCount);
}
