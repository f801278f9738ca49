// A command's terminal in a test: what it printed to stdout and stderr, line by line.
import type { CliContext } from '../../src/main/cli/command';

export function fakeIo(): { out: string[]; err: string[]; io: CliContext['io'] } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliContext['io'] = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    progress: () => undefined,
    signal: new AbortController().signal,
  };
  return { out, err, io };
}
