import { api } from '../api';
import { useAsync } from '../use-async';
import { href } from '../router';
import { ErrorBanner } from '../components/ErrorBanner';

export function SessionPage({ id }: { id: string }) {
  const session = useAsync(() => api['sessions.get']({ id }), [id]);
  const s = session.data;
  const patient = useAsync(
    () => (s ? api['patients.get']({ id: s.patientId }) : Promise.resolve(null)),
    [s?.patientId],
  );
  const trials = useAsync(() => api['trials.list']({ sessionId: id }), [id]);

  return (
    <main>
      <p className="breadcrumb">
        <a href={href({ page: 'patients' })}>Patients</a>
        {patient.data && (
          <>
            {' / '}
            <a href={href({ page: 'patient', id: patient.data.id })}>{patient.data.name}</a>
          </>
        )}
      </p>
      <ErrorBanner message={session.error ?? trials.error} />
      {s && (
        <>
          <h1>
            Session {s.date} · {s.condition} {s.archivedAt && <span className="tag">archived</span>}
          </h1>
          <dl className="facts">
            <dt>Examiner</dt>
            <dd>{s.examiner || '—'}</dd>
            <dt>Notes</dt>
            <dd>{s.notes || '—'}</dd>
          </dl>
          <section aria-labelledby="trials-title">
            <h2 id="trials-title">Trials</h2>
            <p className="actions">
              <a className="button primary" href={href({ page: 'capture-record', sessionId: id })}>Record trial</a>{' '}
              <a className="button" href={href({ page: 'capture-import', sessionId: id })}>Import video</a>
            </p>
            {trials.data && trials.data.length === 0 && <p className="empty">No trials recorded or imported yet.</p>}
            {trials.data && trials.data.length > 0 && (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Trial</th>
                    <th scope="col">Status</th>
                    <th scope="col">Cameras</th>
                  </tr>
                </thead>
                <tbody>
                  {trials.data.map((t) => (
                    <tr key={t.id}>
                      <td>{t.name}</td>
                      <td>
                        {t.status}
                        {t.statusMessage && ` — ${t.statusMessage}`}
                      </td>
                      <td>{t.cameras.join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </main>
  );
}
