import { useRoute, href } from './router';
import { PatientListPage } from './pages/PatientListPage';
import { PatientFormPage } from './pages/PatientFormPage';
import { PatientPage } from './pages/PatientPage';
import { SessionPage } from './pages/SessionPage';
import { ReportPage } from './pages/ReportPage';
import { SettingsPage } from './pages/SettingsPage';
import { TrialReviewPage } from './pages/TrialReviewPage';
import { CapturePage } from './pages/CapturePage';
import { CaptureImportPage } from './pages/CaptureImportPage';
import { CaptureReportPage } from './pages/CaptureReportPage';
import { RecoveryNotice } from './capture/RecoveryNotice';

export function App() {
  const route = useRoute();
  let page;
  switch (route.page) {
    case 'patients':
      page = <PatientListPage />;
      break;
    case 'patient-new':
      page = <PatientFormPage key="new" />;
      break;
    case 'patient-edit':
      page = <PatientFormPage key={`edit-${route.id}`} id={route.id} />;
      break;
    case 'patient':
      page = <PatientPage key={route.id} id={route.id} />;
      break;
    case 'session':
      page = <SessionPage key={route.id} id={route.id} />;
      break;
    case 'trial':
      page = <TrialReviewPage key={route.id} id={route.id} />;
      break;
    case 'capture-setup':
      page = <CapturePage key="setup" />;
      break;
    case 'capture-record':
      page = <CapturePage key={route.sessionId} sessionId={route.sessionId} />;
      break;
    case 'capture-import':
      page = <CaptureImportPage key={route.sessionId} sessionId={route.sessionId} />;
      break;
    case 'capture-report':
      page = <CaptureReportPage key={route.trialId} trialId={route.trialId} />;
      break;
    case 'report':
      page = <ReportPage params={route} />;
      break;
    case 'settings':
      page = <SettingsPage />;
      break;
    case 'not-found':
      page = (
        <main>
          <h1>Page not found</h1>
          <p>
            <a href={href({ page: 'patients' })}>Back to patients</a>
          </p>
        </main>
      );
  }
  return (
    <>
      <header className="app-header">
        <a className="brand" href={href({ page: 'patients' })}>
          GaitLab
        </a>
        <nav aria-label="Main">
          <a href={href({ page: 'patients' })}>Patients</a>
          <a href={href({ page: 'capture-setup' })}>Cameras</a>
          <a href={href({ page: 'settings' })}>Settings</a>
        </nav>
      </header>
      <RecoveryNotice />
      {page}
    </>
  );
}
