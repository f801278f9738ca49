// Where every number came from: app version, pose model, backend, filter, cameras, hand-edited
// events, the reference set; and the report model's warnings, which a reader must see.
import type { ReportView } from '../../../shared/api/report-types';

export function Provenance({ report }: { report: ReportView }) {
  const m = report.model;
  return (
    <section className="report-section report-provenance" aria-labelledby="report-provenance-title">
      <h2 id="report-provenance-title">Provenance</h2>
      {m.provenance.map((p) => (
        <table key={p.sessionKey} className="report-table report-provenance-table">
          <caption>
            {m.mode === 'comparison' ? `Session ${p.sessionKey}: ` : ''}
            {m.header.sessions.find((s) => s.key === p.sessionKey)?.date}
          </caption>
          <tbody>
            {p.items.map((i) => (
              <tr key={i.label}>
                <th scope="row">{i.label}</th>
                <td>{i.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <p className="report-footnote">
        Reference:{' '}
        {m.normativeReference
          ? `${m.normativeReference.name}. ${m.normativeReference.citation} ${m.normativeReference.population} Band: ${m.normativeReference.spreadNote}.`
          : 'none selected.'}
        {report.normativeChoice ? ` ${report.normativeChoice}.` : ''}
      </p>
      <p className="report-footnote">
        Report generated {m.header.generatedAt.replace('T', ' ').slice(0, 16)} UTC.
      </p>
    </section>
  );
}

export function Warnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <section className="report-warnings" aria-label="Read before interpreting">
      <strong>Read before interpreting:</strong>
      <ul>
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </section>
  );
}
