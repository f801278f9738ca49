// The local web bridge: the renderer build plus the same API as Electron's IPC, over HTTP on
// 127.0.0.1 only. Every API request carries the per-run token; the page gets it once in its URL.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LabServices } from '../services/lab-services';
import { dispatch } from '../services/dispatch';
import { readStatic } from './static-files';
import { serveMedia } from './media-route';
import { CONTENT_SECURITY_POLICY, hostAllowed, newToken, tokensEqual } from './security';

export const BRIDGE_HOST = '127.0.0.1';
const MAX_BODY_BYTES = 24_000_000; // one capture or import chunk, base64

export interface BridgeOptions {
  services: LabServices;
  /** Folder of the renderer build (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface RunningBridge {
  url: string;
  port: number;
  token: string;
  close: () => Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : null;
}

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? newToken();
  const { services, staticDir } = options;
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const unsubscribe = services.events.subscribe((event) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of sseClients) client.write(line);
  });

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        sendJson(res, 500, {
          ok: false,
          error: { code: 'failed', message: String((err as Error).message ?? err) },
        });
      } else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) {
      sendJson(res, 403, { ok: false, error: { code: 'unauthorized', message: 'Unexpected host.' } });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${BRIDGE_HOST}:${port}`);

    if (url.pathname.startsWith('/api/')) {
      const given = bearer(req) ?? url.searchParams.get('token');
      if (!tokensEqual(token, given)) {
        sendJson(res, 401, {
          ok: false,
          error: {
            code: 'unauthorized',
            message: 'Missing or wrong access token: open the URL printed by gaitlab serve.',
          },
        });
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, {
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        sseClients.add(res);
        req.on('close', () => sseClients.delete(res));
        return;
      }
      if (url.pathname.startsWith('/api/media/') && (req.method === 'GET' || req.method === 'HEAD')) {
        serveMedia(
          services.layout.root,
          decodeURIComponent(url.pathname.slice('/api/media/'.length)),
          req,
          res,
        );
        return;
      }
      const match = /^\/api\/invoke\/([a-zA-Z.]+)$/.exec(url.pathname);
      if (match && req.method === 'POST') {
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body.length > 0 ? JSON.parse(body) : {};
        } catch (err) {
          sendJson(res, 400, {
            ok: false,
            error: { code: 'invalid-input', message: (err as Error).message },
          });
          return;
        }
        const envelope = await dispatch(services.handlers, match[1], input);
        sendJson(res, 200, envelope);
        return;
      }
      sendJson(res, 404, { ok: false, error: { code: 'not-found', message: 'No such API route.' } });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed', 'text/plain');
      return;
    }
    const file = (await readStatic(staticDir, url.pathname)) ?? (await readStatic(staticDir, '/index.html'));
    if (!file) {
      send(res, 404, 'The renderer build is missing: run npm run build.', 'text/plain; charset=utf-8');
      return;
    }
    send(res, 200, file.body, file.contentType);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, BRIDGE_HOST, () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${BRIDGE_HOST}:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const c of sseClients) c.end();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
