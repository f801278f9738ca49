// Vicon / Oxford Metrics GCD normal-data files ("#!DST-0.1 GCD Oxford Metrics"):
//   $PREFIXES            followed by side prefixes (Left, Right)
//   !<Name> <n>          a variable; 51 rows for a gait-cycle curve, 1 row for a scalar
//   <mean> <dev>         two numbers per row
// The number after the name is undocumented; it looks like a bit mask of the prefixes the
// entry applies to (3 = both sides), so it is kept for information only. "dev" is read as
// gaitutils reads it (mean +- dev), but its meaning (SD or standard error) is not stated.

import type { GaitVariable } from './gait-variables';
import {
  CURVE_POINTS,
  type NormativeCurve,
  type NormativeSet,
  type NormativeSetMeta,
  type RangeStats,
} from './normative-set';
import { NormativeImportError, decodeText, quoteForMessage, splitLines } from './normative-import-error';
import { parseStrictNumber } from './csv-line';
import { GCD_NAMES } from './source-variable-names';
import type { SpatiotemporalParameter } from './spatiotemporal-parameters';

const FORMAT = 'Vicon GCD';

export interface GcdEntry {
  readonly name: string;
  /** Side prefix when the name starts with one of $PREFIXES (e.g. "LeftKneeFlexExt"). */
  readonly side?: string;
  readonly flag?: number;
  readonly lineNumber: number;
  readonly mean: readonly number[];
  readonly dev: readonly number[];
}

export interface GcdFile {
  readonly signature: string;
  readonly prefixes: readonly string[];
  readonly entries: readonly GcdEntry[];
}

export function parseGcd(content: string | Uint8Array): GcdFile {
  const lines = splitLines(decodeText(content));
  const signature = (lines[0] ?? '').trim();
  if (!/^#!DST-[\d.]+ GCD\b/.test(signature)) {
    throw new NormativeImportError(
      FORMAT,
      `expected the signature "#!DST-0.1 GCD Oxford Metrics", found ${quoteForMessage(signature)}.`,
      1,
    );
  }
  const prefixes: string[] = [];
  const entries: {
    name: string;
    side?: string;
    flag?: number;
    lineNumber: number;
    mean: number[];
    dev: number[];
  }[] = [];
  let section: 'none' | 'prefixes' | 'entry' = 'none';
  for (let i = 1; i < lines.length; i++) {
    const lineNumber = i + 1;
    const t = (lines[i] ?? '').trim();
    if (t === '') continue;
    if (t.startsWith('$')) {
      section = t.toUpperCase() === '$PREFIXES' ? 'prefixes' : 'none';
      continue;
    }
    if (t.startsWith('!')) {
      const [rawName = '', flagText, ...rest] = t.slice(1).split(/\s+/);
      if (rawName === '' || rest.length > 0) {
        throw new NormativeImportError(
          FORMAT,
          `expected "!<VariableName> <number>", found ${quoteForMessage(t)}.`,
          lineNumber,
        );
      }
      if (entries.some((e) => e.name === rawName))
        throw new NormativeImportError(FORMAT, `variable ${rawName} appears twice.`, lineNumber);
      const side = prefixes.find((p) => rawName.startsWith(p) && rawName.length > p.length);
      const flag = flagText === undefined ? undefined : parseStrictNumber(flagText);
      entries.push({
        name: rawName,
        ...(side ? { side } : {}),
        ...(flag === undefined ? {} : { flag }),
        lineNumber,
        mean: [],
        dev: [],
      });
      section = 'entry';
      continue;
    }
    if (section === 'prefixes') {
      prefixes.push(t);
      continue;
    }
    const current = entries[entries.length - 1];
    if (section !== 'entry' || !current) {
      throw new NormativeImportError(
        FORMAT,
        `expected a "!<VariableName>" line before data, found ${quoteForMessage(t)}.`,
        lineNumber,
      );
    }
    const parts = t.split(/\s+/);
    const mean = parseStrictNumber(parts[0] ?? '');
    const dev = parseStrictNumber(parts[1] ?? '');
    if (parts.length !== 2 || mean === undefined || dev === undefined) {
      throw new NormativeImportError(
        FORMAT,
        `expected two numbers "<mean> <dev>" for ${current.name}, found ${quoteForMessage(t)}.`,
        lineNumber,
      );
    }
    current.mean.push(mean);
    current.dev.push(dev);
  }
  for (const e of entries) {
    if (e.mean.length !== 1 && e.mean.length !== CURVE_POINTS) {
      throw new NormativeImportError(
        FORMAT,
        `${e.name} has ${e.mean.length} rows; expected ${CURVE_POINTS} (a gait-cycle curve every 2 %) or 1 (a scalar).`,
        e.lineNumber,
      );
    }
  }
  if (entries.length === 0) throw new NormativeImportError(FORMAT, 'no "!<VariableName>" entries found.');
  return { signature, prefixes, entries };
}

export function gcdCurves(gcd: GcdFile): GcdEntry[] {
  return gcd.entries.filter((e) => e.mean.length === CURVE_POINTS);
}

// Scalars the GCD carries. Stride and step lengths are in mm; cadence is in strides per second
// (0.851 for the Vicon normal file, i.e. about 102 steps/min, which matches stride length x
// cadence = 1.18 m/s); event timings are in % of the cycle.
const GCD_SCALARS: Readonly<Record<string, { parameter: SpatiotemporalParameter; factor: number }>> = {
  StrideLength: { parameter: 'strideLengthM', factor: 0.001 },
  StepLength: { parameter: 'stepLengthM', factor: 0.001 },
  StePLength: { parameter: 'stepLengthM', factor: 0.001 },
  Cadence: { parameter: 'cadenceStepsPerMin', factor: 120 },
  FootOff: { parameter: 'footOffPct', factor: 1 },
  OppositeFootOff: { parameter: 'oppositeFootOffPct', factor: 1 },
  OppositeFootContact: { parameter: 'oppositeFootContactPct', factor: 1 },
};

export function gcdToNormativeSet(
  content: string | Uint8Array | GcdFile,
  meta: NormativeSetMeta,
): NormativeSet {
  const gcd = typeof content === 'string' || content instanceof Uint8Array ? parseGcd(content) : content;
  const curves: Partial<Record<GaitVariable, NormativeCurve>> = {};
  const spatiotemporal: Partial<Record<SpatiotemporalParameter, RangeStats>> = {};
  const ignored: string[] = [];
  const notes: string[] = [];
  for (const e of gcd.entries) {
    if (e.mean.length === 1) {
      const scalar = GCD_SCALARS[e.name];
      if (!scalar) {
        ignored.push(e.name);
        continue;
      }
      spatiotemporal[scalar.parameter] = {
        mean: (e.mean[0] ?? Number.NaN) * scalar.factor,
        sd: (e.dev[0] ?? Number.NaN) * scalar.factor,
      };
      continue;
    }
    const mapping = e.side ? undefined : GCD_NAMES[e.name];
    if (!mapping) {
      ignored.push(e.name);
      continue;
    }
    const noDev = e.dev.every((d) => d === 0);
    if (noDev) notes.push(`${e.name}: dev is zero everywhere, treated as not reported.`);
    if (mapping.sign < 0) notes.push(`${e.name}: sign flipped to our convention (${mapping.variable}).`);
    if (e.dev.some((d) => d < 0))
      throw new NormativeImportError(FORMAT, `${e.name} has a negative dev value.`, e.lineNumber);
    curves[mapping.variable] = {
      variable: mapping.variable,
      meanDeg: e.mean.map((v) => mapping.sign * v),
      sdDeg: noDev ? null : [...e.dev],
    };
  }
  if (ignored.length > 0)
    notes.push(`Ignored (moments, powers, side-specific or unknown entries): ${ignored.join(', ')}.`);
  notes.push('Spread is the GCD "dev" column; its meaning (SD or standard error) is not documented.');
  return {
    ...meta,
    spread: { kind: 'unspecified-dev', note: 'GCD dev column of undocumented meaning' },
    curves,
    spatiotemporal,
    notes,
  };
}
