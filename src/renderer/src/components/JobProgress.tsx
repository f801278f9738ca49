import type { JobProgressEvent } from '../../../shared/api/events';
import { formatDuration } from '../review/labels';

/** A running job as a clinician reads it: what it is doing, how far, how long is left. */
export function JobProgress({ job, label }: { job: JobProgressEvent; label: string }) {
  const pct = job.total > 0 ? Math.min(100, Math.round((100 * job.done) / job.total)) : null;
  const left = job.etaS !== null && job.etaS > 0 ? `about ${formatDuration(job.etaS)} left` : '';
  const rate = job.ratePerS ? `${job.ratePerS.toFixed(1)} frames/s` : '';
  return (
    <div className="job-progress">
      <progress
        max={100}
        value={pct ?? undefined}
        aria-label={label}
        aria-valuetext={pct === null ? 'Starting' : `${pct} %`}
      />
      <span className="job-text" aria-live="polite">
        {job.message ?? 'Working'}
        {pct !== null && ` · ${pct} %`}
        {left && ` · ${left}`}
        {rate && <span className="muted"> · {rate}</span>}
      </span>
    </div>
  );
}
