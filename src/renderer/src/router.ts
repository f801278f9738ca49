import { useEffect, useState } from 'react';
import { parseReportPath, reportHref, type ReportRouteParams } from '../../shared/api/report-route';

// Hash routes keep the app working from file:// in Electron and from the bridge alike.
export type Route =
  | { page: 'patients' }
  | { page: 'patient-new' }
  | { page: 'patient'; id: string }
  | { page: 'patient-edit'; id: string }
  | { page: 'session'; id: string }
  | { page: 'trial'; id: string }
  | { page: 'capture-setup' }
  | { page: 'capture-record'; sessionId: string }
  | { page: 'capture-import'; sessionId: string }
  | { page: 'capture-report'; trialId: string }
  | ({ page: 'report' } & ReportRouteParams)
  | { page: 'settings' }
  | { page: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const report = parseReportPath(path);
  if (report) return { page: 'report', ...report };
  if (path === '/settings') return { page: 'settings' };
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'patients')) return { page: 'patients' };
  if (parts[0] === 'patients' && parts[1] === 'new' && parts.length === 2) return { page: 'patient-new' };
  if (parts[0] === 'patients' && parts[1] && parts.length === 2) return { page: 'patient', id: parts[1] };
  if (parts[0] === 'patients' && parts[1] && parts[2] === 'edit')
    return { page: 'patient-edit', id: parts[1] };
  if (parts[0] === 'cameras' && parts.length === 1) return { page: 'capture-setup' };
  if (parts[0] === 'sessions' && parts[1] && parts[2] === 'record')
    return { page: 'capture-record', sessionId: parts[1] };
  if (parts[0] === 'sessions' && parts[1] && parts[2] === 'import')
    return { page: 'capture-import', sessionId: parts[1] };
  if (parts[0] === 'trials' && parts[1] && parts[2] === 'capture')
    return { page: 'capture-report', trialId: parts[1] };
  if (parts[0] === 'sessions' && parts[1]) return { page: 'session', id: parts[1] };
  if (parts[0] === 'trials' && parts[1] && parts.length === 2) return { page: 'trial', id: parts[1] };
  return { page: 'not-found', path };
}

export function href(route: Route): string {
  switch (route.page) {
    case 'patients':
      return '#/patients';
    case 'patient-new':
      return '#/patients/new';
    case 'patient':
      return `#/patients/${route.id}`;
    case 'patient-edit':
      return `#/patients/${route.id}/edit`;
    case 'session':
      return `#/sessions/${route.id}`;
    case 'trial':
      return `#/trials/${route.id}`;
    case 'capture-setup':
      return '#/cameras';
    case 'capture-record':
      return `#/sessions/${route.sessionId}/record`;
    case 'capture-import':
      return `#/sessions/${route.sessionId}/import`;
    case 'capture-report':
      return `#/trials/${route.trialId}/capture`;
    case 'report':
      return reportHref(route);
    case 'settings':
      return '#/settings';
    case 'not-found':
      return '#/';
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
