// Numbers as people type them, in a form field or on the command line: a decimal comma (1,65, as
// most of Europe writes it) reads as a point. Anything else that is not a plain decimal number
// (empty text, a unit, feet and inches, 0x10) is not a number: NaN, for the caller to explain.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function decimalOf(text: string): number {
  const t = text.trim().replace(',', '.');
  return DECIMAL.test(t) ? Number(t) : NaN;
}
