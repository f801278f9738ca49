// Metres from the patient's height are approximate (about 5 %); a calibrated side camera measures
// them from the session's camera calibration. Two marks on the floor a known distance apart (tape
// marks along the walkway) measure them on this recording and take precedence over both: the user
// clicks the two marks on a frame of the video (or types their pixel positions), gives the distance,
// and the trial is analysed again with that scale.
import {
  FLOOR_DISTANCE_MAX_M,
  FLOOR_DISTANCE_MIN_M,
  floorMarksApartPx,
  isPlausibleFloorDistanceM,
  MIN_FLOOR_MARKS_APART_PX,
} from '../../../shared/floor-marks';
import { useState, type MouseEvent } from 'react';
import type { FloorScaleChoice, TrialAnalysisView } from '../../../shared/api/analysis-types';
import { useReanalysis } from './use-reanalysis';
import { ErrorBanner } from '../components/ErrorBanner';
import { DecimalField } from '../components/DecimalField';
import { decimalOf } from '../../../shared/decimal-text';

type Point = [number, number];

function distanceError(text: string): string | undefined {
  if (text.trim() === '') return 'Enter the distance between the two marks, in metres.';
  const v = decimalOf(text);
  if (!Number.isFinite(v) || v <= 0) return 'Enter a positive number of metres (e.g. 2.5).';
  if (v > FLOOR_DISTANCE_MAX_M && v <= 100 * FLOOR_DISTANCE_MAX_M)
    return `${v} m is not plausible; did you mean ${(v / 100).toFixed(2)} m (centimetres)?`;
  if (!isPlausibleFloorDistanceM(v))
    return `The distance must be between ${FLOOR_DISTANCE_MIN_M} and ${FLOOR_DISTANCE_MAX_M} m.`;
  return undefined;
}

export function FloorScale({
  trialId,
  camera,
  scale,
  calibrated = false,
  onStarted,
}: {
  trialId: string;
  camera?: string;
  scale: TrialAnalysisView['scale'];
  /** The session's calibration measures this camera's floor: without marks, metres come from it. */
  calibrated?: boolean;
  onStarted: (jobId: string) => void;
}) {
  const { scan: frame, failure, busy, loadScan, start } = useReanalysis(trialId, camera, onStarted);
  const [marks, setMarks] = useState<Point[]>([]);
  const [distance, setDistance] = useState('');
  const [touched, setTouched] = useState(false);

  async function analyse(floor: FloorScaleChoice | null) {
    if (!(await start({ floor }))) return;
    setMarks([]);
    setDistance('');
    setTouched(false);
  }

  // Clicked on the shown picture; kept in the video's pixels, which the analysis measures in.
  function click(e: MouseEvent<HTMLImageElement>) {
    if (!frame) return;
    const r = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - r.left) / r.width) * frame.videoWidthPx;
    const y = ((e.clientY - r.top) / r.height) * frame.videoHeightPx;
    const p: Point = [Math.round(x), Math.round(y)];
    setMarks((m) => (m.length >= 2 ? [p] : [...m, p]));
  }
  function setCoordinate(i: number, axis: 0 | 1, text: string) {
    const v = Number(text);
    setMarks((m) => {
      const next = [m[0] ?? [0, 0], m[1] ?? [0, 0]] as Point[];
      next[i] = [...next[i]!] as Point;
      next[i]![axis] = Number.isFinite(v) ? v : 0;
      return next;
    });
  }

  const apartPx = marks.length === 2 ? floorMarksApartPx(marks[0]!, marks[1]!) : 0;
  const dError = distanceError(distance);
  const marksError =
    marks.length < 2
      ? 'Click the two marks on the picture (or type their positions).'
      : apartPx < MIN_FLOOR_MARKS_APART_PX
        ? `The marks are ${apartPx.toFixed(0)} px apart: mark the two ends of the known distance.`
        : undefined;
  const usingFloor = scale?.method === 'floor-distance';
  const fallback = calibrated ? 'the camera calibration' : 'the patient’s height';
  const pct = (v: number, of: number) => `${(100 * v) / of}%`;

  return (
    <details className="floor-scale" onToggle={(e) => e.currentTarget.open && void loadScan()}>
      <summary>Scale: measure metres from two floor marks</summary>
      <p className="muted">
        Now: {scale ? scale.description : 'no scale (enter the patient’s height, or mark the floor)'}.
      </p>
      <ErrorBanner message={failure} />
      {frame === null && (
        <p className="muted">The video frame to mark is shown once the trial has been analysed.</p>
      )}
      {frame && (
        <>
          <p className="muted">
            Click two marks on the floor a known distance apart, along the walkway where the patient walks
            (e.g. the ends of a tape line), then enter the distance and analyse again. Events, cycles and
            angles stay as they are; distances and speed are measured from the marks.
          </p>
          <div className="person-picture floor-picture" style={{ maxWidth: frame.imageWidthPx }}>
            {/* Clicking is for the mouse; the typed positions below do the same from the keyboard. */}
            <img
              src={frame.imageDataUrl}
              width={frame.imageWidthPx}
              height={frame.imageHeightPx}
              alt={`Frame ${frame.frame} of the video: click the two floor marks`}
              onClick={click}
            />
            {marks.length === 2 && (
              <svg
                className="floor-line"
                viewBox={`0 0 ${frame.videoWidthPx} ${frame.videoHeightPx}`}
                aria-hidden="true"
              >
                <line x1={marks[0]![0]} y1={marks[0]![1]} x2={marks[1]![0]} y2={marks[1]![1]} />
              </svg>
            )}
            {marks.map((m, i) => (
              <span
                key={i}
                className="floor-mark"
                style={{ left: pct(m[0], frame.videoWidthPx), top: pct(m[1], frame.videoHeightPx) }}
                aria-hidden="true"
              >
                {i === 0 ? 'A' : 'B'}
              </span>
            ))}
          </div>
          <fieldset className="floor-points">
            <legend>
              Mark positions (video pixels, {frame.videoWidthPx} × {frame.videoHeightPx})
            </legend>
            {(['A', 'B'] as const).map((name, i) => (
              <span key={name} className="floor-point">
                {name}:{' '}
                <label>
                  x{' '}
                  <input
                    type="number"
                    value={marks[i]?.[0] ?? ''}
                    onChange={(e) => setCoordinate(i, 0, e.target.value)}
                    aria-label={`Mark ${name} x, video pixels`}
                  />
                </label>{' '}
                <label>
                  y{' '}
                  <input
                    type="number"
                    value={marks[i]?.[1] ?? ''}
                    onChange={(e) => setCoordinate(i, 1, e.target.value)}
                    aria-label={`Mark ${name} y, video pixels`}
                  />
                </label>
              </span>
            ))}
          </fieldset>
          <DecimalField
            id={`floor-distance-${trialId}`}
            label="Distance between the marks (m)"
            error={touched ? dError : undefined}
            hint={marks.length === 2 ? `The marks are ${apartPx.toFixed(0)} px apart in the video.` : ''}
            value={distance}
            onChange={setDistance}
            onBlur={() => setTouched(true)}
          />
          {touched && marksError && <p className="field-error">{marksError}</p>}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => {
                setTouched(true);
                if (dError || marksError) return;
                void analyse({ aPx: marks[0]!, bPx: marks[1]!, distanceM: decimalOf(distance) });
              }}
            >
              Analyse with these marks
            </button>
            {usingFloor && (
              <button type="button" disabled={busy} onClick={() => void analyse(null)}>
                Back to the scale from {fallback}
              </button>
            )}
          </div>
        </>
      )}
    </details>
  );
}
