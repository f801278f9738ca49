// When a therapist, a parent or a bystander is in view, the analysis may follow the wrong person.
// This shows everyone the person scan saw on one frame and re-analyses the trial following the
// person the user points at (or the automatic choice again).
import { useState } from 'react';
import type { PersonChoice, ScannedPeopleView } from '../../../shared/api/analysis-types';
import { useReanalysis } from './use-reanalysis';
import { ErrorBanner } from '../components/ErrorBanner';
import { personTravel } from '../../../shared/person-travel';

type Person = ScannedPeopleView['people'][number];

function describe(p: Person): string {
  const span = `in view ${p.seenFromS.toFixed(1)}-${p.seenToS.toFixed(1)} s`;
  const moves =
    personTravel(p.travelBodyHeights) === 'stayed'
      ? 'stays in place'
      : `moves ${p.travelBodyHeights} body heights`;
  return `${span}, ${moves}`;
}

export function PersonChooser({
  trialId,
  camera,
  onStarted,
  open = false,
}: {
  trialId: string;
  camera?: string;
  onStarted: (jobId: string) => void;
  /** Shown open (another person walked with the patient: the choice must be checked). */
  open?: boolean;
}) {
  const { scan, failure, busy, loadScan, start } = useReanalysis(trialId, camera, onStarted);
  const [picked, setPicked] = useState<number | null>(null);

  async function analyse(person: PersonChoice | null) {
    if (await start({ person })) setPicked(null);
  }

  const chosen = scan?.people.find((p) => p.number === picked);
  return (
    <details className="person-chooser" open={open} onToggle={(e) => e.currentTarget.open && void loadScan()}>
      <summary>Wrong person? Choose the patient</summary>
      <ErrorBanner message={failure} />
      {scan === null && (
        <p className="muted">
          The people in view are listed once the trial is analysed (trials analysed by an earlier version:
          re-analyse once).
        </p>
      )}
      {scan && (
        <>
          {scan.followsCamera && (
            <p role="note">
              This camera follows the patient of the {scan.followsCamera} camera: the person standing at the
              same place on the floor. Choosing here makes this camera&apos;s choice the one the other
              calibrated cameras follow.
            </p>
          )}
          <p className="muted">
            People found in the video (frame {scan.frame}, {scan.timeS.toFixed(2)} s). Click the patient, then
            analyse again: corrected events and excluded cycles of the previous person are cleared.
          </p>
          <div className="person-picture" style={{ maxWidth: scan.imageWidthPx }}>
            <img
              src={scan.imageDataUrl}
              width={scan.imageWidthPx}
              height={scan.imageHeightPx}
              alt={`Frame ${scan.frame} of the video with the people found marked`}
            />
            {scan.people.map(
              (p) =>
                p.boxInImage && (
                  <button
                    key={p.number}
                    type="button"
                    className={`person-box${p.followed ? ' followed' : ''}${picked === p.number ? ' picked' : ''}`}
                    aria-pressed={picked === p.number}
                    aria-label={`Person ${p.number}${p.followed ? ' (followed now)' : ''}`}
                    style={{
                      left: `${(100 * p.boxInImage.x0) / scan.imageWidthPx}%`,
                      top: `${(100 * p.boxInImage.y0) / scan.imageHeightPx}%`,
                      width: `${(100 * (p.boxInImage.x1 - p.boxInImage.x0)) / scan.imageWidthPx}%`,
                      height: `${(100 * (p.boxInImage.y1 - p.boxInImage.y0)) / scan.imageHeightPx}%`,
                    }}
                    onClick={() => setPicked(p.number)}
                  >
                    <span>{p.number}</span>
                  </button>
                ),
            )}
          </div>
          <ul className="person-list">
            {scan.people.map((p) => (
              <li key={p.number}>
                <label className="checkbox">
                  <input
                    type="radio"
                    name={`person-${trialId}`}
                    checked={picked === p.number}
                    onChange={() => setPicked(p.number)}
                  />{' '}
                  Person {p.number}: {describe(p)}
                  {p.followed && <strong> (followed now)</strong>}
                  {!p.boxInImage && ' (not in the picture above)'}
                </label>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy || !chosen || chosen.followed}
              onClick={() => chosen && void analyse(chosen.choice)}
            >
              {chosen ? `Analyse following person ${chosen.number}` : 'Analyse following the chosen person'}
            </button>
            <button type="button" disabled={busy} onClick={() => void analyse(null)}>
              {scan.followsCamera
                ? `Back to the automatic choice (the ${scan.followsCamera} camera's patient)`
                : 'Back to the automatic choice (the person who walks)'}
            </button>
          </div>
        </>
      )}
    </details>
  );
}
