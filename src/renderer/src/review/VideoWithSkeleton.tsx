import { useEffect, useMemo, useRef, useState } from 'react';
import type { PoseTrackView } from '../../../shared/api/analysis-types';
import { FOLLOW_BY_DEFAULT_ZOOM, MIN_FOLLOW_ZOOM, followView } from '../../../shared/follow-view';
import { drawSkeleton } from './skeleton';
import { PLAYBACK_RATES, type Player } from './use-player';

interface Props {
  src: string;
  pose: PoseTrackView | null;
  player: Player;
  fps: number;
  frameCount: number;
  lowConfidence: ReadonlySet<number>;
  showSkeleton: boolean;
  onShowSkeleton: (show: boolean) => void;
  /** The video's file name when it is no longer in the lab folder (moved or deleted outside GaitLab). */
  missingFile?: string | null;
}

/** The trial video with the pose skeleton drawn on a canvas exactly over the picture. */
export function VideoWithSkeleton({
  src,
  pose,
  player,
  fps,
  frameCount,
  lowConfidence,
  showSkeleton,
  onShowSkeleton,
  missingFile = null,
}: Props) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const { frame } = player;
  const dropped = useMemo(() => new Set(pose?.droppedFrames ?? []), [pose]);
  // The source the browser could not play (the skeleton and numbers do not depend on it).
  const [unplayable, setUnplayable] = useState<string | null>(null);
  const aspect = pose ? `${pose.widthPx} / ${pose.heightPx}` : '16 / 9';
  const follow = useMemo(() => (pose ? followView(pose) : null), [pose]);
  const canFollow = follow !== null && follow.zoom >= MIN_FOLLOW_ZOOM;
  // Null until the reviewer chooses: a patient small in the picture is followed from the start.
  const [followChoice, setFollowChoice] = useState<boolean | null>(null);
  const following = canFollow && (followChoice ?? follow.zoom >= FOLLOW_BY_DEFAULT_ZOOM);
  const shownFrame = Math.min(Math.max(0, frame), (pose?.frameCount ?? 1) - 1);
  const originPx: [number, number] =
    following && pose ? [follow.x0Px[shownFrame]!, follow.y0Px[shownFrame]!] : [0, 0];
  const zoom = following ? follow.zoom : 1;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ratio = window.devicePixelRatio || 1;
    const w = Math.round(canvas.clientWidth * ratio);
    const h = Math.round(canvas.clientHeight * ratio);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, w, h);
    if (pose && showSkeleton) drawSkeleton(ctx, pose, frame, (zoom * w) / pose.widthPx, originPx);
  });

  const timeS = frame / fps;
  return (
    <div className="player">
      <div className="video-stage" style={{ aspectRatio: aspect }}>
        <video
          ref={player.videoRef}
          src={src}
          preload="auto"
          muted
          playsInline
          aria-label="Trial video"
          style={
            following && pose
              ? {
                  transformOrigin: '0 0',
                  transform: `scale(${zoom}) translate(${(-100 * originPx[0]) / pose.widthPx}%, ${(-100 * originPx[1]) / pose.heightPx}%)`,
                }
              : undefined
          }
          onError={() => setUnplayable(src)}
          onLoadedData={() => setUnplayable(null)}
        />
        <canvas ref={canvasRef} className="skeleton-canvas" aria-hidden="true" />
        {missingFile ? (
          <p className="stage-message" role="alert">
            The video file ({missingFile}) is missing from the lab folder: it was moved or deleted outside
            GaitLab. Put it back where it was to see it; the skeleton, events and numbers were measured from
            it before and are shown as they were.
          </p>
        ) : (
          unplayable === src && (
            <p className="stage-message" role="alert">
              The viewer cannot play this video&rsquo;s format (for example HEVC from a phone, or AVI).
              Analyse the trial again from its session page to make a copy it can play; the skeleton, events
              and numbers are measured on the original either way.
            </p>
          )
        )}
        {lowConfidence.has(frame) && <div className="stage-flag">Low pose confidence on this frame</div>}
        {dropped.has(frame) && (
          <div className="stage-flag">No picture at this instant: the camera dropped this frame</div>
        )}
      </div>
      <div className="player-controls" role="group" aria-label="Playback">
        <button type="button" onClick={() => player.step(-1)} title="Previous frame (←)">
          Previous frame
        </button>
        <button
          type="button"
          className="primary play"
          onClick={player.toggle}
          aria-label={player.playing ? 'Pause' : 'Play'}
          title="Play / pause (space)"
        >
          {player.playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => player.step(1)} title="Next frame (→)">
          Next frame
        </button>
        <label className="inline-field">
          Speed
          <select value={player.rate} onChange={(e) => player.setRate(Number(e.target.value))}>
            {PLAYBACK_RATES.map((r) => (
              <option key={r} value={r}>
                {r}×
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={showSkeleton} onChange={(e) => onShowSkeleton(e.target.checked)} />
          Skeleton
        </label>
        {canFollow && (
          <label className="checkbox" title="Show the part of the picture around the patient, enlarged">
            <input type="checkbox" checked={following} onChange={(e) => setFollowChoice(e.target.checked)} />
            Follow the patient ({follow.zoom.toFixed(1)}×)
          </label>
        )}
        <output className="frame-readout" aria-live="off">
          Frame {frame} / {Math.max(0, frameCount - 1)} · {timeS.toFixed(2)} s
        </output>
      </div>
    </div>
  );
}
