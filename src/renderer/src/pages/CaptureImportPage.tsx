import { useState } from 'react';
import { api } from '../api';
import { href } from '../router';
import { Breadcrumb } from '../components/Breadcrumb';
import { useAsync } from '../use-async';
import { ErrorBanner } from '../components/ErrorBanner';
import {
  CAMERA_VIEWS,
  CAMERA_VIEW_LABELS,
  type CameraView,
  type CaptureReport,
  IMPORTABLE_MARKER_EXTENSIONS,
  IMPORTABLE_VIDEO_EXTENSIONS,
  isMarkerFileName,
} from '../../../shared/api/ops/capture';
import { blobToBase64 } from '../capture/base64';
import { CaptureReportView } from '../capture/CaptureReportView';
import '../capture/capture.css';

/** Raw bytes per upload request; base64 makes it a third larger on the wire. */
const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;

type SyncChoice = 'clap' | 'flash' | 'manual' | 'none';
const SYNC_LABELS: Record<SyncChoice, string> = {
  clap: 'Audio clap (a clap or beep every camera heard)',
  flash: 'Visual flash (a light every camera saw)',
  manual: 'Offsets entered by hand',
  none: 'Do not synchronise',
};

interface FileRow {
  file: File;
  view: CameraView;
  offsetMs: string;
  state: 'waiting' | 'uploading' | 'checking' | 'imported' | 'refused';
  percent: number;
  message: string;
  /** A motion-capture marker file (C3D, TRC): a trial of its own, analysed on import. */
  markers: boolean;
  /** The marker-based trial it became. */
  trialId?: string;
}

async function uploadAndImport(
  row: FileRow,
  target: { sessionId: string; trialId?: string; trialName?: string | undefined },
  onProgress: (percent: number, checking: boolean) => void,
) {
  const { uploadId } = await api['capture.import.begin']({
    fileName: row.file.name,
    sizeBytes: row.file.size,
  });
  try {
    for (
      let seq = 0, offset = 0;
      offset < row.file.size || (seq === 0 && row.file.size === 0);
      seq++, offset += UPLOAD_CHUNK_BYTES
    ) {
      const dataBase64 = await blobToBase64(row.file.slice(offset, offset + UPLOAD_CHUNK_BYTES));
      await api['capture.import.chunk']({ uploadId, seq, dataBase64 });
      onProgress(
        Math.min(100, Math.round((100 * (offset + UPLOAD_CHUNK_BYTES)) / Math.max(1, row.file.size))),
        false,
      );
      if (row.file.size === 0) break;
    }
    onProgress(100, true);
    return await api['capture.import.finish']({
      uploadId,
      ...(row.markers ? {} : { view: row.view }),
      ...target,
    });
  } catch (err) {
    await api['capture.import.cancel']({ uploadId }).catch(() => undefined);
    throw err;
  }
}

export function CaptureImportPage({ sessionId }: { sessionId: string }) {
  const session = useAsync(() => api['sessions.get']({ id: sessionId }), [sessionId]);
  const trials = useAsync(() => api['trials.list']({ sessionId }), [sessionId]);
  const [rows, setRows] = useState<FileRow[]>([]);
  const [targetTrial, setTargetTrial] = useState('new');
  const [trialName, setTrialName] = useState('');
  const [method, setMethod] = useState<SyncChoice>('clap');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<CaptureReport | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const update = (i: number, patch: Partial<FileRow>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  function chooseFiles(files: FileList | null) {
    setReport(null);
    setDone(null);
    setError(null);
    let k = 0;
    setRows(
      Array.from(files ?? []).map((file) => {
        const markers = isMarkerFileName(file.name);
        return {
          file,
          view: CAMERA_VIEWS[(markers ? k : k++) % CAMERA_VIEWS.length]!,
          offsetMs: '0',
          state: 'waiting',
          percent: 0,
          message: '',
          markers,
        };
      }),
    );
  }

  async function runImport() {
    setBusy(true);
    setError(null);
    setReport(null);
    setDone(null);
    let trialId = targetTrial === 'new' ? undefined : targetTrial;
    const imported: FileRow[] = [];
    let markerTrials = 0;
    // The typed name goes to the videos' trial, or to a lone marker file's.
    const lone = rows.length === 1;
    for (const [i, row] of rows.entries()) {
      update(i, { state: 'uploading', percent: 0, message: '' });
      try {
        const target = row.markers
          ? { sessionId, trialName: (lone && trialName.trim()) || undefined }
          : { sessionId, ...(trialId ? { trialId } : { trialName: trialName.trim() || undefined }) };
        const result = await uploadAndImport(row, target, (percent, checking) =>
          update(i, { percent, state: checking ? 'checking' : 'uploading' }),
        );
        const m = result.markers;
        if (m) {
          markerTrials++;
          update(i, {
            state: 'imported',
            trialId: result.trial.id,
            message: `Imported as trial "${result.trial.name}" and analysed: ${m.format}, ${m.markerCount} trajectories, ${result.durationS.toFixed(1)} s at ${Math.round(result.fps)} Hz; ${m.cycles.left} left and ${m.cycles.right} right gait cycles, events ${m.eventsFrom === 'file' ? 'from the file' : 'detected by GaitLab'}.`,
          });
          continue;
        }
        trialId = result.trial.id;
        imported.push(row);
        update(i, {
          state: 'imported',
          message: `Imported: ${result.durationS.toFixed(1)} s, ${result.frameCount} frames at ${Math.round(result.fps)} frames/s${result.hasAudio ? ', with sound' : ', no sound'}.`,
        });
      } catch (err) {
        update(i, { state: 'refused', message: err instanceof Error ? err.message : String(err) });
      }
    }
    if (markerTrials > 0) trials.reload();
    if (trialId && imported.length > 0) {
      setTargetTrial(trialId);
      trials.reload();
      if (method !== 'none') {
        try {
          const offsetsMs: Record<string, number> = {};
          for (const r of imported) offsetsMs[r.view] = Number(r.offsetMs) || 0;
          setReport(
            await api['capture.sync']({ trialId, method, referenceCamera: imported[0]!.view, offsetsMs }),
          );
        } catch (err) {
          setError(
            `The videos were imported but could not be synchronised: ${err instanceof Error ? err.message : String(err)}`,
          );
        }
      }
    }
    const count = imported.length + markerTrials;
    if (count > 0) setDone(`${count} of ${rows.length} file${rows.length > 1 ? 's' : ''} imported.`);
    else if (rows.length > 0) setDone('Nothing was imported.');
    setBusy(false);
  }

  const views = rows.filter((r) => !r.markers).map((r) => r.view);
  const onlyMarkers = rows.length > 0 && rows.every((r) => r.markers);
  const duplicate = views.find((v, i) => views.indexOf(v) !== i);
  const s = session.data;

  return (
    <main>
      <Breadcrumb
        items={[
          { href: href({ page: 'patients' }), label: 'Patients' },
          s && { href: href({ page: 'session', id: s.id }), label: `Session ${s.date} · ${s.condition}` },
        ]}
      />
      <h1>Import video or marker files</h1>
      <ErrorBanner message={error ?? session.error ?? trials.error} />
      <p>
        Add videos recorded elsewhere (phone, camcorder) to a trial. Each file is checked before it is added;
        a damaged file, or one that is not a video, is refused and nothing of it is kept.
      </p>
      <p>
        A motion-capture system&apos;s marker file (C3D from Vicon, Qualisys or Motion Analysis; TRC from
        OpenSim, OpenCap or Pose2Sim) becomes a trial of its own, analysed as it is imported: its events,
        cycles and angles are then reviewed and reported like a video trial&apos;s, with no video.
      </p>
      <div className="capture-settings">
        <div className="field">
          <label htmlFor="import-trial">Add to trial</label>
          <select
            id="import-trial"
            value={targetTrial}
            disabled={busy}
            onChange={(e) => setTargetTrial(e.target.value)}
          >
            <option value="new">New trial</option>
            {(trials.data ?? [])
              .filter((t) => t.status !== 'recording')
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
          </select>
        </div>
        {targetTrial === 'new' && (
          <div className="field">
            <label htmlFor="import-trial-name">New trial name</label>
            <input
              id="import-trial-name"
              value={trialName}
              disabled={busy}
              placeholder="e.g. Walk 1"
              onChange={(e) => setTrialName(e.target.value)}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor="import-files">Video files (or marker files: C3D, TRC)</label>
          <input
            id="import-files"
            type="file"
            multiple
            accept={['video/*', ...IMPORTABLE_VIDEO_EXTENSIONS, ...IMPORTABLE_MARKER_EXTENSIONS].join(',')}
            disabled={busy}
            onChange={(e) => chooseFiles(e.target.files)}
          />
        </div>
        {/* Only videos are synchronised: a marker file is a trial of its own. */}
        {!onlyMarkers && (
          <div className="field">
            <label htmlFor="import-sync">Synchronise by</label>
            <select
              id="import-sync"
              value={method}
              disabled={busy}
              onChange={(e) => setMethod(e.target.value as SyncChoice)}
            >
              {(Object.keys(SYNC_LABELS) as SyncChoice[]).map((m) => (
                <option key={m} value={m}>
                  {SYNC_LABELS[m]}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      {rows.length > 0 && (
        <ul className="capture-files" aria-label="Files to import">
          {rows.map((r, i) => (
            <li key={`${r.file.name}-${i}`} data-file={r.file.name}>
              <strong>{r.file.name}</strong> ({(r.file.size / 1e6).toFixed(1)} MB){' '}
              {r.markers ? (
                <span>Marker file: a trial of its own </span>
              ) : (
                <select
                  aria-label={`View of ${r.file.name}`}
                  value={r.view}
                  disabled={busy}
                  onChange={(e) => update(i, { view: e.target.value as CameraView })}
                >
                  {CAMERA_VIEWS.map((v) => (
                    <option key={v} value={v}>
                      {CAMERA_VIEW_LABELS[v]}
                    </option>
                  ))}
                </select>
              )}{' '}
              {method === 'manual' && i > 0 && !r.markers && (
                <label>
                  Start offset (ms){' '}
                  <input
                    type="number"
                    value={r.offsetMs}
                    disabled={busy}
                    aria-label={`Start offset of ${r.file.name} in ms`}
                    onChange={(e) => update(i, { offsetMs: e.target.value })}
                  />
                </label>
              )}
              <span
                className={r.state === 'refused' ? 'field-error' : 'muted'}
                role={r.state === 'refused' ? 'alert' : undefined}
              >
                {r.state === 'uploading' && ` Uploading ${r.percent} %…`}
                {r.state === 'checking' &&
                  (r.markers ? ' Checking and analysing the markers…' : ' Checking the video…')}
                {r.message && ` ${r.message}`}
              </span>
              {r.trialId && (
                <>
                  {' '}
                  <a href={href({ page: 'trial', id: r.trialId })}>Open review</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {duplicate && (
        <p className="field-error">
          Two files are set to {CAMERA_VIEW_LABELS[duplicate]}: give each file its own view.
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || rows.length === 0 || Boolean(duplicate)}
          onClick={() => void runImport()}
        >
          {busy ? 'Importing…' : 'Import'}
        </button>
        <a href={href({ page: 'session', id: sessionId })}>Back to the session</a>
      </div>
      {done && (
        <p role="status" className="capture-status">
          {done}
        </p>
      )}
      {report && <CaptureReportView report={report} />}
    </main>
  );
}
