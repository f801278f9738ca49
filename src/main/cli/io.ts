import type { CliIo } from './command';

export function processIo(signal: AbortSignal): CliIo {
  const tty = process.stderr.isTTY === true;
  let lastProgress = 0;
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    progress: (text) => {
      if (tty) process.stderr.write(`\r\x1b[2K${text}`);
      else if (text) {
        // Plain logs get at most one progress line per second (and no empty one: clearing the
        // line means nothing there).
        const now = Date.now();
        if (now - lastProgress >= 1000) {
          lastProgress = now;
          process.stderr.write(`${text}\n`);
        }
      }
    },
    signal,
  };
}
