import { useState } from 'react';
import type { CaptureReport } from '../../../shared/api/ops/capture';
import { CAMERA_VIEWS, CAMERA_VIEW_LABELS, type CameraView } from '../../../shared/api/ops/capture';
import { mediaUrl } from '../api';

const METHOD_LABELS: Record<CaptureReport['method'], string> = {
  'recorded-timestamps': 'capture timestamps of the recording',
  clap: 'audio clap',
  flash: 'visual flash',
  manual: 'offsets entered by hand',
  none: 'not synchronised',
};

export function cameraLabel(camera: string): string {
  return (CAMERA_VIEWS as readonly string[]).includes(camera)
    ? CAMERA_VIEW_LABELS[camera as CameraView]
    : camera;
}

/** Under this share of the rate asked for, the rate a camera kept is shown beside it. */
const SHOWN_BELOW_RATIO = 0.95;

/** The camera kept a rate visibly under the one asked for (the report's warning says why). */
function keptLowerRate(c: CaptureReport['cameras'][number]): boolean {
  return c.measuredFps !== undefined && c.measuredFps < SHOWN_BELOW_RATIO * c.fps;
}

/** The sync quality of a trial, in the words and units a clinician checks before analysing. */
export function CaptureReportView({
  report,
  showVideos = true,
}: {
  report: CaptureReport;
  showVideos?: boolean;
}) {
  const kept = report.cameras.reduce((n, c) => n + c.frameCount, 0);
  const expected = report.cameras.reduce((n, c) => n + c.expectedFrameCount, 0);
  const alone = report.cameras.length === 1;
  return (
    <section aria-labelledby="sync-report-title" className="capture-report">
      <h2 id="sync-report-title">Sync quality</h2>
      <p>
        {report.recovered && <strong>Recovered after an interruption. </strong>}
        {alone
          ? 'One camera: nothing to synchronise.'
          : report.method === 'none'
            ? `Not synchronised (the videos are paired from their first frames); reference camera ${cameraLabel(report.referenceCamera)}.`
            : `Synchronised by ${METHOD_LABELS[report.method]}; reference camera ${cameraLabel(report.referenceCamera)}.`}
      </p>
      <dl className="facts">
        {!alone && (
          <>
            <dt>Worst offset between cameras</dt>
            <dd data-testid="worst-offset">{report.worstOffsetMs.toFixed(1)} ms</dd>
            <dt>Frame pairing error after sync</dt>
            <dd>
              {report.worstPairingErrorMs === null ? '—' : `${report.worstPairingErrorMs.toFixed(1)} ms`}
            </dd>
          </>
        )}
        <dt>Dropped frames</dt>
        <dd data-testid="total-dropped">{report.totalDroppedFrames}</dd>
        <dt>Frames kept</dt>
        <dd>
          {kept} of {expected} ({expected > 0 ? ((100 * kept) / expected).toFixed(1) : '—'} %)
        </dd>
        <dt>Length</dt>
        <dd>{report.durationS.toFixed(2)} s</dd>
      </dl>
      <table className="table" aria-label="Cameras of this trial">
        <thead>
          <tr>
            <th scope="col">Camera</th>
            <th scope="col">Frames kept</th>
            <th scope="col">Dropped</th>
            <th scope="col">Length (s)</th>
            <th scope="col">Size @ frames/s</th>
            <th scope="col">Start offset (ms)</th>
          </tr>
        </thead>
        <tbody>
          {report.cameras.map((c) => (
            <tr key={c.camera} data-camera={c.camera}>
              <td>{cameraLabel(c.camera)}</td>
              <td>
                {c.frameCount} / {c.expectedFrameCount}
              </td>
              <td>{c.droppedFrames}</td>
              <td>{c.durationS.toFixed(2)}</td>
              <td>
                {c.widthPx}x{c.heightPx} @{' '}
                {keptLowerRate(c)
                  ? `${c.measuredFps!.toFixed(1)} of ${Math.round(c.fps)}`
                  : Math.round(c.fps)}
              </td>
              <td>{c.startOffsetMs.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!alone && (
        <p className="muted">
          Start offset: when the camera&apos;s first frame was taken, against{' '}
          {cameraLabel(report.referenceCamera)} (negative: earlier). Frame t of a camera shows the same
          instant as {cameraLabel(report.referenceCamera)} at t + offset.
        </p>
      )}
      {report.warnings.length > 0 && (
        <ul className="capture-warnings" aria-label="Warnings">
          {report.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {showVideos && (
        <div className="capture-grid">
          {report.cameras.map((c) => (
            <CameraVideo key={c.camera} camera={c.camera} relativePath={c.relativePath} />
          ))}
        </div>
      )}
    </section>
  );
}

/** One camera's video; a format the browser cannot play (HEVC, AVI) says so instead of staying black. */
function CameraVideo({ camera, relativePath }: { camera: string; relativePath: string }) {
  const [unplayable, setUnplayable] = useState(false);
  return (
    <figure>
      {!unplayable && (
        <video
          src={`${mediaUrl(relativePath)}#t=0.1`}
          controls
          muted
          preload="auto"
          aria-label={`Recorded video, ${cameraLabel(camera)}`}
          onError={() => setUnplayable(true)}
        />
      )}
      {unplayable && (
        <p className="unplayable-video">
          This format cannot be shown here (for example HEVC from a phone, or AVI). It is analysed as it is,
          and analysing makes a copy that review can play.
        </p>
      )}
      <figcaption>{cameraLabel(camera)}</figcaption>
    </figure>
  );
}
