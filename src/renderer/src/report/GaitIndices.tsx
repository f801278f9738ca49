// Gait indices (Baker et al. 2009): GVS per variable as the Movement Analysis Profile bar chart,
// GPS per side and overall, and in a comparison the GPS change against the MCID of 1.6 deg.
import { useMemo } from 'react';
import type { Data, Layout } from 'plotly.js';
import type { ReportIndicesView, ReportModelView, ReportSide } from '../../../shared/api/report-types';
import { FONT, SESSION_STYLE, SIDE_LABEL } from './print-style';
import { StaticPlot } from './StaticPlot';

const SIDES: ReportSide[] = ['left', 'right'];
/** Baker's short MAP labels, on two lines so nine bars stay horizontal and readable. */
const MAP_LABEL: Record<string, string> = {
  pelvis_tilt: 'Pelvic<br>tilt',
  pelvis_obliquity: 'Pelvic<br>obliq.',
  pelvis_rotation: 'Pelvic<br>rot.',
  hip_flexion: 'Hip<br>flex.',
  hip_abduction: 'Hip<br>abd.',
  hip_rotation: 'Hip<br>rot.',
  knee_flexion: 'Knee<br>flex.',
  ankle_dorsiflexion: 'Ankle<br>dors.',
  foot_progression: 'Foot<br>prog.',
};
const f1 = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v.toFixed(1));

function mapChart(indices: ReportIndicesView, side: ReportSide): { data: Data[]; layout: Partial<Layout> } {
  const data: Data[] = indices.perSession.map((p) => {
    const bars = p.result.map.filter((b) => b.side === side && b.gvsDeg !== null);
    const gps = p.result.gps[side];
    const style = SESSION_STYLE[p.sessionKey];
    const solid = p.sessionKey === 'A';
    return {
      type: 'bar',
      name: p.sessionKey,
      x: [...bars.map((b) => MAP_LABEL[b.variable] ?? b.label), 'GPS'],
      y: [...bars.map((b) => b.gvsDeg ?? 0), gps.valueDeg ?? 0],
      text: [...bars.map((b) => f1(b.gvsDeg)), f1(gps.valueDeg)],
      textposition: 'outside',
      textfont: { ...FONT, size: 8 },
      cliponaxis: false,
      // Session A filled, session B hatched: tells them apart without colour.
      marker: {
        color: solid ? style.color : '#ffffff',
        line: { color: style.color, width: 1.2 },
        pattern: solid ? { shape: '' } : { shape: '/', fgcolor: style.color, size: 5, solidity: 0.35 },
      },
    } as Data;
  });
  const max = Math.max(
    5,
    ...indices.perSession.flatMap((p) => [
      ...p.result.map.map((b) => b.gvsDeg ?? 0),
      p.result.gps[side].valueDeg ?? 0,
    ]),
  );
  return {
    data,
    layout: {
      font: FONT,
      paper_bgcolor: '#fff',
      plot_bgcolor: '#fff',
      barmode: 'group',
      bargap: 0.25,
      showlegend: false,
      margin: { l: 40, r: 8, t: 22, b: 44 },
      title: {
        text: `Movement Analysis Profile, ${SIDE_LABEL[side].toLowerCase()}`,
        font: { ...FONT, size: 10 },
        x: 0.02,
        xanchor: 'left',
      },
      yaxis: {
        title: { text: 'GVS (deg)', font: { ...FONT, size: 8 } },
        range: [0, max * 1.2],
        gridcolor: '#e6e6e6',
        linecolor: '#444',
      },
      xaxis: { tickfont: { ...FONT, size: 7.5 }, tickangle: 0, linecolor: '#444' },
    },
  };
}

export function GaitIndices({
  model,
  begin,
}: {
  model: ReportModelView;
  begin: (key: string) => () => void;
}) {
  const indices = model.indices;
  const charts = useMemo(
    () =>
      indices.available
        ? SIDES.filter((side) =>
            indices.perSession.some((p) => p.result.map.some((b) => b.side === side && b.gvsDeg !== null)),
          ).map((side) => ({ side, ...mapChart(indices, side), done: begin(`map-${side}`) }))
        : [],
    // begin registers pending work: once per report model.
    [indices],
  );
  if (!indices.available)
    return (
      <section className="report-section report-indices" aria-labelledby="report-indices-title">
        <h2 id="report-indices-title">Gait indices</h2>
        <p>{indices.unavailableReason}</p>
      </section>
    );
  const comparison = model.mode === 'comparison';
  const scopes = ['left', 'right', 'overall'] as const;
  return (
    <section className="report-section report-indices" aria-labelledby="report-indices-title">
      <h2 id="report-indices-title">Gait indices (GVS, GPS, MAP)</h2>
      <table className="report-table report-gps" data-testid="report-gps-table">
        <thead>
          <tr>
            <th scope="col">Gait Profile Score</th>
            {indices.perSession.map((p) => (
              <th key={p.sessionKey} scope="col" className="num">
                {comparison ? `${p.sessionKey} (deg)` : 'GPS (deg)'}
              </th>
            ))}
            {comparison && (
              <>
                <th scope="col" className="num">
                  Change B − A
                </th>
                <th scope="col">Against MCID 1.6 deg</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {scopes.map((scope) => {
            const change = indices.gpsChanges.find((c) => c.scope === scope);
            const label = indices.perSession[0]?.result.gps[scope].label ?? `GPS ${scope}`;
            return (
              <tr key={scope}>
                <th scope="row">{label}</th>
                {indices.perSession.map((p) => (
                  <td key={p.sessionKey} className="num">
                    {f1(p.result.gps[scope].valueDeg)}
                  </td>
                ))}
                {comparison && (
                  <>
                    <td className="num">
                      {change ? `${change.changeDeg > 0 ? '+' : ''}${change.changeDeg.toFixed(1)}` : '-'}
                    </td>
                    <td className={change?.exceedsMcid ? 'flag' : ''}>
                      {change
                        ? `${change.direction}${change.comparable ? '' : ' (different variables)'}`
                        : '-'}
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="report-map-row">
        {charts.map((c) => (
          <StaticPlot
            key={c.side}
            data={c.data}
            layout={c.layout}
            widthPx={345}
            heightPx={215}
            onDrawn={c.done}
            label={`Movement Analysis Profile, ${c.side}`}
          />
        ))}
      </div>
      <p className="report-footnote">
        GVS: root-mean-square difference over the 51 points of the gait cycle between the patient's mean curve
        and the reference mean; GPS: root mean square of the GVSs (Baker et al. 2009). A GPS change of at
        least 1.6 deg is clinically important (Baker et al. 2012).
        {comparison && ' Bars: A filled, B hatched.'} GDI: {indices.perSession[0]?.result.gdi.reason}
      </p>
    </section>
  );
}
