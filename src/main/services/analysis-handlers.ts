import type { HandlersFor } from '../../shared/api/op';
import type { analysisOperations } from '../../shared/api/ops/analysis';
import { ApiError } from '../../shared/api/envelope';
import { addEvent, moveEvent, removeEvent } from '../gait/gait-events';
import type { GaitEvent } from '../gait/types';
import {
  analyseTrialCameras,
  filmedTrialEventsRefusal,
  readAnalysis,
  readPoseTrackView,
  reanalyse,
  type AnalysisDeps,
} from './trial-analysis';
import { scannedPeople } from './scanned-people';
import { isMarkerTrial, type TrialInfo } from '../../shared/api/entities';
import { MARKER_CAPTURE_CAMERA, type TrialAnalysisView } from '../../shared/api/analysis-types';
import { gaitEventInWords } from '../../shared/gait-event-words';

/**
 * Whose events a trial is to use, refused before a job starts when it cannot apply: a filmed trial,
 * or the file's events when its analysis found none for both feet.
 */
function refuseMarkerEvents(deps: AnalysisDeps, trial: TrialInfo, choice: 'file' | 'detect' | null): void {
  if (!isMarkerTrial(trial)) throw filmedTrialEventsRefusal(trial);
  if (choice !== 'file') return;
  const p = readAnalysis(deps, trial.id, MARKER_CAPTURE_CAMERA)?.provenance;
  if (p?.fileEventsUsable === false)
    throw new ApiError({
      code: 'invalid-input',
      message: `${String(p.markerFile)} stores no gait events for both feet${p.fileEventCount ? ` (${String(p.fileEventCount)} stored)` : ''}: its events come from GaitLab's detector.`,
    });
}

/** The events a hand edit starts from: the earlier hand edits, else the analysis' own. */
const eventsToEdit = (current: TrialAnalysisView, row: { editedEvents: GaitEvent[] | null }): GaitEvent[] =>
  row.editedEvents ?? current.events.map((e) => ({ ...e }));

export function analysisHandlers(deps: AnalysisDeps): HandlersFor<typeof analysisOperations> {
  // Crashed or killed runs left rows 'analysing': say so instead of showing a spinner forever (not
  // for trials another GaitLab process is analysing now). Best effort: a full disk must not stop
  // the lab from opening to be read; they are settled at a later look.
  const settleInterrupted = (): void => {
    try {
      deps.analyses.markInterrupted();
    } catch {
      // Left for a later look.
    }
  };
  settleInterrupted();

  // Which job analyses which trial: job events carry no trial id, and pages need the link.
  const running = new Map<string, string>();

  return {
    'analysis.start': ({
      trialId,
      camera,
      heightM,
      person,
      floor,
      beltSpeedMps,
      markerEvents,
      cutoffHz,
      turnDeg,
      mirror,
      fileAs,
    }) => {
      const trial = deps.trials.get(trialId);
      if (!trial) throw new ApiError({ code: 'not-found', message: 'The trial was not found.' });
      if (trial.status === 'analysing') {
        throw new ApiError({ code: 'conflict', message: `Trial "${trial.name}" is already being analysed.` });
      }
      if (markerEvents !== undefined) refuseMarkerEvents(deps, trial, markerEvents);
      const { jobId, done } = deps.jobs.start(`Analysing ${trial.name}`, (r) =>
        analyseTrialCameras(deps, trialId, {
          ...(camera ? { camera } : {}),
          ...(heightM !== undefined ? { heightM } : {}),
          ...(person !== undefined ? { person } : {}),
          ...(floor !== undefined ? { floor } : {}),
          ...(beltSpeedMps !== undefined ? { beltSpeedMps } : {}),
          ...(markerEvents !== undefined ? { markerEvents } : {}),
          ...(cutoffHz !== undefined ? { cutoffHz } : {}),
          ...(turnDeg !== undefined ? { turnDeg } : {}),
          ...(mirror ? { mirror } : {}),
          ...(fileAs ? { fileAs } : {}),
          signal: r.signal,
          onProgress: (d, t, m) => r.progress(d, t, m),
        }),
      );
      running.set(trialId, jobId);
      // The outcome is stored on the trial; the job event carries the message for the UI.
      done
        .catch(() => undefined)
        .finally(() => {
          if (running.get(trialId) === jobId) running.delete(trialId);
        });
      return { jobId };
    },
    'analysis.jobs': ({ sessionId }) => {
      // A page asking what runs: analyses another GaitLab process left when it ended are settled
      // now, not when this one next opens the lab.
      settleInterrupted();
      return [...running]
        .filter(([trialId]) => !sessionId || deps.trials.get(trialId)?.sessionId === sessionId)
        .map(([trialId, jobId]) => ({ trialId, jobId }));
    },
    'analysis.get': ({ trialId, camera }) => readAnalysis(deps, trialId, camera),
    'analysis.poseTrack': ({ trialId, camera }) => readPoseTrackView(deps, trialId, camera),
    'analysis.people': ({ trialId, camera }) => scannedPeople(deps, trialId, camera),
    'analysis.moveEvent': ({ trialId, camera, side, kind, fromFrame, toFrame }) =>
      reanalyse(deps, trialId, camera, (current, row) => {
        const base = eventsToEdit(current, row);
        const moved = moveEvent(base, side, kind, fromFrame, toFrame);
        if (moved.every((e, i) => e.frame === base[i]?.frame)) {
          throw new ApiError({
            code: 'invalid-input',
            message: `No ${side} ${kind} event near frame ${fromFrame}.`,
          });
        }
        return { editedEvents: moved };
      }),
    'analysis.addEvent': ({ trialId, camera, side, kind, frame }) =>
      reanalyse(deps, trialId, camera, (current, row) => {
        const base = eventsToEdit(current, row);
        if (frame > current.frameCount - 1)
          throw new ApiError({
            code: 'invalid-input',
            message: `Frame ${frame} is past the end of the recording (frames 0-${current.frameCount - 1}).`,
          });
        // Two events of one kind for one foot a frame apart are one event placed twice.
        const twin = base.find((e) => e.side === side && e.kind === kind && Math.abs(e.frame - frame) < 2);
        if (twin)
          throw new ApiError({
            code: 'invalid-input',
            message: `There is already a ${gaitEventInWords(side, kind)} at frame ${twin.frame.toFixed(1)}: move that one instead.`,
          });
        return { editedEvents: addEvent(base, side, kind, frame) };
      }),
    'analysis.removeEvent': ({ trialId, camera, side, kind, frame }) =>
      reanalyse(deps, trialId, camera, (current, row) => {
        const base = eventsToEdit(current, row);
        const left = removeEvent(base, side, kind, frame);
        if (left.length === base.length)
          throw new ApiError({
            code: 'invalid-input',
            message: `No ${gaitEventInWords(side, kind)} within 3 frames of frame ${frame}.`,
          });
        return { editedEvents: left };
      }),
    'analysis.setEvents': ({ trialId, camera, events }) =>
      reanalyse(deps, trialId, camera, () => ({
        editedEvents: events ? events.map((e) => ({ ...e })) : null,
      })),
    'analysis.setCycleExcluded': ({ trialId, camera, side, index, excluded }) =>
      reanalyse(deps, trialId, camera, (_c, row) => {
        const key = `${side}:${index}`;
        const set = new Set(row.excludedCycles);
        if (excluded) set.add(key);
        else set.delete(key);
        return { excludedCycles: [...set] };
      }),
  };
}
