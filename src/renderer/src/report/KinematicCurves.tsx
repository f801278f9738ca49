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
const ROW_WIDTH_PX = 2 * PLOT_WIDTH_PX + 8;
const PLOT_HEIGHT_PX = 178;
const SIDES: ReportSide[] = ['left', 'right'];

/** A band as one closed polygon (upper edge forward, lower edge back): one trace, not two. */
function band(
  x: readonly number[],
  upper: readonly number[],
  lower: readonly number[],
  fillcolor: string,
): Data {
  return {
    x: [...x, ...[...x].reverse()],
    y: [...upper, ...[...lower].reverse()],
    type: 'scatter',
    mode: 'lines',
    line: { width: 0 },
    fill: 'toself',
    fillcolor,
    hoverinfo: 'skip',
  };
}

function traces(panel: ReportCurvePanelView, side: ReportSide): Data[] {
  const x = [...panel.pctGaitCycle];
  const out: Data[] = [];
  const n = panel.normative;
  if (n?.lowerDeg && n.upperDeg) out.push(band(x, n.upperDeg, n.lowerDeg, NORMAL_BAND));
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
    const sd = s.sdDeg;
    if (sd)
      out.push(
        band(
          x,
          s.meanDeg.map((m, i) => m + (sd[i] ?? 0)),
          s.meanDeg.map((m, i) => m - (sd[i] ?? 0)),
          style.band,
        ),
      );
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

const PLOT_AREA_PX = PLOT_WIDTH_PX - 56;
/** Where each side's chart sits across the row: left and right, same plotting width as apart. */
const DOMAINS: readonly [number, number][] = [
  [0, PLOT_AREA_PX / (ROW_WIDTH_PX - 56)],
  [1 - PLOT_AREA_PX / (ROW_WIDTH_PX - 56), 1],
];

function axis(k: number, kind: 'x' | 'y'): string {
  return k === 0 ? kind : `${kind}${k + 1}`;
}

/**
 * One figure per joint with a chart per side: half as many plotly figures as one per chart, which
 * is most of the drawing time of a report.
 */
function rowFigure(
  panel: ReportCurvePanelView,
  sides: readonly ReportSide[],
): { data: Data[]; layout: Partial<Layout> } {
  const data: Data[] = [];
  const shapes: Partial<Shape>[] = [];
  const annotations: NonNullable<Layout['annotations']> = [];
  const layout: Record<string, unknown> = {
    font: FONT,
    paper_bgcolor: '#fff',
    plot_bgcolor: '#fff',
    showlegend: false,
    // Right margin leaves room for the "100" under the axis end.
    margin: { l: 44, r: 12, t: 22, b: 30 },
  };
  sides.forEach((side, k) => {
    const x = axis(k, 'x');
    const y = axis(k, 'y');
    for (const t of traces(panel, side)) data.push({ ...t, xaxis: x, yaxis: y } as Data);
    for (const s of panel.series.filter((s) => s.side === side && s.footOffPct !== null))
      shapes.push({
        type: 'line',
        xref: x as 'x',
        yref: `${y} domain` as 'y',
        x0: s.footOffPct!,
        x1: s.footOffPct!,
        y0: 0,
        y1: 1,
        line: {
          color: SESSION_STYLE[s.sessionKey].color,
          width: 1.2,
          dash: SESSION_STYLE[s.sessionKey].dash,
        },
      });
    shapes.push({
      type: 'line',
      xref: `${x} domain` as 'x',
      yref: y as 'y',
      x0: 0,
      x1: 1,
      y0: 0,
      y1: 0,
      line: { color: '#999', width: 0.6 },
    });
    const domain = DOMAINS[k] ?? [0, 1];
    annotations.push({
      text: `${panel.title}, ${SIDE_LABEL[side].toLowerCase()}${
        panel.lowConfidence
          ? ' (low confidence)'
          : panel.series.some((s) => s.side === side && s.farSide)
            ? ' (far leg: low confidence)'
            : ''
      }`,
      font: { ...FONT, size: 10 },
      xref: 'paper',
      yref: 'paper',
      x: domain[0],
      y: 1,
      xanchor: 'left',
      yanchor: 'bottom',
      yshift: 4,
      showarrow: false,
    });
    layout[k === 0 ? 'xaxis' : `xaxis${k + 1}`] = {
      domain,
      anchor: y,
      range: [0, 100],
      tickvals: [0, 20, 40, 60, 80, 100],
      title: { text: '% gait cycle', font: { ...FONT, size: 8 }, standoff: 2 },
      showgrid: true,
      gridcolor: '#e6e6e6',
      linecolor: '#444',
      mirror: true,
      ticks: 'outside',
      ticklen: 3,
    };
    layout[k === 0 ? 'yaxis' : `yaxis${k + 1}`] = {
      anchor: x,
      title: { text: `+ ${panel.positiveLabel} (deg)`, font: { ...FONT, size: 8 }, standoff: 2 },
      showgrid: true,
      gridcolor: '#e6e6e6',
      zeroline: false,
      linecolor: '#444',
      mirror: true,
      ticks: 'outside',
      ticklen: 3,
    };
  });
  return { data, layout: { ...layout, shapes, annotations } as Partial<Layout> };
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
      panels.map((p) => {
        const sides = SIDES.filter((side) => p.series.some((s) => s.side === side));
        return { panel: p, sides, ...rowFigure(p, sides), done: begin(`curve-${p.variable}`) };
      }),
    // begin registers pending work: once per report model.
    [panels],
  );
  if (panels.length === 0) return <p className="muted">No joint angle curves were measured.</p>;
  return (
    <section className="report-section report-curves" aria-labelledby="report-curves-title">
      <h2 id="report-curves-title">Kinematics</h2>
      <CurveLegend model={model} />
      {charts.map((c) => (
        <div
          key={c.panel.variable}
          className="report-curve-row"
          data-testid={`report-curve-${c.panel.variable}`}
        >
          <StaticPlot
            data={c.data}
            layout={c.layout}
            widthPx={ROW_WIDTH_PX}
            heightPx={PLOT_HEIGHT_PX}
            onDrawn={c.done}
            label={`${c.panel.title}, ${c.sides.join(' and ')}`}
          />
        </div>
      ))}
    </section>
  );
}
