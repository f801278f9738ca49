import { memo, useMemo } from 'react';
import type { Data, Layout } from 'plotly.js';
import type { CurveView, ParameterView, SideName } from '../../../shared/api/analysis-types';
import { BASE_LAYOUT, Plot } from './Plot';
import { SIDE_BAND, SIDE_COLOUR, SIDE_LABEL, angleAxisLabel, angleTitle, byClinicalOrder } from './labels';

interface Props {
  curves: CurveView[];
  parameters: ParameterView[];
}

function footOffPct(parameters: ParameterView[], side: SideName): number | null {
  return parameters.find((p) => p.parameter === 'footOffPct')?.[side].mean ?? null;
}

/** One joint over the normalised gait cycle: mean ± 1 SD band per side, foot off marked. */
const CyclePlot = memo(function CyclePlot({
  variable,
  curves,
  parameters,
}: {
  variable: string;
  curves: CurveView[];
  parameters: ParameterView[];
}) {
  const { data, layout } = useMemo(() => {
    const data: Data[] = [];
    const shapes: NonNullable<Layout['shapes']> = [];
    const annotations: NonNullable<Layout['annotations']> = [];
    for (const side of ['left', 'right'] as const) {
      const c = curves.find((k) => k.variable === variable && k.side === side);
      if (!c || c.includedCycles === 0) continue;
      const upper: Array<number | null> = c.mean.map((m, i) =>
        m === null || c.sd[i] == null ? null : m + (c.sd[i] ?? 0),
      );
      const lower: Array<number | null> = c.mean.map((m, i) =>
        m === null || c.sd[i] == null ? null : m - (c.sd[i] ?? 0),
      );
      data.push({
        type: 'scatter',
        mode: 'lines',
        x: [...c.percent, ...[...c.percent].reverse()],
        y: [...upper, ...[...lower].reverse()],
        fill: 'toself',
        fillcolor: SIDE_BAND[side],
        line: { width: 0 },
        hoverinfo: 'skip',
        name: `${SIDE_LABEL[side]} ±1 SD`,
      });
      data.push({
        type: 'scatter',
        mode: 'lines',
        x: c.percent,
        y: c.mean,
        name: `${SIDE_LABEL[side]} mean (n=${c.includedCycles}${c.farSide ? ', far leg' : ''})`,
        // Dotted: a leg the camera saw through the other one (low confidence).
        line: { color: SIDE_COLOUR[side], width: 2.2, dash: c.farSide ? 'dot' : 'solid' },
        hovertemplate: `${SIDE_LABEL[side]} %{x:.0f} %: %{y:.1f} deg<extra></extra>`,
      });
      const fo = footOffPct(parameters, side);
      const otherFo = footOffPct(parameters, side === 'left' ? 'right' : 'left');
      if (fo !== null) {
        shapes.push({
          type: 'line',
          xref: 'x',
          yref: 'paper',
          x0: fo,
          x1: fo,
          y0: 0,
          y1: 1,
          line: { color: SIDE_COLOUR[side], width: 1.5, dash: 'dash' },
        });
        // The earlier foot off is labelled on its left, the later on its right (left leg first when
        // equal), a few pixels off its line, so the two labels never overlap or touch.
        const before = otherFo !== null && (fo < otherFo || (fo === otherFo && side === 'left'));
        annotations.push({
          x: fo,
          y: 1,
          xref: 'x',
          yref: 'paper',
          text: `${side === 'left' ? 'L' : 'R'} FO`,
          showarrow: false,
          xanchor: before ? 'right' : 'left',
          xshift: before ? -3 : 3,
          yanchor: 'top',
          font: { size: 11, color: SIDE_COLOUR[side] },
        });
      }
    }
    const any = curves.find((k) => k.variable === variable);
    const layout: Partial<Layout> = {
      ...BASE_LAYOUT,
      height: 260,
      margin: { l: 60, r: 10, t: 8, b: 40 },
      xaxis: {
        title: { text: 'Gait cycle (%)', font: { size: 12 } },
        range: [0, 100],
        dtick: 20,
        gridcolor: '#e3e7ec',
        tickfont: { size: 11 },
      },
      yaxis: {
        title: { text: angleAxisLabel(variable, any?.label).replace(/ \/ [a-z]+,/, ','), font: { size: 12 } },
        zeroline: true,
        zerolinecolor: '#9aa3ad',
        gridcolor: '#e3e7ec',
        tickfont: { size: 11 },
      },
      shapes,
      annotations,
    };
    return { data, layout };
  }, [variable, curves, parameters]);
  return <Plot data={data} layout={layout} className="plot" />;
});

export const NormalisedCurves = memo(function NormalisedCurves({ curves, parameters }: Props) {
  const variables = [...new Set(curves.map((c) => c.variable))].sort(byClinicalOrder);
  if (variables.length === 0) return <p className="empty">No curves: no complete gait cycle.</p>;
  return (
    <div className="curve-grid">
      {variables.map((v) => {
        const label = curves.find((c) => c.variable === v)?.label;
        const counts = (['left', 'right'] as const).map((s) => {
          const c = curves.find((k) => k.variable === v && k.side === s);
          return `${SIDE_LABEL[s]} n=${c?.includedCycles ?? 0}${c?.farSide ? ' (far leg from the camera, dotted: low confidence)' : ''}`;
        });
        return (
          <figure key={v} className="chart-figure">
            <figcaption>
              <strong>{angleTitle(v, label)}</strong>: {angleAxisLabel(v, label)} · mean ± 1 SD over included
              cycles ({counts.join(', ')}) · dashed: foot off
            </figcaption>
            <CyclePlot variable={v} curves={curves} parameters={parameters} />
          </figure>
        );
      })}
    </div>
  );
});
