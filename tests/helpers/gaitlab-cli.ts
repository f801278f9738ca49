// The built command line run against one lab folder, as a user types it: exit code and both streams.
import { spawnSync } from 'node:child_process';
import { BUILT_CLI } from './serve-process';

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/** `gaitlab --lab labDir ...args`, waiting at most `timeoutMs`, with `env` added to the environment. */
export function gaitlabCli(
  labDir: string,
  timeoutMs = 600_000,
  env: NodeJS.ProcessEnv = {},
): (...args: string[]) => CliRun {
  return (...args) => {
    const r = spawnSync(process.execPath, [BUILT_CLI, '--lab', labDir, ...args], {
      encoding: 'utf8',
      timeout: timeoutMs,
      env: { ...process.env, ...env },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
}
