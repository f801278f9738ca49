// Runs ffmpeg/ffprobe to completion, collecting stdout; an AbortSignal kills the child.
import { spawn } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import { MediaError } from './media-error';

/** Keep only the end of stderr: ffmpeg repeats itself and the last lines carry the cause. */
export const STDERR_TAIL_CHARS = 4000;

export function ffmpegPath(): string {
  return process.env.GAITLAB_FFMPEG ?? 'ffmpeg';
}
export function ffprobePath(): string {
  return process.env.GAITLAB_FFPROBE ?? 'ffprobe';
}

export function appendTail(tail: string, chunk: string): string {
  const next = tail + chunk;
  return next.length > STDERR_TAIL_CHARS ? next.slice(next.length - STDERR_TAIL_CHARS) : next;
}

export interface ToolOutput {
  stdout: string;
  stderr: string;
}

/** `onStdout` sees stdout as it comes (ffmpeg's `-progress pipe:1` lines, for a progress bar). */
export async function runTool(
  command: string,
  args: string[],
  signal?: AbortSignal,
  onStdout?: (text: string) => void,
): Promise<ToolOutput> {
  const { stdout, stderr } = await runToolBinary(command, args, signal, onStdout);
  return { stdout: stdout.toString('utf8'), stderr };
}

/** Like runTool, but keeps stdout as bytes: raw PCM and raw frames are not text. */
export function runToolBinary(
  command: string,
  args: string[],
  signal?: AbortSignal,
  onStdout?: (text: string) => void,
): Promise<{ stdout: Buffer; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    if (signal?.aborted) return reject(new MediaError('cancelled', 'Cancelled.'));
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    const onAbort = (): void => {
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (b: Buffer) => {
      out.push(b);
      onStdout?.(b.toString('utf8'));
    });
    child.stderr.on('data', (b: Buffer) => (stderr = appendTail(stderr, b.toString('utf8'))));
    child.on('error', (err: NodeJS.ErrnoException) => {
      signal?.removeEventListener('abort', onAbort);
      if (err.code === 'ENOENT') {
        reject(
          new MediaError(
            'ffmpeg-missing',
            `${command} was not found. Install ffmpeg (it provides ${command}).`,
          ),
        );
      } else reject(err);
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted)
        return reject(new MediaError('cancelled', 'Cancelled.', { exitCode: code, stderr }));
      if (code !== 0) {
        return reject(
          new MediaError('ffmpeg-failed', `${command} failed (exit code ${code}): ${lastLine(stderr)}`, {
            exitCode: code,
            stderr,
          }),
        );
      }
      resolvePromise({ stdout: Buffer.concat(out), stderr });
    });
  });
}

export function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return (lines[lines.length - 1] ?? '').trim();
}

/**
 * Runs ffmpeg (quiet, overwriting) with `args` writing to `partialPath`, renamed to `outputPath`
 * only when ffmpeg succeeds: a failed or cancelled run leaves no half-written file under the real
 * name, and no partial one.
 */
export async function ffmpegToFile(
  args: string[],
  outputPath: string,
  partialPath: string,
  signal?: AbortSignal,
  onStdout?: (text: string) => void,
): Promise<void> {
  try {
    await runTool(ffmpegPath(), ['-nostdin', '-v', 'error', '-y', ...args, partialPath], signal, onStdout);
    await rename(partialPath, outputPath);
  } catch (err) {
    await rm(partialPath, { force: true });
    throw err;
  }
}

/** A stdout reader for ffmpeg's `-progress pipe:1`: calls `onFrames` with the frames written so far. */
export function framesWrittenReader(onFrames?: (framesDone: number) => void): (text: string) => void {
  let pending = '';
  return (text) => {
    const lines = (pending + text).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^frame=(\d+)/.exec(line);
      if (m) onFrames?.(Number(m[1]));
    }
  };
}

/**
 * ffmpeg output options for an H.264 MP4 in which every frame keeps its input time (the encoder
 * would otherwise round times to 1/fps, and dropped frames would vanish from the clock), with a
 * keyframe every `keyframeEvery` frames so review can step and seek quickly.
 */
export function h264KeepingFrameTimes(o: {
  preset: 'ultrafast' | 'veryfast';
  crf: number;
  keyframeEvery: number;
  /** Ticks per second of the MP4 track's clock. */
  timescale: number;
}): string[] {
  return [
    ...['-fps_mode', 'passthrough', '-enc_time_base', '-1'],
    ...['-c:v', 'libx264', '-preset', o.preset, '-crf', String(o.crf), '-g', String(o.keyframeEvery)],
    ...['-pix_fmt', 'yuv420p', '-video_track_timescale', String(o.timescale), '-movflags', '+faststart'],
  ];
}
