import { api } from '../api';
import { href } from '../router';
import { Breadcrumb } from '../components/Breadcrumb';
import { useAsync } from '../use-async';
import { ErrorBanner } from '../components/ErrorBanner';
import { CaptureReportView } from '../capture/CaptureReportView';
import '../capture/capture.css';

/** A trial's videos and their sync quality, e.g. after a recovery. */
export function CaptureReportPage({ trialId }: { trialId: string }) {
  const trial = useAsync(() => api['trials.get']({ id: trialId }), [trialId]);
  const report = useAsync(() => api['capture.report']({ trialId }), [trialId]);
  const t = trial.data;
  return (
    <main>
      <Breadcrumb
        items={[
          { href: href({ page: 'patients' }), label: 'Patients' },
          t && { href: href({ page: 'session', id: t.sessionId }), label: 'Session' },
        ]}
      />
      <ErrorBanner message={trial.error ?? report.error} />
      {t && (
        <>
          <h1>
            {t.name} <span className="tag">{t.status}</span>
          </h1>
          {t.statusMessage && <p role="status">{t.statusMessage}</p>}
        </>
      )}
      {report.data && <CaptureReportView report={report.data} />}
      {report.data === null && t && <p className="empty">This trial has no sync report yet.</p>}
    </main>
  );
}
