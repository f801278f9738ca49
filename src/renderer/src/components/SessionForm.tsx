import { useState, type FormEvent } from 'react';
import { Field } from './Field';
import { ErrorBanner } from './ErrorBanner';
import { ApiError } from '../../../shared/api/envelope';
import { SESSION_CONDITIONS, type SessionCondition } from '../../../shared/api/entities';

export interface SessionFields {
  date: string;
  condition: SessionCondition;
  examiner: string;
  notes: string;
}

/**
 * A session's date, condition, examiner and notes: a new session's, or an existing one's corrected
 * (a pre-op session entered as post-op is labelled so in every report and comparison).
 */
export function SessionForm({
  title,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  title: string;
  initial: SessionFields;
  submitLabel: string;
  onSubmit: (values: SessionFields) => Promise<void>;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState<SessionFields>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const set = <K extends keyof SessionFields>(k: K, v: SessionFields[K]) =>
    setValues((x) => ({ ...x, [k]: v }));
  const titleId = `${title.toLowerCase().replace(/\W+/g, '-')}-title`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await onSubmit(values);
      setErrors({});
      setBanner(null);
    } catch (err) {
      setErrors(err instanceof ApiError ? err.fields : {});
      setBanner(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <form onSubmit={submit} noValidate className="form card" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <ErrorBanner message={banner} />
      <div className="form-grid">
        <Field id="session-date" label="Date" error={errors.date}>
          {(p) => (
            <input {...p} type="date" value={values.date} onChange={(e) => set('date', e.target.value)} />
          )}
        </Field>
        <Field id="session-condition" label="Condition" error={errors.condition}>
          {(p) => (
            <select
              {...p}
              value={values.condition}
              onChange={(e) => set('condition', e.target.value as SessionCondition)}
            >
              {SESSION_CONDITIONS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="session-examiner" label="Examiner" error={errors.examiner}>
          {(p) => (
            <input
              {...p}
              type="text"
              value={values.examiner}
              onChange={(e) => set('examiner', e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field id="session-notes" label="Notes" error={errors.notes}>
        {(p) => (
          <textarea {...p} rows={2} value={values.notes} onChange={(e) => set('notes', e.target.value)} />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
