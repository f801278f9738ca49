// Stills of the video at initial contact, mid-stance and foot off with the pose skeleton drawn
// over them as vector lines (crisp on paper), so the reader sees what the angles were measured on.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReportStillView, ReportView } from '../../../shared/api/report-types';
import { BLAZEPOSE_LANDMARKS, SKELETON_EDGES } from '../../../shared/landmarks';
import { mediaUrl } from '../api';

const DISPLAY_HEIGHT_PX = 200;
const index = (name: (typeof BLAZEPOSE_LANDMARKS)[number]) => BLAZEPOSE_LANDMARKS.indexOf(name);

function Still({ still, done }: { still: ReportStillView; done: () => void }) {
  const [failed, setFailed] = useState(false);
  const img = useRef<HTMLImageElement | null>(null);
  // A new report with the same still keeps the loaded <img>, whose load event will not come again.
  useEffect(() => {
    if (img.current?.complete) done();
  }, [still, done]);
  const w = (still.widthPx / still.heightPx) * DISPLAY_HEIGHT_PX;
  const k = DISPLAY_HEIGHT_PX / still.heightPx;
  return (
    <figure className="report-still" style={{ width: w }}>
      <div className="report-still-frame" style={{ width: w, height: DISPLAY_HEIGHT_PX }}>
        <img
          ref={img}
          src={mediaUrl(still.imageRelativePath)}
          alt={`${still.label}, frame ${still.frame}`}
          width={w}
          height={DISPLAY_HEIGHT_PX}
          onLoad={done}
          onError={() => {
            setFailed(true);
            done();
          }}
        />
        <svg width={w} height={DISPLAY_HEIGHT_PX} aria-hidden="true">
          {SKELETON_EDGES.map(([a, b]) => {
            const p = still.landmarks[index(a)];
            const q = still.landmarks[index(b)];
            if (!p || !q) return null;
            const right = a.startsWith('right') || b.startsWith('right');
            const centre = a.startsWith('left') && b.startsWith('right');
            return (
              <line
                key={`${a}-${b}`}
                x1={p.x * k}
                y1={p.y * k}
                x2={q.x * k}
                y2={q.y * k}
                stroke={centre ? '#ffffff' : right ? '#56b4e9' : '#f0e442'}
                strokeWidth={2}
                strokeDasharray={right && !centre ? '4 2' : undefined}
              />
            );
          })}
          {still.landmarks.map((p, i) =>
            p && i >= index('left_shoulder') ? (
              <circle
                key={i}
                cx={p.x * k}
                cy={p.y * k}
                r={2}
                fill="#ffffff"
                stroke="#000"
                strokeWidth={0.6}
              />
            ) : null,
          )}
        </svg>
      </div>
      <figcaption>
        {still.label}
        <span className="muted">
          {' '}
          · frame&nbsp;{still.frame}, {still.timeS.toFixed(2)}&nbsp;s
        </span>
        {failed && <span className="flag"> (image missing)</span>}
      </figcaption>
    </figure>
  );
}

export function VideoStills({ report, begin }: { report: ReportView; begin: (key: string) => () => void }) {
  const rows = useMemo(
    () =>
      report.model.header.sessions.map((s) => ({
        session: s,
        stills: report.stills
          .filter((x) => x.sessionKey === s.key)
          .map((still) => ({ still, done: begin(`still-${s.key}-${still.event}`) })),
      })),
    // begin registers pending work: once per report.
    [report],
  );
  if (report.stills.length === 0 && !report.stillsMessage) return null;
  return (
    <section className="report-section report-stills" aria-labelledby="report-stills-title">
      <h2 id="report-stills-title">Video stills</h2>
      {report.stillsMessage && <p className="flag">{report.stillsMessage}</p>}
      {rows.map(({ session, stills }) =>
        stills.length === 0 ? null : (
          <div key={session.key} className="report-still-row">
            <div className="report-still-session">
              {report.model.mode === 'comparison' ? `${session.key}: ` : ''}
              {session.date}, {session.condition}
            </div>
            {stills.map(({ still, done }) => (
              <Still key={still.imageRelativePath} still={still} done={done} />
            ))}
          </div>
        ),
      )}
      {report.stills.length > 0 && (
        <p className="report-footnote">
          Skeleton from the pose model on that frame: left side solid yellow, right side dashed blue.
        </p>
      )}
    </section>
  );
}
