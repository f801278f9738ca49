// Writes RGB frames to a video (H.264 mp4) or to PNG files through an ffmpeg child.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { MediaError } from './media-error';
import { appendTail, ffmpegPath, lastLine } from './run-tool';

export interface FrameSink {
  write(rgb: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/**
 * `outPath` ending in .png writes one image per frame (use a pattern like frame-%04d.png);
 * anything else is encoded as H.264 in yuv420p so every player opens it.
 */
export function openFrameSink(
  outPath: string,
  widthPx: number,
  heightPx: number,
  fps: number,
  signal?: AbortSignal,
): FrameSink {
  const args = [
    '-nostdin',
    '-v',
    'error',
    '-y',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    '-s',
    `${widthPx}x${heightPx}`,
  ];
  args.push('-r', String(fps), '-i', 'pipe:0');
  if (outPath.toLowerCase().endsWith('.png')) args.push('-start_number', '0', outPath);
  else {
    // yuv420p needs even sizes.
    args.push(
      '-vf',
      'pad=ceil(iw/2)*2:ceil(ih/2)*2',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '23',
      '-pix_fmt',
      'yuv420p',
    );
    args.push('-movflags', '+faststart', outPath);
  }
  const child = spawn(ffmpegPath(), args, { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr = appendTail(stderr, b.toString('utf8'))));
  const closed = once(child, 'close') as Promise<[number | null]>;
  const onAbort = (): void => void child.kill('SIGKILL');
  signal?.addEventListener('abort', onAbort, { once: true });
  let spawnError: Error | undefined;
  child.on('error', (err) => (spawnError = err));
  child.stdin.on('error', () => {});
  return {
    async write(rgb) {
      if (spawnError) throw spawnError;
      if (!child.stdin.write(rgb)) await Promise.race([once(child.stdin, 'drain'), closed]);
    },
    async close() {
      child.stdin.end();
      const [code] = await closed;
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) throw new MediaError('cancelled', 'Cancelled.');
      if (code !== 0) {
        throw new MediaError(
          'ffmpeg-failed',
          `Writing ${outPath} failed (ffmpeg exit code ${code}): ${lastLine(stderr)}`,
          {
            exitCode: code,
            stderr,
          },
        );
      }
    },
  };
}
