// Starts the built CLI's web bridge as a real child process, as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const BUILT_CLI = resolve(REPO_ROOT, 'out/main/cli.js');

export interface ServeProcess {
  url: string;
  origin: string;
  token: string;
  port: number;
  proc: ChildProcess;
  stop: () => Promise<void>;
}

export async function startServe(
  labDir: string,
  extraEnv: Record<string, string> = {},
): Promise<ServeProcess> {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run npm run build first.`);
  const proc = spawn(process.execPath, [BUILT_CLI, '--lab', labDir, 'serve'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...extraEnv },
  });
  let stdout = '';
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stdout}${stderr}`)), 20_000);
    proc.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /Open: (http:\/\/\S+)/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${stdout}${stderr}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    port: Number(parsed.port),
    proc,
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

/** Calls one API operation over HTTP and returns the envelope. */
export async function invoke(
  s: Pick<ServeProcess, 'origin' | 'token'>,
  op: string,
  input: unknown,
): Promise<{
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string; fields?: Record<string, string> };
}> {
  const r = await fetch(`${s.origin}/api/invoke/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${s.token}` },
    body: JSON.stringify(input),
  });
  return (await r.json()) as never;
}
