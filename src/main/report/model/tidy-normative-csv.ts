// Tidy (long) CSV reference curves. Our own documented format is
//
//   variable,pct_gait_cycle,mean,sd[,speed_group]
//   knee_flexion,0,5.55,5.66
//   ...
//
// one row per variable and % of the gait cycle (0, 2, ... 100; other percentages are ignored),
// canonical variable names (see gait-variables.ts) in our sign convention, degrees, SD as the
// between-subject SD. Lines starting with '#' are comments. The same reader accepts the derived
// CSVs staged with the reference data, whose layouts differ only in columns:
//   Schwartz 2008: variable,pct_gait_cycle,speed_group,mean,sd,minus1sd,plus1sd
//   Pinzone 2014:  variable,pct_gait_cycle,centre,mean,sd
//   Vicon GCD:     variable,pct_gait_cycle,mean,dev
// and their source variable names (translated, with sign flips, by source-variable-names.ts).

import type { GaitVariable } from './gait-variables';
import { GAIT_VARIABLES } from './gait-variables';
import {
  CURVE_POINTS,
  type NormativeCurve,
  type NormativeSet,
  type NormativeSetMeta,
  type SpreadKind,
} from './normative-set';
import { NormativeImportError, decodeText, quoteForMessage, splitLines } from './normative-import-error';
import { parseStrictNumber, splitCsvLine } from './csv-line';
import { resolveVariableName } from './source-variable-names';

const FORMAT = 'Normative CSV';
const GROUP_COLUMNS = ['speed_group', 'centre', 'center', 'group'];

export interface TidyCsvImportOptions {
  readonly meta: NormativeSetMeta;
  /** Which speed group / centre to take when the file holds several (e.g. "Free", "CentreOne"). */
  readonly group?: string;
}

interface Columns {
  readonly variable: number;
  readonly pct: number;
  readonly mean: number;
  readonly sd?: number;
  readonly dev?: number;
  readonly minus1sd?: number;
  readonly plus1sd?: number;
  readonly group?: number;
  readonly groupName?: string;
}

interface DataRow {
  readonly lineNumber: number;
  readonly fields: readonly string[];
}

const normaliseGroup = (g: string): string => g.replace(/[\s_-]/g, '').toLowerCase();

function readTable(content: string | Uint8Array): { columns: Columns; rows: DataRow[] } {
  const lines = splitLines(decodeText(content));
  let headerIndex = -1;
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === '' || t.startsWith('#')) continue;
    headerIndex = i;
    break;
  }
  if (headerIndex < 0)
    throw new NormativeImportError(
      FORMAT,
      'the file is empty; expected a header line "variable,pct_gait_cycle,mean,sd".',
    );
  const header = splitCsvLine(lines[headerIndex] ?? '').map((h) => h.toLowerCase());
  const find = (name: string): number | undefined => {
    const i = header.indexOf(name);
    return i >= 0 ? i : undefined;
  };
  const variable = find('variable');
  const pct = find('pct_gait_cycle');
  const mean = find('mean');
  const headerLine = headerIndex + 1;
  if (variable === undefined || pct === undefined || mean === undefined) {
    throw new NormativeImportError(
      FORMAT,
      `expected a header with columns variable, pct_gait_cycle, mean and sd; found ${quoteForMessage(lines[headerIndex] ?? '', 120)}.`,
      headerLine,
    );
  }
  const sd = find('sd');
  const dev = find('dev');
  const minus1sd = find('minus1sd');
  const plus1sd = find('plus1sd');
  if (sd === undefined && dev === undefined && (minus1sd === undefined || plus1sd === undefined)) {
    throw new NormativeImportError(
      FORMAT,
      'expected a spread column: sd (or dev, or both minus1sd and plus1sd).',
      headerLine,
    );
  }
  const groupName = GROUP_COLUMNS.find((g) => header.includes(g));
  const group = groupName ? find(groupName) : undefined;
  const rows: DataRow[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const t = raw.trim();
    if (t === '' || t.startsWith('#')) continue;
    const fields = splitCsvLine(raw);
    if (fields.length !== header.length) {
      throw new NormativeImportError(
        FORMAT,
        `expected ${header.length} fields as in the header, found ${fields.length}: ${quoteForMessage(raw)}.`,
        i + 1,
      );
    }
    rows.push({ lineNumber: i + 1, fields });
  }
  return { columns: { variable, pct, mean, sd, dev, minus1sd, plus1sd, group, groupName }, rows };
}

/** Groups (speed groups or centres) present in a tidy CSV, in file order; empty if there is no group column. */
export function listTidyCsvGroups(content: string | Uint8Array): string[] {
  const { columns, rows } = readTable(content);
  if (columns.group === undefined) return [];
  const seen: string[] = [];
  for (const r of rows) {
    const g = r.fields[columns.group] ?? '';
    if (!seen.includes(g)) seen.push(g);
  }
  return seen;
}

function numberAt(row: DataRow, index: number, columnName: string): number {
  const text = row.fields[index] ?? '';
  const v = parseStrictNumber(text);
  if (v === undefined)
    throw new NormativeImportError(
      FORMAT,
      `expected a number in column ${columnName}, found ${quoteForMessage(text)}.`,
      row.lineNumber,
    );
  return v;
}

export function parseTidyNormativeCsv(
  content: string | Uint8Array,
  options: TidyCsvImportOptions,
): NormativeSet {
  const { columns, rows } = readTable(content);
  if (rows.length === 0) throw new NormativeImportError(FORMAT, 'the header is followed by no data rows.');

  let selected = rows;
  let groupLabel: string | undefined;
  if (columns.group !== undefined) {
    const gi = columns.group;
    const groups = [...new Set(rows.map((r) => r.fields[gi] ?? ''))];
    if (options.group === undefined) {
      if (groups.length > 1) {
        throw new NormativeImportError(
          FORMAT,
          `the file holds several ${columns.groupName} values (${groups.join(', ')}); choose one.`,
        );
      }
      groupLabel = groups[0];
    } else {
      const wanted = normaliseGroup(options.group);
      groupLabel = groups.find((g) => normaliseGroup(g) === wanted);
      if (groupLabel === undefined) {
        throw new NormativeImportError(
          FORMAT,
          `no ${columns.groupName} "${options.group}" in the file; available: ${groups.join(', ')}.`,
        );
      }
      selected = rows.filter((r) => (r.fields[gi] ?? '') === groupLabel);
    }
  } else if (options.group !== undefined) {
    throw new NormativeImportError(
      FORMAT,
      `a group "${options.group}" was requested but the file has no speed_group or centre column.`,
    );
  }

  const spreadKind: SpreadKind =
    columns.sd === undefined && columns.dev !== undefined ? 'unspecified-dev' : 'between-subject-sd';
  const ignored = new Set<string>();
  const points = new Map<
    GaitVariable,
    { source: string; sign: 1 | -1; mean: (number | undefined)[]; sd: (number | undefined)[] }
  >();

  for (const row of selected) {
    const name = row.fields[columns.variable] ?? '';
    const mapping = resolveVariableName(name);
    if (!mapping) {
      ignored.add(name);
      continue;
    }
    const pct = numberAt(row, columns.pct, 'pct_gait_cycle');
    if (pct < 0 || pct > 100)
      throw new NormativeImportError(
        FORMAT,
        `pct_gait_cycle must be within 0..100, found ${pct}.`,
        row.lineNumber,
      );
    // Curves sampled every 1 % carry the 2 % grid as a subset; other samples are not needed.
    if (Math.abs(pct / 2 - Math.round(pct / 2)) > 1e-6) continue;
    const index = Math.round(pct / 2);
    const mean = numberAt(row, columns.mean, 'mean');
    let spread: number;
    if (columns.sd !== undefined) spread = numberAt(row, columns.sd, 'sd');
    else if (columns.dev !== undefined) spread = numberAt(row, columns.dev, 'dev');
    else
      spread =
        (numberAt(row, columns.plus1sd ?? -1, 'plus1sd') -
          numberAt(row, columns.minus1sd ?? -1, 'minus1sd')) /
        2;
    if (spread < 0)
      throw new NormativeImportError(FORMAT, `the SD must not be negative, found ${spread}.`, row.lineNumber);

    let entry = points.get(mapping.variable);
    if (!entry) {
      entry = {
        source: name,
        sign: mapping.sign,
        mean: new Array<number | undefined>(CURVE_POINTS).fill(undefined),
        sd: new Array<number | undefined>(CURVE_POINTS).fill(undefined),
      };
      points.set(mapping.variable, entry);
    } else if (entry.source !== name) {
      throw new NormativeImportError(
        FORMAT,
        `"${name}" and "${entry.source}" both describe ${mapping.variable}; keep one.`,
        row.lineNumber,
      );
    }
    if (entry.mean[index] !== undefined) {
      throw new NormativeImportError(
        FORMAT,
        `${name} at ${pct} % appears twice${groupLabel ? ` in group ${groupLabel}` : ''}.`,
        row.lineNumber,
      );
    }
    entry.mean[index] = mapping.sign * mean;
    entry.sd[index] = spread;
  }

  if (points.size === 0) {
    throw new NormativeImportError(
      FORMAT,
      `no known kinematic variable found (expected names such as ${GAIT_VARIABLES.slice(0, 4).join(', ')}...; found ${[...ignored].slice(0, 5).join(', ')}).`,
    );
  }

  const curves: Partial<Record<GaitVariable, NormativeCurve>> = {};
  const notes: string[] = [];
  for (const variable of GAIT_VARIABLES) {
    const entry = points.get(variable);
    if (!entry) continue;
    const missing = entry.mean.flatMap((v, i) => (v === undefined ? [i * 2] : []));
    if (missing.length > 0) {
      throw new NormativeImportError(
        FORMAT,
        `${entry.source} lacks ${missing.length} of the 51 points (0, 2, ... 100 %): missing ${missing.slice(0, 6).join(', ')} %.`,
      );
    }
    const meanDeg = entry.mean.map((v) => v ?? Number.NaN);
    const sdValues = entry.sd.map((v) => v ?? Number.NaN);
    const noSpread = sdValues.every((v) => v === 0);
    if (noSpread) notes.push(`${entry.source}: spread is zero everywhere, treated as not reported.`);
    if (entry.sign < 0) notes.push(`${entry.source}: sign flipped to our convention (${variable}).`);
    curves[variable] = { variable, meanDeg, sdDeg: noSpread ? null : sdValues };
  }
  if (ignored.size > 0)
    notes.push(`Ignored variables not used in kinematic reports: ${[...ignored].join(', ')}.`);
  if (spreadKind === 'unspecified-dev')
    notes.push('Spread column is "dev" of undocumented meaning, not necessarily a between-subject SD.');

  return {
    ...options.meta,
    spread: {
      kind: spreadKind,
      note:
        spreadKind === 'unspecified-dev'
          ? 'dev column of undocumented meaning'
          : columns.sd === undefined
            ? 'SD = (plus1sd - minus1sd) / 2'
            : 'SD as given in the file',
    },
    curves,
    notes: groupLabel ? [`Group: ${groupLabel}.`, ...notes] : notes,
  };
}
