// Writes a C3D parameter section (groups and parameters, in the file's byte order) into a buffer,
// for tests that build small C3D files by hand.

export interface ParameterWriter {
  group(id: number, name: string): void;
  /** A parameter of `type` (-1 char, 1 byte, 2 int16, 4 float) whose `size` bytes `write` fills. */
  param(
    id: number,
    name: string,
    type: number,
    dims: number[],
    write: (at: number) => void,
    size: number,
  ): void;
  /** int16 or float values, in order. */
  numbers(id: number, name: string, type: 2 | 4, dims: number[], values: number[]): void;
  /** Strings padded with spaces to `len` characters. */
  chars(at: number, strings: string[], len: number): void;
  /** Ends the section. */
  end(): void;
}

/** Starts a parameter section whose first group or parameter record begins at byte `start`. */
export function parameterWriter(bytes: Uint8Array, little: boolean, start: number): ParameterWriter {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = start;
  const name = (id: number, text: string) => {
    bytes[o] = text.length;
    v.setInt8(o + 1, id);
    for (let k = 0; k < text.length; k++) bytes[o + 2 + k] = text.charCodeAt(k);
    return o + 2 + text.length;
  };
  const w: ParameterWriter = {
    group(id, text) {
      const off = name(-id, text);
      v.setInt16(off, 3, little);
      bytes[off + 2] = 0;
      o = off + 3;
    },
    param(id, text, type, dims, write, size) {
      const off = name(id, text);
      let q = off + 2;
      v.setInt8(q, type);
      bytes[q + 1] = dims.length;
      dims.forEach((d, k) => (bytes[q + 2 + k] = d));
      q += 2 + dims.length;
      write(q);
      q += size;
      bytes[q] = 0;
      v.setInt16(off, q + 1 - off, little);
      o = q + 1;
    },
    numbers(id, text, type, dims, values) {
      w.param(
        id,
        text,
        type,
        dims,
        (at) =>
          values.forEach((x, k) =>
            type === 2 ? v.setInt16(at + 2 * k, x, little) : v.setFloat32(at + 4 * k, x, little),
          ),
        values.length * type,
      );
    },
    chars(at, strings, len) {
      strings.forEach((s, k) => {
        for (let c = 0; c < len; c++) bytes[at + k * len + c] = c < s.length ? s.charCodeAt(c) : 32;
      });
    },
    end() {
      bytes[o] = 0;
    },
  };
  return w;
}
