// OpenSim / Motion Analysis TRC reader: tab-separated text with a 5-line header, one X/Y/Z triplet
// per marker. Missing samples are empty cells (Motion Analysis) and read as NaN.

export interface TrcMarker {
  name: string;
  /** Coordinates in the file's `units` (e.g. 'mm' or 'm'), NaN where missing. */
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
}

export interface TrcFile {
  dataRateHz: number;
  cameraRateHz: number;
  units: string;
  frameCount: number;
  /** Frames the header declares (NumFrames), when it says; more than `frameCount` in a file cut short. */
  declaredFrameCount: number | undefined;
  /** Frame numbers as written in the first column. */
  frameNumbers: Float64Array;
  /** Time column, seconds. */
  timeS: Float64Array;
  markers: TrcMarker[];
  /** Header key/values as written (DataRate, NumFrames, Units, ...). */
  header: Record<string, string>;
}

export class TrcFormatError extends Error {
  override name = 'TrcFormatError';
}

function parseNumber(cell: string | undefined): number {
  if (cell === undefined) return NaN;
  const t = cell.trim();
  if (t === '' || t.toLowerCase() === 'nan') return NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : NaN;
}

export function readTrc(text: string): TrcFile {
  const lines = text.split(/\r?\n/);
  if (lines.length < 5 || !/^PathFileType/i.test(lines[0] ?? '')) {
    throw new TrcFormatError('Not a TRC file: the first line should start with "PathFileType".');
  }
  const keys = (lines[1] ?? '').split('\t').map((s) => s.trim());
  const values = (lines[2] ?? '').split('\t').map((s) => s.trim());
  const header: Record<string, string> = {};
  keys.forEach((k, i) => {
    if (k) header[k] = values[i] ?? '';
  });
  const nameCells = (lines[3] ?? '').split('\t');
  const names: string[] = [];
  // Marker names sit every third column from column 2; the two cells after each name are blank.
  for (let c = 2; c < nameCells.length; c += 3) {
    const name = (nameCells[c] ?? '').trim();
    if (name) names.push(name);
  }
  const declared = Number(header.NumMarkers);
  if (Number.isFinite(declared) && declared > 0 && names.length > declared) names.length = declared;

  const rows: string[][] = [];
  for (let i = 5; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    rows.push(line.split('\t'));
  }
  const n = rows.length;
  // Some writers (Motion Analysis) declare and store more markers than they name.
  const columns = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const stored = Math.floor((columns - 2) / 3);
  const wanted = Number.isFinite(declared) && declared > 0 ? Math.min(declared, stored) : names.length;
  for (let k = names.length; k < wanted; k++) names.push(`unnamed_${k + 1}`);
  const markers: TrcMarker[] = names.map((name) => ({
    name,
    x: new Float64Array(n),
    y: new Float64Array(n),
    z: new Float64Array(n),
  }));
  const frameNumbers = new Float64Array(n);
  const timeS = new Float64Array(n);
  rows.forEach((cells, r) => {
    frameNumbers[r] = parseNumber(cells[0]);
    timeS[r] = parseNumber(cells[1]);
    markers.forEach((m, k) => {
      const c = 2 + 3 * k;
      m.x[r] = parseNumber(cells[c]);
      m.y[r] = parseNumber(cells[c + 1]);
      m.z[r] = parseNumber(cells[c + 2]);
    });
  });
  const dataRateHz = parseNumber(header.DataRate);
  if (!(dataRateHz > 0)) throw new TrcFormatError('TRC header has no valid DataRate.');
  return {
    dataRateHz,
    cameraRateHz: parseNumber(header.CameraRate),
    units: header.Units ?? '',
    frameCount: n,
    declaredFrameCount: Number.isInteger(Number(header.NumFrames)) ? Number(header.NumFrames) : undefined,
    frameNumbers,
    timeS,
    markers,
    header,
  };
}

export function findTrcMarker(file: TrcFile, name: string): TrcMarker | undefined {
  const want = name.toLowerCase();
  return file.markers.find((m) => m.name.toLowerCase() === want);
}
