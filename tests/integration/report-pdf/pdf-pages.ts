// Looking at a printed PDF the way a reader would: page sizes (pdfinfo), text (pdftotext) and
// pixels (pdftoppm as grey PGM, parsed here), plus PNGs kept in test-artifacts for human eyes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export function pdfPages(pdf: string): { pages: number; widthPt: number; heightPt: number } {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return { pages, widthPt: Number(size?.[1]), heightPt: Number(size?.[2]) };
}

export function pdfText(pdf: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, pdf, '-'], { encoding: 'utf8' });
}

export interface GreyPage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Every page as 8-bit grey pixels at the given resolution. */
export function pdfGreyPages(pdf: string, dir: string, dpi = 50): GreyPage[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', pdf, join(dir, 'p')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pgm'))
    .sort()
    .map((f) => parsePgm(readFileSync(join(dir, f))));
}

function parsePgm(buf: Buffer): GreyPage {
  // P5 <w> <h> <max>\n<bytes>
  let pos = 0;
  const tokens: string[] = [];
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos]!))) pos++;
    let t = '';
    while (!/\s/.test(String.fromCharCode(buf[pos]!))) t += String.fromCharCode(buf[pos++]!);
    tokens.push(t);
  }
  pos++;
  const [magic, w, h] = tokens;
  if (magic !== 'P5') throw new Error(`Not a binary PGM: ${magic}`);
  return { width: Number(w), height: Number(h), pixels: buf.subarray(pos, pos + Number(w) * Number(h)) };
}

/** Darkest pixel value in a column band [x0, x1) over the whole page height. */
export function darkestInColumns(p: GreyPage, x0: number, x1: number): number {
  let min = 255;
  for (let y = 0; y < p.height; y++)
    for (let x = Math.max(0, x0); x < Math.min(p.width, x1); x++)
      min = Math.min(min, p.pixels[y * p.width + x]!);
  return min;
}

/** Rightmost column holding ink (grey below the threshold), or -1 on a blank page. */
export function rightmostInk(p: GreyPage, threshold = 200): number {
  for (let x = p.width - 1; x >= 0; x--)
    for (let y = 0; y < p.height; y++) if (p.pixels[y * p.width + x]! < threshold) return x;
  return -1;
}

/** Keeps PNGs of the pages (colour and grey) for people to look at. */
export function savePagePngs(pdf: string, dir: string, prefix: string, dpi = 70): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, join(dir, prefix)]);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-gray', pdf, join(dir, `${prefix}-grey`)]);
}
