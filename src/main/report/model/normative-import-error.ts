// Import errors name the file kind, the line and what was expected, so a lab manager can fix a
// hand-edited reference file without reading our code.

export class NormativeImportError extends Error {
  readonly format: string;
  readonly lineNumber: number | undefined;

  constructor(format: string, message: string, lineNumber?: number) {
    super(lineNumber === undefined ? `${format}: ${message}` : `${format}, line ${lineNumber}: ${message}`);
    this.name = 'NormativeImportError';
    this.format = format;
    this.lineNumber = lineNumber;
  }
}

const DOS_EOF = 0x1a;
const BOM = 0xfeff;

/** Files come as text or raw bytes; the caller reads them, we only decode. */
export function decodeText(content: string | Uint8Array): string {
  const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);
  // A BOM from spreadsheet exports and the DOS end-of-file byte (0x1A) that ends Vicon GCD files.
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === DOS_EOF || /\s/.test(text.charAt(end - 1)))) end--;
  const start = text.charCodeAt(0) === BOM ? 1 : 0;
  return text.slice(start, end);
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function quoteForMessage(text: string, max = 60): string {
  const t = text.length > max ? `${text.slice(0, max)}...` : text;
  return JSON.stringify(t);
}
