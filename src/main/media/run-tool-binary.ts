// Like runTool, but keeps stdout as bytes: raw PCM and raw frames are not text.
import { spawn } from 'node:child_process';
import { MediaError } from './media-error';
import { appendTail, lastLine } from './run-tool';

export function runToolBinary(
  command: string,
  args: string[],
  signal?: AbortSignal,
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
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => (stderr = appendTail(stderr, b.toString('utf8'))));
    child.on('error', (err: NodeJS.ErrnoException) => {
      signal?.removeEventListener('abort', onAbort);
      if (err.code === 'ENOENT')
        reject(new MediaError('ffmpeg-missing', `${command} was not found. Install ffmpeg.`));
      else reject(err);
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
