// A trial from a motion-capture system instead of cameras: one marker file (C3D, TRC) kept in the
// trial folder and analysed from it, stored under the camera name "markers" like a camera's
// analysis. So a Vicon session sits beside markerless ones in review (events, cycles, curves),
// reports (a pre-op Vicon assessment against a post-op GaitLab one) and a lab's reference set.
import { existsSync } from 'node:fs';
import { ApiError } from '../../shared/api/envelope';
import { MARKER_CAPTURE_CAMERA, type TrialAnalysisView } from '../../shared/api/analysis-types';
import type { TrialInfo } from '../../shared/api/entities';
import type { AnalysisResult } from '../gait/analyse';
import type { GaitEvent } from '../gait/types';
import { resolveInsideLab } from '../store/lab-folder';
import { beltSpeedOf, cutoffOf } from './analysis-settings';
import { readStoredView, storeAnalysisView, trialDirOf } from './analysis-store';
import { analysisToView, failedView, type ViewContext } from './analysis-view';
import {
  agreementSummary,
  analyseMarkerFile,
  MarkerFileError,
  modelAngleSummary,
  type MarkerFileAnalysis,
} from './marker-file-analysis';
import type { AnalysisDeps } from './trial-analysis';
import { missingRecordingMessage } from '../../shared/missing-recording';

/** Where a marker trial's file is kept, relative to the lab. */
function markerFileOf(trial: TrialInfo): string {
  const file = trial.files.find((f) => f.kind === 'markers');
  if (!file) throw new ApiError({ code: 'conflict', message: `Trial "${trial.name}" holds no marker file.` });
  return file.relativePath;
}

/** The settings a marker trial is analysed with, as kept on its analysis row. */
export interface MarkerTrialSettings {
  /** The file's name when imported (the trial folder keeps it as markers.c3d / markers.trc). */
  fileName: string;
  /** Whose events, unless set by hand: the file's (when it has both feet's) or GaitLab's detector. */
  events: 'file' | 'detect' | null;
  beltSpeedMps: number | null;
  /** Low-pass cutoff, Hz; null: the default. */
  cutoffHz: number | null;
}

function settingsOf(
  row: { settings: Record<string, unknown> } | undefined,
  trial: TrialInfo,
): MarkerTrialSettings {
  const s = row?.settings ?? {};
  return {
    fileName: typeof s.fileName === 'string' ? s.fileName : markerFileOf(trial).split('/').pop()!,
    events: s.events === 'file' || s.events === 'detect' ? s.events : null,
    beltSpeedMps: beltSpeedOf(s),
    cutoffHz: cutoffOf(s),
  };
}

/** What a marker trial's numbers come from, as review and reports show it. */
function markerProvenance(r: MarkerFileAnalysis): TrialAnalysisView['provenance'] {
  return {
    appVersion: r.provenance.appVersion,
    markerFile: r.name,
    markerFormat: r.format,
    markerFileSha256: r.provenance.fileSha256,
    markerCount: r.markerCount,
    markerRateHz: r.rateHz,
    markerUnit: r.unit,
    markerUp: r.up,
    eventsFrom: r.eventsFrom,
    baseEvents: r.baseEvents,
    fileEventCount: r.fileEvents.length,
    fileEventsUsable: r.fileEventsUsable,
    filter: r.provenance.filter,
    eventMethod: r.analysis.eventMethod,
    analysedAt: r.provenance.analysedAt,
  };
}

/**
 * What review shows above a marker trial's numbers: how its events agree with the file's own and
 * with the force plates, and its angles with the file's Plug-in Gait angles (whose events they are
 * is said by the events panel and the provenance).
 */
function markerNotes(r: MarkerFileAnalysis): string[] {
  const notes: string[] = [];
  if (r.agreement)
    notes.push(
      agreementSummary(
        r.agreement,
        r.rateHz,
        r.eventsFrom === 'hand' ? 'The events' : 'Detected events',
        `the file's ${r.agreement.length}`,
      ),
    );
  if (r.plateAgreement)
    notes.push(
      agreementSummary(
        r.plateAgreement,
        r.rateHz,
        'The events',
        `the force plates' ${r.plateAgreement.length} contacts and releases`,
      ),
    );
  if (r.modelAngles) notes.push(modelAngleSummary(r.modelAngles));
  return notes;
}

/**
 * Analyses a marker file as it would be stored for a trial (the trial's settings and hand edits),
 * without storing it. Throws MarkerFileError when the file cannot be analysed.
 */
export function analyseMarkerSource(
  path: string,
  settings: MarkerTrialSettings,
  edits: { editedEvents: readonly GaitEvent[] | null; excludedCycles: readonly string[] } = {
    editedEvents: null,
    excludedCycles: [],
  },
): MarkerFileAnalysis {
  return analyseMarkerFile(path, {
    displayName: settings.fileName,
    ...(settings.events ? { events: settings.events } : {}),
    ...(settings.beltSpeedMps !== null ? { beltSpeedMps: settings.beltSpeedMps } : {}),
    ...(settings.cutoffHz !== null ? { cutoffHz: settings.cutoffHz } : {}),
    ...(edits.editedEvents ? { editedEvents: edits.editedEvents } : {}),
    excludedCycles: edits.excludedCycles,
  });
}

/** The stored-view form of a marker file's analysis (no video, no pose track). */
export function markerTrialView(trial: TrialInfo, r: MarkerFileAnalysis): TrialAnalysisView {
  const vc: ViewContext = {
    trialId: trial.id,
    camera: MARKER_CAPTURE_CAMERA,
    videoRelativePath: '',
    lowConfidenceFrames: [],
    eventsEditedByHand: r.eventsFrom === 'hand',
    provenance: markerProvenance(r),
    notes: markerNotes(r),
  };
  return analysisToView(r.analysis, vc);
}

/**
 * Analyses a marker trial again from its stored file, with its settings and hand edits, and stores
 * the result: after an edit in review, a new belt speed, another choice of events, or "Re-analyse".
 * A file that can no longer be analysed (the edits leave no cycle, say) gives a failed analysis with
 * the reason. Choosing whose events (the file's or GaitLab's detector) replaces hand edits, which
 * were made to the other events; a choice the file cannot be analysed with is refused and nothing
 * is stored.
 */
export function analyseMarkerTrial(
  deps: AnalysisDeps,
  trial: TrialInfo,
  change: { beltSpeedMps?: number | null; events?: 'file' | 'detect' | null; cutoffHz?: number | null } = {},
): TrialAnalysisView {
  const row = deps.analyses.get(trial.id, MARKER_CAPTURE_CAMERA);
  const settings = settingsOf(row, trial);
  if (change.beltSpeedMps !== undefined) settings.beltSpeedMps = change.beltSpeedMps;
  if (change.cutoffHz !== undefined) settings.cutoffHz = change.cutoffHz;
  // Another source of events than the analysis had: hand edits made to its events do not carry over.
  const before = row?.resultPath ? readStoredView(deps, row.resultPath).provenance : {};
  const baseOf = (choice: 'file' | 'detect' | null) =>
    choice === 'detect' || (choice === null && before.fileEventsUsable === false) ? 'detected' : 'file';
  const newEvents = change.events !== undefined && baseOf(change.events) !== baseOf(settings.events);
  if (change.events !== undefined) settings.events = change.events;
  const editedEvents = newEvents ? null : ((row?.editedEvents as GaitEvent[] | null) ?? null);
  const path = resolveInsideLab(deps.layout.root, markerFileOf(trial));
  let view: TrialAnalysisView;
  try {
    if (!existsSync(path))
      throw new MarkerFileError(missingRecordingMessage(trial.name, 'marker file', markerFileOf(trial)));
    view = markerTrialView(
      trial,
      analyseMarkerSource(path, settings, { editedEvents, excludedCycles: row?.excludedCycles ?? [] }),
    );
  } catch (err) {
    if (!(err instanceof MarkerFileError)) throw err;
    if (newEvents)
      throw new ApiError({ code: 'invalid-input', message: `${err.message} Nothing was changed.` });
    view = failedView(
      {
        trialId: trial.id,
        camera: MARKER_CAPTURE_CAMERA,
        videoRelativePath: '',
        lowConfidenceFrames: [],
        eventsEditedByHand: Boolean(editedEvents),
        provenance: { markerFile: settings.fileName },
      },
      err.message,
    );
  }
  if (newEvents && row?.editedEvents)
    deps.analyses.upsert(trial.id, MARKER_CAPTURE_CAMERA, { editedEvents: null });
  storeAnalysisView(deps, trialDirOf(deps, trial), view, { ...row?.settings, ...settings });
  deps.trials.setStatus(trial.id, view.status === 'analysed' ? 'analysed' : 'failed', view.message);
  deps.events.emit({ type: 'data.changed', entity: 'trial', id: trial.id });
  return view;
}

/** The gait module's result for a marker trial (for the CLI's summary and tidy CSV), or null. */
export function markerTrialGaitAnalysis(deps: AnalysisDeps, trial: TrialInfo): AnalysisResult | null {
  const row = deps.analyses.get(trial.id, MARKER_CAPTURE_CAMERA);
  if (!row?.resultPath) return null;
  try {
    const r = analyseMarkerSource(
      resolveInsideLab(deps.layout.root, markerFileOf(trial)),
      settingsOf(row, trial),
      { editedEvents: (row.editedEvents as GaitEvent[] | null) ?? null, excludedCycles: row.excludedCycles },
    );
    return { ok: true, analysis: r.analysis };
  } catch (err) {
    if (err instanceof MarkerFileError) return null;
    throw err;
  }
}
