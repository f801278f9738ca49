// The session's camera calibration: import a Pose2Sim / Sports2D / caliscope TOML file, say which
// calibrated camera is which trial camera, see where each stands, replace or remove it. The file is
// read here and previewed by the services before anything is stored, so a wrong file or a wrong
// assignment is seen before it is kept.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type {
  CalibrationCameraInfo,
  CalibrationPreview,
  SessionCalibrationInfo,
} from '../../../shared/api/calibration-types';
import { ApiError } from '../../../shared/api/envelope';
import { MAX_CALIBRATION_FILE_CHARS } from '../../../shared/api/ops/calibration';
import { CAMERA_VIEWS, CAMERA_VIEW_LABELS, type CameraView } from '../../../shared/api/ops/capture';
import { api, onLabEvent } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { Notice } from '../components/Notice';
import { useAsync } from '../use-async';
import { calibrationUse, tiltWords } from '../../../shared/calibration-wording';
import './calibration.css';

const FORMAT_LABEL: Record<CalibrationPreview['format'], string> = {
  pose2sim: 'Pose2Sim / Sports2D',
  caliscope: 'caliscope',
};

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const metres = (v: number) => `${v.toFixed(2)} m`;
const size = (c: { imageSizePx: [number, number] }) => `${c.imageSizePx[0]} × ${c.imageSizePx[1]} px`;
const heightHeader = (floorAtOrigin: boolean) =>
  floorAtOrigin ? 'Height above the floor' : 'Height above the origin';

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(`Could not read ${file.name}.`));
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.readAsText(file);
  });
}

function Notes({ notes, title }: { notes: string[]; title: string }) {
  if (notes.length === 0) return null;
  return (
    <Notice title={title}>
      <ul>
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </Notice>
  );
}

/** The file input both for a first import and for a replacement. */
function FileChooser({
  label,
  error,
  disabled,
  onFile,
}: {
  label: string;
  error: string | null;
  disabled: boolean;
  onFile: (file: File) => void;
}) {
  const id = useId();
  return (
    <div className={`field calibration-file${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept=".toml"
        disabled={disabled}
        aria-invalid={Boolean(error)}
        {...(error ? { 'aria-describedby': `${id}-error` } : {})}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that choosing the same file again (after Cancel) reads it again.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      {error && (
        <div className="field-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

interface Draft {
  preview: CalibrationPreview;
  content: string;
  views: Record<string, CameraView | ''>;
}

function PreviewForm({
  draft,
  busy,
  viewsError,
  onChange,
  onImport,
  onCancel,
}: {
  draft: Draft;
  busy: boolean;
  viewsError: string | null;
  onChange: (name: string, view: CameraView | '') => void;
  onImport: () => void;
  onCancel: () => void;
}) {
  const { preview } = draft;
  const chosen = Object.values(draft.views).filter((v): v is CameraView => v !== '');
  const duplicate = chosen.find((v, i) => chosen.indexOf(v) !== i);
  const problem = duplicate
    ? `Two cameras are set to ${CAMERA_VIEW_LABELS[duplicate]}: give each camera its own view.`
    : chosen.length === 0
      ? 'Choose the trial camera of at least one calibrated camera.'
      : null;
  const plan = calibrationUse(
    preview.cameras.map((c) => draft.views[c.name] || null),
    preview.floorAtOrigin,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!problem) onImport();
  };
  return (
    <form className="form calibration-preview" onSubmit={submit} aria-labelledby="calibration-preview-title">
      <h3 id="calibration-preview-title">
        {preview.fileName}: {preview.cameras.length} {preview.cameras.length === 1 ? 'camera' : 'cameras'} (
        {FORMAT_LABEL[preview.format]})
      </h3>
      <p className="muted">
        Say which trial camera each calibrated camera is. Cameras left &ldquo;Not used&rdquo; stay in the file
        and are not used.
      </p>
      <table className="table calibration-cameras">
        <caption className="visually-hidden">Cameras in {preview.fileName}</caption>
        <thead>
          <tr>
            <th scope="col">Camera</th>
            <th scope="col">Image size</th>
            <th scope="col">{heightHeader(preview.floorAtOrigin)}</th>
            <th scope="col">Tilt</th>
            <th scope="col">Trial camera</th>
          </tr>
        </thead>
        <tbody>
          {preview.cameras.map((c, i) => (
            <tr key={c.name} data-camera={c.name}>
              <th scope="row">{c.name}</th>
              <td>{size(c)}</td>
              <td>{metres(c.positionM[2])}</td>
              <td>{tiltWords(c.tiltDownDeg)}</td>
              <td>
                <label className="visually-hidden" htmlFor={`calibration-view-${i}`}>
                  Which trial camera is {c.name}?
                </label>
                <select
                  id={`calibration-view-${i}`}
                  value={draft.views[c.name] ?? ''}
                  disabled={busy}
                  aria-invalid={Boolean(duplicate && draft.views[c.name] === duplicate)}
                  onChange={(e) => onChange(c.name, e.target.value as CameraView | '')}
                >
                  <option value="">Not used</option>
                  {CAMERA_VIEWS.map((v) => (
                    <option key={v} value={v}>
                      {CAMERA_VIEW_LABELS[v]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(problem ?? viewsError) && (
        <p className="field-error" role="alert">
          {problem ?? viewsError}
        </p>
      )}
      {plan && !problem && <p>{plan}</p>}
      <Notes notes={preview.notes} title="Check before importing:" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || Boolean(problem)}>
          {busy ? 'Importing…' : 'Import'}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function CalibrationSummary({ info }: { info: SessionCalibrationInfo }) {
  const plan = calibrationUse(
    info.cameras.map((c) => c.view),
    info.floorAtOrigin,
  );
  const row = (c: CalibrationCameraInfo) => (
    <tr key={c.name} data-camera={c.name} data-view={c.view ?? ''}>
      <th scope="row">{c.name}</th>
      <td>{c.view ? CAMERA_VIEW_LABELS[c.view] : <span className="muted">Not used</span>}</td>
      <td>({c.positionM.map((v) => v.toFixed(2)).join(', ')})</td>
      <td>{metres(c.positionM[2])}</td>
      <td>{tiltWords(c.tiltDownDeg)}</td>
      <td>{size(c)}</td>
    </tr>
  );
  return (
    <>
      <p data-testid="calibration-file">
        <strong>{info.fileName}</strong> ({FORMAT_LABEL[info.format]}), imported{' '}
        <time dateTime={info.importedAt}>{new Date(info.importedAt).toLocaleString()}</time>.
      </p>
      <table className="table calibration-cameras">
        <caption className="visually-hidden">Calibrated cameras of this session</caption>
        <thead>
          <tr>
            <th scope="col">Camera</th>
            <th scope="col">Trial camera</th>
            <th scope="col">Position x, y, z (m)</th>
            <th scope="col">{heightHeader(info.floorAtOrigin)}</th>
            <th scope="col">Tilt</th>
            <th scope="col">Image size</th>
          </tr>
        </thead>
        <tbody>{info.cameras.map(row)}</tbody>
      </table>
      {plan && <p>{plan}</p>}
      <Notes notes={info.notes} title="Calibration notes:" />
    </>
  );
}

export function CalibrationPanel({ sessionId, archived }: { sessionId: string; archived: boolean }) {
  // Wrapped so that "no calibration" (null) is told apart from "not loaded yet".
  const calibration = useAsync(
    () => api['calibration.get']({ sessionId }).then((info) => ({ info })),
    [sessionId],
  );
  const reload = calibration.reload;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [viewsError, setViewsError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  // Another window (or tab on the web bridge) may import or remove it.
  useEffect(
    () =>
      onLabEvent((e) => {
        if (e.type === 'data.changed' && e.entity === 'session' && e.id === sessionId) reload();
      }),
    [sessionId, reload],
  );

  const clearMessages = () => {
    setFileError(null);
    setViewsError(null);
    setFailure(null);
    setMessage(null);
  };

  async function choose(file: File) {
    clearMessages();
    setDraft(null);
    setConfirmRemove(false);
    try {
      if (file.size > MAX_CALIBRATION_FILE_CHARS)
        throw new Error(
          `${file.name} is too large to be a camera calibration: choose the .toml calibration file.`,
        );
      const content = await readText(file);
      const preview = await api['calibration.preview']({ fileName: file.name, content });
      setDraft({ preview, content, views: Object.fromEntries(preview.cameras.map((c) => [c.name, ''])) });
    } catch (err) {
      setFileError(err instanceof ApiError && err.fields.content ? err.fields.content : errorText(err));
    }
  }

  async function importDraft(d: Draft) {
    clearMessages();
    setBusy(true);
    try {
      const views: Record<string, CameraView> = {};
      for (const [name, view] of Object.entries(d.views)) if (view) views[name] = view;
      await api['calibration.import']({ sessionId, fileName: d.preview.fileName, content: d.content, views });
      setDraft(null);
      setMessage(`Imported ${d.preview.fileName}.`);
      reload();
    } catch (err) {
      if (err instanceof ApiError && err.fields.views) setViewsError(err.fields.views);
      else if (err instanceof ApiError && err.fields.content) {
        setDraft(null);
        setFileError(err.fields.content);
      } else setFailure(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    clearMessages();
    setBusy(true);
    try {
      await api['calibration.remove']({ sessionId });
      setConfirmRemove(false);
      setMessage('The camera calibration was removed.');
      reload();
    } catch (err) {
      setFailure(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const info = calibration.data?.info ?? null;
  const loaded = calibration.data !== null || calibration.error !== null;
  return (
    <section className="calibration" aria-labelledby="calibration-title">
      <h2 id="calibration-title">Camera calibration</h2>
      <ErrorBanner message={calibration.error ?? failure} />
      {info ? (
        <CalibrationSummary info={info} />
      ) : (
        loaded &&
        !calibration.error && (
          <p>
            No calibration. With two or more calibrated cameras, trials are analysed in 3D; one calibrated
            side camera measures distances on the floor. Without one, distances come from the patient&apos;s
            height or from two floor marks.
          </p>
        )
      )}
      {archived && <p className="muted">This session is archived: restore it to change its calibration.</p>}
      {!archived && loaded && (
        <>
          {draft ? (
            <PreviewForm
              draft={draft}
              busy={busy}
              viewsError={viewsError}
              onChange={(name, view) => {
                setViewsError(null);
                setDraft({ ...draft, views: { ...draft.views, [name]: view } });
              }}
              onImport={() => void importDraft(draft)}
              onCancel={() => {
                clearMessages();
                setDraft(null);
              }}
            />
          ) : (
            <div className="calibration-actions">
              <FileChooser
                label={
                  info
                    ? 'Replace with another calibration file (.toml)'
                    : 'Import calibration file (Pose2Sim, Sports2D or caliscope .toml)'
                }
                error={fileError}
                disabled={busy}
                onFile={(f) => void choose(f)}
              />
              {(info || calibration.error) && !confirmRemove && (
                <button type="button" disabled={busy} onClick={() => setConfirmRemove(true)}>
                  Remove calibration
                </button>
              )}
            </div>
          )}
          {confirmRemove && !draft && (
            <div className="banner banner-warning" role="group" aria-labelledby="calibration-remove-question">
              <p id="calibration-remove-question">
                Remove the camera calibration of this session? Its file is deleted from the lab; analyses then
                scale distances from the patient&apos;s height or floor marks.
              </p>
              <div className="actions">
                <button type="button" className="primary" disabled={busy} onClick={() => void remove()}>
                  Yes, remove it
                </button>
                <button type="button" disabled={busy} onClick={() => setConfirmRemove(false)}>
                  Keep it
                </button>
              </div>
            </div>
          )}
        </>
      )}
      <p role="status" className="muted">
        {message}
      </p>
    </section>
  );
}
