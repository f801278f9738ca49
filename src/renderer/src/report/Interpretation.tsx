// The clinician's interpretation (edited on screen, stored with the report) and the signature
// line. On paper only the text and the line print.
import { useState } from 'react';
import type { ReportView } from '../../../shared/api/report-types';
import { api } from '../api';

interface Props {
  report: ReportView;
  sessionId: string;
  compareSessionId?: string;
}

export function Interpretation({ report, sessionId, compareSessionId }: Props) {
  const [text, setText] = useState(report.model.interpretation.text);
  const [clinician, setClinician] = useState(report.model.signature.clinicianName);
  const [role, setRole] = useState(report.model.signature.role);
  const [saved, setSaved] = useState(report.interpretationUpdatedAt);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty =
    text !== report.model.interpretation.text ||
    clinician !== report.model.signature.clinicianName ||
    role !== report.model.signature.role;

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const r = await api['reports.saveInterpretation']({
        sessionId,
        ...(compareSessionId ? { compareSessionId } : {}),
        text,
        clinicianName: clinician,
        role,
      });
      setSaved(r.updatedAt);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="report-section report-interpretation" aria-labelledby="report-interpretation-title">
      <h2 id="report-interpretation-title">Clinical interpretation</h2>
      <div className="no-print">
        <label htmlFor="report-interpretation-text" className="visually-hidden">
          Interpretation
        </label>
        <textarea
          id="report-interpretation-text"
          rows={8}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="What the curves and numbers mean for this patient, and what you recommend."
        />
        <div className="report-sign-fields">
          <label>
            Clinician <input value={clinician} onChange={(e) => setClinician(e.target.value)} />
          </label>
          <label>
            Role{' '}
            <input
              value={role}
              onChange={(e) => setRole(e.target.value)}
              placeholder="e.g. Consultant physiotherapist"
            />
          </label>
          <button type="button" className="primary" onClick={() => void save()} disabled={saving}>
            {saving ? 'Saving…' : 'Save interpretation'}
          </button>
          <span className="muted" role="status">
            {error
              ? ''
              : dirty && !saved
                ? 'Not saved yet'
                : saved
                  ? `Saved ${new Date(saved).toLocaleString()}`
                  : ''}
          </span>
        </div>
        {error && (
          <p className="flag" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="print-only report-interpretation-text" data-testid="report-interpretation-print">
        {text.trim() ? text : 'No interpretation written.'}
      </div>
      <div className="report-signature">
        <div>
          <span className="report-signature-line" />
          Signature
        </div>
        <div>
          <span className="report-signature-value">{clinician || '\u00a0'}</span>
          Name{role ? `, ${role}` : ''}
        </div>
        <div>
          <span className="report-signature-line" />
          Date
        </div>
      </div>
    </section>
  );
}
