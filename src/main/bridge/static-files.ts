import { readFile, stat } from 'node:fs/promises';
import { extname, normalize } from 'node:path';
import { resolveInsideLab } from '../store/lab-folder';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Reads a file of the renderer build; refuses anything outside rootDir. Returns null when absent. */
export async function readStatic(
  rootDir: string,
  urlPath: string,
): Promise<{ body: Buffer; contentType: string } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const rel = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^[/\\]+/, '');
  try {
    // The same confinement as lab paths: nothing outside the renderer build is served.
    const full = resolveInsideLab(rootDir, rel);
    const s = await stat(full);
    if (!s.isFile()) return null;
    return { body: await readFile(full), contentType: TYPES[extname(full)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
