// The report's address (renderer route; the CLI and Electron print it): #/reports/<session>?compare=<session>&normative=<set|auto|none>&trial=..
// Everything that changes the printed content is in the address, so the CLI and Electron print
// exactly what a clinician sees by opening the same route.
export interface ReportRouteParams {
  sessionId: string;
  compareSessionId?: string;
  normativeSetId?: string;
  trialId?: string;
  compareTrialId?: string;
}

const ID = /^[A-Za-z0-9_-]{6,64}$/;

export function parseReportPath(path: string): ReportRouteParams | null {
  const [pathname = '', query = ''] = path.split('?', 2);
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] !== 'reports' || parts.length !== 2 || !parts[1] || !ID.test(parts[1])) return null;
  const q = new URLSearchParams(query);
  const pick = (name: string, allow?: RegExp) => {
    const v = q.get(name);
    return v && (allow ?? ID).test(v) ? v : undefined;
  };
  const compare = pick('compare');
  const normative = pick('normative', /^([A-Za-z0-9_-]{6,64}|auto|none)$/);
  const trial = pick('trial');
  const compareTrial = pick('compareTrial');
  return {
    sessionId: parts[1],
    ...(compare ? { compareSessionId: compare } : {}),
    ...(normative ? { normativeSetId: normative } : {}),
    ...(trial ? { trialId: trial } : {}),
    ...(compareTrial ? { compareTrialId: compareTrial } : {}),
  };
}

export function reportHref(p: ReportRouteParams): string {
  const q = new URLSearchParams();
  if (p.compareSessionId) q.set('compare', p.compareSessionId);
  if (p.normativeSetId) q.set('normative', p.normativeSetId);
  if (p.trialId) q.set('trial', p.trialId);
  if (p.compareTrialId) q.set('compareTrial', p.compareTrialId);
  const query = q.toString();
  return `#/reports/${p.sessionId}${query ? `?${query}` : ''}`;
}
