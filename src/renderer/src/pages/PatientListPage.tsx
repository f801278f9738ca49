import { useState } from 'react';
import { api } from '../api';
import { useAsync } from '../use-async';
import { href } from '../router';
import { ErrorBanner } from '../components/ErrorBanner';

export function PatientListPage() {
  const [search, setSearch] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const { data, error } = useAsync(
    () => api['patients.list']({ search, includeArchived }),
    [search, includeArchived],
  );

  return (
    <main>
      <div className="page-head">
        <h1>Patients</h1>
        <a className="button primary" href={href({ page: 'patient-new' })}>
          New patient
        </a>
      </div>
      <div className="toolbar">
        <label htmlFor="patient-search" className="visually-hidden">
          Search patients
        </label>
        <input
          id="patient-search"
          type="search"
          placeholder="Search by name, hospital ID or diagnosis"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={includeArchived}
            onChange={(e) => setIncludeArchived(e.target.checked)}
          />
          Show archived
        </label>
      </div>
      <ErrorBanner message={error} />
      {data && data.length === 0 && (
        <p className="empty">
          {search ? 'No patient matches this search.' : 'No patients yet. Start with “New patient”.'}
        </p>
      )}
      {data && data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Hospital ID</th>
              <th scope="col">Date of birth</th>
              <th scope="col">Diagnosis</th>
              <th scope="col">GMFCS</th>
            </tr>
          </thead>
          <tbody>
            {data.map((p) => (
              <tr key={p.id} className={p.archivedAt ? 'archived' : ''}>
                <td>
                  <a href={href({ page: 'patient', id: p.id })}>{p.name}</a>
                  {p.archivedAt && <span className="tag">archived</span>}
                </td>
                <td>{p.hospitalId}</td>
                <td>{p.dateOfBirth ?? ''}</td>
                <td>{p.diagnosis}</td>
                <td>{p.gmfcsLevel ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
