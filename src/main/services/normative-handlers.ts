// Normative reference sets of the lab: import from a file, list, choose for a patient, and build
// the lab's own from control sessions. No reference data ships with GaitLab (licences): a lab
// imports the copy it obtained.
import { readFileSync } from 'node:fs';
import type { HandlersFor } from '../../shared/api/op';
import type { reportsOperations } from '../../shared/api/ops/reports';
import type { NormativeSetInfo } from '../../shared/api/report-types';
import { ApiError } from '../../shared/api/envelope';
import { resolveInsideLab } from '../store/lab-folder';
import {
  NormativeImportError,
  ageAtDate,
  buildLabNormativeSet,
  chooseNormativeSet,
  type NormativeSet,
} from '../report/model';
import { importNormativeFile, normativeFileGroups } from '../report/normative-file-import';
import type { NormativeSetRow, ReportStore } from '../report/report-store';
import { sessionAnalysisInput } from '../report/session-analysis-input';
import { analysedViews } from './report-session-views';
import type { AnalysisDeps } from './trial-analysis';

export interface NormativeDeps extends AnalysisDeps {
  reports: ReportStore;
}

type NormativeOps = Pick<
  typeof reportsOperations,
  | 'normative.list'
  | 'normative.groups'
  | 'normative.import'
  | 'normative.archive'
  | 'normative.choose'
  | 'normative.buildFromControls'
>;

export function normativeInfo(row: NormativeSetRow): NormativeSetInfo {
  const s = row.set;
  return {
    id: row.id,
    name: row.name,
    origin: row.origin,
    format:
      row.format === 'csv' || row.format === 'pycgm2' || row.format === 'gcd' ? row.format : 'lab-controls',
    group: row.group,
    source: s.source,
    citation: s.citation,
    population: s.population.description,
    ageRangeYears: s.population.ageRangeYears ?? null,
    speedBand: s.population.speedBand?.label ?? null,
    subjectCount: s.population.subjectCount ?? null,
    variables: Object.keys(s.curves),
    spreadNote: s.spread.note,
    notes: [...s.notes],
    createdAt: row.createdAt,
    archivedAt: row.archivedAt,
  };
}

function importError(err: unknown): ApiError {
  const message = err instanceof Error ? err.message : String(err);
  return new ApiError({
    code: 'invalid-input',
    message:
      err instanceof NormativeImportError ? message : `The reference file could not be imported: ${message}`,
  });
}

/** The patient's age and mean walking speed at a session, for choosing a reference. */
export function sessionMatchFacts(
  deps: AnalysisDeps,
  sessionId: string,
): { ageYears?: number; speedMps?: number; legLengthM?: number } {
  const session = deps.sessions.get(sessionId);
  if (!session) throw new ApiError({ code: 'not-found', message: 'The session was not found.' });
  const patient = deps.patients.get(session.patientId);
  const input = sessionAnalysisInput(analysedViews(deps, sessionId));
  const speeds = [input.left, input.right].flatMap((s) => {
    const v = s?.spatiotemporal.speedMps?.mean;
    return v === undefined ? [] : [v];
  });
  return {
    ...(patient?.dateOfBirth ? { ageYears: ageAtDate(patient.dateOfBirth, session.date).decimalYears } : {}),
    ...(speeds.length > 0 ? { speedMps: speeds.reduce((a, b) => a + b, 0) / speeds.length } : {}),
    ...(patient?.legLengthM ? { legLengthM: patient.legLengthM } : {}),
  };
}

export function chooseForSession(
  deps: NormativeDeps,
  sessionId: string,
): { row: NormativeSetRow; reasons: string[] } | null {
  const rows = deps.reports.listNormativeSets();
  if (rows.length === 0) return null;
  const facts = sessionMatchFacts(deps, sessionId);
  const choice = chooseNormativeSet(
    rows.map((r) => r.set),
    facts,
  );
  const row = rows.find((r) => r.id === choice.set.id);
  return row ? { row, reasons: [...choice.reasons] } : null;
}

export function normativeHandlers(deps: NormativeDeps): HandlersFor<NormativeOps> {
  return {
    'normative.list': ({ includeArchived }) =>
      deps.reports.listNormativeSets(includeArchived ?? false).map(normativeInfo),
    'normative.groups': ({ format, content }) => {
      try {
        return normativeFileGroups(format, content);
      } catch (err) {
        throw importError(err);
      }
    },
    'normative.import': (input) => {
      let content: string | Uint8Array;
      let fileName = input.fileName;
      if (input.labRelativePath !== undefined) {
        const path = resolveInsideLab(deps.layout.root, input.labRelativePath);
        try {
          content = new Uint8Array(readFileSync(path));
        } catch {
          throw new ApiError({
            code: 'not-found',
            message: `No file "${input.labRelativePath}" in the lab folder.`,
          });
        }
        fileName ??= input.labRelativePath.split('/').pop();
      } else content = input.content ?? '';
      let sets: Array<{ set: NormativeSet; group: string | null }>;
      try {
        sets = importNormativeFile({
          format: input.format,
          content,
          name: input.name,
          ...(fileName ? { fileName } : {}),
          ...(input.group ? { group: input.group } : {}),
          ...(input.citation ? { citation: input.citation } : {}),
          ...(input.population ? { population: input.population } : {}),
          ...(input.ageMinYears !== undefined ? { ageMinYears: input.ageMinYears } : {}),
          ...(input.ageMaxYears !== undefined ? { ageMaxYears: input.ageMaxYears } : {}),
          ...(input.cycleEventsContent !== undefined ? { cycleEvents: input.cycleEventsContent } : {}),
        });
      } catch (err) {
        throw importError(err);
      }
      return sets.map(({ set, group }) =>
        normativeInfo(deps.reports.addNormativeSet(set, 'imported', input.format, group)),
      );
    },
    'normative.archive': ({ id, archived }) => {
      const row = deps.reports.setNormativeArchived(id, archived);
      if (!row) throw new ApiError({ code: 'not-found', message: 'The reference set was not found.' });
      return normativeInfo(row);
    },
    'normative.choose': ({ sessionId }) => {
      const c = chooseForSession(deps, sessionId);
      return c ? { set: normativeInfo(c.row), reasons: c.reasons } : null;
    },
    'normative.buildFromControls': (input) => {
      // One subject per patient: two sessions of the same control would shrink the SD.
      const byPatient = new Map<string, string[]>();
      for (const sessionId of input.sessionIds) {
        const s = deps.sessions.get(sessionId);
        if (!s)
          throw new ApiError({ code: 'not-found', message: `Control session ${sessionId} was not found.` });
        byPatient.set(s.patientId, [...(byPatient.get(s.patientId) ?? []), sessionId]);
      }
      if (byPatient.size < 2)
        throw new ApiError({
          code: 'invalid-input',
          message:
            'The chosen sessions are all of one person: a reference band needs control sessions of at least two people.',
          fields: { sessionIds: 'Choose sessions of at least two people.' },
        });
      const controls = [...byPatient].map(([patientId, sessionIds]) => {
        const views = sessionIds.flatMap((id) => analysedViews(deps, id));
        if (views.length === 0)
          throw new ApiError({
            code: 'conflict',
            message: `Control session ${sessionIds.join(', ')} has no analysed trial: analyse it first.`,
          });
        const a = sessionAnalysisInput(views);
        // Both sides of a typically developing control describe the same normal: average them.
        const curves: Record<string, number[]> = {};
        const sides = [a.left, a.right].filter((s) => s !== undefined);
        const variables = new Set(sides.flatMap((s) => Object.keys(s.kinematics)));
        for (const v of variables) {
          const means = sides.flatMap((s) => {
            const c = s.kinematics[v as keyof typeof s.kinematics];
            return c ? [c.meanDeg] : [];
          });
          const n = means[0]?.length ?? 0;
          curves[v] = Array.from(
            { length: n },
            (_, i) => means.reduce((acc, m) => acc + (m[i] ?? 0), 0) / means.length,
          );
        }
        const spatiotemporal: Record<string, number> = {};
        for (const s of sides)
          for (const [p, ms] of Object.entries(s.spatiotemporal))
            if (ms)
              spatiotemporal[p] =
                spatiotemporal[p] === undefined ? ms.mean : (spatiotemporal[p] + ms.mean) / 2;
        return { subjectId: patientId, curves, spatiotemporal };
      });
      let set: NormativeSet;
      try {
        set = buildLabNormativeSet(controls, {
          id: 'pending',
          name: input.name,
          source: `${controls.length} control subjects of this lab (${input.sessionIds.length} sessions)`,
          citation: 'Lab control set, built in GaitLab',
          population: {
            description: input.population ?? `${controls.length} control subjects of this lab`,
            ...(input.ageMinYears !== undefined && input.ageMaxYears !== undefined
              ? { ageRangeYears: { min: input.ageMinYears, max: input.ageMaxYears } }
              : {}),
          },
        });
      } catch (err) {
        throw new ApiError({
          code: 'invalid-input',
          message: err instanceof Error ? err.message : String(err),
        });
      }
      return normativeInfo(deps.reports.addNormativeSet(set, 'lab', 'lab-controls', null));
    },
  };
}
