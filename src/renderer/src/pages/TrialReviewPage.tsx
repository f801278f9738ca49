import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  MARKER_CAPTURE_CAMERA,
  TRIANGULATED_CAMERA,
  type TrialAnalysisView,
} from '../../../shared/api/analysis-types';
import type { SessionCalibrationInfo } from '../../../shared/api/calibration-types';
import type { TrialInfo } from '../../../shared/api/entities';
import { viewToFileAs } from '../../../shared/camera-filing';
import { api, mediaUrl } from '../api';
import { useAsync } from '../use-async';
import { href } from '../router';
import { Breadcrumb } from '../components/Breadcrumb';
import { ErrorBanner } from '../components/ErrorBanner';
import { Notice } from '../components/Notice';
import { StatusBadge } from '../components/StatusBadge';
import { JobProgress } from '../components/JobProgress';
import { useTrialReview } from '../review/use-trial-review';
import { usePlayer } from '../review/use-player';
import { useAnalysisJobs } from '../review/use-analysis-jobs';
import { ANALYSED_ELSEWHERE, usePollWhileAnalysedElsewhere } from '../review/use-analysed-elsewhere';
import { VideoWithSkeleton } from '../review/VideoWithSkeleton';
import { AngleTimeChart } from '../review/AngleTimeChart';
import { EventTimeline } from '../review/EventTimeline';
import { NoteText } from '../review/NoteText';
import { CycleList } from '../review/CycleList';
import { ParameterTable } from '../review/ParameterTable';
import { NormalisedCurves } from '../review/NormalisedCurves';
import { PersonChooser } from '../review/PersonChooser';
import { isPersonNote } from '../../../shared/analysis-notes';
import { BeltSpeed } from '../review/BeltSpeed';
import { FilterCutoff } from '../review/FilterCutoff';
import { MarkerEvents } from '../review/MarkerEvents';
import { FloorScale } from '../review/FloorScale';
import { failureAdvice, withoutPaths } from '../../../shared/failure-advice';
import { FixPicture } from '../review/FixPicture';
import { CameraFiling } from '../review/CameraFiling';
import { TRIANGULATED_LABEL, triangulatedFrom } from '../review/labels';

/** Keys typed into form controls, or arrows on an event marker, belong to those controls. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, select, textarea, [contenteditable="true"]')) return true;
  if (key.startsWith('Arrow') && target.closest('[role="slider"]')) return true;
  if (key === ' ' && target.closest('button, a, summary, [role="slider"]')) return true;
  return false;
}

/** The trial camera that made a video, by its path (the 3D analysis shows its reference camera's). */
function cameraOfVideo(t: TrialInfo | null, relativePath: string): string | undefined {
  return t?.files.find((f) => f.kind === 'video' && f.relativePath === relativePath)?.camera;
}

/** What the analysis under review was measured from, for the provenance's first line. */
function viewText(a: TrialAnalysisView, t: TrialInfo | null): string {
  if (a.camera === MARKER_CAPTURE_CAMERA)
    return `3D markers of a motion-capture system (${String(a.provenance.markerFormat ?? 'marker')} file ${String(a.provenance.markerFile ?? '')})`;
  if (a.camera !== TRIANGULATED_CAMERA) return `${a.view} camera (${a.camera})`;
  const from = triangulatedFrom(a.provenance);
  const shown = cameraOfVideo(t, a.videoRelativePath);
  return `3D, triangulated from ${from ? `${from.length} calibrated cameras` : 'the calibrated cameras'}${shown ? `, shown on the ${shown} video` : ''}`;
}

/** Whether the session's calibration measures this camera's floor (a calibrated side camera). */
function measuresFloor(calibration: SessionCalibrationInfo | null, camera: string): boolean {
  return (
    !!calibration?.floorAtOrigin &&
    camera.startsWith('sagittal-') &&
    calibration.cameras.some((c) => c.view === camera)
  );
}

export function TrialReviewPage({ id }: { id: string }) {
  const trial = useAsync(() => api['trials.get']({ id }), [id]);
  const t = trial.data;
  const session = useAsync(
    () => (t ? api['sessions.get']({ id: t.sessionId }) : Promise.resolve(null)),
    [t?.sessionId],
  );
  const patient = useAsync(
    () => (session.data ? api['patients.get']({ id: session.data.patientId }) : Promise.resolve(null)),
    [session.data?.patientId],
  );
  const calibration = useAsync(
    () => (t ? api['calibration.get']({ sessionId: t.sessionId }).catch(() => null) : Promise.resolve(null)),
    [t?.sessionId],
  );
  // A trial filmed by several cameras is reviewed one camera at a time (undefined: the default one).
  const [camera, setCamera] = useState<string | undefined>(undefined);
  const threeD = t?.cameraAnalyses.find((c) => c.camera === TRIANGULATED_CAMERA);
  // A trial analysed in 3D opens on it: both legs in both planes, and what its reports read.
  const chosen = camera ?? (threeD?.status === 'analysed' ? TRIANGULATED_CAMERA : undefined);
  const review = useTrialReview(id, t ? chosen : null);
  const { analysis: a, pose } = review;
  // What is on screen decides the words, not the choice still loading.
  const in3d = (a?.camera ?? chosen) === TRIANGULATED_CAMERA;
  const jobs = useAnalysisJobs(t?.sessionId ?? null, (changed) => {
    if (changed === id) {
      trial.reload();
      review.reload();
    }
  });
  const job = jobs.byTrial[id];
  // Analysed by another GaitLab process: its analysis is read once it has ended.
  const elsewhere = t?.status === 'analysing' && !job;
  usePollWhileAnalysedElsewhere(elsewhere, trial.reload, review.reload);
  // A hand edit reloads the analysis too (the trial changed), but only a finished analysis job made
  // new events, whose undo history starts afresh.
  const finishedJob = job?.state === 'done' ? job.jobId : null;
  const { forgetEdits } = review;
  useEffect(() => {
    if (finishedJob) forgetEdits();
  }, [finishedJob, forgetEdits]);

  // A failed analysis has no frames of its own (fps 0): its video is played on the pose track's clock.
  const timed = a?.status === 'analysed' ? a : null;
  const fps = timed?.fps ?? pose?.fps ?? 30;
  const frameCount = timed?.frameCount ?? pose?.frameCount ?? 0;
  const startTimeS = timed?.startTimeS ?? pose?.timeS[0] ?? 0;
  const videos = t?.files.filter((f) => f.kind === 'video') ?? [];
  const fileAs = a
    ? viewToFileAs(
        a,
        videos.map((f) => f.camera),
      )
    : null;
  const videoPath =
    a?.videoRelativePath ?? (videos.find((f) => f.camera === chosen) ?? videos[0])?.relativePath ?? null;
  const shownOn = videoPath ? cameraOfVideo(t, videoPath) : undefined;
  // An original the browser cannot play (HEVC, AVI...) is shown from the copy analysing made of it.
  const playable =
    t?.files.find((f) => f.kind === 'review-video' && f.camera === shownOn)?.relativePath ?? videoPath;
  const videoUrl = playable ? mediaUrl(playable) : null;
  const missingFile = t?.files.find((f) => f.relativePath === playable)?.missing
    ? (playable?.split('/').pop() ?? null)
    : null;
  // The player runs on the file's clock: the camera's own file may show frame 0 later than 0 s
  // (its video started after its sound; the copy starts at 0), and a phone's slow-motion file
  // plays its frames slower than they were filmed.
  const fileStartS = playable === videoPath ? (pose?.firstFrameS ?? 0) : 0;
  const slow = pose?.slowMotionFactor ?? 1;
  const player = usePlayer(fps / slow, frameCount, fileStartS + startTimeS * slow, videoUrl);
  const [showSkeleton, setShowSkeleton] = useState(true);
  const lowConfidence = useMemo(
    () => new Set(a?.lowConfidenceFrames ?? pose?.lowConfidenceFrames ?? []),
    [a, pose],
  );

  const { seekFrame, step, toggle } = player;
  // A frame named in a note: shown in the player (or the charts' cursor, for a marker file).
  const showNoteFrame = useCallback(
    (frame: number) => {
      seekFrame(frame);
      document.getElementById('video-title')?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    },
    [seekFrame],
  );
  const eventFrames = useMemo(
    () => [...new Set((a?.events ?? []).map((e) => Math.round(e.frame)))].sort((x, y) => x - y),
    [a],
  );
  const frameRef = player.frame;
  const jumpEvent = useCallback(
    (dir: -1 | 1) => {
      const target =
        dir < 0
          ? [...eventFrames].reverse().find((f) => f < frameRef)
          : eventFrames.find((f) => f > frameRef);
      if (target !== undefined) seekFrame(target);
    },
    [eventFrames, frameRef, seekFrame],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || ownsKey(e.target, e.key)) return;
      if (e.key === ' ') toggle();
      else if (e.key === 'ArrowLeft') step(e.shiftKey ? -10 : -1);
      else if (e.key === 'ArrowRight') step(e.shiftKey ? 10 : 1);
      else if (e.key === '[') jumpEvent(-1);
      else if (e.key === ']') jumpEvent(1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle, step, jumpEvent]);

  const failed = a?.status === 'failed';
  const analysed = a?.status === 'analysed';
  // A motion-capture system's marker file: no video, no skeleton, no person or floor to choose.
  const markerFile = t?.files.find((f) => f.kind === 'markers');
  // A panel below analysed the trial again (another person, floor marks, a belt speed).
  const reanalysisStarted = (jobId: string) => {
    jobs.track(id, jobId);
    trial.reload();
  };
  // A camera filed under another view: review stays on it, under its new name.
  const refiled = (jobId: string, view: string) => {
    setCamera(view);
    reanalysisStarted(jobId);
  };

  return (
    <main className="wide review">
      <Breadcrumb
        items={[
          { href: href({ page: 'patients' }), label: 'Patients' },
          patient.data && { href: href({ page: 'patient', id: patient.data.id }), label: patient.data.name },
          session.data && {
            href: href({ page: 'session', id: session.data.id }),
            label: `Session ${session.data.date} · ${session.data.condition}`,
          },
        ]}
      />
      <div className="page-head">
        <h1>{t ? `${t.name}: review` : 'Trial review'}</h1>
        {videos.length > 1 && (
          <label className="camera-choice">
            Camera{' '}
            <select
              value={chosen ?? a?.camera ?? videos[0]!.camera}
              onChange={(e) => setCamera(e.target.value)}
              disabled={review.busy}
            >
              {videos.map((f) => (
                <option key={f.camera} value={f.camera}>
                  {f.camera}
                </option>
              ))}
              {threeD && <option value={TRIANGULATED_CAMERA}>{TRIANGULATED_LABEL}</option>}
            </select>
          </label>
        )}
        {t && <StatusBadge status={t.status} />}
      </div>
      <ErrorBanner message={trial.error ?? review.error} />
      {t?.status === 'analysing' && job && (
        <div className="card">
          <JobProgress job={job} label={`Analysis progress of ${t.name}`} />
        </div>
      )}
      {elsewhere && (
        <div className="card">
          <p className="muted">{ANALYSED_ELSEWHERE} This page shows the result when it ends.</p>
        </div>
      )}
      {!review.loading && !a && t && t.status !== 'analysing' && (
        <div className="card">
          {t.status === 'failed' ? (
            <p className="trial-failure" role="alert">
              <strong>Analysis failed:</strong> {withoutPaths(t.statusMessage)} <strong>What to do:</strong>{' '}
              {failureAdvice(t.statusMessage)}
            </p>
          ) : (
            <p>
              {in3d
                ? 'The 3D analysis of this trial has not been made yet: analyse the trial again.'
                : chosen && videos.length > 1
                  ? `The ${chosen} camera of this trial has not been analysed yet.`
                  : 'This trial has not been analysed yet.'}
            </p>
          )}
          {session.data && (
            <a className="button primary" href={href({ page: 'session', id: session.data.id })}>
              Back to the session
            </a>
          )}
        </div>
      )}
      {failed && a && (
        <div className="banner banner-error" role="alert">
          <strong>
            {in3d
              ? 'The 3D gait analysis could not be completed:'
              : 'The gait analysis could not be completed:'}
          </strong>{' '}
          {withoutPaths(a.message)}{' '}
          {pose
            ? in3d
              ? `The video of the ${shownOn ?? 'first calibrated'} camera and the 3D skeleton projected onto it are shown below so you can see what went wrong. `
              : 'The video and the pose found are shown below so you can see what went wrong. '
            : ''}
          <strong>What to do:</strong>{' '}
          {a.eventsEditedByHand
            ? 'The events set by hand are the likely cause (each cycle needs two initial contacts of the same foot): reset them to automatic, then correct them again.'
            : a.pictureTurnDeg
              ? 'Turn the picture upright with the button below; for the next trials, mount the camera upright.'
              : failureAdvice(a.message)}{' '}
          {/* Events corrected by hand can leave no gait cycle: the events panel is gone, so undo them here. */}
          {a.eventsEditedByHand && (
            <button type="button" onClick={review.resetToAutomatic} disabled={review.busy}>
              Reset events to automatic
            </button>
          )}{' '}
          {a.pictureTurnDeg && t && t.status !== 'analysing' && (
            <FixPicture
              trialId={id}
              camera={a.camera}
              fix={{ turnDeg: a.pictureTurnDeg }}
              onStarted={reanalysisStarted}
            />
          )}
          {session.data && <a href={href({ page: 'session', id: session.data.id })}>Back to the session</a>}
        </div>
      )}
      {a && a.warnings.length > 0 && (
        <Notice title="Check before trusting the numbers:">
          <ul className="warnings">
            {a.warnings.map((w) => (
              <li key={w}>
                <NoteText note={w} onSeekFrame={showNoteFrame} />
              </li>
            ))}
          </ul>
          {fileAs && t && t.status !== 'analysing' && (
            <FixPicture
              trialId={id}
              camera={a.camera}
              fix={{ fileAs }}
              onStarted={(jobId) => refiled(jobId, fileAs)}
            />
          )}
          {a.sideDoubt && t && t.status !== 'analysing' && (
            <FixPicture trialId={id} camera={a.camera} fix={{ mirror: true }} onStarted={reanalysisStarted} />
          )}
        </Notice>
      )}

      {t && markerFile && analysed && a && (
        <section aria-labelledby="capture-title" className="card">
          <h2 id="capture-title">Marker-based capture</h2>
          <p>
            This trial is the {String(a.provenance.markerFormat ?? '')} file{' '}
            <strong>{String(a.provenance.markerFile ?? '')}</strong> of a motion-capture system:{' '}
            {String(a.provenance.markerCount ?? '?')} trajectories at {fps} Hz, {frameCount} frames. It has no
            video; move through it with <kbd>←</kbd> <kbd>→</kbd> (<kbd>Shift</kbd>: 10) and <kbd>[</kbd>{' '}
            <kbd>]</kbd>, or click a curve or the events timeline.
          </p>
          {t.status !== 'analysing' && <MarkerEvents analysis={a} onStarted={reanalysisStarted} />}
          {a.mode === 'treadmill' && t.status !== 'analysing' && (
            <BeltSpeed
              trialId={id}
              camera={a.camera}
              beltSpeedMps={a.beltSpeedMps ?? null}
              markers
              onStarted={reanalysisStarted}
            />
          )}
        </section>
      )}
      {((videoUrl && (a || pose)) || (markerFile && analysed && a)) && (
        <div className="review-top">
          {videoUrl && (
            <section aria-labelledby="video-title" className="review-video">
              <h2 id="video-title">Video and skeleton</h2>
              {in3d && (
                <p className="muted">
                  The 3D skeleton projected onto the video of the {shownOn ?? 'first calibrated'} camera.
                </p>
              )}
              <VideoWithSkeleton
                src={videoUrl}
                pose={pose}
                player={player}
                fps={fps}
                frameCount={frameCount}
                lowConfidence={lowConfidence}
                showSkeleton={showSkeleton}
                onShowSkeleton={setShowSkeleton}
                missingFile={missingFile}
              />
              <p className="keys">
                Keys: <kbd>Space</kbd> play/pause · <kbd>←</kbd> <kbd>→</kbd> one frame (<kbd>Shift</kbd>: 10)
                · <kbd>[</kbd> <kbd>]</kbd> previous / next gait event
              </p>
              {in3d && (
                <p className="muted">
                  The 3D analysis follows one patient on every calibrated camera: to choose another, open one
                  camera above and choose the patient there. The other calibrated cameras then follow whoever
                  stands at the same place on the floor, and the trial is triangulated again.
                </p>
              )}
              {t && t.status !== 'analysing' && !in3d && (
                <PersonChooser
                  trialId={id}
                  open={a?.warnings.some(isPersonNote) ?? false}
                  {...(a?.camera ? { camera: a.camera } : {})}
                  onStarted={reanalysisStarted}
                />
              )}
              {t && t.status !== 'analysing' && !in3d && a && !markerFile && (
                <CameraFiling
                  trialId={id}
                  camera={a.camera}
                  trialCameras={videos.map((f) => f.camera)}
                  onStarted={refiled}
                />
              )}
              {t &&
                t.status !== 'analysing' &&
                analysed &&
                a &&
                a.view !== 'frontal' &&
                !in3d &&
                // Walking in place measures nothing on the floor: its lengths come from the belt speed.
                (a.mode === 'treadmill' ? (
                  <BeltSpeed
                    trialId={id}
                    camera={a.camera}
                    beltSpeedMps={a.beltSpeedMps ?? null}
                    onStarted={reanalysisStarted}
                  />
                ) : (
                  <FloorScale
                    trialId={id}
                    camera={a.camera}
                    scale={a.scale}
                    calibrated={measuresFloor(calibration.data, a.camera)}
                    onStarted={reanalysisStarted}
                  />
                ))}
            </section>
          )}
          {analysed && a && (
            <section aria-labelledby="angles-title" className="review-angles">
              <h2 id="angles-title">Joint angles over time</h2>
              <AngleTimeChart
                angles={a.angles}
                events={a.events}
                passes={a.passes}
                cycles={a.cycles}
                lowConfidenceFrames={a.lowConfidenceFrames}
                fps={fps}
                startTimeS={a.startTimeS}
                frame={player.frame}
                onSeekFrame={seekFrame}
              />
            </section>
          )}
        </div>
      )}

      {analysed && a && (
        <>
          <section aria-labelledby="events-title">
            <div className="section-head">
              <h2 id="events-title">Gait events</h2>
              <div className="actions">
                <button type="button" onClick={review.undo} disabled={!review.canUndo || review.busy}>
                  Undo event change
                </button>
                <button
                  type="button"
                  onClick={review.resetToAutomatic}
                  disabled={!a.eventsEditedByHand || review.busy}
                >
                  {/* A marker file's own events are what a marker-based trial returns to, not a detector's. */}
                  {a.provenance.baseEvents === 'file' ? 'Reset to the file’s events' : 'Reset to automatic'}
                </button>
                <span className="edit-status" role="status">
                  {review.busy
                    ? 'Re-running the analysis…'
                    : (review.lastChange ??
                      (a.eventsEditedByHand
                        ? 'Events include corrections by hand.'
                        : a.view === 'frontal'
                          ? 'Events from the side camera (a frontal camera cannot time them).'
                          : a.provenance.eventsFrom === 'file'
                            ? 'Events as stored in the marker file.'
                            : 'Events detected automatically.'))}
                </span>
              </div>
            </div>
            {!in3d && threeD?.status === 'analysed' && (
              <p className="muted" role="note">
                Reports of this trial read its 3D analysis: events moved here change the {a.camera} camera's
                analysis only. To correct what the report shows, choose &ldquo;{TRIANGULATED_LABEL}&rdquo;
                above.
              </p>
            )}
            <EventTimeline
              frameCount={frameCount}
              fps={fps}
              frame={player.frame}
              events={a.events}
              cycles={a.cycles}
              lowConfidenceFrames={a.lowConfidenceFrames}
              droppedFrames={pose?.droppedFrames ?? []}
              busy={review.busy}
              onSeekFrame={seekFrame}
              onMoveEvent={review.moveEvent}
              onAddEvent={review.addEvent}
              onRemoveEvent={review.removeEvent}
            />
          </section>
          <div className="review-columns">
            <section aria-labelledby="parameters-title">
              <h2 id="parameters-title">Spatiotemporal parameters</h2>
              <ParameterTable
                parameters={a.parameters}
                scale={a.scale}
                frontal={a.view === 'frontal'}
                {...(a.mode === 'treadmill' ? { treadmillBeltSpeedMps: a.beltSpeedMps ?? null } : {})}
              />
            </section>
            <section aria-labelledby="cycles-title">
              <h2 id="cycles-title">Gait cycles</h2>
              <CycleList
                cycles={a.cycles}
                fps={fps}
                busy={review.busy}
                onSeekFrame={seekFrame}
                onExclude={review.setCycleExcluded}
              />
            </section>
          </div>
          <section aria-labelledby="curves-title">
            <h2 id="curves-title">Joint angles over the gait cycle</h2>
            <NormalisedCurves curves={a.curves} parameters={a.parameters} />
          </section>
          <details className="provenance">
            <summary>How these numbers were made</summary>
            <dl className="facts">
              <dt>View</dt>
              <dd>
                {viewText(a, t)}, {fps} frames/s, {frameCount} frames{a.mode ? `, ${a.mode}` : ''}
              </dd>
              {Object.entries(a.provenance).map(([k, v]) => (
                <FactRow key={k} name={k} value={v} />
              ))}
            </dl>
            {t && t.status !== 'analysing' && typeof a.provenance.filter === 'string' && (
              <FilterCutoff
                key={a.provenance.filter}
                trialId={id}
                {...(in3d ? {} : { camera: a.camera })}
                filter={a.provenance.filter}
                onStarted={reanalysisStarted}
              />
            )}
          </details>
        </>
      )}
    </main>
  );
}

/** Provenance keys whose spelled-out name would not say what they are. */
const FACT_LABELS: Record<string, string> = {
  calibration: 'Camera calibration',
  reprojectionErrorPx: 'Reprojection error per camera (median, px)',
};

function FactRow({ name, value }: { name: string; value: string | number | boolean | null }) {
  const label = FACT_LABELS[name] ?? name.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
  return (
    <>
      <dt>{label}</dt>
      <dd>{value === null ? '—' : String(value)}</dd>
    </>
  );
}
