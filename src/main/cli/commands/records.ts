// Patient, session and trial commands: each is a direct call of one contract operation, so the CLI
// validates exactly like the UI does.
import { parseArgs } from 'node:util';
import type { CliCommand, CliContext } from '../command';
import { UserError } from '../command';
import { numberOption } from '../number-option';
import { openLab } from '../../services/lab-services';
import { callOperation } from '../call-operation';
import type { OperationName } from '../../../shared/api/contract';
import { resolve } from 'node:path';
import { localIsoDate } from '../../../shared/local-date';
import {
  isMarkerTrial,
  type PatientInfo,
  type SessionInfo,
  type TrialInfo,
} from '../../../shared/api/entities';
import { isMarkerFileName, type ImportedVideo } from '../../../shared/api/ops/capture';

async function call(ctx: CliContext, op: OperationName, input: unknown): Promise<unknown> {
  const services = openLab(ctx.labDir);
  try {
    return await callOperation(services.handlers, op, input);
  } finally {
    services.close();
  }
}

function num(v: string | undefined, option: string, what: string): number | undefined {
  return v === undefined ? undefined : numberOption(option, v, what);
}

function patientLine(p: PatientInfo): string {
  const h = p.heightM === null ? '' : ` ${p.heightM.toFixed(2)} m`;
  return `${p.id}  ${p.name}${p.hospitalId ? ` [${p.hospitalId}]` : ''}${p.dateOfBirth ? ` b.${p.dateOfBirth}` : ''}${h}${p.archivedAt ? ' (archived)' : ''}`;
}

function sessionLine(s: SessionInfo): string {
  return `${s.id}  ${s.date}  ${s.condition}${s.examiner ? `  ${s.examiner}` : ''}  trials: ${s.trialCount}${s.archivedAt ? ' (archived)' : ''}`;
}

const patientOptions = {
  name: { type: 'string' },
  'hospital-id': { type: 'string' },
  dob: { type: 'string' },
  sex: { type: 'string' },
  diagnosis: { type: 'string' },
  gmfcs: { type: 'string' },
  side: { type: 'string' },
  height: { type: 'string' },
  'leg-length': { type: 'string' },
  mass: { type: 'string' },
  notes: { type: 'string' },
  search: { type: 'string' },
  all: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

type PatientOptionValues = { [K in keyof typeof patientOptions]?: string | boolean };

/**
 * The patient's fields given on the command line, in the contract's names. An empty value
 * (--dob "") clears a field that may be blank: a date of birth typed wrong must be removable.
 */
function patientFieldOptions(values: PatientOptionValues): Record<string, unknown> {
  const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);
  const orNull = <T>(v: string | undefined, read: (v: string) => T): T | null | undefined =>
    v === undefined ? undefined : v.trim() === '' ? null : read(v);
  const fields: Record<string, unknown> = {
    hospitalId: str(values['hospital-id']),
    dateOfBirth: orNull(str(values.dob), (v) => v),
    sex: str(values.sex),
    diagnosis: str(values.diagnosis),
    gmfcsLevel: orNull(str(values.gmfcs), (v) => num(v, 'gmfcs', 'the GMFCS level, 1-5')),
    affectedSide: str(values.side),
    heightM: orNull(str(values.height), (v) => num(v, 'height', 'the height in metres, e.g. 1.32')),
    legLengthM: orNull(str(values['leg-length']), (v) =>
      num(v, 'leg-length', 'the leg length in metres, e.g. 0.68'),
    ),
    massKg: orNull(str(values.mass), (v) => num(v, 'mass', 'the mass in kilograms, e.g. 30.5')),
    notes: str(values.notes),
  };
  for (const k of Object.keys(fields)) if (fields[k] === undefined) delete fields[k];
  return fields;
}

export const patientsCommand: CliCommand = {
  name: 'patients',
  summary: 'List, add, edit, show, archive or restore patients',
  usage: `gaitlab patients list [--search TEXT] [--all] [--json]
gaitlab patients add --name NAME [--hospital-id ID] [--dob YYYY-MM-DD] [--sex female|male|other|unknown]
                     [--diagnosis TEXT] [--gmfcs 1-5] [--side left|right|bilateral|none|unknown]
                     [--height METRES] [--leg-length METRES] [--mass KG] [--notes TEXT] [--json]
gaitlab patients edit ID [the same options: only those given change; "" clears one, e.g. --dob ""]
gaitlab patients show ID [--json]
gaitlab patients archive ID | restore ID`,
  run: async (argv, ctx) => {
    const [sub, ...rest] = argv;
    const { values, positionals } = parseArgs({
      args: rest,
      options: patientOptions,
      allowPositionals: true,
    });
    const print = (value: unknown, line: string) =>
      ctx.io.out(values.json ? JSON.stringify(value, null, 2) : line);
    switch (sub) {
      case 'list': {
        const list = (await call(ctx, 'patients.list', {
          search: values.search ?? '',
          includeArchived: values.all ?? false,
        })) as PatientInfo[];
        if (values.json) ctx.io.out(JSON.stringify(list, null, 2));
        else if (list.length === 0) ctx.io.out('No patients.');
        else list.forEach((p) => ctx.io.out(patientLine(p)));
        return 0;
      }
      case 'add': {
        const input = { name: values.name ?? '', ...patientFieldOptions(values) };
        const p = (await call(ctx, 'patients.create', input)) as PatientInfo;
        print(p, `Added ${patientLine(p)}`);
        return 0;
      }
      case 'edit': {
        const id = positionals[0];
        if (!id) throw new UserError(`gaitlab patients edit needs a patient ID (see gaitlab patients list).`);
        const patch = {
          ...(values.name !== undefined ? { name: values.name } : {}),
          ...patientFieldOptions(values),
        };
        if (Object.keys(patch).length === 0)
          throw new UserError(`Say what to change, e.g. --dob 2015-04-30.\n${patientsCommand.usage}`);
        const p = (await call(ctx, 'patients.update', { id, patch })) as PatientInfo;
        print(p, `Changed ${patientLine(p)}`);
        return 0;
      }
      case 'show':
      case 'archive':
      case 'restore': {
        const id = positionals[0];
        if (!id)
          throw new UserError(`gaitlab patients ${sub} needs a patient ID (see gaitlab patients list).`);
        const op =
          sub === 'show' ? 'patients.get' : sub === 'archive' ? 'patients.archive' : 'patients.restore';
        const p = (await call(ctx, op, { id })) as PatientInfo;
        print(p, patientLine(p));
        return 0;
      }
      default:
        throw new UserError(`Unknown patients command "${sub ?? ''}".\n${patientsCommand.usage}`);
    }
  },
};

export const sessionsCommand: CliCommand = {
  name: 'sessions',
  summary: 'List, add, edit, archive or restore the sessions of a patient',
  usage: `gaitlab sessions list PATIENT_ID [--all] [--json]
gaitlab sessions add PATIENT_ID --condition barefoot|shoes|AFO|walker|crutches|pre-op|post-op|training|other
                     [--date YYYY-MM-DD (default: today)] [--examiner NAME] [--notes TEXT] [--json]
gaitlab sessions edit ID [--date YYYY-MM-DD] [--condition ...] [--examiner NAME] [--notes TEXT] [--json]
gaitlab sessions archive ID | restore ID`,
  run: async (argv, ctx) => {
    const [sub, ...rest] = argv;
    const { values, positionals } = parseArgs({
      args: rest,
      options: {
        date: { type: 'string' },
        condition: { type: 'string' },
        examiner: { type: 'string' },
        notes: { type: 'string' },
        all: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      allowPositionals: true,
    });
    const id = positionals[0];
    if (!id) throw new UserError(`Missing ID.\n${sessionsCommand.usage}`);
    switch (sub) {
      case 'list': {
        const list = (await call(ctx, 'sessions.list', {
          patientId: id,
          includeArchived: values.all ?? false,
        })) as SessionInfo[];
        if (values.json) ctx.io.out(JSON.stringify(list, null, 2));
        else if (list.length === 0) ctx.io.out('No sessions.');
        else list.forEach((s) => ctx.io.out(sessionLine(s)));
        return 0;
      }
      case 'add': {
        const input: Record<string, unknown> = {
          patientId: id,
          date: values.date ?? localIsoDate(),
          condition: values.condition ?? '',
          examiner: values.examiner,
          notes: values.notes,
        };
        for (const k of Object.keys(input)) if (input[k] === undefined) delete input[k];
        const s = (await call(ctx, 'sessions.create', input)) as SessionInfo;
        ctx.io.out(values.json ? JSON.stringify(s, null, 2) : `Added ${sessionLine(s)}`);
        return 0;
      }
      case 'edit': {
        const patch: Record<string, unknown> = {
          date: values.date,
          condition: values.condition,
          examiner: values.examiner,
          notes: values.notes,
        };
        for (const k of Object.keys(patch)) if (patch[k] === undefined) delete patch[k];
        if (Object.keys(patch).length === 0)
          throw new UserError(`Say what to change, e.g. --condition AFO.\n${sessionsCommand.usage}`);
        const s = (await call(ctx, 'sessions.update', { id, patch })) as SessionInfo;
        ctx.io.out(values.json ? JSON.stringify(s, null, 2) : `Changed ${sessionLine(s)}`);
        return 0;
      }
      case 'archive':
      case 'restore': {
        const s = (await call(ctx, sub === 'archive' ? 'sessions.archive' : 'sessions.restore', {
          id,
        })) as SessionInfo;
        ctx.io.out(sessionLine(s));
        return 0;
      }
      default:
        throw new UserError(`Unknown sessions command "${sub ?? ''}".\n${sessionsCommand.usage}`);
    }
  },
};

function trialLine(t: TrialInfo): string {
  const cams = t.files.filter((f) => f.kind === 'video').map((f) => f.camera);
  // The trial's status is its first camera's: with a camera on each side, say where each stands.
  const each =
    t.cameraAnalyses.length > 1
      ? `  analysis: ${t.cameraAnalyses
          .map((a) => `${a.camera} ${a.status}${a.status === 'failed' && a.message ? ` (${a.message})` : ''}`)
          .join('; ')}`
      : '';
  const data = isMarkerTrial(t) ? 'marker-based capture (no video)' : `cameras: ${cams.join(', ') || 'none'}`;
  return `${t.id}  ${t.name}  ${t.status}${t.statusMessage ? ` (${t.statusMessage})` : ''}  ${data}${each}${t.archivedAt ? ' (archived)' : ''}`;
}

export const trialsCommand: CliCommand = {
  name: 'trials',
  summary: 'List the trials of a session, import a video or marker file, archive or restore',
  usage: `gaitlab trials list SESSION_ID [--all] [--json]
gaitlab trials import SESSION_ID VIDEO [--view sagittal-left|sagittal-right|frontal|posterior]
                      [--name TRIAL_NAME | --trial TRIAL_ID] [--json]
gaitlab trials import SESSION_ID MARKERS.c3d|MARKERS.trc [--name TRIAL_NAME] [--json]
gaitlab trials import SESSION_ID FILE FILE ... [--view VIEW] [--json]
gaitlab trials archive ID | restore ID

import copies the video into the lab (a damaged or non-video file is refused and nothing is kept);
without --trial a new trial is made, named after the file unless --name is given. Then:
gaitlab analyze TRIAL_ID
A motion-capture system's marker file (C3D, TRC) becomes a marker-based trial of its own,
analysed as it is imported (one that cannot be analysed is refused and nothing is kept).
Several files (videos and marker files) make several trials, one each, the videos seen from
--view (default sagittal-left); a refused file is said and the others imported (exit code 1).`,
  run: async (argv, ctx) => {
    const [sub, ...rest] = argv;
    const { values, positionals } = parseArgs({
      args: rest,
      options: {
        view: { type: 'string' },
        name: { type: 'string' },
        trial: { type: 'string' },
        all: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      allowPositionals: true,
    });
    const id = positionals[0];
    if (!id) throw new UserError(`Missing ID.\n${trialsCommand.usage}`);
    switch (sub) {
      case 'list': {
        const list = (await call(ctx, 'trials.list', {
          sessionId: id,
          includeArchived: values.all ?? false,
        })) as TrialInfo[];
        if (values.json) ctx.io.out(JSON.stringify(list, null, 2));
        else if (list.length === 0) ctx.io.out('No trials.');
        else list.forEach((t) => ctx.io.out(trialLine(t)));
        return 0;
      }
      case 'import': {
        const files = positionals.slice(1);
        if (files.length === 0) throw new UserError(`Give the video file to import.\n${trialsCommand.usage}`);
        // Several files at once (a lab's archive of marker files, a day's walks filmed by one
        // camera): each a trial of its own, a video seen from --view.
        if (files.length > 1 && (values.name || values.trial))
          throw new UserError('--name and --trial name one trial: give them with a single file.');
        const results: ImportedVideo[] = [];
        const failed: string[] = [];
        for (const file of files) {
          const markers = isMarkerFileName(file);
          const input: Record<string, unknown> = { path: resolve(file), sessionId: id };
          if (!markers) input.view = values.view ?? 'sagittal-left';
          if (values.trial) input.trialId = values.trial;
          else
            input.trialName =
              values.name ??
              file
                .split(/[\\/]/)
                .pop()!
                .replace(/\.[^.]+$/, '');
          let r: ImportedVideo;
          try {
            r = (await call(ctx, 'capture.import.file', input)) as ImportedVideo;
          } catch (err) {
            // One refused file of an archive is said, and the others go on.
            if (files.length === 1) throw err;
            ctx.io.err(`${file}: ${err instanceof Error ? err.message : String(err)}`);
            failed.push(file);
            continue;
          }
          results.push(r);
          const m = r.markers;
          if (!values.json)
            ctx.io.out(
              m
                ? `Imported ${m.format} markers: ${m.markerCount} trajectories, ${r.durationS.toFixed(2)} s at ${r.fps} Hz; analysed: ${m.cycles.left} left and ${m.cycles.right} right gait cycles, events ${m.eventsFrom === 'file' ? 'from the file' : 'detected by GaitLab'}\n${trialLine(r.trial)}`
                : `Imported ${r.durationS.toFixed(2)} s at ${r.fps} frames/s as camera ${r.camera}\n${trialLine(r.trial)}`,
            );
        }
        if (values.json) ctx.io.out(JSON.stringify(files.length === 1 ? results[0] : results, null, 2));
        if (files.length > 1)
          ctx.io.out(
            `Imported ${results.length} of ${files.length}${failed.length ? `; refused: ${failed.join(', ')}` : ''}.`,
          );
        return failed.length > 0 ? 1 : 0;
      }
      case 'archive':
      case 'restore': {
        const t = (await call(ctx, sub === 'archive' ? 'trials.archive' : 'trials.restore', {
          id,
        })) as TrialInfo;
        ctx.io.out(trialLine(t));
        return 0;
      }
      default:
        throw new UserError(`Unknown trials command "${sub ?? ''}".\n${trialsCommand.usage}`);
    }
  },
};
