import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { connect } from 'node:net';
import { invoke, startServe, type ServeProcess } from '../../helpers/serve-process';

let serve: ServeProcess;

beforeAll(async () => {
  serve = await startServe(mkdtempSync(join(tmpdir(), 'gaitlab-bridge-')));
});
afterAll(async () => serve?.stop());

function rawGet(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: serve.port, path, method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end('{}');
  });
}

describe('web bridge security', () => {
  it('answers API calls that carry the token', async () => {
    expect(await invoke(serve, 'patients.list', {})).toEqual({ ok: true, result: [] });
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    const none = await fetch(`${serve.origin}/api/invoke/patients.list`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    const wrong = await fetch(`${serve.origin}/api/invoke/patients.list`, {
      method: 'POST',
      headers: { Authorization: 'Bearer not-the-token' },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    const events = await fetch(`${serve.origin}/api/events`);
    expect(events.status).toBe(401);
  });

  it('refuses operations that read files outside the lab folder', async () => {
    const r = await invoke(serve, 'capture.import.file', {
      path: '/etc/passwd',
      sessionId: 'abcdef123456',
      trialName: 'x',
      view: 'frontal',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(r.error!.message).toContain('only from the gaitlab command line');
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const status = await rawGet('/api/invoke/patients.list', {
      Host: `evil.example:${serve.port}`,
      Authorization: `Bearer ${serve.token}`,
    });
    expect(status).toBe(403);
  });

  it('serves the renderer with a strict content security policy', async () => {
    const r = await fetch(`${serve.origin}/`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('<div id="root">');
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await fetch(`${serve.origin}/..%2f..%2fpackage.json`);
    expect(await escape.text()).not.toContain('"devDependencies"');
  });

  it('listens on 127.0.0.1 only: not reachable on a non-loopback address', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address);
    // The kernel's socket table says which address the listening socket is bound to.
    const portHex = serve.port.toString(16).toUpperCase().padStart(4, '0');
    const listening = readFileSync('/proc/net/tcp', 'utf8')
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f[1]?.endsWith(`:${portHex}`) && f[3] === '0A');
    expect(listening.map((f) => f[1])).toEqual([`0100007F:${portHex}`]);
    for (const host of external) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host, port: serve.port, timeout: 2000 });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('timeout', () => {
          socket.destroy();
          resolve('timeout');
        });
        socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(outcome, `connection to ${host}:${serve.port}`).not.toBe('connected');
    }
  });
});
