import { useState } from 'react';
import { api } from '../api';
import { useAsync } from '../use-async';
import { href, navigate } from '../router';
import { Breadcrumb } from '../components/Breadcrumb';
import { ErrorBanner } from '../components/ErrorBanner';
import { SessionForm } from '../components/SessionForm';
import { patientSummary, today } from '../format';

function NewSessionForm({ patientId, onCreated }: { patientId: string; onCreated: () => void }) {
  return (
    <SessionForm
      title="New session"
      initial={{ date: today(), condition: 'barefoot', examiner: '', notes: '' }}
      submitLabel="Create session"
      onSubmit={async (values) => {
        const s = await api['sessions.create']({ patientId, ...values });
        onCreated();
        navigate({ page: 'session', id: s.id });
      }}
    />
  );
}

export function PatientPage({ id }: { id: string }) {
  const [showArchived, setShowArchived] = useState(false);
  const patient = useAsync(() => api['patients.get']({ id }), [id]);
  const sessions = useAsync(
    () => api['sessions.list']({ patientId: id, includeArchived: showArchived }),
    [id, showArchived],
  );
  const [actionError, setActionError] = useState<string | null>(null);
  const p = patient.data;

  async function toggleArchive() {
    if (!p) return;
    try {
      if (p.archivedAt) await api['patients.restore']({ id });
      else await api['patients.archive']({ id });
      patient.reload();
    } catch (e) {
      setActionError((e as Error).message);
    }
  }

  async function toggleSession(sessionId: string, archived: boolean) {
    try {
      if (archived) await api['sessions.restore']({ id: sessionId });
      else await api['sessions.archive']({ id: sessionId });
      sessions.reload();
    } catch (e) {
      setActionError((e as Error).message);
    }
  }

  return (
    <main>
      <Breadcrumb items={[{ href: href({ page: 'patients' }), label: 'Patients' }]} />
      <ErrorBanner message={patient.error ?? sessions.error ?? actionError} />
      {p && (
        <>
          <div className="page-head">
            <h1>
              {p.name} {p.archivedAt && <span className="tag">archived</span>}
            </h1>
            <div className="actions">
              <a className="button" href={href({ page: 'patient-edit', id })}>
                Edit
              </a>
              <button type="button" onClick={toggleArchive}>
                {p.archivedAt ? 'Restore patient' : 'Archive patient'}
              </button>
            </div>
          </div>
          <p className="subtitle">{patientSummary(p)}</p>
          <dl className="facts">
            <dt>Hospital ID</dt>
            <dd>{p.hospitalId || '—'}</dd>
            <dt>Date of birth</dt>
            <dd>{p.dateOfBirth ?? '—'}</dd>
            <dt>Sex</dt>
            <dd>{p.sex}</dd>
            <dt>Height</dt>
            <dd>{p.heightM === null ? '—' : `${p.heightM.toFixed(2)} m`}</dd>
            <dt>Leg length</dt>
            <dd>{p.legLengthM === null ? '—' : `${p.legLengthM.toFixed(2)} m`}</dd>
            <dt>Mass</dt>
            <dd>{p.massKg === null ? '—' : `${p.massKg} kg`}</dd>
          </dl>

          <section aria-labelledby="sessions-title">
            <div className="page-head">
              <h2 id="sessions-title">Sessions</h2>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={showArchived}
                  onChange={(e) => setShowArchived(e.target.checked)}
                />
                Show archived
              </label>
            </div>
            {sessions.data && sessions.data.length === 0 && <p className="empty">No sessions yet.</p>}
            {sessions.data && sessions.data.length > 0 && (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Condition</th>
                    <th scope="col">Examiner</th>
                    <th scope="col">Trials</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sessions.data.map((s, i, all) => (
                    <tr key={s.id} className={s.archivedAt ? 'archived' : ''}>
                      <td>
                        <a href={href({ page: 'session', id: s.id })}>{s.date}</a>
                      </td>
                      <td>{s.condition}</td>
                      <td>{s.examiner}</td>
                      <td>{s.trialCount}</td>
                      <td>
                        <a className="button small" href={href({ page: 'report', sessionId: s.id })}>
                          Report
                        </a>{' '}
                        {all[i + 1] && (
                          <>
                            <a
                              className="button small"
                              href={href({
                                page: 'report',
                                sessionId: all[i + 1]!.id,
                                compareSessionId: s.id,
                              })}
                              title={`Report comparing ${all[i + 1]!.date} (before) with ${s.date} (after)`}
                            >
                              Compare with {all[i + 1]!.date}
                            </a>{' '}
                          </>
                        )}
                        <button
                          type="button"
                          className="small"
                          onClick={() => toggleSession(s.id, Boolean(s.archivedAt))}
                        >
                          {s.archivedAt ? 'Restore' : 'Archive'}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {!p.archivedAt && <NewSessionForm patientId={id} onCreated={sessions.reload} />}
          </section>
        </>
      )}
    </main>
  );
}
