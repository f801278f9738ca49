// Paper sizes, margins and the running header/footer of printed reports, shared by the Electron
// printer (webContents.printToPDF) and the headless-Chromium printer (page.pdf): both print the
// same report route with the same page furniture.
import { localIsoDate } from '../../shared/local-date';

export type Paper = 'a4' | 'letter';

export const PAPER_SIZES_MM: Record<Paper, { widthMm: number; heightMm: number; label: string }> = {
  a4: { widthMm: 210, heightMm: 297, label: 'A4' },
  letter: { widthMm: 215.9, heightMm: 279.4, label: 'Letter' },
};

/** Same as the report's @page rule, so screen print and PDF print agree. */
export const PAGE_MARGINS_MM = { top: 16, right: 12, bottom: 16, left: 12 } as const;

/** What the page publishes (html[data-report-running]) for the running header and footer. */
export interface RunningHeader {
  labName: string;
  patientName: string;
  hospitalId: string;
  sessions: string;
}

export const READY_SELECTOR = 'html[data-report-ready="true"], html[data-report-error]';

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

// Chromium renders these templates in their own document with a tiny default font: size and
// padding are set here, and page numbers come from its pageNumber/totalPages classes.
const BOX = `font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 7.5px; color: #333; width: 100%; padding: 0 ${PAGE_MARGINS_MM.left}mm; display: flex; justify-content: space-between; gap: 12px;`;

export function headerTemplate(h: RunningHeader): string {
  return `<div style="${BOX}"><span>${escapeHtml(h.labName)} · Gait assessment</span><span>${escapeHtml(h.patientName)}${h.hospitalId ? ` · ID ${escapeHtml(h.hospitalId)}` : ''} · ${escapeHtml(h.sessions)}</span></div>`;
}

export function footerTemplate(h: RunningHeader, printedAt: Date): string {
  const printed = `${localIsoDate(printedAt)} ${String(printedAt.getHours()).padStart(2, '0')}:${String(printedAt.getMinutes()).padStart(2, '0')}`;
  return `<div style="${BOX}"><span>${escapeHtml(h.patientName)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span><span>Printed ${printed}</span></div>`;
}
