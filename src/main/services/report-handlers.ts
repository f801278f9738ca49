// The printable report as data, lab settings for its header, and the clinician's interpretation.
// The report page lays this out for screen and paper alike; PDFs print that same page.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { HandlersFor } from '../../shared/api/op';
import type { reportsOperations } from '../../shared/api/ops/reports';
import type { SideName } from '../../shared/api/analysis-types';
import type {
  LabSettingsInfo,
  ReportModelView,
  ReportStillView,
  ReportView,
} from '../../shared/api/report-types';
import { ApiError } from '../../shared/api/envelope';
import { writeFileAtomic } from '../store/atomic-file';
import { resolveInsideLab, trialDirRelative } from '../store/lab-folder';
import {
  ageAtDate,
  buildReportModel,
  chooseSpatiotemporalNormals,
  parseSpatiotemporalNormalsTable,
  type ReportInput,
  type SpatiotemporalNormalRow,
  type AffectedSide,
  type GmfcsLevel,
  type NormativeSet,
  type SessionInput,
} from '../report/model';
import type { ReportStore } from '../report/report-store';
import { reportStills } from '../report/report-stills';
import { sessionAnalysisInput } from '../report/session-analysis-input';
import { analysedViews } from './report-session-views';
import { chooseForSession, type NormativeDeps } from './normative-handlers';
import { readPoseTrackView } from './trial-analysis';
import { missingRecordingMessage } from '../../shared/missing-recording';
import { withoutPaths } from '../../shared/failure-advice';

type ReportOps = Pick<
  typeof reportsOperations,
  | 'labSettings.get'
  | 'labSettings.update'
  | 'labSettings.setLogo'
  | 'labSettings.setSpatiotemporalTable'
  | 'reports.get'
  | 'reports.saveInterpretation'
>;

const LOGO_BASENAME = 'settings/logo';

export function labSettingsInfo(store: ReportStore, labRoot: string): LabSettingsInfo {
  const s = store.labSettings();
  let logoDataUrl: string | null = null;
  if (s.logoRelativePath) {
    try {
      const bytes = readFileSync(resolveInsideLab(labRoot, s.logoRelativePath));
      const mime = s.logoRelativePath.endsWith('.png') ? 'image/png' : 'image/jpeg';
      logoDataUrl = `data:${mime};base64,${bytes.toString('base64')}`;
    } catch {
      logoDataUrl = null;
    }
  }
  const t = s.spatiotemporalTable;
  return {
    labName: s.labName,
    department: s.department,
    address: s.address,
    phone: s.phone,
    logoDataUrl,
    spatiotemporalTable: t
      ? {
          name: t.name,
          source: t.source,
          rows: t.rows.length,
          ages: `${Math.min(...t.rows.map((r) => r.ageMinYears))}-${Math.max(...t.rows.map((r) => r.ageMaxYears))} y`,
        }
      : null,
    updatedAt: s.updatedAt,
  };
}

/** PNG and JPEG signatures: a renamed file of another kind is refused before it reaches a report. */
function imageKind(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
  if (
    bytes.length > 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

function sessionOrThrow(deps: NormativeDeps, id: string, what: string) {
  const s = deps.sessions.get(id);
  if (!s) throw new ApiError({ code: 'not-found', message: `The ${what} was not found.` });
  return s;
}

/**
 * Normal ranges for the parameter table from the lab's walkway table (sex, age, and the patient's
 * speed for the pace row), on top of the reference set's own (e.g. Schwartz cycle events).
 */
function walkwayNormals(
  table: { name: string; rows: SpatiotemporalNormalRow[] } | null,
  p: { sex: string; ageYears: number; speeds: number[]; set: NormativeSet | undefined },
): ReportInput['spatiotemporalNormals'] | undefined {
  if (!table || (p.sex !== 'male' && p.sex !== 'female')) return undefined;
  const speedMps = p.speeds.length > 0 ? p.speeds.reduce((a, b) => a + b, 0) / p.speeds.length : undefined;
  const chosen = chooseSpatiotemporalNormals(table.rows, {
    sex: p.sex,
    ageYears: p.ageYears,
    ...(speedMps !== undefined ? { speedMps } : {}),
  });
  if (!chosen) return undefined;
  const fromSet = p.set?.spatiotemporal;
  return {
    ranges: { ...fromSet, ...chosen.row.ranges },
    source: `${table.name} (${chosen.reason})${fromSet ? `; other parameters: ${p.set?.name}` : ''}`,
  };
}

const AFFECTED: readonly string[] = ['left', 'right', 'bilateral', 'none', 'unknown'];

export function reportHandlers(deps: NormativeDeps): HandlersFor<ReportOps> {
  const store = deps.reports;
  const root = deps.layout.root;
  return {
    'labSettings.get': () => labSettingsInfo(store, root),
    'labSettings.update': (patch) => {
      store.saveLabSettings(Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
      return labSettingsInfo(store, root);
    },
    'labSettings.setLogo': ({ logo }) => {
      const previous = store.labSettings().logoRelativePath;
      if (logo === null) {
        store.saveLabSettings({ logoRelativePath: null });
      } else {
        const bytes = Buffer.from(logo.base64, 'base64');
        const kind = imageKind(bytes);
        if (!kind)
          throw new ApiError({
            code: 'invalid-input',
            message: 'The logo must be a PNG or JPEG image.',
            fields: { logo: 'Not a PNG or JPEG image.' },
          });
        const rel = `${LOGO_BASENAME}.${kind === 'image/png' ? 'png' : 'jpg'}`;
        const path = resolveInsideLab(root, rel);
        writeFileAtomic(path, bytes);
        store.saveLabSettings({ logoRelativePath: rel });
        if (previous && previous !== rel) rmSync(resolveInsideLab(root, previous), { force: true });
      }
      if (logo === null && previous) rmSync(resolveInsideLab(root, previous), { force: true });
      return labSettingsInfo(store, root);
    },
    'labSettings.setSpatiotemporalTable': ({ table }) => {
      if (table === null) {
        store.saveLabSettings({ spatiotemporalTable: null });
        return labSettingsInfo(store, root);
      }
      let rows: SpatiotemporalNormalRow[];
      try {
        rows = parseSpatiotemporalNormalsTable(table.content);
      } catch (err) {
        throw new ApiError({
          code: 'invalid-input',
          message: err instanceof Error ? err.message : String(err),
        });
      }
      store.saveLabSettings({
        spatiotemporalTable: { name: table.name, source: table.fileName ?? 'imported table', rows },
      });
      return labSettingsInfo(store, root);
    },
    'reports.get': async (input) => {
      const sessionA = sessionOrThrow(deps, input.sessionId, 'session');
      const sessionB = input.compareSessionId
        ? sessionOrThrow(deps, input.compareSessionId, 'comparison session')
        : undefined;
      if (sessionB && sessionB.patientId !== sessionA.patientId)
        throw new ApiError({
          code: 'invalid-input',
          message: 'Both sessions of a comparison must be of the same patient.',
        });
      if (sessionB && sessionB.id === sessionA.id)
        throw new ApiError({ code: 'invalid-input', message: 'Choose two different sessions to compare.' });
      const patient = deps.patients.get(sessionA.patientId);
      if (!patient) throw new ApiError({ code: 'not-found', message: 'The patient was not found.' });
      if (!patient.dateOfBirth)
        throw new ApiError({
          code: 'conflict',
          message: `Enter ${patient.name}'s date of birth first: the report prints the age at each session.`,
        });

      const sessions = [
        { session: sessionA, trialId: input.trialId },
        ...(sessionB ? [{ session: sessionB, trialId: input.compareTrialId }] : []),
      ];
      const views = sessions.map(({ session, trialId }) => {
        const v = analysedViews(deps, session.id, trialId);
        if (v.length === 0)
          throw new ApiError({
            code: 'conflict',
            message: `The session of ${session.date} (${session.condition}) has no analysed trial yet: analyse a trial first.`,
          });
        return v;
      });
      const sessionInputs = sessions.map(({ session }, i): SessionInput => ({
        sessionId: session.id,
        date: session.date,
        condition: session.condition,
        examiner: session.examiner,
        analysis: sessionAnalysisInput(
          views[i]!,
          new Map(deps.trials.listForSession(session.id, true).map((t) => [t.id, t.name])),
        ),
      }));

      let normativeSet: NormativeSet | undefined;
      let normativeSetId: string | null = null;
      let normativeChoice: string | null = null;
      const wanted = input.normativeSetId ?? 'auto';
      if (wanted === 'auto') {
        const c = chooseForSession(deps, sessionA.id);
        if (c) {
          normativeSet = c.row.set;
          normativeSetId = c.row.id;
          normativeChoice = `Chosen automatically by age and walking speed: ${c.reasons.join(' ')}`;
        }
      } else if (wanted !== 'none') {
        const row = store.getNormativeSet(wanted);
        if (!row)
          throw new ApiError({ code: 'not-found', message: 'The normative reference set was not found.' });
        normativeSet = row.set;
        normativeSetId = row.id;
      }

      const spatiotemporalNormals = walkwayNormals(store.labSettings().spatiotemporalTable, {
        sex: patient.sex,
        ageYears: ageAtDate(patient.dateOfBirth, sessionA.date).decimalYears,
        speeds: [sessionInputs[0]!.analysis.left, sessionInputs[0]!.analysis.right].flatMap((s) => {
          const v = s?.spatiotemporal.speedMps?.mean;
          return v === undefined ? [] : [v];
        }),
        set: normativeSet,
      });

      const note = store.reportNote(sessionA.id, sessionB?.id);
      const lab = labSettingsInfo(store, root);
      const model = buildReportModel({
        lab: {
          name: lab.labName,
          ...(lab.department ? { department: lab.department } : {}),
          ...(lab.address ? { address: lab.address } : {}),
          ...(lab.phone ? { phone: lab.phone } : {}),
        },
        patient: {
          name: patient.name,
          hospitalId: patient.hospitalId,
          dateOfBirth: patient.dateOfBirth,
          ...(patient.diagnosis ? { diagnosis: patient.diagnosis } : {}),
          ...(patient.gmfcsLevel ? { gmfcsLevel: patient.gmfcsLevel as GmfcsLevel } : {}),
          ...(AFFECTED.includes(patient.affectedSide)
            ? { affectedSide: patient.affectedSide as AffectedSide }
            : {}),
          ...(patient.legLengthM ? { legLengthM: patient.legLengthM } : {}),
        },
        sessions: sessionInputs.length === 2 ? [sessionInputs[0]!, sessionInputs[1]!] : [sessionInputs[0]!],
        ...(normativeSet ? { normativeSet } : {}),
        ...(spatiotemporalNormals ? { spatiotemporalNormals } : {}),
        ...(note ? { interpretation: note.text } : {}),
        signature: {
          clinicianName: note?.clinicianName || sessionA.examiner,
          ...(note?.role ? { role: note.role } : {}),
        },
        generatedAt: new Date().toISOString(),
      });
      // The shared declaration the renderer reads must keep fitting what the model builds.
      const modelView: ReportModelView = model;

      const side: SideName = patient.affectedSide === 'right' ? 'right' : 'left';
      const stills: ReportStillView[] = [];
      let stillsMessage: string | null = null;
      const noVideo: string[] = [];
      for (const [i, { session }] of sessions.entries()) {
        // Stills come from a video: a marker-based trial has none.
        const view = views[i]!.find(
          (v) => v.videoRelativePath && v.cycles.some((c) => c.side === side && !c.excluded),
        );
        if (!view) {
          if (views[i]!.length > 0 && views[i]!.every((v) => !v.videoRelativePath))
            noVideo.push(
              `Session ${i === 0 ? 'A' : 'B'} is a marker-based capture: it has no video to take stills from.`,
            );
          continue;
        }
        const trialName = deps.trials.get(view.trialId)?.name ?? view.trialId;
        try {
          const track = readPoseTrackView(deps, view.trialId, view.camera);
          if (!track) {
            // The analysis is there but not the pose it was made from (its folder moved or deleted).
            stillsMessage = `Video stills could not be made: the pose track of trial "${trialName}" (${view.camera}) is missing from the lab folder. Analyse the trial again to make it.`;
            continue;
          }
          stills.push(
            ...(await reportStills({
              labRoot: root,
              sessionKey: i === 0 ? 'A' : 'B',
              view,
              track,
              side,
              trialDirRelative: trialDirRelative(session.patientId, session.id, view.trialId),
            })),
          );
        } catch (err) {
          // On paper: the trial's missing video named as the lab's file, else the reason without
          // this computer's paths.
          const gone = !existsSync(resolveInsideLab(root, view.videoRelativePath));
          const reason = gone
            ? missingRecordingMessage(trialName, `${view.camera} video`, view.videoRelativePath)
            : err instanceof Error
              ? err.message
              : String(err);
          stillsMessage = `Video stills could not be made: ${withoutPaths(reason)}`;
        }
      }
      // Said beside the other session's stills; a report with no video at all has no stills section.
      if (noVideo.length > 0 && stills.length > 0)
        stillsMessage = [...noVideo, stillsMessage].filter(Boolean).join(' ');
      const result: ReportView = {
        model: modelView,
        lab,
        normativeSetId,
        normativeChoice,
        stills,
        stillsMessage,
        interpretationUpdatedAt: note?.updatedAt ?? null,
        trials: views.map((v, i) => ({ sessionKey: i === 0 ? 'A' : 'B', trialIds: v.map((x) => x.trialId) })),
      };
      return result;
    },
    'reports.saveInterpretation': ({ sessionId, compareSessionId, text, clinicianName, role }) => {
      sessionOrThrow(deps, sessionId, 'session');
      if (compareSessionId) sessionOrThrow(deps, compareSessionId, 'comparison session');
      const saved = store.saveReportNote(sessionId, compareSessionId, {
        text,
        clinicianName: clinicianName ?? '',
        role: role ?? '',
      });
      return { updatedAt: saved.updatedAt };
    },
  };
}
