// The renderer's one way to the services. Inside Electron the preload provides window.gaitlab;
// in a browser (web bridge) the same operations go over HTTP with the per-run token.
import type { GaitLabBridge } from '../../shared/api/bridge-types';
import { createApiClient } from '../../shared/api/client';
import type { OperationName } from '../../shared/api/contract';
import { isEnvelope, type Envelope } from '../../shared/api/envelope';
import type { LabEvent } from '../../shared/api/events';

declare global {
  interface Window {
    gaitlab?: GaitLabBridge;
  }
}

const TOKEN_KEY = 'gaitlab.token';

/** Takes the token from the opening URL once, keeps it for reloads, and removes it from the address bar. */
function bridgeToken(): string {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`,
    );
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function httpSend(op: OperationName, input: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/invoke/${op}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
  } catch {
    return {
      ok: false,
      error: { code: 'failed', message: 'GaitLab is not reachable. Is `gaitlab serve` still running?' },
    };
  }
  const body: unknown = await response.json().catch(() => null);
  if (isEnvelope(body)) return body;
  return {
    ok: false,
    error: { code: 'failed', message: `Unexpected answer from GaitLab (HTTP ${response.status}).` },
  };
}

const electron = window.gaitlab;
const token = electron ? '' : bridgeToken();

export const api = createApiClient(
  electron ? (op, input) => electron.invoke[op](input) : (op, input) => httpSend(op, input),
);

export function onLabEvent(listener: (event: LabEvent) => void): () => void {
  if (electron) return electron.onEvent(listener);
  const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  source.onmessage = (m) => listener(JSON.parse(m.data as string) as LabEvent);
  return () => source.close();
}

/** URL of a lab media file (path relative to the lab folder) for <video> and <img>. */
export function mediaUrl(relativePath: string): string {
  const path = relativePath.split('/').map(encodeURIComponent).join('/');
  return electron ? `gaitlab-media://lab/${path}` : `/api/media/${path}?token=${encodeURIComponent(token)}`;
}
