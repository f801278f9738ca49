import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { Data, Layout, PlotlyHTMLElement } from 'plotly.js';
import type { AngleTimeSeriesView, CycleView, GaitEventView } from '../../../shared/api/analysis-types';
import { eventSpans, fittedRange, wrongAngleSpans, type PassSpan } from '../../../shared/angle-row-range';
import { BASE_LAYOUT, Plot } from './Plot';
import { frameRuns } from '../../../shared/frame-runs';
import { SIDE_COLOUR, SIDE_LABEL, angleAxisLabel, angleTitle, byClinicalOrder } from './labels';

interface Props {
  angles: AngleTimeSeriesView[];
  events: GaitEventView[];
  passes: PassSpan[];
  cycles: Array<Pick<CycleView, 'startFrame' | 'endFrame' | 'flags'>>;
  lowConfidenceFrames: number[];
  fps: number;
  startTimeS: number;
  frame: number;
  onSeekFrame: (frame: number) => void;
}

interface AxisInternals {
  _offset: number;
  _length: number;
  l2p: (v: number) => number;
}

/** Joint angles over the whole trial, one row per joint, with a cursor at the video's frame. */
export function AngleTimeChart({
  angles,
  events,
  passes,
  cycles,
  lowConfidenceFrames,
  fps,
  startTimeS,
  frame,
  onSeekFrame,
}: Props) {
  const gdRef = useRef<PlotlyHTMLElement | null>(null);
  const cursorRef = useRef<HTMLDivElement | null>(null);
  const frameRef = useRef(frame);
  frameRef.current = frame;

  const placeCursor = useCallback(() => {
    const gd = gdRef.current as (PlotlyHTMLElement & { _fullLayout?: { xaxis?: AxisInternals } }) | null;
    const cursor = cursorRef.current;
    const xa = gd?._fullLayout?.xaxis;
    if (!cursor || !xa) return;
    const px = xa._offset + xa.l2p(startTimeS + frameRef.current / fps);
    cursor.style.transform = `translateX(${px}px)`;
    cursor.style.display = px >= xa._offset - 1 && px <= xa._offset + xa._length + 1 ? 'block' : 'none';
  }, [fps, startTimeS]);

  useEffect(placeCursor, [frame, placeCursor]);

  const onDrawn = useCallback(
    (gd: PlotlyHTMLElement) => {
      gdRef.current = gd;
      placeCursor();
    },
    [placeCursor],
  );
  const onClickX = useCallback(
    (x: number) => onSeekFrame(Math.round((x - startTimeS) * fps)),
    [fps, onSeekFrame, startTimeS],
  );

  const wrong = useMemo(() => wrongAngleSpans(cycles), [cycles]);

  return (
    <figure className="chart-figure angle-time">
      <figcaption>
        Joint angles over time (deg; flexion, dorsiflexion and forward tilt positive).
        {/* A marker-based capture, or a video seen well throughout, has nothing shaded. */}
        {lowConfidenceFrames.length > 0 && ' Shaded: low pose confidence, angles there are unreliable.'}
        {wrong.length > 0 &&
          ' Grey: cycles left out because their angles are wrong (walked backward, or the shoulders cut off at the top edge): do not read them.'}{' '}
        Each row&apos;s scale fits the gait cycles. Click a curve to show that frame.
      </figcaption>
      <div className="chart-stack">
        <AngleTimePlot
          angles={angles}
          events={events}
          passes={passes}
          wrong={wrong}
          lowConfidenceFrames={lowConfidenceFrames}
          fps={fps}
          startTimeS={startTimeS}
          onClickX={onClickX}
          onDrawn={onDrawn}
        />
        <div ref={cursorRef} className="chart-cursor" aria-hidden="true" />
      </div>
    </figure>
  );
}

const AngleTimePlot = memo(function AngleTimePlot({
  angles,
  events,
  passes,
  wrong,
  lowConfidenceFrames,
  fps,
  startTimeS,
  onClickX,
  onDrawn,
}: Omit<Props, 'frame' | 'onSeekFrame' | 'cycles'> & {
  wrong: Array<[number, number]>;
  onClickX: (x: number) => void;
  onDrawn: (gd: PlotlyHTMLElement) => void;
}) {
  const { data, layout } = useMemo(() => {
    const variables = [...new Set(angles.map((a) => a.variable))].sort(byClinicalOrder);
    const rows = variables.length;
    const gap = 0.06;
    const h = (1 - gap * (rows - 1)) / Math.max(1, rows);
    const data: Data[] = [];
    const layout: Partial<Layout> & Record<string, unknown> = {
      ...BASE_LAYOUT,
      height: 120 + rows * 110,
      margin: { l: 64, r: 10, t: 10, b: 44 },
      showlegend: true,
      legend: { orientation: 'h', x: 0, y: 1.0, yanchor: 'bottom', font: { size: 12 } },
      shapes: [],
    };
    // The row's range leaves out what it should not be read from: low-confidence frames, and cycles
    // whose angles are wrong (a backward pass's knee reads -80 deg).
    const lowConfidence = new Set(lowConfidenceFrames);
    for (const [a, b] of wrong) for (let f = a; f <= b; f++) lowConfidence.add(f);
    const spans = eventSpans(events, passes);
    variables.forEach((variable, row) => {
      const axis = row === 0 ? '' : String(row + 1);
      const top = 1 - row * (h + gap);
      const range = fittedRange(
        angles.filter((a) => a.variable === variable),
        spans,
        lowConfidence,
      );
      layout[`yaxis${axis}`] = {
        domain: [top - h, top],
        ...(range ? { range, autorange: false } : {}),
        title: { text: angleTitle(variable) + ' (deg)', font: { size: 12 } },
        zeroline: true,
        zerolinecolor: '#9aa3ad',
        gridcolor: '#e3e7ec',
        tickfont: { size: 11 },
      };
      for (const side of ['left', 'right'] as const) {
        const series = angles.find((a) => a.variable === variable && a.side === side);
        if (!series) continue;
        data.push({
          type: 'scatter',
          mode: 'lines',
          x: series.values.map((_, f) => startTimeS + f / fps),
          y: series.values,
          xaxis: 'x',
          yaxis: `y${axis}`,
          name: SIDE_LABEL[side],
          legendgroup: side,
          showlegend: row === 0,
          line: { color: SIDE_COLOUR[side], width: 1.6 },
          hovertemplate: `${SIDE_LABEL[side]} ${angleAxisLabel(variable)}: %{y:.1f}<extra></extra>`,
          connectgaps: false,
        });
      }
    });
    layout.xaxis = {
      anchor: (rows > 1 ? `y${rows}` : 'y') as 'y',
      title: { text: 'Time (s)', font: { size: 12 } },
      gridcolor: '#e3e7ec',
      tickfont: { size: 11 },
    };
    // A band over frames a..b, the whole chart's height.
    const band = ([a, b]: readonly [number, number], fillcolor: string, layer: 'below' | 'above') => ({
      type: 'rect' as const,
      xref: 'x' as const,
      yref: 'paper' as const,
      x0: startTimeS + (a - 0.5) / fps,
      x1: startTimeS + (b + 0.5) / fps,
      y0: 0,
      y1: 1,
      fillcolor,
      line: { width: 0 },
      layer,
    });
    // Low-confidence stretches shaded (as on the events timeline): angles there are guesses.
    const shaded = frameRuns(lowConfidenceFrames).map((run) => band(run, 'rgba(138,109,0,0.14)', 'below'));
    // Cycles whose angles are wrong greyed over the curves: not to be read.
    const greyed = wrong.map((span) => band(span, 'rgba(90,98,108,0.22)', 'above'));
    // Initial contacts as thin lines, so curve features can be read against the gait events.
    layout.shapes = [
      ...shaded,
      ...greyed,
      ...events
        .filter((e) => e.kind === 'initial-contact')
        .map((e) => ({
          type: 'line' as const,
          xref: 'x' as const,
          yref: 'paper' as const,
          x0: e.timeS,
          x1: e.timeS,
          y0: 0,
          y1: 1,
          line: { color: SIDE_COLOUR[e.side], width: 1, dash: 'dot' as const },
        })),
    ];
    return { data, layout: layout as Partial<Layout> };
  }, [angles, events, passes, wrong, lowConfidenceFrames, fps, startTimeS]);
  return <Plot data={data} layout={layout} onClickX={onClickX} onDrawn={onDrawn} className="plot" />;
});
