import type { TrialStatus } from '../../../shared/api/entities';

const TEXT: Record<TrialStatus, string> = {
  empty: 'No video',
  recording: 'Recording',
  recorded: 'Ready to analyse',
  analysing: 'Analysing',
  analysed: 'Analysed',
  failed: 'Failed',
};

/** Trial status in words, with a colour that is never the only cue. */
export function StatusBadge({ status }: { status: TrialStatus }) {
  return <span className={`status status-${status}`}>{TEXT[status]}</span>;
}
