// One reference file (tidy CSV, pyCGM2 JSON or Vicon GCD) to one normative set per group the user
// asked for. The parsing itself is the pure report model's; this adds the metadata a file does
// not carry (name, citation, population) and the Schwartz 2008 speed bands when the groups are
// Schwartz's speed groups, so the automatic choice by walking speed works on an imported copy.
import {
  SCHWARTZ_2008_CITATION,
  gcdToNormativeSet,
  listPyCgm2Groups,
  listTidyCsvGroups,
  parsePyCgm2NormativeJson,
  parseSchwartzCycleEventsCsv,
  parseTidyNormativeCsv,
  schwartz2008Population,
  type NormativePopulation,
  type NormativeSet,
  type NormativeSetMeta,
  type SpeedGroupLabel,
} from './model';

export type NormativeFileFormat = 'csv' | 'pycgm2' | 'gcd';

export interface NormativeFileImport {
  format: NormativeFileFormat;
  content: string | Uint8Array;
  /** Shown as the set's source, e.g. the file name. */
  fileName?: string;
  name: string;
  /** One group, or 'all'; needed when the file holds several groups. */
  group?: string;
  citation?: string;
  population?: string;
  ageMinYears?: number;
  ageMaxYears?: number;
  /**
   * Schwartz 2008 cycle events (foot off, opposite foot off/contact, double support as fractions
   * of the cycle, per speed group): the normal ranges of the parameter table for each group.
   */
  cycleEvents?: string | Uint8Array;
}

const SPEED_GROUPS: readonly SpeedGroupLabel[] = ['VerySlow', 'Slow', 'Free', 'Fast', 'VeryFast'];

function speedGroup(group: string | undefined): SpeedGroupLabel | undefined {
  const g = group?.replace(/[\s_-]/g, '').toLowerCase();
  return SPEED_GROUPS.find((s) => s.toLowerCase() === g);
}

/** The groups (speed groups, centres) a file offers; empty when it holds one set only. */
export function normativeFileGroups(format: NormativeFileFormat, content: string | Uint8Array): string[] {
  if (format === 'csv') return listTidyCsvGroups(content);
  if (format === 'pycgm2') {
    const datasets = listPyCgm2Groups(content);
    const names = Object.keys(datasets);
    return names.length === 1
      ? (datasets[names[0]!] ?? [])
      : names.flatMap((d) => datasets[d]!.map((g) => `${d}/${g}`));
  }
  return [];
}

function meta(input: NormativeFileImport, group: string | undefined, manyGroups: boolean): NormativeSetMeta {
  const band = speedGroup(group);
  const ages =
    input.ageMinYears !== undefined && input.ageMaxYears !== undefined
      ? { ageRangeYears: { min: input.ageMinYears, max: input.ageMaxYears } }
      : {};
  const base: NormativePopulation = band
    ? schwartz2008Population(band)
    : { description: input.population ?? 'Population not described at import.' };
  return {
    id: 'pending',
    // The group is part of what the set is (Free speed, one centre): keep it in the name.
    name: group && (manyGroups || !input.name.includes(group)) ? `${input.name} ${group}` : input.name,
    source: `${input.fileName ?? 'imported file'} (${input.format}${group ? `, group ${group}` : ''})`,
    citation: input.citation ?? (band ? SCHWARTZ_2008_CITATION : 'Citation not given at import.'),
    population: {
      ...base,
      ...(input.population ? { description: input.population } : {}),
      ...ages,
    },
  };
}

function importCurves(input: NormativeFileImport): Array<{ set: NormativeSet; group: string | null }> {
  const groups = normativeFileGroups(input.format, input.content);
  if (input.format === 'gcd')
    return [{ set: gcdToNormativeSet(input.content, meta(input, undefined, false)), group: null }];
  let chosen: string[];
  if (input.group === undefined || input.group === '') {
    if (groups.length > 1)
      throw new Error(
        `This file holds ${groups.length} groups (${groups.join(', ')}): choose one, or "all" to import each as a set.`,
      );
    chosen = groups.length === 1 ? [groups[0]!] : [];
  } else if (input.group.toLowerCase() === 'all') {
    chosen = groups;
  } else {
    const match = groups.find((g) => g.toLowerCase() === input.group!.toLowerCase());
    if (groups.length > 0 && !match)
      throw new Error(`No group "${input.group}" in this file; it has: ${groups.join(', ')}.`);
    chosen = [match ?? input.group];
  }
  const many = chosen.length > 1;
  if (input.format === 'csv') {
    if (chosen.length === 0)
      return [
        { set: parseTidyNormativeCsv(input.content, { meta: meta(input, undefined, false) }), group: null },
      ];
    return chosen.map((group) => ({
      set: parseTidyNormativeCsv(input.content, { meta: meta(input, group, many), group }),
      group,
    }));
  }
  if (chosen.length === 0) throw new Error('This pyCGM2 file holds no group.');
  return chosen.map((g) => {
    const [dataset, group] = g.includes('/') ? (g.split('/', 2) as [string, string]) : [undefined, g];
    return {
      set: parsePyCgm2NormativeJson(input.content, {
        meta: meta(input, group, many),
        group,
        ...(dataset ? { dataset } : {}),
      }),
      group: g,
    };
  });
}

/** Stance and swing follow from foot off: stance ends at foot off, swing is the rest of the cycle. */
function withCycleEvents(set: NormativeSet, content: string | Uint8Array, group: string): NormativeSet {
  const events = parseSchwartzCycleEventsCsv(content, group);
  const fo = events.footOffPct;
  return {
    ...set,
    spatiotemporal: {
      ...set.spatiotemporal,
      ...events,
      ...(fo?.mean !== undefined
        ? {
            stanceTimePct: { mean: fo.mean, ...(fo.sd !== undefined ? { sd: fo.sd } : {}) },
            swingTimePct: { mean: 100 - fo.mean, ...(fo.sd !== undefined ? { sd: fo.sd } : {}) },
          }
        : {}),
    },
    notes: [
      ...set.notes,
      `Cycle-event normal ranges (foot off, stance, swing, support) from the ${group} group of the cycle events file.`,
    ],
  };
}

/** Parses the file into one set per chosen group; throws NormativeImportError with line numbers. */
export function importNormativeFile(
  input: NormativeFileImport,
): Array<{ set: NormativeSet; group: string | null }> {
  const sets = importCurves(input);
  const events = input.cycleEvents;
  if (events === undefined) return sets;
  return sets.map(({ set, group }) => {
    const band = speedGroup(group?.split('/').pop());
    if (!band)
      throw new Error(
        'Cycle events are given per Schwartz speed group: import a speed group (e.g. Free) with them.',
      );
    return { set: withCycleEvents(set, events, band), group };
  });
}
