import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api';
import { navigate, href } from '../router';
import { Field } from '../components/Field';
import { ErrorBanner } from '../components/ErrorBanner';
import { ApiError } from '../../../shared/api/envelope';
import { AFFECTED_SIDES, SEXES, type PatientInfo } from '../../../shared/api/entities';
import { decimalOf } from '../../../shared/decimal-text';

interface FormState {
  name: string;
  hospitalId: string;
  dateOfBirth: string;
  sex: string;
  diagnosis: string;
  gmfcsLevel: string;
  affectedSide: string;
  heightM: string;
  legLengthM: string;
  massKg: string;
  notes: string;
}

const EMPTY: FormState = {
  name: '',
  hospitalId: '',
  dateOfBirth: '',
  sex: 'unknown',
  diagnosis: '',
  gmfcsLevel: '',
  affectedSide: 'unknown',
  heightM: '',
  legLengthM: '',
  massKg: '',
  notes: '',
};

function fromPatient(p: PatientInfo): FormState {
  const s = (v: number | null) => (v === null ? '' : String(v));
  return {
    name: p.name,
    hospitalId: p.hospitalId,
    dateOfBirth: p.dateOfBirth ?? '',
    sex: p.sex,
    diagnosis: p.diagnosis,
    gmfcsLevel: s(p.gmfcsLevel),
    affectedSide: p.affectedSide,
    heightM: s(p.heightM),
    legLengthM: s(p.legLengthM),
    massKg: s(p.massKg),
    notes: p.notes,
  };
}

/** Decimal text to number; a comma is accepted as decimal separator. Non-numbers are reported by field. */
function parseNumber(
  text: string,
  label: string,
  errors: Record<string, string>,
  key: string,
): number | null {
  if (text.trim() === '') return null;
  const n = decimalOf(text);
  if (!Number.isFinite(n)) {
    errors[key] = `${label} must be a number.`;
    return null;
  }
  return n;
}

export function PatientFormPage({ id }: { id?: string }) {
  const [form, setForm] = useState<FormState>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (id)
      api['patients.get']({ id }).then(
        (p) => setForm(fromPatient(p)),
        (e: Error) => setBanner(e.message),
      );
  }, [id]);

  const set = (key: keyof FormState) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    const values = {
      name: form.name,
      hospitalId: form.hospitalId,
      dateOfBirth: form.dateOfBirth.trim() === '' ? null : form.dateOfBirth.trim(),
      sex: form.sex,
      diagnosis: form.diagnosis,
      gmfcsLevel: parseNumber(form.gmfcsLevel, 'GMFCS level', local, 'gmfcsLevel'),
      affectedSide: form.affectedSide,
      heightM: parseNumber(form.heightM, 'Height', local, 'heightM'),
      legLengthM: parseNumber(form.legLengthM, 'Leg length', local, 'legLengthM'),
      massKg: parseNumber(form.massKg, 'Mass', local, 'massKg'),
      notes: form.notes,
    };
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setBanner('Nothing was saved. Please correct the fields marked below.');
      return;
    }
    setSaving(true);
    try {
      const saved = id
        ? await api['patients.update']({ id, patch: values as never })
        : await api['patients.create'](values as never);
      navigate({ page: 'patient', id: saved.id });
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
        setErrors(err.fields);
        setBanner('Nothing was saved. Please correct the fields marked below.');
      } else {
        setErrors({});
        setBanner(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <main>
      <h1>{id ? 'Edit patient' : 'New patient'}</h1>
      <ErrorBanner message={banner} />
      <form onSubmit={submit} noValidate className="form">
        <div className="form-grid">
          <Field id="name" label="Name (required)" error={errors.name}>
            {(p) => <input {...p} type="text" value={form.name} onChange={set('name')} autoComplete="off" />}
          </Field>
          <Field id="hospitalId" label="Hospital ID" error={errors.hospitalId}>
            {(p) => <input {...p} type="text" value={form.hospitalId} onChange={set('hospitalId')} />}
          </Field>
          <Field id="dateOfBirth" label="Date of birth" error={errors.dateOfBirth}>
            {(p) => <input {...p} type="date" value={form.dateOfBirth} onChange={set('dateOfBirth')} />}
          </Field>
          <Field id="sex" label="Sex" error={errors.sex}>
            {(p) => (
              <select {...p} value={form.sex} onChange={set('sex')}>
                {SEXES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="diagnosis" label="Diagnosis" error={errors.diagnosis} hint="e.g. spastic diplegic CP">
            {(p) => <input {...p} type="text" value={form.diagnosis} onChange={set('diagnosis')} />}
          </Field>
          <Field
            id="gmfcsLevel"
            label="GMFCS level"
            error={errors.gmfcsLevel}
            hint="1 to 5; empty if not applicable"
          >
            {(p) => (
              <select {...p} value={form.gmfcsLevel} onChange={set('gmfcsLevel')}>
                <option value="">not applicable</option>
                {[1, 2, 3, 4, 5].map((l) => (
                  <option key={l} value={String(l)}>
                    {`Level ${['I', 'II', 'III', 'IV', 'V'][l - 1]}`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="affectedSide" label="Affected side" error={errors.affectedSide}>
            {(p) => (
              <select {...p} value={form.affectedSide} onChange={set('affectedSide')}>
                {AFFECTED_SIDES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="heightM" label="Height (m)" error={errors.heightM} hint="metres, e.g. 1.32">
            {(p) => (
              <input {...p} type="text" inputMode="decimal" value={form.heightM} onChange={set('heightM')} />
            )}
          </Field>
          <Field
            id="legLengthM"
            label="Leg length (m)"
            error={errors.legLengthM}
            hint="metres, ASIS to medial malleolus"
          >
            {(p) => (
              <input
                {...p}
                type="text"
                inputMode="decimal"
                value={form.legLengthM}
                onChange={set('legLengthM')}
              />
            )}
          </Field>
          <Field id="massKg" label="Mass (kg)" error={errors.massKg}>
            {(p) => (
              <input {...p} type="text" inputMode="decimal" value={form.massKg} onChange={set('massKg')} />
            )}
          </Field>
        </div>
        <Field id="notes" label="Notes" error={errors.notes}>
          {(p) => <textarea {...p} rows={3} value={form.notes} onChange={set('notes')} />}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : id ? 'Save changes' : 'Create patient'}
          </button>
          <a className="button" href={id ? href({ page: 'patient', id }) : href({ page: 'patients' })}>
            Cancel
          </a>
        </div>
      </form>
    </main>
  );
}
