// Colours and line styles that survive black-and-white printing: sessions differ by line style
// (solid / dashed) as well as by colour, and bands are light greys a photocopier keeps.
import type { ReportSessionKey } from '../../../shared/api/report-types';

export const SESSION_STYLE: Record<
  ReportSessionKey,
  { color: string; dash: 'solid' | 'dash'; band: string; name: string }
> = {
  // Okabe-Ito blue and vermillion: distinct for colour-blind readers, dark vs mid grey on paper.
  A: { color: '#0b3d91', dash: 'solid', band: 'rgba(11, 61, 145, 0.12)', name: 'A' },
  B: { color: '#d55e00', dash: 'dash', band: 'rgba(213, 94, 0, 0.12)', name: 'B' },
};

export const NORMAL_BAND = 'rgba(120, 120, 120, 0.28)';
export const NORMAL_MEAN = '#6b6b6b';
export const FONT = {
  family: '"DejaVu Sans", "Liberation Sans", Arial, sans-serif',
  size: 9,
  color: '#111111',
};

/** Content width that fits A4 and US Letter with 12 mm side margins (186 mm = 703 px at 96 dpi). */
export const CONTENT_WIDTH_PX = 700;

export const SIDE_LABEL = { left: 'Left', right: 'Right' } as const;
