// One plotly chart. plotly is loaded on first use (it is large), drawn with Plotly.react so
// updates keep zoom state cheap, and purged on unmount.
import { memo, useEffect, useRef, useState } from 'react';
import type * as PlotlyTypes from 'plotly.js';
import type { Config, Data, Layout, PlotlyHTMLElement, PlotMouseEvent } from 'plotly.js';

type PlotlyModule = typeof PlotlyTypes;
let loading: Promise<PlotlyModule> | null = null;
export function loadPlotly(): Promise<PlotlyModule> {
  loading ??= import('plotly.js-dist-min').then(
    (m) => (m as unknown as { default: PlotlyModule }).default ?? (m as unknown as PlotlyModule),
    (e: unknown) => {
      // Let the next chart try again instead of keeping the failure for the life of the window.
      loading = null;
      throw e;
    },
  );
  return loading;
}

const CONFIG: Partial<Config> = {
  displayModeBar: false,
  responsive: true,
  scrollZoom: false,
  doubleClick: false,
};

export const BASE_LAYOUT: Partial<Layout> = {
  paper_bgcolor: '#ffffff',
  plot_bgcolor: '#ffffff',
  font: { family: 'system-ui, "DejaVu Sans", sans-serif', size: 12, color: '#1b1f24' },
  margin: { l: 60, r: 12, t: 28, b: 44 },
  showlegend: false,
  hovermode: 'x',
  dragmode: false,
};

interface Props {
  data: Data[];
  layout: Partial<Layout>;
  className?: string;
  /** Called with the x value of a clicked point. */
  onClickX?: (x: number) => void;
  /** The drawn chart, for overlays that need its axes. */
  onDrawn?: (el: PlotlyHTMLElement) => void;
}

export const Plot = memo(function Plot({ data, layout, className, onClickX, onDrawn }: Props) {
  const ref = useRef<HTMLDivElement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const clickRef = useRef(onClickX);
  clickRef.current = onClickX;
  const drawnRef = useRef(onDrawn);
  drawnRef.current = onDrawn;

  useEffect(() => {
    let live = true;
    loadPlotly().then(
      async (Plotly) => {
        const el = ref.current;
        if (!live || !el) return;
        const gd = await Plotly.react(el, data, layout, CONFIG);
        if (!live) return;
        gd.removeAllListeners?.('plotly_click');
        gd.on('plotly_click', (e: PlotMouseEvent) => {
          const x = e.points[0]?.x;
          if (typeof x === 'number') clickRef.current?.(x);
        });
        drawnRef.current?.(gd);
      },
      (e: unknown) =>
        setError(
          `The chart could not be drawn (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`,
        ),
    );
    return () => {
      live = false;
    };
  }, [data, layout]);

  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) void loadPlotly().then((Plotly) => Plotly.purge(el));
    };
  }, []);

  if (error) return <p className="banner banner-error">{error}</p>;
  return <div ref={ref} className={className} />;
});
