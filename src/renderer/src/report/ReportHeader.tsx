// Who, when, where: the lab, the patient and the session(s), at the top of the first page.
import type { LabSettingsInfo, ReportModelView } from '../../../shared/api/report-types';
import { SESSION_STYLE } from './print-style';

export function ReportHeader({ model, lab }: { model: ReportModelView; lab: LabSettingsInfo }) {
  const h = model.header;
  const comparison = model.mode === 'comparison';
  return (
    <header className="report-header">
      <div className="report-lab">
        {lab.logoDataUrl && <img className="report-logo" src={lab.logoDataUrl} alt={`${h.labName} logo`} />}
        <div>
          <div className="report-lab-name">{h.labName}</div>
          {h.labDetails.map((d) => (
            <div key={d} className="report-lab-detail">
              {d}
            </div>
          ))}
        </div>
        <div className="report-title">
          {comparison ? 'Gait assessment: comparison of two sessions' : 'Gait assessment report'}
        </div>
      </div>
      <dl className="report-patient">
        <div>
          <dt>Patient</dt>
          <dd data-testid="report-patient-name">{h.patientName}</dd>
        </div>
        <div>
          <dt>Hospital ID</dt>
          <dd>{h.hospitalId || '-'}</dd>
        </div>
        <div>
          <dt>Date of birth</dt>
          <dd>{h.dateOfBirth}</dd>
        </div>
        <div>
          <dt>Diagnosis</dt>
          <dd>{h.diagnosis || '-'}</dd>
        </div>
        <div>
          <dt>GMFCS</dt>
          <dd>{h.gmfcs.replace(/^GMFCS /, '') || '-'}</dd>
        </div>
        <div>
          <dt>Affected side</dt>
          <dd>{h.affectedSide || '-'}</dd>
        </div>
      </dl>
      <table className="report-sessions">
        <thead>
          <tr>
            {comparison && <th scope="col">Session</th>}
            <th scope="col">Date</th>
            <th scope="col">Age at session</th>
            <th scope="col">Condition</th>
            <th scope="col">Examiner</th>
            <th scope="col">Gait cycles (L / R)</th>
          </tr>
        </thead>
        <tbody>
          {h.sessions.map((s) => (
            <tr key={s.key}>
              {comparison && (
                <td>
                  <SessionKeySwatch sessionKey={s.key} /> {s.key} {s.key === 'A' ? '(before)' : '(after)'}
                </td>
              )}
              <td>{s.date}</td>
              <td>{s.ageAtSession.text}</td>
              <td>{s.condition}</td>
              <td>{s.examiner || '-'}</td>
              <td>
                {s.cycleCount.left} / {s.cycleCount.right}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </header>
  );
}

/** A short line in the session's colour and dash: the key to every chart. */
export function SessionKeySwatch({ sessionKey }: { sessionKey: 'A' | 'B' }) {
  const s = SESSION_STYLE[sessionKey];
  return (
    <svg className="report-swatch" width="28" height="10" aria-hidden="true">
      <line
        x1="1"
        y1="5"
        x2="27"
        y2="5"
        stroke={s.color}
        strokeWidth="2.5"
        strokeDasharray={s.dash === 'dash' ? '6 3' : undefined}
      />
    </svg>
  );
}
