// Numbers typed by people: the decimal comma most of Europe writes is a point; anything else that is
// not a plain number is NaN, for the field or the command line to explain.
import { describe, expect, it } from 'vitest';
import { decimalOf } from '../../../src/shared/decimal-text';

describe('decimal text', () => {
  it('reads a point or a comma, signs and exponents, around spaces', () => {
    expect(['1.65', '1,65', ' 0,8 ', '-2', '+3.', '.5', '1e1', '0'].map(decimalOf)).toEqual([
      1.65, 1.65, 0.8, -2, 3, 0.5, 10, 0,
    ]);
  });

  it('gives NaN for what is not a plain number: empty text, units, feet and inches, hex, two separators', () => {
    for (const text of ['', ' ', '1.65m', '165 cm', "5'6", '0x10', '1,650.5', 'Infinity', 'abc'])
      expect(decimalOf(text), text).toBeNaN();
  });
});
