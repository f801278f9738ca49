// Joint angles over the gait cycle, one chart per joint and side: the normal band (mean ± 1 SD
// of the reference), each session's mean with its ± 1 SD band over cycles, and foot off as a
// vertical line in the session's style. Sessions differ by line style, so the page reads in grey.
import { useMemo } from 'react';
import type { Data, Layout, Shape } from 'plotly.js';
import type { ReportCurvePanelView, ReportModelView, ReportSide } from '../../../shared/api/report-types';
import { FONT, NORMAL_BAND, NORMAL_MEAN, SESSION_STYLE, SIDE_LABEL } from './print-style';
import { SessionKeySwatch } from './ReportHeader';
import { StaticPlot } from './StaticPlot';

const PLOT_WIDTH_PX = 345;
const PLOT_HEIGHT_PX = 178;
const SIDES: ReportSide[] = ['left', 'right'];

function traces(panel: ReportCurvePanelView, side: ReportSide): Data[] {
  const x = [...panel.pctGaitCycle];
  const out: Data[] = [];
  const n = panel.normative;
  if (n?.lowerDeg && n.upperDeg) {
    out.push({
      x,
      y: [...n.upperDeg],
      type: 'scatter',
      mode: 'lines',
      line: { width: 0 },
      hoverinfo: 'skip',
    });
    out.push({
      x,
      y: [...n.lowerDeg],
      type: 'scatter',
      mode: 'lines',
      line: { width: 0 },
      fill: 'tonexty',
      fillcolor: NORMAL_BAND,
      hoverinfo: 'skip',
    });
  }
  if (n)
    out.push({
      x,
      y: [...n.meanDeg],
      type: 'scatter',
      mode: 'lines',
      line: { width: 0.8, color: NORMAL_MEAN, dash: 'dot' },
    });
  for (const s of panel.series.filter((x) => x.side === side)) {
    const style = SESSION_STYLE[s.sessionKey];
    if (s.sdDeg) {
      const sd = s.sdDeg;
      out.push({
        x,
        y: s.meanDeg.map((m, i) => m + (sd[i] ?? 0)),
        type: 'scatter',
        mode: 'lines',
        line: { width: 0 },
      });
      out.push({
        x,
        y: s.meanDeg.map((m, i) => m - (sd[i] ?? 0)),
        type: 'scatter',
        mode: 'lines',
        line: { width: 0 },
        fill: 'tonexty',
        fillcolor: style.band,
      });
    }
    out.push({
      x,
      y: [...s.meanDeg],
      type: 'scatter',
      mode: 'lines',
      line: { width: 2, color: style.color, dash: style.dash },
    });
  }
  return out;
}

function layout(panel: ReportCurvePanelView, side: ReportSide): Partial<Layout> {
  const shapes: Partial<Shape>[] = panel.series
    .filter((s) => s.side === side && s.footOffPct !== null)
    .map((s) => ({
      type: 'line',
      xref: 'x',
      yref: 'paper',
      x0: s.footOffPct!,
      x1: s.footOffPct!,
      y0: 0,
      y1: 1,
      line: { color: SESSION_STYLE[s.sessionKey].color, width: 1.2, dash: SESSION_STYLE[s.sessionKey].dash },
    }));
  shapes.push({
    type: 'line',
    xref: 'paper',
    yref: 'y',
    x0: 0,
    x1: 1,
    y0: 0,
    y1: 0,
    line: { color: '#999', width: 0.6 },
  });
  return {
    font: FONT,
    paper_bgcolor: '#fff',
    plot_bgcolor: '#fff',
    showlegend: false,
    // Right margin leaves room for the "100" under the axis end.
    margin: { l: 44, r: 12, t: 22, b: 30 },
    title: {
      text: `${panel.title}, ${SIDE_LABEL[side].toLowerCase()}${panel.lowConfidence ? ' (low confidence)' : ''}`,
      font: { ...FONT, size: 10 },
      xref: 'paper',
      x: 0,
      xanchor: 'left',
      y: 0.98,
    },
    xaxis: {
      range: [0, 100],
      tickvals: [0, 20, 40, 60, 80, 100],
      title: { text: '% gait cycle', font: { ...FONT, size: 8 }, standoff: 2 },
      showgrid: true,
      gridcolor: '#e6e6e6',
      linecolor: '#444',
      mirror: true,
      ticks: 'outside',
      ticklen: 3,
    },
    yaxis: {
      title: { text: `+ ${panel.positiveLabel} (deg)`, font: { ...FONT, size: 8 }, standoff: 2 },
      showgrid: true,
      gridcolor: '#e6e6e6',
      zeroline: false,
      linecolor: '#444',
      mirror: true,
      ticks: 'outside',
      ticklen: 3,
    },
    shapes,
  };
}

export function CurveLegend({ model }: { model: ReportModelView }) {
  const keys = model.header.sessions;
  return (
    <div className="report-legend" data-testid="report-curve-legend">
      {keys.map((s) => (
        <span key={s.key}>
          <SessionKeySwatch sessionKey={s.key} />{' '}
          {model.mode === 'comparison' ? `${s.key}: ${s.date}, ${s.condition}` : `${s.date}, ${s.condition}`}{' '}
          (mean, band ± 1 SD)
        </span>
      ))}
      {model.normativeReference && (
        <span>
          <svg className="report-swatch" width="28" height="10" aria-hidden="true">
            <rect x="1" y="1" width="26" height="8" fill={NORMAL_BAND} />
          </svg>{' '}
          Normal ± 1 SD ({model.normativeReference.name})
        </span>
      )}
      <span>Vertical line: foot off (stance | swing)</span>
    </div>
  );
}

export function KinematicCurves({
  model,
  begin,
}: {
  model: ReportModelView;
  begin: (key: string) => () => void;
}) {
  const panels = useMemo(
    () => [...model.curvePanels].sort((a, b) => a.gridRow - b.gridRow || a.gridColumn - b.gridColumn),
    [model],
  );
  const charts = useMemo(
    () =>
      panels.map((p) => ({
        panel: p,
        sides: SIDES.filter((side) => p.series.some((s) => s.side === side)).map((side) => ({
          side,
          data: traces(p, side),
          layout: layout(p, side),
          done: begin(`curve-${p.variable}-${side}`),
        })),
      })),
    // begin registers pending work: once per report model.
    [panels],
  );
  if (panels.length === 0) return <p className="muted">No joint angle curves were measured.</p>;
  return (
    <section className="report-section report-curves" aria-labelledby="report-curves-title">
      <h2 id="report-curves-title">Kinematics</h2>
      <CurveLegend model={model} />
      {charts.map(({ panel, sides }) => (
        <div key={panel.variable} className="report-curve-row" data-testid={`report-curve-${panel.variable}`}>
          {sides.map((c) => (
            <StaticPlot
              key={c.side}
              data={c.data}
              layout={c.layout}
              widthPx={PLOT_WIDTH_PX}
              heightPx={PLOT_HEIGHT_PX}
              onDrawn={c.done}
              label={`${panel.title}, ${c.side}`}
            />
          ))}
        </div>
      ))}
    </section>
  );
}
