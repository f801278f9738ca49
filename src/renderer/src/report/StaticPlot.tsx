// A plotly chart drawn once as a static SVG (no hover, no zoom): the same on screen and on paper.
// plotly is loaded on first use, since it is large.
import { useEffect, useRef, useState } from 'react';
import type * as PlotlyTypes from 'plotly.js';
import type { Data, Layout } from 'plotly.js';

type PlotlyModule = typeof PlotlyTypes;
let loading: Promise<PlotlyModule> | null = null;
/** Starts loading plotly; the report page calls it early so it overlaps fetching the report. */
export function loadPlotly(): Promise<PlotlyModule> {
  loading ??= import('plotly.js-basic-dist-min').then(
    (m) => (m as unknown as { default?: PlotlyModule }).default ?? (m as unknown as PlotlyModule),
  );
  return loading;
}

interface Props {
  data: Data[];
  layout: Partial<Layout>;
  widthPx: number;
  heightPx: number;
  /** Called once the chart is on the page (or failed to draw). */
  onDrawn?: () => void;
  label: string;
}

export function StaticPlot({ data, layout, widthPx, heightPx, onDrawn, label }: Props) {
  const ref = useRef<HTMLDivElement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const doneRef = useRef(onDrawn);
  doneRef.current = onDrawn;
  useEffect(() => {
    let live = true;
    loadPlotly()
      .then(async (Plotly) => {
        const el = ref.current;
        if (!live || !el) return;
        await Plotly.newPlot(
          el,
          data,
          { ...layout, width: widthPx, height: heightPx, autosize: false },
          { staticPlot: true, displayModeBar: false, responsive: false },
        );
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => live && doneRef.current?.());
    const el = ref.current;
    return () => {
      live = false;
      if (el) void loadPlotly().then((P) => P.purge(el));
    };
  }, [data, layout, widthPx, heightPx]);
  return (
    <div className="report-plot" role="img" aria-label={label} style={{ width: widthPx, height: heightPx }}>
      <div ref={ref} />
      {error && <p className="report-plot-error">Chart could not be drawn: {error}</p>}
    </div>
  );
}
