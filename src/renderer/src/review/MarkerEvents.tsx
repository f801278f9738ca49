// A marker-based trial's gait events come from its motion-capture system (the events stored in the
// file, placed in the lab's own software) or from GaitLab's detector, the one video trials use: a
// researcher compares them, and a file whose stored events are incomplete or doubtful is still
// analysed. The choice re-runs the analysis from the file and is kept by the trial.
import { useEffect, useState } from 'react';
import type { TrialAnalysisView } from '../../../shared/api/analysis-types';
import { ErrorBanner } from '../components/ErrorBanner';
import { useReanalysis } from './use-reanalysis';

type Base = 'file' | 'detected';

/** Whose events the analysis starts from (views stored before it was kept say it only without hand edits). */
function baseOf(p: TrialAnalysisView['provenance']): Base | undefined {
  if (p.baseEvents === 'file' || p.baseEvents === 'detected') return p.baseEvents;
  return p.eventsFrom === 'file' || p.eventsFrom === 'detected' ? p.eventsFrom : undefined;
}

export function MarkerEvents({
  analysis: a,
  onStarted,
}: {
  analysis: TrialAnalysisView;
  onStarted: (jobId: string) => void;
}) {
  const { failure, busy, start } = useReanalysis(a.trialId, a.camera, onStarted);
  const p = a.provenance;
  const base = baseOf(p);
  const count = typeof p.fileEventCount === 'number' ? p.fileEventCount : null;
  // Stored views before the check was kept: let the analysis say whether the file's events suffice.
  const usable = p.fileEventsUsable !== false;
  // The choice shows as made while the analysis runs; a refused one goes back.
  const [pending, setPending] = useState<Base | undefined>(undefined);
  useEffect(() => setPending(undefined), [base, a.eventsEditedByHand]);
  const shown = pending ?? base;
  const choose = (to: Base) => {
    if (to === shown) return;
    setPending(to);
    void start({ markerEvents: to === 'file' ? 'file' : 'detect' }).then((ok) => {
      if (!ok) setPending(undefined);
    });
  };
  return (
    <fieldset className="marker-events" disabled={busy}>
      <legend>Gait events</legend>
      <label className="checkbox">
        <input
          type="radio"
          name={`marker-events-${a.trialId}`}
          checked={shown === 'file'}
          disabled={!usable}
          onChange={() => choose('file')}
        />{' '}
        Stored in the file by its motion-capture system
        {count === null
          ? ''
          : usable
            ? ` (${count} events)`
            : count > 0
              ? ` (${count} events, not a contact of each foot: cannot be used)`
              : ' (it stores none)'}
      </label>
      <label className="checkbox">
        <input
          type="radio"
          name={`marker-events-${a.trialId}`}
          checked={shown === 'detected'}
          onChange={() => choose('detected')}
        />{' '}
        GaitLab&rsquo;s detector, as for video (coordinate-based, Zeni 2008)
      </label>
      <p className="muted">
        {busy
          ? 'Analysing the file again…'
          : a.eventsEditedByHand
            ? 'Events were corrected by hand in the events panel below: choosing the other source replaces the corrections.'
            : 'Choosing analyses the file again from that source’s events. With GaitLab’s detector, the notes above hold its events against the file’s.'}
      </p>
      <ErrorBanner message={failure} />
    </fieldset>
  );
}
