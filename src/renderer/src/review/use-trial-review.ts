// The analysis under review and the clinician's corrections. Every edit is sent to the services,
// which re-run the gait analysis from the stored pose; the page shows what they return. Undo keeps
// the event lists as they were before each edit, on this page only.
import { useCallback, useEffect, useState } from 'react';
import type {
  GaitEventView,
  PoseTrackView,
  SideName,
  TrialAnalysisView,
} from '../../../shared/api/analysis-types';
import { api } from '../api';
import { gaitEventInWords } from '../../../shared/gait-event-words';

interface Snapshot {
  events: GaitEventView[];
  /** false: the events were the automatic ones, so undoing returns to automatic detection. */
  byHand: boolean;
}

export interface TrialReview {
  analysis: TrialAnalysisView | null;
  pose: PoseTrackView | null;
  loading: boolean;
  busy: boolean;
  error: string | null;
  canUndo: boolean;
  lastChange: string | null;
  reload: () => void;
  /**
   * After the trial was analysed again (another person, belt speed, source of events): its events
   * are new, so the undo history of the old ones and the last change go.
   */
  forgetEdits: () => void;
  moveEvent: (event: GaitEventView, toFrame: number) => void;
  /** An event the detector missed, placed at a frame by hand. */
  addEvent: (side: SideName, kind: GaitEventView['kind'], frame: number) => void;
  /** A spurious event taken away. */
  removeEvent: (event: GaitEventView) => void;
  undo: () => void;
  resetToAutomatic: () => void;
  setCycleExcluded: (side: SideName, index: number, excluded: boolean) => void;
}

/**
 * `camera`: the trial camera under review (undefined: the services' default one; null: not known
 * yet, load nothing, so a page that picks its default from the trial does not load another first).
 */
export function useTrialReview(trialId: string, camera?: string | null): TrialReview {
  const [analysis, setAnalysis] = useState<TrialAnalysisView | null>(null);
  const [pose, setPose] = useState<PoseTrackView | null>(null);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState<Snapshot[]>([]);
  const [lastChange, setLastChange] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  // The undo history belongs to one camera's events; and another camera's analysis is not shown
  // under this one's name while this one loads (a re-load of the same camera keeps it on screen).
  useEffect(() => {
    setHistory([]);
    setLastChange(null);
    setAnalysis(null);
    setPose(null);
  }, [trialId, camera]);

  useEffect(() => {
    if (camera === null) return;
    let live = true;
    setLoading(true);
    const which = camera ? { trialId, camera } : { trialId };
    Promise.all([api['analysis.get'](which), api['analysis.poseTrack'](which)]).then(
      ([a, p]) => {
        if (!live) return;
        setAnalysis(a);
        setPose(p);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e instanceof Error ? e.message : String(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [trialId, camera, version]);

  const run = useCallback((label: string, work: () => Promise<TrialAnalysisView>, before?: Snapshot) => {
    setBusy(true);
    setError(null);
    work().then(
      (next) => {
        if (before) setHistory((h) => [...h, before]);
        setAnalysis(next);
        setLastChange(label);
        setBusy(false);
      },
      (e: unknown) => {
        setError(`${label} failed: ${e instanceof Error ? e.message : String(e)}`);
        setBusy(false);
      },
    );
  }, []);

  const snapshot = useCallback(
    (): Snapshot | undefined =>
      analysis ? { events: analysis.events, byHand: analysis.eventsEditedByHand } : undefined,
    [analysis],
  );

  const moveEvent = useCallback(
    (event: GaitEventView, toFrame: number) => {
      const delta = toFrame - event.frame;
      const what = gaitEventInWords(event.side, event.kind);
      run(
        `Moved ${what} by ${delta > 0 ? '+' : ''}${delta.toFixed(0)} frame${Math.abs(delta) === 1 ? '' : 's'}`,
        () =>
          api['analysis.moveEvent']({
            trialId,
            ...(camera ? { camera } : {}),
            side: event.side,
            kind: event.kind,
            fromFrame: event.frame,
            toFrame,
          }),
        snapshot(),
      );
    },
    [run, snapshot, trialId, camera],
  );

  const addEvent = useCallback(
    (side: SideName, kind: GaitEventView['kind'], frame: number) => {
      run(
        `Added ${gaitEventInWords(side, kind)} at frame ${frame}`,
        () => api['analysis.addEvent']({ trialId, ...(camera ? { camera } : {}), side, kind, frame }),
        snapshot(),
      );
    },
    [run, snapshot, trialId, camera],
  );

  const removeEvent = useCallback(
    (event: GaitEventView) => {
      run(
        `Removed ${gaitEventInWords(event.side, event.kind)} at frame ${event.frame.toFixed(1)}`,
        () =>
          api['analysis.removeEvent']({
            trialId,
            ...(camera ? { camera } : {}),
            side: event.side,
            kind: event.kind,
            frame: event.frame,
          }),
        snapshot(),
      );
    },
    [run, snapshot, trialId, camera],
  );

  const undo = useCallback(() => {
    const previous = history[history.length - 1];
    if (!previous) return;
    setBusy(true);
    setError(null);
    api['analysis.setEvents']({
      trialId,
      ...(camera ? { camera } : {}),
      events: previous.byHand ? previous.events : null,
    }).then(
      (next) => {
        setHistory((h) => h.slice(0, -1));
        setAnalysis(next);
        setLastChange('Undid the last event change');
        setBusy(false);
      },
      (e: unknown) => {
        setError(`Undo failed: ${e instanceof Error ? e.message : String(e)}`);
        setBusy(false);
      },
    );
  }, [history, trialId, camera]);

  const resetToAutomatic = useCallback(() => {
    run(
      'Reset the events corrected by hand',
      () => api['analysis.setEvents']({ trialId, ...(camera ? { camera } : {}), events: null }),
      snapshot(),
    );
  }, [run, snapshot, trialId, camera]);

  const setCycleExcluded = useCallback(
    (side: SideName, index: number, excluded: boolean) => {
      run(`${excluded ? 'Excluded' : 'Included'} ${side} cycle ${index + 1}`, () =>
        api['analysis.setCycleExcluded']({ trialId, ...(camera ? { camera } : {}), side, index, excluded }),
      );
    },
    [run, trialId, camera],
  );

  return {
    analysis,
    pose,
    loading,
    busy,
    error,
    canUndo: history.length > 0,
    lastChange,
    reload: useCallback(() => setVersion((v) => v + 1), []),
    forgetEdits: useCallback(() => {
      setHistory([]);
      setLastChange(null);
    }, []),
    moveEvent,
    addEvent,
    removeEvent,
    undo,
    resetToAutomatic,
    setCycleExcluded,
  };
}
