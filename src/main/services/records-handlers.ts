import type { HandlersFor } from '../../shared/api/op';
import type { recordsOperations } from '../../shared/api/ops/records';
import { existsSync } from 'node:fs';
import { ApiError } from '../../shared/api/envelope';
import type { TrialFileInfo, TrialInfo } from '../../shared/api/entities';
import { resolveInsideLab } from '../store/lab-folder';
import { schemaVersion } from '../store/database';
import type { LabContext } from './lab-context';
import { APP_VERSION } from './app-version';

export function notFound(what: string): never {
  throw new ApiError({
    code: 'not-found',
    message: `${what} was not found. It may have been removed from this lab.`,
  });
}

function requireBornBy(dateOfBirth: string | null, sessionDate: string): void {
  if (dateOfBirth && sessionDate < dateOfBirth)
    throw new ApiError({
      code: 'invalid-input',
      message: 'The session date is before the patient was born.',
      fields: { date: 'The session date is before the date of birth.' },
    });
}

/**
 * The trial with its recordings that are no longer in the lab folder marked as missing. (Not a
 * review copy: analysing the trial again makes it again, as review says when it cannot play.)
 */
function withMissingFiles(root: string, trial: TrialInfo): TrialInfo {
  const gone = (f: TrialFileInfo) =>
    (f.kind === 'video' || f.kind === 'markers') && !existsSync(resolveInsideLab(root, f.relativePath));
  const files = trial.files.map((f) => (gone(f) ? { ...f, missing: true as const } : f));
  return files.some((f) => f.missing) ? { ...trial, files } : trial;
}

export function recordsHandlers(ctx: LabContext): HandlersFor<typeof recordsOperations> {
  const { patients, sessions, trials, events, layout, db } = ctx;
  const requirePatient = (id: string) => patients.get(id) ?? notFound('The patient');
  const requireSession = (id: string) => sessions.get(id) ?? notFound('The session');
  const requireTrial = (id: string) => trials.get(id) ?? notFound('The trial');
  const changed = <T extends { id: string }>(entity: 'patient' | 'session' | 'trial', value: T): T => {
    events.emit({ type: 'data.changed', entity, id: value.id });
    return value;
  };

  return {
    'lab.info': () => ({
      labDir: layout.root,
      databasePath: layout.database,
      schemaVersion: schemaVersion(db),
      appVersion: APP_VERSION,
    }),
    'patients.list': ({ search, includeArchived }) => patients.list(search, includeArchived),
    'patients.get': ({ id }) => requirePatient(id),
    'patients.create': (input) => changed('patient', patients.create(input)),
    'patients.update': ({ id, patch }) => {
      requirePatient(id);
      // Ages are printed from these two dates: a birth after a session would fail every report.
      const dob = patch.dateOfBirth;
      const before = dob ? sessions.listForPatient(id, true).find((s) => s.date < dob) : undefined;
      if (before)
        throw new ApiError({
          code: 'invalid-input',
          message: `The date of birth is after the session of ${before.date} (${before.condition}): check both dates.`,
          fields: { dateOfBirth: `After the session of ${before.date}.` },
        });
      return changed('patient', patients.update(id, patch)!);
    },
    'patients.archive': ({ id }) => {
      requirePatient(id);
      return changed('patient', patients.setArchived(id, true)!);
    },
    'patients.restore': ({ id }) => {
      requirePatient(id);
      return changed('patient', patients.setArchived(id, false)!);
    },
    'sessions.list': ({ patientId, includeArchived }) => {
      requirePatient(patientId);
      return sessions.listForPatient(patientId, includeArchived);
    },
    'sessions.get': ({ id }) => requireSession(id),
    'sessions.create': ({ patientId, ...fields }) => {
      const p = requirePatient(patientId);
      if (p.archivedAt) {
        throw new ApiError({
          code: 'conflict',
          message: 'This patient is archived. Restore the patient first.',
        });
      }
      requireBornBy(p.dateOfBirth, fields.date);
      return changed('session', sessions.create(patientId, fields));
    },
    'sessions.update': ({ id, patch }) => {
      const s = requireSession(id);
      if (patch.date) requireBornBy(requirePatient(s.patientId).dateOfBirth, patch.date);
      return changed('session', sessions.update(id, patch)!);
    },
    'sessions.archive': ({ id }) => {
      requireSession(id);
      return changed('session', sessions.setArchived(id, true)!);
    },
    'sessions.restore': ({ id }) => {
      requireSession(id);
      return changed('session', sessions.setArchived(id, false)!);
    },
    'trials.list': ({ sessionId, includeArchived }) => {
      requireSession(sessionId);
      return trials.listForSession(sessionId, includeArchived).map((t) => withMissingFiles(layout.root, t));
    },
    'trials.get': ({ id }) => withMissingFiles(layout.root, requireTrial(id)),
    'trials.create': ({ sessionId, name, cameras }) => {
      requireSession(sessionId);
      return changed('trial', trials.create(sessionId, name, cameras));
    },
    'trials.archive': ({ id }) => {
      requireTrial(id);
      return changed('trial', trials.setArchived(id, true)!);
    },
    'trials.restore': ({ id }) => {
      requireTrial(id);
      return changed('trial', trials.setArchived(id, false)!);
    },
  };
}
