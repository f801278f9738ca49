// The lab's own normal reference, built from analysed sessions of typically developing controls
// recorded in this lab (same cameras, same software): the band most comparable to its patients.
import { useState, type FormEvent } from 'react';
import type { PatientInfo, SessionInfo } from '../../../shared/api/entities';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { useAsync } from '../use-async';
import { decimalOf } from '../../../shared/decimal-text';

// More matches than this are not listed: the user narrows the search instead of scrolling.
const MAX_LISTED = 50;

interface Candidate {
  patient: PatientInfo;
  sessions: SessionInfo[];
}

async function findControls(search: string): Promise<{ listed: Candidate[]; more: number }> {
  const patients = await api['patients.list']({ search });
  const listed = await Promise.all(
    patients.slice(0, MAX_LISTED).map(async (patient) => ({
      patient,
      sessions: await api['sessions.list']({ patientId: patient.id }),
    })),
  );
  return { listed, more: Math.max(0, patients.length - MAX_LISTED) };
}

function optionalAge(v: string): number | undefined {
  return v.trim() === '' ? undefined : decimalOf(v);
}

export function ControlSetBuilder({ onBuilt }: { onBuilt: () => void }) {
  const [search, setSearch] = useState('');
  const { data, error } = useAsync(() => findControls(search), [search]);
  // Session id -> its person: the choice outlives a new search, and people are counted once.
  const [chosen, setChosen] = useState<ReadonlyMap<string, string>>(new Map());
  const [name, setName] = useState('');
  const [population, setPopulation] = useState('');
  const [ageMin, setAgeMin] = useState('');
  const [ageMax, setAgeMax] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function toggle(session: SessionInfo, on: boolean) {
    const next = new Map(chosen);
    if (on) next.set(session.id, session.patientId);
    else next.delete(session.id);
    setChosen(next);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    setMessage(null);
    setBusy(true);
    try {
      const set = await api['normative.buildFromControls']({
        name,
        sessionIds: [...chosen.keys()],
        ...(population ? { population } : {}),
        ...(optionalAge(ageMin) !== undefined ? { ageMinYears: optionalAge(ageMin) } : {}),
        ...(optionalAge(ageMax) !== undefined ? { ageMaxYears: optionalAge(ageMax) } : {}),
      });
      setMessage(`Built "${set.name}" from ${set.subjectCount ?? chosen.size} controls.`);
      setChosen(new Map());
      onBuilt();
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const people = new Set(chosen.values()).size;

  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-labelledby="control-set-title">
      <h3 id="control-set-title">Build the lab&apos;s own reference from control sessions</h3>
      <p className="muted">
        Tick analysed sessions of typically developing people walked in this lab. Each person counts once
        (several sessions of one person are pooled); the band is the mean ± 1 SD of the controls&apos; mean
        cycles, left and right averaged.
      </p>
      <ErrorBanner message={error ?? failure} />
      <div className="field">
        <label htmlFor="control-search">Find controls (name or hospital ID)</label>
        <input id="control-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <div className="control-list" data-testid="control-sessions">
        {data?.listed.map(({ patient, sessions }) => (
          <fieldset key={patient.id}>
            <legend>
              {patient.name} {patient.hospitalId && <span className="muted">({patient.hospitalId})</span>}
            </legend>
            {sessions.length === 0 && <p className="muted">No session.</p>}
            {sessions.map((s) => (
              <label key={s.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(s.id)}
                  onChange={(e) => toggle(s, e.target.checked)}
                />{' '}
                {s.date} · {s.condition} · {s.trialCount} {s.trialCount === 1 ? 'trial' : 'trials'}
              </label>
            ))}
          </fieldset>
        ))}
        {data?.listed.length === 0 && <p className="muted">Nobody matches this search.</p>}
        {data && data.more > 0 && (
          <p className="muted">{data.more} more people match: narrow the search to see them.</p>
        )}
      </div>
      <div className="form-grid">
        <Field id="control-set-name" label="Name">
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} required />}
        </Field>
        <Field id="control-set-population" label="Population (printed with the band)">
          {(p) => <input {...p} value={population} onChange={(e) => setPopulation(e.target.value)} />}
        </Field>
        {(
          [
            ['control-set-age-min', 'Youngest age, years', ageMin, setAgeMin],
            ['control-set-age-max', 'Oldest age, years', ageMax, setAgeMax],
          ] as const
        ).map(([id, label, value, set]) => (
          <Field key={id} id={id} label={label}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                max={120}
                value={value}
                onChange={(e) => set(e.target.value)}
              />
            )}
          </Field>
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || chosen.size < 2}>
          Build from {chosen.size} {chosen.size === 1 ? 'session' : 'sessions'} ({people}{' '}
          {people === 1 ? 'person' : 'people'})
        </button>
        <span role="status" className="muted">
          {message}
        </span>
      </div>
    </form>
  );
}
