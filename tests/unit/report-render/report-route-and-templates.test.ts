// The report address carries everything that changes the printed content; the PDF page furniture
// escapes patient text and numbers the pages.
import { describe, expect, it } from 'vitest';
import { parseReportPath, reportHref } from '../../../src/shared/api/report-route';
import { footerTemplate, headerTemplate } from '../../../src/main/report/pdf-page-templates';

describe('report route', () => {
  it('round-trips sessions, reference and trials', () => {
    const p = {
      sessionId: 'sess-aaaa',
      compareSessionId: 'sess-bbbb',
      normativeSetId: 'auto',
      trialId: 'trial-cccc',
    };
    const href = reportHref(p);
    expect(href).toBe('#/reports/sess-aaaa?compare=sess-bbbb&normative=auto&trial=trial-cccc');
    expect(parseReportPath(href.slice(1))).toEqual(p);
  });
  it('drops values that are not record ids', () => {
    expect(parseReportPath('/reports/sess-aaaa?compare=../../etc&normative=<x>')).toEqual({
      sessionId: 'sess-aaaa',
    });
    expect(parseReportPath('/reports/')).toBeNull();
    expect(parseReportPath('/sessions/sess-aaaa')).toBeNull();
  });
});

describe('PDF header and footer', () => {
  const h = {
    labName: 'Lab <A&B>',
    patientName: 'Zoë "Z" Smith',
    hospitalId: 'H1',
    sessions: '2026-01-01 barefoot',
  };
  it('escapes what a user typed', () => {
    expect(headerTemplate(h)).toContain('Lab &lt;A&amp;B&gt;');
    expect(headerTemplate(h)).toContain('Zoë &quot;Z&quot; Smith · ID H1');
  });
  it('numbers pages and prints the date', () => {
    const f = footerTemplate(h, new Date(2026, 10, 25, 9, 5));
    expect(f).toContain('<span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(f).toContain('Printed 2026-11-25 09:05');
  });
});
