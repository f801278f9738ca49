// Follows the analyses running for a set of trials: which job is whose (analysis.jobs) and how far
// each has got (job.progress events). Survives page reloads because the services know the jobs.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobProgressEvent } from '../../../shared/api/events';
import { api, onLabEvent } from '../api';

export interface AnalysisJobs {
  /** Latest progress per trial id, while running and just after it ended. */
  byTrial: Record<string, JobProgressEvent>;
  track: (trialId: string, jobId: string) => void;
}

export function useAnalysisJobs(
  sessionId: string | null,
  onTrialChanged: (trialId: string) => void,
): AnalysisJobs {
  const [byTrial, setByTrial] = useState<Record<string, JobProgressEvent>>({});
  const jobToTrial = useRef(new Map<string, string>());
  const changedRef = useRef(onTrialChanged);
  changedRef.current = onTrialChanged;

  const track = useCallback((trialId: string, jobId: string) => {
    jobToTrial.current.set(jobId, trialId);
    setByTrial((m) => ({
      ...m,
      [trialId]: {
        type: 'job.progress',
        jobId,
        label: '',
        done: 0,
        total: 0,
        ratePerS: null,
        etaS: null,
        state: 'running',
        message: 'Starting',
      },
    }));
    // A short job (a marker file analysed again) can end before its id reaches this page, its last
    // event unheard: ask where it stands.
    void api['jobs.list']({}).then(
      (jobs) => {
        const job = jobs.find((j) => j.jobId === jobId);
        if (job && job.state !== 'running')
          setByTrial((m) =>
            m[trialId]?.jobId === jobId && m[trialId].state === 'running' ? { ...m, [trialId]: job } : m,
          );
      },
      () => undefined,
    );
  }, []);

  useEffect(() => {
    let live = true;
    const off = onLabEvent((event) => {
      if (event.type === 'data.changed') {
        if (event.entity === 'trial') changedRef.current(event.id);
        return;
      }
      const trialId = jobToTrial.current.get(event.jobId);
      if (trialId) setByTrial((m) => ({ ...m, [trialId]: event }));
    });
    // Jobs started before this page opened (another window, a reload).
    void Promise.all([api['analysis.jobs'](sessionId ? { sessionId } : {}), api['jobs.list']({})]).then(
      ([links, jobs]) => {
        if (!live) return;
        const next: Record<string, JobProgressEvent> = {};
        for (const { trialId, jobId } of links) {
          jobToTrial.current.set(jobId, trialId);
          const job = jobs.find((j) => j.jobId === jobId);
          if (job) next[trialId] = job;
        }
        setByTrial((m) => ({ ...next, ...m }));
      },
      () => undefined,
    );
    return () => {
      live = false;
      off();
    };
  }, [sessionId]);

  return { byTrial, track };
}
