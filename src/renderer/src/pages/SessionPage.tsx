import { useCallback, useEffect, useState } from 'react';
import { TRIANGULATED_CAMERA } from '../../../shared/api/analysis-types';
import type { SessionCalibrationInfo } from '../../../shared/api/calibration-types';
import { isMarkerTrial, type TrialCameraAnalysis, type TrialInfo } from '../../../shared/api/entities';
import type { JobProgressEvent } from '../../../shared/api/events';
import { api, onLabEvent } from '../api';
import { useAsync } from '../use-async';
import { href } from '../router';
import { Breadcrumb } from '../components/Breadcrumb';
import { ErrorBanner } from '../components/ErrorBanner';
import { JobProgress } from '../components/JobProgress';
import { Notice } from '../components/Notice';
import { StatusBadge } from '../components/StatusBadge';
import { SessionForm } from '../components/SessionForm';
import { useAnalysisJobs } from '../review/use-analysis-jobs';
import { ANALYSED_ELSEWHERE, usePollWhileAnalysedElsewhere } from '../review/use-analysed-elsewhere';
import { failureAdvice, withoutPaths } from '../../../shared/failure-advice';
import { isMissingRecordingMessage } from '../../../shared/missing-recording';
import { analysisCameraName } from '../review/labels';
import { CalibrationPanel } from '../calibration/CalibrationPanel';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Where the session's distances come from: a marker-based trial's file (its mm or m), the camera
 * calibration where it covers a trial's cameras (3D, or a side camera on the floor), else the
 * patient's height.
 */
function scaleText(
  heightM: number | null,
  calibration: SessionCalibrationInfo | null,
  markerTrials: 'none' | 'some' | 'all',
): string {
  const markers = "Marker-based trials are measured by their motion-capture system (the file's mm or m).";
  if (markerTrials === 'all') return markers;
  return markerTrials === 'some'
    ? `${markers} ${videoScaleText(heightM, calibration)}`
    : videoScaleText(heightM, calibration);
}

function videoScaleText(heightM: number | null, calibration: SessionCalibrationInfo | null): string {
  const byHeight =
    heightM !== null
      ? `Distances are scaled from the patient's height, ${heightM.toFixed(2)} m.`
      : 'Unknown height: lengths and speed cannot be given in metres.';
  const views = calibration?.cameras.flatMap((c) => (c.view ? [c.view] : [])) ?? [];
  const in3d = views.length >= 2;
  const onFloor = !!calibration?.floorAtOrigin && views.some((v) => v.startsWith('sagittal-'));
  if (!in3d && !onFloor) return byHeight;
  const measured = [
    in3d && 'trials filmed by two or more calibrated cameras are measured in 3D',
    onFloor && 'a calibrated side camera measures distances on the floor',
  ].filter(Boolean);
  const rest =
    heightM !== null
      ? `Otherwise distances are scaled from the patient's height, ${heightM.toFixed(2)} m.`
      : 'Otherwise, with no height recorded, lengths and speed cannot be given in metres.';
  const sentence = `${measured.join(', and ')}, in metres from the camera calibration.`;
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)} ${rest}`;
}

const CAMERA_STATUS: Record<TrialCameraAnalysis['status'], string> = {
  analysing: 'analysing',
  analysed: 'analysed',
  failed: 'failed',
  cancelled: 'cancelled (resumes when analysed again)',
};

/**
 * A trial analysed from a camera on each side: where each camera stands, so a failed second
 * camera is seen here and not only when its review is opened. The failure of the first camera is
 * the trial's own and is already said above. The 3D analysis comes last (it is made from the
 * cameras above) and always says why it failed: its reason is its own (a calibration that does
 * not fit, say), and a trial of calibrated cameras is reported from it.
 */
function CameraStates({ trial: t }: { trial: TrialInfo }) {
  if (t.cameraAnalyses.length < 2) return null;
  const rows = [
    ...t.cameraAnalyses.filter((a) => a.camera !== TRIANGULATED_CAMERA),
    ...t.cameraAnalyses.filter((a) => a.camera === TRIANGULATED_CAMERA),
  ];
  return (
    <ul className="camera-states" aria-label={`Analysis of each camera of ${t.name}`}>
      {rows.map((a) => (
        <li key={a.camera} data-camera={a.camera} data-status={a.status}>
          {analysisCameraName(a.camera)}: {CAMERA_STATUS[a.status]}
          {a.status === 'failed' && (t.status !== 'failed' || a.camera === TRIANGULATED_CAMERA) && (
            <span role="alert">
              . {withoutPaths(a.message || 'No reason was given.')}
              {a.camera.startsWith('sagittal-') &&
                ` Until it is analysed, reports read the ${a.camera.slice('sagittal-'.length)} leg from the other camera, marked low confidence.`}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

interface RowProps {
  trial: TrialInfo;
  job: JobProgressEvent | undefined;
  error: string | undefined;
  onAnalyse: (t: TrialInfo) => void;
  onCancel: (t: TrialInfo, jobId: string) => void;
}

/** One trial: where it stands, and the one or two things that can be done with it now. */
function TrialRow({ trial: t, job, error, onAnalyse, onCancel }: RowProps) {
  const hasVideo = t.files.some((f) => f.kind === 'video');
  const markerFile = t.files.find((f) => f.kind === 'markers');
  const running = t.status === 'analysing';
  const missing = t.files.filter((f) => f.missing).map((f) => f.relativePath.split('/').pop()!);
  const review = (
    <a
      className="button primary"
      href={href({ page: 'trial', id: t.id })}
      aria-label={`Open review of ${t.name}`}
    >
      Open review
    </a>
  );
  let state;
  if (running) {
    state =
      job && job.state === 'running' ? (
        <JobProgress job={job} label={`Analysis progress of ${t.name}`} />
      ) : job ? (
        <span className="muted">Starting…</span>
      ) : (
        // No job of this window: another GaitLab process on this lab analyses it.
        <span className="muted">{ANALYSED_ELSEWHERE}</span>
      );
  } else if (t.status === 'failed') {
    state = (
      <div className="trial-failure" role="alert">
        <strong>Analysis failed:</strong> {withoutPaths(t.statusMessage || 'no reason was given.')}
        <br />
        <strong>What to do:</strong> {failureAdvice(t.statusMessage)} Other trials are not affected.
      </div>
    );
  } else if (t.statusMessage) {
    state = <span className="muted">{t.statusMessage}</span>;
  } else if (!hasVideo && !markerFile) {
    state = <span className="muted">Record or import a video first.</span>;
  }
  return (
    <tr data-trial-id={t.id} data-status={t.status}>
      <th scope="row">{t.name}</th>
      <td>
        {markerFile
          ? `Marker capture (${markerFile.relativePath.split('.').pop()!.toUpperCase()}), no video`
          : t.cameras.join(', ') || '—'}
      </td>
      <td className="trial-state">
        <StatusBadge status={t.status} />
        {state && <div className="state-detail">{state}</div>}
        {!running && <CameraStates trial={t} />}
        {missing.length > 0 && !isMissingRecordingMessage(t.statusMessage) && (
          <div className="trial-failure" role="alert">
            Missing from the lab folder (moved or deleted outside GaitLab): {missing.join(', ')}. Put{' '}
            {missing.length === 1 ? 'it' : 'them'} back where {missing.length === 1 ? 'it was' : 'they were'}{' '}
            to analyse or review this trial.
          </div>
        )}
        {error && (
          <div className="field-error" role="alert">
            {error}
          </div>
        )}
      </td>
      <td className="row-actions">
        {running && job && (
          <button
            type="button"
            onClick={() => onCancel(t, job.jobId)}
            aria-label={`Cancel analysis of ${t.name}`}
          >
            Cancel
          </button>
        )}
        {!running && hasVideo && t.status === 'recorded' && (
          <button
            type="button"
            className="primary"
            onClick={() => onAnalyse(t)}
            aria-label={`Analyse ${t.name}`}
          >
            Analyse
          </button>
        )}
        {t.status === 'analysed' && review}
        {!running && (t.status === 'analysed' || t.status === 'failed') && (hasVideo || markerFile) && (
          <button
            type="button"
            onClick={() => onAnalyse(t)}
            aria-label={`${t.status === 'failed' ? 'Try again to analyse' : 'Re-analyse'} ${t.name}`}
          >
            {t.status === 'failed' ? 'Try again' : 'Re-analyse'}
          </button>
        )}
        {t.status === 'failed' && (
          <a href={href({ page: 'trial', id: t.id })} aria-label={`Open ${t.name} to see what was found`}>
            See what was found
          </a>
        )}
      </td>
    </tr>
  );
}

export function SessionPage({ id }: { id: string }) {
  const session = useAsync(() => api['sessions.get']({ id }), [id]);
  const s = session.data;
  const patient = useAsync(
    () => (s ? api['patients.get']({ id: s.patientId }) : Promise.resolve(null)),
    [s?.patientId],
  );
  const trials = useAsync(() => api['trials.list']({ sessionId: id }), [id]);
  const reloadTrials = trials.reload;
  const jobs = useAnalysisJobs(
    id,
    useCallback(() => reloadTrials(), [reloadTrials]),
  );
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState(false);
  const setRowError = (trialId: string, message: string | null) =>
    setRowErrors((m) => {
      const next = { ...m };
      if (message) next[trialId] = message;
      else delete next[trialId];
      return next;
    });

  const analyse = (t: TrialInfo) => {
    setRowError(t.id, null);
    api['analysis.start']({ trialId: t.id }).then(
      ({ jobId }) => {
        jobs.track(t.id, jobId);
        reloadTrials();
      },
      (e: unknown) => setRowError(t.id, errorText(e)),
    );
  };
  const cancel = (t: TrialInfo, jobId: string) => {
    api['jobs.cancel']({ jobId }).then(
      () => reloadTrials(),
      (e: unknown) => setRowError(t.id, errorText(e)),
    );
  };

  const heightM = patient.data?.heightM ?? null;
  const calibration = useAsync(() => api['calibration.get']({ sessionId: id }).catch(() => null), [id]);
  const reloadCalibration = calibration.reload;
  // Imported or removed in the panel below (or in another window): the scale changes with it.
  useEffect(
    () =>
      onLabEvent((e) => {
        if (e.type === 'data.changed' && e.entity === 'session' && e.id === id) reloadCalibration();
      }),
    [id, reloadCalibration],
  );

  const trialList = trials.data ?? [];
  usePollWhileAnalysedElsewhere(
    trialList.some((t) => t.status === 'analysing' && !jobs.byTrial[t.id]),
    reloadTrials,
  );
  const markerCount = trialList.filter(isMarkerTrial).length;
  const markerTrials =
    markerCount === 0 ? 'none' : markerCount === trialList.length ? 'all' : ('some' as const);

  return (
    <main>
      <Breadcrumb
        items={[
          { href: href({ page: 'patients' }), label: 'Patients' },
          patient.data && { href: href({ page: 'patient', id: patient.data.id }), label: patient.data.name },
        ]}
      />
      <ErrorBanner message={session.error ?? trials.error} />
      {s && (
        <>
          <h1>
            Session {s.date} · {s.condition} {s.archivedAt && <span className="tag">archived</span>}
          </h1>
          <dl className="facts">
            <dt>Examiner</dt>
            <dd>{s.examiner || '—'}</dd>
            <dt>Notes</dt>
            <dd>{s.notes || '—'}</dd>
            <dt>Scale</dt>
            <dd>{scaleText(heightM, calibration.data, markerTrials)}</dd>
          </dl>
          {editing ? (
            <SessionForm
              title="Session details"
              initial={{ date: s.date, condition: s.condition, examiner: s.examiner, notes: s.notes }}
              submitLabel="Save session details"
              onSubmit={async (values) => {
                await api['sessions.update']({ id, patch: values });
                setEditing(false);
                session.reload();
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <p className="actions">
              <button type="button" onClick={() => setEditing(true)}>
                Edit session details
              </button>
            </p>
          )}
          {patient.data && heightM === null && markerTrials !== 'all' && (
            <Notice title="No height recorded.">
              <a href={href({ page: 'patient-edit', id: patient.data.id })}>Add the patient&apos;s height</a>{' '}
              before analysing, so step length and walking speed are in metres.
            </Notice>
          )}
          <section aria-labelledby="trials-title">
            <h2 id="trials-title">Trials</h2>
            <p className="actions">
              <a className="button primary" href={href({ page: 'capture-record', sessionId: id })}>
                Record trial
              </a>{' '}
              <a className="button" href={href({ page: 'capture-import', sessionId: id })}>
                Import video or marker file
              </a>
            </p>
            {trials.data && trials.data.length === 0 && (
              <p className="empty">No trials recorded or imported yet.</p>
            )}
            {trials.data && trials.data.length > 0 && (
              <table className="table trials">
                <thead>
                  <tr>
                    <th scope="col">Trial</th>
                    <th scope="col">Cameras</th>
                    <th scope="col">Status</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {trials.data.map((t) => (
                    <TrialRow
                      key={t.id}
                      trial={t}
                      job={jobs.byTrial[t.id]}
                      error={rowErrors[t.id]}
                      onAnalyse={analyse}
                      onCancel={cancel}
                    />
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <CalibrationPanel sessionId={id} archived={Boolean(s.archivedAt)} />
        </>
      )}
    </main>
  );
}
