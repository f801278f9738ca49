// gaitlab-media://lab/<relative path> serves lab media to the sandboxed renderer (video playback,
// overlays) without giving it file:// access; paths are confined to the lab folder.
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveInsideLab } from '../store/lab-folder';

export const MEDIA_SCHEME = 'gaitlab-media';

/** Must run before app 'ready'. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: MEDIA_SCHEME,
      privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true },
    },
  ]);
}

export function handleMediaProtocol(labRoot: string): void {
  protocol.handle(MEDIA_SCHEME, (request) => {
    const url = new URL(request.url);
    try {
      const full = resolveInsideLab(labRoot, decodeURIComponent(url.pathname.replace(/^\/+/, '')));
      return net.fetch(pathToFileURL(full).toString(), { headers: request.headers });
    } catch (err) {
      return new Response((err as Error).message, { status: 403 });
    }
  });
}
