// Spatiotemporal parameters per side with the normal range; in a comparison both sessions, the
// difference B - A and a flag where it reaches the meaningful-change threshold.
import type { ReportModelView } from '../../../shared/api/report-types';
import { SIDE_LABEL } from './print-style';

export function SpatiotemporalTable({ model }: { model: ReportModelView }) {
  const t = model.spatiotemporal;
  const comparison = model.mode === 'comparison';
  const dates = model.header.sessions;
  if (t.rows.length === 0) return <p className="muted">No spatiotemporal parameters were measured.</p>;
  return (
    <section className="report-section report-parameters" aria-labelledby="report-parameters-title">
      <h2 id="report-parameters-title">Spatiotemporal parameters</h2>
      <table className="report-table" data-testid="report-parameter-table">
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">Side</th>
            <th scope="col">Normal</th>
            {t.sessionKeys.map((k, i) => (
              <th scope="col" key={k} className="num">
                {comparison ? `${k} ${dates[i]?.date ?? ''}` : 'Mean ± SD'}
              </th>
            ))}
            {comparison && (
              <>
                <th scope="col" className="num">
                  Difference B − A
                </th>
                <th scope="col">Change</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {t.rows.map((r) => (
            <tr key={`${r.parameter}-${r.side}`} className={r.side === 'right' ? 'row-right' : 'row-left'}>
              <th scope="row">
                {r.side === 'left' ||
                !t.rows.some((x) => x.parameter === r.parameter && x.side === 'left') ? (
                  <>
                    {r.label} <span className="unit">({r.unit})</span>
                  </>
                ) : null}
              </th>
              <td>{SIDE_LABEL[r.side]}</td>
              <td className="nowrap">{r.normal?.text ?? '-'}</td>
              {r.values.map((v, i) => (
                <td key={i} className={`num${v?.outsideNormal ? ' outside-normal' : ''}`}>
                  {v ? v.text : '-'}
                  {v?.outsideNormal ? ' *' : ''}
                </td>
              ))}
              {comparison && (
                <>
                  <td className="num">{r.change?.text ?? '-'}</td>
                  <td className={r.change?.exceedsThreshold ? 'flag' : 'muted'}>
                    {r.change
                      ? r.change.exceedsThreshold
                        ? `changed ≥${r.change.threshold}`
                        : 'below threshold'
                      : ''}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="report-footnote">
        Mean ± SD over gait cycles; (n=…) where fewer cycles than the session&apos;s were measured (no length
        is measured from a foot at the picture&apos;s edge). * outside the normal range.{' '}
        {t.normalSource
          ? `Normal ranges: ${t.normalSource}.`
          : 'No normal ranges for these parameters in the selected reference.'}
        {comparison &&
          ' "changed": the difference reaches the meaningful-change threshold of the parameter (speed 0.1 m/s, Perera et al. 2006; the other thresholds are lab defaults).'}
      </p>
    </section>
  );
}
