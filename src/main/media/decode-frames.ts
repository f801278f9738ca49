// Streams decoded frames as packed RGB24 from an ffmpeg child through a pipe. ffmpeg applies the
// rotation metadata, so frames arrive the way the user sees the video (an HDR video tone-mapped, as
// a phone shows it: media/tone-map.ts). Cancelling kills the child.
import { spawn } from 'node:child_process';
import { DAMAGE_LOG_ARGS, damageLine, errorLine, lineReader } from './decode-damage';
import { withDeinterlace } from './deinterlace';
import { MediaError } from './media-error';
import { withToneMap } from './tone-map';
import type { VideoInfo } from './probe';
import { appendTail, ffmpegPath, lastLine } from './run-tool';

export interface DecodedFrame {
  index: number;
  timeS: number;
  /** widthPx * heightPx * 3 bytes, row-major RGB. */
  rgb: Uint8Array;
}

export interface DecodeOptions {
  /** Frames before this index are decoded and dropped (accurate, no seeking). */
  startFrame?: number;
  signal?: AbortSignal;
  /** Reuses frame buffers handed back by the consumer instead of allocating (page faults cost ~25 %). */
  takeBuffer?: (bytes: number) => Uint8Array | undefined;
  /** Most frames decoded ahead of the consumer. */
  queueFrames?: number;
  /**
   * ffmpeg -vf graph applied after auto-rotation (and deinterlacing, for an interlaced video) and
   * before the tone mapping of an HDR video; the caller sets the output size in `info`.
   */
  videoFilter?: string;
  /** ffmpeg options for the input, before `-i` (e.g. `-skip_frame nokey`). */
  inputOptions?: string[];
  /**
   * Called with the decoder's complaint each time it patches a picture it could not read or drops
   * a packet (media/decode-damage.ts); decoding goes on.
   */
  onDamage?: (message: string) => void;
  /**
   * Frames of a damaged video its decoder gives no picture for (media/decode-damage.ts): a black
   * frame is put in the place of each, so the frames after them keep their numbers.
   */
  lostFrames?: ReadonlySet<number>;
  /** A decode the decoder's complaints leave short ends without an error (the person scan's samples). */
  shortIfDamaged?: boolean;
}

export async function* decodeFrames(
  info: VideoInfo,
  options: DecodeOptions = {},
): AsyncGenerator<DecodedFrame> {
  const { signal, startFrame = 0, queueFrames = 4 } = options;
  if (signal?.aborted) throw new MediaError('cancelled', 'Cancelled.');
  const frameBytes = info.widthPx * info.heightPx * 3;
  const args = [
    ...['-nostdin', ...DAMAGE_LOG_ARGS, ...(options.inputOptions ?? []), '-i', info.path],
    ...['-map', '0:V:0', '-fps_mode', 'passthrough'],
  ];
  // Anamorphic video is stretched to the size shown unless the caller's filter sets a size.
  const sized =
    options.videoFilter ?? (info.storedPixelAspect ? `scale=${info.widthPx}:${info.heightPx}` : undefined);
  const filter = withToneMap(info.hdr, withDeinterlace(info.interlaced, sized));
  if (filter) args.push('-vf', filter);
  args.push('-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1');
  const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });

  const ready: Uint8Array[] = [];
  let current: Uint8Array | undefined;
  let filled = 0;
  let stderr = '';
  let exit: { code: number | null } | undefined;
  let spawnError: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const onAbort = (): void => {
    child.kill('SIGKILL');
    notify();
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  child.stdout.on('data', (chunk: Buffer) => {
    let offset = 0;
    while (offset < chunk.length) {
      current ??= options.takeBuffer?.(frameBytes) ?? new Uint8Array(frameBytes);
      const n = Math.min(frameBytes - filled, chunk.length - offset);
      current.set(chunk.subarray(offset, offset + n), filled);
      filled += n;
      offset += n;
      if (filled === frameBytes) {
        ready.push(current);
        current = undefined;
        filled = 0;
      }
    }
    if (ready.length >= queueFrames) child.stdout.pause();
    notify();
  });
  // The log is read at the info level for the decoder's complaints; its errors alone are kept, as
  // `-v error` would print them, for the messages below.
  let damage: string | undefined;
  const readLog = lineReader((line) => {
    const complaint = damageLine(line, info.codec);
    if (complaint) {
      damage ??= complaint;
      options.onDamage?.(complaint);
    }
    const error = errorLine(line);
    if (error) stderr = appendTail(stderr, `${error}\n`);
  });
  child.stderr.on('data', (b: Buffer) => readLog(b.toString('utf8')));
  child.on('error', (err: NodeJS.ErrnoException) => {
    spawnError =
      err.code === 'ENOENT'
        ? new MediaError('ffmpeg-missing', 'ffmpeg was not found. Install ffmpeg to analyse videos.')
        : err;
    notify();
  });
  child.on('close', (code) => {
    exit = { code };
    notify();
  });

  let index = 0;
  const lost = options.lostFrames;
  const noPicture = (): Uint8Array =>
    (options.takeBuffer?.(frameBytes) ?? new Uint8Array(frameBytes)).fill(0);
  try {
    for (;;) {
      if (signal?.aborted) throw new MediaError('cancelled', 'Cancelled.', { stderr });
      if (spawnError) throw spawnError;
      if (lost?.has(index)) {
        const i = index++;
        if (i >= startFrame) yield { index: i, timeS: info.frameTimesS[i] ?? i / info.fps, rgb: noPicture() };
        continue;
      }
      const rgb = ready.shift();
      if (rgb) {
        if (ready.length < queueFrames) child.stdout.resume();
        const i = index++;
        if (i >= startFrame) yield { index: i, timeS: info.frameTimesS[i] ?? i / info.fps, rgb };
        continue;
      }
      if (exit) break;
      await new Promise<void>((r) => (wake = r));
    }
    if (exit.code !== 0) {
      throw new MediaError(
        'ffmpeg-failed',
        `Decoding ${info.path} failed (ffmpeg exit code ${exit.code}): ${lastLine(stderr)}`,
        {
          exitCode: exit.code,
          stderr,
        },
      );
    }
    // A damaged file can decode "successfully" with fewer frames than it declares.
    if ((index < info.frameCount || filled !== 0) && damage && options.shortIfDamaged) return;
    if ((index < info.frameCount || filled !== 0) && damage)
      throw new MediaError(
        'truncated',
        `${info.path} is damaged: parts of its video cannot be decoded (ffmpeg: "${damage}"). Copy the video again from the camera or phone, or export it again.`,
        { exitCode: exit.code, stderr },
      );
    if (index < info.frameCount || filled !== 0) {
      throw new MediaError(
        'truncated',
        `${info.path} is truncated or damaged: decoded ${index} of ${info.frameCount} frames.${stderr ? ' ' + lastLine(stderr) : ''}`,
        { exitCode: exit.code, stderr },
      );
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!exit) child.kill('SIGKILL');
  }
}
