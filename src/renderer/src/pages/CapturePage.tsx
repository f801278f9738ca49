import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { href } from '../router';
import { Breadcrumb } from '../components/Breadcrumb';
import { useAsync } from '../use-async';
import { ErrorBanner } from '../components/ErrorBanner';
import {
  CAMERA_VIEWS,
  CAMERA_VIEW_LABELS,
  LOW_RATE_RATIO,
  type CameraView,
  type CaptureReport,
} from '../../../shared/api/ops/capture';
import {
  listCameras,
  openCamera,
  pickMimeType,
  recordingBitsPerSecond,
  stopStream,
  type CameraDevice,
} from '../capture/cameras';
import { CameraRecorder } from '../capture/camera-recorder';
import { CaptureReportView } from '../capture/CaptureReportView';
import { useKeptRates } from '../capture/use-kept-rates';
import { repluggedIds } from '../../../shared/replugged-cameras';
import { listInWords } from '../../../shared/list-in-words';
import '../capture/capture.css';

interface CameraRow {
  deviceId: string;
  label: string;
  enabled: boolean;
  view: CameraView;
}

const RESOLUTIONS = [
  { label: '640 x 360', widthPx: 640, heightPx: 360 },
  { label: '1280 x 720', widthPx: 1280, heightPx: 720 },
  { label: '1920 x 1080', widthPx: 1920, heightPx: 1080 },
];
const FRAME_RATES = [25, 30, 50, 60];
const MAX_RECORDING_CAMERAS = 4;

type Phase =
  | { name: 'idle' }
  | { name: 'countdown'; secondsLeft: number }
  | { name: 'recording'; startedMs: number; trialId: string }
  | { name: 'saving'; trialId: string }
  | { name: 'done'; report: CaptureReport; trialId: string };

/** Rows from the devices found, with the lab's saved set-up applied (by id, else by label). */
function applySetup(
  devices: CameraDevice[],
  saved: Awaited<ReturnType<(typeof api)['capture.setup.get']>>,
): CameraRow[] {
  const used = new Set<CameraView>();
  const rows = devices.map((d) => {
    const s =
      saved?.cameras.find((c) => c.deviceId === d.deviceId) ??
      saved?.cameras.find((c) => c.deviceLabel && c.deviceLabel === d.label);
    const row: CameraRow = {
      deviceId: d.deviceId,
      label: d.label,
      enabled: s ? s.enabled : true,
      view: s?.view ?? 'sagittal-left',
    };
    if (row.enabled && s) used.add(row.view);
    return { row, fromSetup: Boolean(s) };
  });
  let enabledCount = rows.filter((r) => r.row.enabled && r.fromSetup).length;
  for (const r of rows) {
    if (r.fromSetup) continue;
    const free = CAMERA_VIEWS.find((v) => !used.has(v));
    if (!free || enabledCount >= MAX_RECORDING_CAMERAS) {
      r.row.enabled = false;
      continue;
    }
    r.row.view = free;
    used.add(free);
    enabledCount++;
  }
  return rows.map((r) => r.row);
}

/** Camera set-up for the lab; with a session, also the recording of its trials. */
export function CapturePage({ sessionId }: { sessionId?: string }) {
  const session = useAsync(
    () => (sessionId ? api['sessions.get']({ id: sessionId }) : Promise.resolve(null)),
    [sessionId],
  );
  const trials = useAsync(
    () => (sessionId ? api['trials.list']({ sessionId, includeArchived: true }) : Promise.resolve(null)),
    [sessionId],
  );
  const [rows, setRows] = useState<CameraRow[]>([]);
  const [resolution, setResolution] = useState(RESOLUTIONS[0]!);
  const [fps, setFps] = useState(30);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [streams, setStreams] = useState<Record<string, MediaStream>>({});
  const keptRates = useKeptRates(streams);
  const [trialName, setTrialName] = useState('');
  const [countdownS, setCountdownS] = useState(3);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [nowMs, setNowMs] = useState(() => performance.now());
  const [, setProgressTick] = useState(0);
  const [devicesChanged, setDevicesChanged] = useState(0);
  const [reopenCount, setReopenCount] = useState(0);
  const videos = useRef(new Map<string, HTMLVideoElement>());
  const recorders = useRef<CameraRecorder[]>([]);
  const streamsRef = useRef<Record<string, MediaStream>>({});

  // Find cameras once, then apply the lab's saved set-up.
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const [devices, saved] = await Promise.all([listCameras(), api['capture.setup.get']({})]);
        if (!live) return;
        if (saved) {
          setResolution(
            RESOLUTIONS.find((r) => r.widthPx === saved.widthPx && r.heightPx === saved.heightPx) ??
              RESOLUTIONS[0]!,
          );
          setFps(saved.fps);
        }
        setRows(applySetup(devices, saved));
        if (devices.length === 0) setError('No camera was found. Connect a camera and reload the page.');
      } catch (err) {
        if (live) setError(err instanceof Error ? err.message : String(err));
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (trials.data && !trialName) setTrialName(`Trial ${trials.data.length + 1}`);
  }, [trials.data, trialName]);

  // Live preview of every enabled camera at the chosen size and rate, reopened when they change.
  const enabledKey = rows
    .filter((r) => r.enabled)
    .map((r) => r.deviceId)
    .join('|');
  useEffect(() => {
    let live = true;
    const opened: Record<string, MediaStream> = {};
    (async () => {
      for (const id of enabledKey ? enabledKey.split('|') : []) {
        try {
          opened[id] = await openCamera(id, resolution.widthPx, resolution.heightPx, fps);
        } catch (err) {
          const label = rows.find((r) => r.deviceId === id)?.label ?? 'A camera';
          if (live) setError(`${label}: ${err instanceof Error ? err.message : String(err)}`);
        }
        if (!live) break;
      }
      if (live) {
        streamsRef.current = opened;
        setStreams(opened);
      } else for (const s of Object.values(opened)) stopStream(s);
    })();
    return () => {
      live = false;
      for (const s of Object.values(opened)) stopStream(s);
    };
    // rows is read only for labels; reopening on label edits is not wanted.
  }, [enabledKey, resolution, fps, reopenCount]);

  useEffect(() => {
    for (const [id, video] of videos.current) {
      const stream = streams[id] ?? null;
      if (video.srcObject !== stream) {
        video.srcObject = stream;
        if (stream) void video.play().catch(() => undefined);
      }
    }
  }, [streams]);

  useEffect(() => {
    if (phase.name !== 'recording') return;
    // A few updates a second are enough for a clock; every render competes with the encoders.
    const timer = setInterval(() => setNowMs(performance.now()), 250);
    return () => clearInterval(timer);
  }, [phase.name]);

  const updateRow = (deviceId: string, patch: Partial<CameraRow>) =>
    setRows((rs) => rs.map((r) => (r.deviceId === deviceId ? { ...r, ...patch } : r)));

  const recording = rows.filter((r) => r.enabled);
  const duplicateView = recording.find((r, i) => recording.findIndex((o) => o.view === r.view) !== i);
  const lostRows = recording.filter((r) => cameraLost(streams[r.deviceId]));
  const lostNumbers = lostRows.map((r) => rows.indexOf(r) + 1);
  const lostKey = lostRows.map((r) => r.deviceId).join('|');
  const setupProblem =
    recording.length === 0
      ? 'Choose at least one camera to record.'
      : recording.length > MAX_RECORDING_CAMERAS
        ? `At most ${MAX_RECORDING_CAMERAS} cameras can record at once.`
        : duplicateView
          ? `Two cameras are set to ${CAMERA_VIEW_LABELS[duplicateView.view]}: give each camera its own view.`
          : recording.some((r) => !streams[r.deviceId])
            ? 'Waiting for every chosen camera to open…'
            : lostNumbers.length === 1
              ? `Camera ${lostNumbers[0]} was lost (no picture): plug it back in (it opens again by itself) or untick it.`
              : lostNumbers.length > 1
                ? `Cameras ${listInWords(lostNumbers)} were lost (no picture): plug them back in (they open again by themselves) or untick them.`
                : null;

  async function saveSetup() {
    setError(null);
    try {
      await api['capture.setup.save']({
        cameras: rows.map((r) => ({
          deviceId: r.deviceId,
          deviceLabel: r.label,
          view: r.view,
          enabled: r.enabled,
        })),
        widthPx: resolution.widthPx,
        heightPx: resolution.heightPx,
        fps,
      });
      setNotice('Camera set-up saved for this lab.');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  async function startRecording() {
    if (!sessionId) return;
    setError(null);
    setNotice(null);
    for (let s = countdownS; s > 0; s--) {
      setPhase({ name: 'countdown', secondsLeft: s });
      await new Promise((r) => setTimeout(r, 1000));
    }
    // Unplugged during the countdown: its recorder would record nothing, so nothing starts.
    const lostMeanwhile = recording.filter((r) => cameraLost(streamsRef.current[r.deviceId]));
    if (lostMeanwhile.length > 0) {
      setPhase({ name: 'idle' });
      setError(
        `The ${listInWords(lostMeanwhile.map((r) => CAMERA_VIEW_LABELS[r.view].toLowerCase()))} camera${lostMeanwhile.length > 1 ? 's were' : ' was'} lost during the countdown (unplugged?): nothing was recorded.`,
      );
      return;
    }
    const mimeType = pickMimeType();
    try {
      const { trial, chunkIntervalMs } = await api['capture.start']({
        sessionId,
        name: trialName,
        cameras: recording.map((r) => ({ view: r.view, deviceLabel: r.label })),
        widthPx: resolution.widthPx,
        heightPx: resolution.heightPx,
        fps,
        mimeType,
      });
      const tick = () => setProgressTick((n) => n + 1);
      const format = {
        mimeType,
        chunkIntervalMs,
        videoBitsPerSecond: recordingBitsPerSecond(resolution.widthPx, resolution.heightPx, fps),
      };
      recorders.current = recording.map(
        (r) =>
          new CameraRecorder(
            trial.id,
            r.view,
            streamsRef.current[r.deviceId]!,
            videos.current.get(r.deviceId)!,
            format,
            tick,
          ),
      );
      // Started in one task so the cameras begin within milliseconds of each other.
      for (const rec of recorders.current) rec.start();
      setPhase({ name: 'recording', startedMs: performance.now(), trialId: trial.id });
    } catch (err) {
      setPhase({ name: 'idle' });
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  const stopRecording = useCallback(async () => {
    if (phase.name !== 'recording') return;
    const trialId = phase.trialId;
    setPhase({ name: 'saving', trialId });
    await Promise.all(recorders.current.map((r) => r.stop()));
    const failed = recorders.current.find((r) => r.progress.error);
    try {
      const report = await api['capture.stop']({ trialId });
      setPhase({ name: 'done', report, trialId });
      setTrialName(`Trial ${(trials.data?.length ?? 0) + 2}`);
      trials.reload();
      if (failed) setError(`Some of ${failed.camera} did not reach the lab folder: ${failed.progress.error}`);
    } catch (err) {
      setPhase({ name: 'idle' });
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [phase, trials]);

  // Every camera lost (a hub unplugged, the computer gone to sleep): nothing more can be recorded,
  // so the trial is saved now instead of running on, empty, until someone presses Stop.
  const lastLostAfterS =
    phase.name === 'recording' &&
    recorders.current.length > 0 &&
    recorders.current.every((r) => r.progress.lostAfterS !== null)
      ? Math.max(...recorders.current.map((r) => r.progress.lostAfterS!))
      : null;
  useEffect(() => {
    if (lastLostAfterS === null) return;
    setNotice(
      `Every camera was lost (the last ${lastLostAfterS.toFixed(1)} s into the recording), so the recording stopped by itself: what they recorded is saved.`,
    );
    void stopRecording();
  }, [lastLostAfterS, stopRecording]);

  const uploadError =
    phase.name === 'recording' ? recorders.current.find((r) => r.progress.error)?.progress.error : undefined;
  const busy = phase.name === 'countdown' || phase.name === 'recording' || phase.name === 'saving';

  // A lost camera plugged back in: the browser says its devices changed. When a lost camera is
  // listed again (under its id, or under a new one with its name) the previews are opened again,
  // once nothing is being recorded (reopening would take the other cameras' streams from their
  // recorders).
  useEffect(() => {
    const devices = navigator.mediaDevices;
    if (!devices?.addEventListener) return;
    const onChange = (): void => setDevicesChanged((n) => n + 1);
    devices.addEventListener('devicechange', onChange);
    return () => devices.removeEventListener('devicechange', onChange);
  }, []);
  useEffect(() => {
    if (devicesChanged === 0 || busy) return;
    // Each change is looked at once: a camera lost later is not taken for one plugged back in.
    setDevicesChanged(0);
    if (!lostKey) return;
    void navigator.mediaDevices.enumerateDevices().then(
      (devices) => {
        const listed = devices.filter((d) => d.kind === 'videoinput');
        const moved = repluggedIds(lostRows, rows, listed);
        // Back under a new id: its row takes it, and the previews open again with it.
        if (moved.size > 0)
          setRows((rs) =>
            rs.map((r) => (moved.has(r.deviceId) ? { ...r, deviceId: moved.get(r.deviceId)! } : r)),
          );
        else if (listed.some((d) => lostRows.some((r) => r.deviceId === d.deviceId)))
          setReopenCount((n) => n + 1);
      },
      () => {},
    );
    // lostRows and rows are read for the lost cameras' names, which lostKey's ids stand for.
  }, [devicesChanged, busy, lostKey]);
  const elapsedS = phase.name === 'recording' ? Math.max(0, (nowMs - phase.startedMs) / 1000) : 0;
  const s = session.data;

  return (
    <main className="capture-page">
      <Breadcrumb
        items={[
          { href: href({ page: 'patients' }), label: 'Patients' },
          s && { href: href({ page: 'session', id: s.id }), label: `Session ${s.date} · ${s.condition}` },
        ]}
      />
      <h1>{sessionId ? 'Record trial' : 'Camera set-up'}</h1>
      <ErrorBanner
        message={
          error ??
          (uploadError ? `The recording is not reaching the lab folder: ${uploadError}` : null) ??
          session.error
        }
      />
      {notice && (
        <div className="banner" role="status">
          {notice}
        </div>
      )}

      <section aria-labelledby="cameras-title">
        <h2 id="cameras-title">Cameras</h2>
        <div className="capture-settings">
          <div className="field">
            <label htmlFor="capture-resolution">Resolution</label>
            <select
              id="capture-resolution"
              value={resolution.label}
              disabled={busy}
              onChange={(e) =>
                setResolution(RESOLUTIONS.find((r) => r.label === e.target.value) ?? RESOLUTIONS[0]!)
              }
            >
              {RESOLUTIONS.map((r) => (
                <option key={r.label}>{r.label}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="capture-fps">Frame rate (frames/s)</label>
            <select
              id="capture-fps"
              value={fps}
              disabled={busy}
              onChange={(e) => setFps(Number(e.target.value))}
            >
              {FRAME_RATES.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={() => void saveSetup()} disabled={busy || rows.length === 0}>
            Save set-up
          </button>
        </div>
        {rows.length === 0 && !error && <p className="empty">Looking for cameras…</p>}
        <div className="capture-grid">
          {rows.map((r, i) => {
            const n = i + 1;
            const track = streams[r.deviceId]?.getVideoTracks()[0];
            // An ended track (the camera unplugged) has no settings and gives no frames.
            const ended = cameraLost(streams[r.deviceId]);
            const settings = ended ? undefined : track?.getSettings();
            const kept = ended ? undefined : keptRates[r.deviceId];
            return (
              <figure key={r.deviceId} className={r.enabled ? '' : 'capture-off'} data-device-label={r.label}>
                <video
                  ref={(el) => {
                    if (el) {
                      videos.current.set(r.deviceId, el);
                      const stream = streams[r.deviceId] ?? null;
                      if (el.srcObject !== stream) {
                        el.srcObject = stream;
                        if (stream) void el.play().catch(() => undefined);
                      }
                    } else videos.current.delete(r.deviceId);
                  }}
                  muted
                  playsInline
                  aria-label={`Live picture, camera ${n} (${r.label})`}
                />
                <figcaption>
                  <label>
                    <input
                      type="checkbox"
                      checked={r.enabled}
                      disabled={busy}
                      onChange={(e) => updateRow(r.deviceId, { enabled: e.target.checked })}
                    />{' '}
                    Record camera {n}
                  </label>
                  <select
                    id={`view-${n}`}
                    aria-label={`View of camera ${n}`}
                    value={r.view}
                    disabled={busy}
                    onChange={(e) => updateRow(r.deviceId, { view: e.target.value as CameraView })}
                  >
                    {CAMERA_VIEWS.map((v) => (
                      <option key={v} value={v}>
                        {CAMERA_VIEW_LABELS[v]}
                      </option>
                    ))}
                  </select>
                  <span className="muted">
                    {r.label}
                    {settings && r.enabled
                      ? ` · ${settings.width}x${settings.height} ${kept === undefined ? `@ ${Math.round(settings.frameRate ?? 0)}` : `· ${kept.fps.toFixed(1)} of ${Math.round(settings.frameRate ?? 0)} frames/s`}`
                      : ''}
                    {ended && r.enabled ? ' · no picture: the camera was lost' : ''}
                  </span>
                  {r.enabled && kept?.steadyFps !== undefined && kept.steadyFps < LOW_RATE_RATIO * fps && (
                    <span className="field-error" role="alert">
                      Camera {n} gives {Math.round(kept.fps)} frames/s of the {fps} asked for. A camera lowers
                      its rate in dim light: add light, or turn off its low-light setting; else close other
                      programs or lower the resolution.
                    </span>
                  )}
                </figcaption>
              </figure>
            );
          })}
        </div>
      </section>

      {!sessionId && (
        <p className="muted">
          The set-up is saved for this lab and used for every recording. To record, open a session and choose
          Record trial.
        </p>
      )}
      {sessionId && (
        <section aria-labelledby="record-title">
          <h2 id="record-title">Record</h2>
          <div className="capture-settings">
            <div className="field">
              <label htmlFor="trial-name">Trial name</label>
              <input
                id="trial-name"
                value={trialName}
                disabled={busy}
                onChange={(e) => setTrialName(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="countdown">Countdown</label>
              <select
                id="countdown"
                value={countdownS}
                disabled={busy}
                onChange={(e) => setCountdownS(Number(e.target.value))}
              >
                <option value={0}>None</option>
                <option value={3}>3 s</option>
                <option value={5}>5 s</option>
              </select>
            </div>
            {phase.name !== 'recording' ? (
              <button
                type="button"
                className="primary"
                disabled={busy || Boolean(setupProblem) || !trialName.trim()}
                onClick={() => void startRecording()}
              >
                Record
              </button>
            ) : (
              <button type="button" className="primary" onClick={() => void stopRecording()}>
                Stop
              </button>
            )}
          </div>
          {setupProblem && (phase.name === 'idle' || phase.name === 'done') && rows.length > 0 && (
            <p className="field-hint">{setupProblem}</p>
          )}
          <div aria-live="polite">
            {phase.name === 'countdown' && (
              <p className="capture-countdown" role="timer" aria-label="Countdown">
                {phase.secondsLeft}
              </p>
            )}
            {phase.name === 'recording' && (
              <p className="capture-status recording" role="timer" aria-label="Elapsed time">
                ● Recording {formatElapsed(elapsedS)} · {recorders.current.length} camera
                {recorders.current.length > 1 ? 's' : ''} ·{' '}
                {recorders.current.reduce((n, r) => n + r.progress.chunksSaved, 0)} chunks saved
              </p>
            )}
            {phase.name === 'recording' &&
              recorders.current
                .filter((r) => r.progress.lostAfterS !== null)
                .map((r) => (
                  <p key={r.camera} className="field-error" role="alert">
                    The {CAMERA_VIEW_LABELS[r.camera].toLowerCase()} camera was lost{' '}
                    {r.progress.lostAfterS!.toFixed(1)} s into the recording (unplugged?): its video stops
                    there and is kept; the other cameras record on.
                  </p>
                ))}
            {phase.name === 'saving' && <p className="capture-status">Saving and checking the videos…</p>}
            {phase.name === 'done' && (
              <p className="capture-status" role="status">
                Trial saved: {phase.report.cameras.length} camera{phase.report.cameras.length > 1 ? 's' : ''},{' '}
                {phase.report.durationS.toFixed(1)} s.{' '}
                <a href={href({ page: 'session', id: sessionId })}>Back to the session</a>
              </p>
            )}
          </div>
          {phase.name === 'done' && <CaptureReportView report={phase.report} />}
        </section>
      )}
    </main>
  );
}

/** The camera's track ended (unplugged, or taken by the system): it gives no picture any more. */
function cameraLost(stream: MediaStream | undefined): boolean {
  return stream?.getVideoTracks()[0]?.readyState === 'ended';
}

function formatElapsed(s: number): string {
  const m = Math.floor(s / 60);
  const rest = s - m * 60;
  return `${String(m).padStart(2, '0')}:${rest.toFixed(1).padStart(4, '0')}`;
}
