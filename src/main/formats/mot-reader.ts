// OpenSim MOT / STO reader: "key=value" header lines up to "endheader", then a whitespace-separated
// table whose first row names the columns (time, coordinate names...).

export interface MotFile {
  /** Column names in file order; the first is normally 'time'. */
  columns: string[];
  /** One array per column, same order as `columns`. */
  values: Float64Array[];
  rowCount: number;
  /** true when rotational coordinates are in degrees (header inDegrees=yes). */
  inDegrees: boolean;
  header: Record<string, string>;
  name: string;
}

export class MotFormatError extends Error {
  override name = 'MotFormatError';
}

export function readMot(text: string): MotFile {
  const lines = text.split(/\r?\n/);
  const end = lines.findIndex((l) => l.trim().toLowerCase() === 'endheader');
  if (end < 0) throw new MotFormatError('Not a MOT/STO file: no "endheader" line.');
  const header: Record<string, string> = {};
  for (let i = 1; i < end; i++) {
    const m = /^\s*([^=]+?)\s*=\s*(.*)$/.exec(lines[i] ?? '');
    if (m?.[1] !== undefined) header[m[1]] = (m[2] ?? '').trim();
  }
  let r = end + 1;
  while (r < lines.length && (lines[r] ?? '').trim() === '') r++;
  const columns = (lines[r] ?? '').trim().split(/\s+/);
  if (columns.length === 0 || columns[0] === '') throw new MotFormatError('MOT file has no column header.');
  const rows: number[][] = [];
  for (let i = r + 1; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === '') continue;
    rows.push(t.split(/\s+/).map((c) => (c.toLowerCase() === 'nan' ? NaN : Number(c))));
  }
  const values = columns.map((_, c) => Float64Array.from(rows, (row) => row[c] ?? NaN));
  return {
    columns,
    values,
    rowCount: rows.length,
    inDegrees: (header.inDegrees ?? 'yes').toLowerCase() !== 'no',
    header,
    name: (lines[0] ?? '').trim(),
  };
}

/** Column by name, or undefined. */
export function motColumn(file: MotFile, name: string): Float64Array | undefined {
  const i = file.columns.indexOf(name);
  return i < 0 ? undefined : file.values[i];
}
