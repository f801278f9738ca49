import { memo } from 'react';
import type { ParameterView, TrialAnalysisView } from '../../../shared/api/analysis-types';
import { formatNumber, parameterLabel } from './labels';
import { LENGTHS_FROM_STEPS } from '../../../shared/analysis-notes';

function meanSd(p: ParameterView['left'], digits: number): string {
  if (p.mean === null) return '—';
  return p.n > 1 && p.sd !== null
    ? `${formatNumber(p.mean, digits)} ± ${formatNumber(p.sd, digits)}`
    : formatNumber(p.mean, digits);
}

/** Spatiotemporal parameters per side (mean ± SD over included cycles) and their asymmetry. */
export const ParameterTable = memo(function ParameterTable({
  parameters,
  scale,
  frontal = false,
  treadmillBeltSpeedMps,
}: {
  parameters: ParameterView[];
  scale: TrialAnalysisView['scale'];
  /** A frontal camera: timing only, no distances. */
  frontal?: boolean;
  /** Treadmill walking: the belt speed lengths come from (null: none given); undefined overground. */
  treadmillBeltSpeedMps?: number | null;
}) {
  if (parameters.length === 0) return <p className="empty">No parameters: no complete gait cycle.</p>;
  // Rows with no value on either side (e.g. step width from one side camera) are named once below.
  const missing = parameters.filter((p) => p.left.mean === null && p.right.mean === null);
  const shown = parameters.filter((p) => !missing.includes(p));
  return (
    <>
      <table className="table compact parameters" aria-describedby="parameters-note">
        <caption className="visually-hidden">Spatiotemporal parameters</caption>
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">Unit</th>
            <th scope="col" className="num">
              Left (mean ± SD)
            </th>
            <th scope="col" className="num">
              Right (mean ± SD)
            </th>
            <th scope="col" className="num">
              Asymmetry (%)
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => {
            const { label, digits } = parameterLabel(p.parameter);
            return (
              <tr key={p.parameter} data-parameter={p.parameter}>
                <th scope="row">{label}</th>
                <td>{p.unit}</td>
                <td className="num" data-side="left" data-mean={p.left.mean ?? ''}>
                  {meanSd(p.left, digits)}
                  {p.left.n > 0 && <span className="n"> (n={p.left.n})</span>}
                </td>
                <td className="num" data-side="right" data-mean={p.right.mean ?? ''}>
                  {meanSd(p.right, digits)}
                  {p.right.n > 0 && <span className="n"> (n={p.right.n})</span>}
                </td>
                <td className="num">{formatNumber(p.asymmetryPct, 1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="note" id="parameters-note">
        Asymmetry = 100 × (left − right) / mean of both.{' '}
        {frontal
          ? 'Distances are not measured from a frontal camera (timing comes from the side camera’s events).'
          : treadmillBeltSpeedMps === null
            ? `On a treadmill (or under a camera that follows the patient) the feet do not advance: ${LENGTHS_FROM_STEPS}; distances scaled from ${scale ? scale.description : 'nothing'}. On a treadmill, the belt speed gives them from the belt.`
            : treadmillBeltSpeedMps !== undefined
              ? `Treadmill: speed is the belt speed, ${treadmillBeltSpeedMps.toFixed(2)} m/s; stride and step length are belt speed × stride and step time.`
              : `Distances scaled from ${scale ? scale.description : 'nothing: no scale is known, so lengths and speed are not in metres'}.`}
        {missing.length > 0 &&
          ` Not available from this recording: ${missing.map((p) => parameterLabel(p.parameter).label.toLowerCase()).join(', ')}.`}
      </p>
    </>
  );
});
