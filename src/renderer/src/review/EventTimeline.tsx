import { useEffect, useRef, useState } from 'react';
import type { CycleView, GaitEventView, SideName } from '../../../shared/api/analysis-types';
import { EVENT_LABEL, SIDE_COLOUR, SIDE_LABEL } from './labels';
import { gaitEventInWords } from '../../../shared/gait-event-words';
import { frameRuns } from '../../../shared/frame-runs';

interface Props {
  frameCount: number;
  fps: number;
  frame: number;
  events: GaitEventView[];
  cycles: CycleView[];
  lowConfidenceFrames: number[];
  /** Instants without a picture (frames the camera dropped). */
  droppedFrames?: number[];
  busy: boolean;
  onSeekFrame: (frame: number) => void;
  onMoveEvent: (event: GaitEventView, toFrame: number) => void;
  /** Places an event the detector missed at the frame shown. */
  onAddEvent: (side: SideName, kind: GaitEventView['kind'], frame: number) => void;
  /** Takes a spurious event away. */
  onRemoveEvent: (event: GaitEventView) => void;
}

const LABEL_W = 84;
const AXIS_H = 22;
const CONF_H = 16;
const ROW_H = 46;
const SIDES: SideName[] = ['left', 'right'];

interface Drag {
  event: GaitEventView;
  pointerId: number;
  startX: number;
  delta: number;
}

function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * Gait events per side on the trial's frame axis. Markers are dragged (or nudged with the arrow
 * keys when focused) to correct an event; the drop re-runs the analysis from the stored pose.
 */
export function EventTimeline({
  frameCount,
  fps,
  frame,
  events,
  cycles,
  lowConfidenceFrames,
  droppedFrames = [],
  busy,
  onSeekFrame,
  onMoveEvent,
  onAddEvent,
  onRemoveEvent,
}: Props) {
  const boxRef = useRef<HTMLDivElement | null>(null);
  const width = useWidth(boxRef);
  const [drag, setDrag] = useState<Drag | null>(null);
  // The marker last pressed or focused, for Remove: kept by what it is, since every edit returns
  // new event objects (a moved event is followed to the frame it was moved to).
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const selected = events.find((e) => eventKey(e) === selectedKey) ?? null;
  const plotW = Math.max(100, width - LABEL_W - 12);
  const last = Math.max(1, frameCount - 1);
  const x = (f: number) => LABEL_W + (f / last) * plotW;
  const pxPerFrame = plotW / last;
  const height = AXIS_H + CONF_H + ROW_H * SIDES.length + 6;
  const rowTop = (side: SideName) => AXIS_H + CONF_H + SIDES.indexOf(side) * ROW_H;

  const tickStep = [10, 20, 30, 50, 100, 200, 500, 1000].find((s) => (s / last) * plotW >= 56) ?? 2000;
  const ticks: number[] = [];
  for (let t = 0; t <= last; t += tickStep) ticks.push(t);

  const frameAt = (clientX: number): number => {
    const rect = boxRef.current?.querySelector('svg')?.getBoundingClientRect();
    if (!rect) return frame;
    return Math.min(last, Math.max(0, Math.round(((clientX - rect.left - LABEL_W) / plotW) * last)));
  };

  const draggedFrame = (e: GaitEventView) =>
    drag && drag.event === e ? Math.min(last, Math.max(0, e.frame + drag.delta)) : e.frame;

  return (
    <div className="timeline" ref={boxRef}>
      <svg
        width={width}
        height={height}
        role="group"
        aria-label="Gait events timeline: initial contacts and foot offs per side over the trial's frames"
        onPointerDown={(ev) => {
          if ((ev.target as Element).closest('.event-marker')) return;
          onSeekFrame(frameAt(ev.clientX));
        }}
      >
        <g className="axis" aria-hidden="true">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={AXIS_H - 5} y2={height - 4} stroke="#e3e7ec" />
              <text x={x(t)} y={AXIS_H - 8} textAnchor="middle">
                {t}
              </text>
            </g>
          ))}
          <text x={4} y={AXIS_H - 8}>
            Frame
          </text>
        </g>
        <g aria-hidden="true">
          <text x={4} y={AXIS_H + CONF_H - 4} className="row-label small">
            Low conf.
          </text>
          <FrameRunBars
            frames={lowConfidenceFrames}
            className="low-confidence"
            what="low pose confidence"
            x={x}
            pxPerFrame={pxPerFrame}
          />
          <FrameRunBars
            frames={droppedFrames}
            className="dropped-frames"
            what="no picture (dropped by the camera)"
            x={x}
            pxPerFrame={pxPerFrame}
          />
        </g>
        {SIDES.map((side) => {
          const top = rowTop(side);
          return (
            <g key={side}>
              <text x={4} y={top + ROW_H / 2 + 5} className="row-label" fill={SIDE_COLOUR[side]}>
                {SIDE_LABEL[side]}
              </text>
              {cycles
                .filter((c) => c.side === side)
                .map((c) => {
                  const fo = c.footOffFrame ?? c.endFrame;
                  return (
                    <g
                      key={`${c.index}`}
                      className={c.excluded ? 'cycle excluded' : 'cycle'}
                      aria-hidden="true"
                    >
                      <rect
                        x={x(c.startFrame)}
                        width={Math.max(1, x(fo) - x(c.startFrame))}
                        y={top + 16}
                        height={14}
                        fill={SIDE_COLOUR[side]}
                        opacity={c.excluded ? 0.15 : 0.45}
                      />
                      <rect
                        x={x(fo)}
                        width={Math.max(1, x(c.endFrame) - x(fo))}
                        y={top + 20}
                        height={6}
                        fill={SIDE_COLOUR[side]}
                        opacity={c.excluded ? 0.1 : 0.25}
                      />
                    </g>
                  );
                })}
              {events
                .filter((e) => e.side === side)
                .map((e, i) => {
                  const f = draggedFrame(e);
                  const cx = x(f);
                  const name = `${SIDE_LABEL[side]} ${EVENT_LABEL[e.kind].toLowerCase()}`;
                  const ic = e.kind === 'initial-contact';
                  return (
                    <g
                      key={`${e.kind}-${i}`}
                      className={`event-marker${drag?.event === e ? ' dragging' : ''}${busy ? ' busy' : ''}${e === selected ? ' selected' : ''}`}
                      transform={`translate(${cx},${top})`}
                      tabIndex={0}
                      role="slider"
                      aria-label={name}
                      aria-valuemin={0}
                      aria-valuemax={last}
                      aria-valuenow={Math.round(f)}
                      aria-valuetext={`${name} at frame ${f.toFixed(1)}, ${(f / fps).toFixed(2)} s${e.source === 'manual' ? ', set by hand' : ''}`}
                      data-side={side}
                      data-kind={e.kind}
                      data-frame={e.frame}
                      onPointerDown={(ev) => {
                        if (busy) return;
                        ev.preventDefault();
                        (ev.currentTarget as Element).setPointerCapture(ev.pointerId);
                        setDrag({ event: e, pointerId: ev.pointerId, startX: ev.clientX, delta: 0 });
                        setSelectedKey(eventKey(e));
                        onSeekFrame(Math.round(e.frame));
                      }}
                      onPointerMove={(ev) => {
                        if (!drag || drag.pointerId !== ev.pointerId) return;
                        const delta = Math.round((ev.clientX - drag.startX) / pxPerFrame);
                        if (delta !== drag.delta) {
                          setDrag({ ...drag, delta });
                          onSeekFrame(Math.round(e.frame + delta));
                        }
                      }}
                      onPointerUp={(ev) => {
                        if (!drag || drag.pointerId !== ev.pointerId) return;
                        setDrag(null);
                        if (drag.delta !== 0) {
                          const to = Math.min(last, Math.max(0, e.frame + drag.delta));
                          setSelectedKey(eventKey({ ...e, frame: to }));
                          onMoveEvent(e, to);
                        }
                      }}
                      onPointerCancel={() => setDrag(null)}
                      onKeyDown={(ev) => {
                        if (!busy && (ev.key === 'Delete' || ev.key === 'Backspace')) {
                          ev.preventDefault();
                          ev.stopPropagation();
                          onRemoveEvent(e);
                          return;
                        }
                        if (busy || (ev.key !== 'ArrowLeft' && ev.key !== 'ArrowRight')) return;
                        ev.preventDefault();
                        ev.stopPropagation();
                        const step = (ev.key === 'ArrowLeft' ? -1 : 1) * (ev.shiftKey ? 5 : 1);
                        const to = Math.min(last, Math.max(0, e.frame + step));
                        onSeekFrame(Math.round(to));
                        setSelectedKey(eventKey({ ...e, frame: to }));
                        onMoveEvent(e, to);
                      }}
                      onFocus={() => {
                        setSelectedKey(eventKey(e));
                        onSeekFrame(Math.round(e.frame));
                      }}
                    >
                      <title>{`${name}: frame ${f.toFixed(1)} (${(f / fps).toFixed(2)} s)${e.source === 'manual' ? ', set by hand' : ''}. Drag, or focus and use ← →, to correct; Delete removes it.`}</title>
                      <line
                        y1={4}
                        y2={ROW_H - 4}
                        stroke={SIDE_COLOUR[side]}
                        strokeWidth={2}
                        strokeDasharray={ic ? undefined : '3 2'}
                      />
                      {ic ? (
                        <path
                          d="M -8 2 L 8 2 L 0 14 Z"
                          fill={SIDE_COLOUR[side]}
                          stroke="#1b1f24"
                          strokeWidth={1}
                        />
                      ) : (
                        <path
                          d={`M 0 ${ROW_H - 18} L 7 ${ROW_H - 10} L 0 ${ROW_H - 2} L -7 ${ROW_H - 10} Z`}
                          fill="#ffffff"
                          stroke={SIDE_COLOUR[side]}
                          strokeWidth={2}
                        />
                      )}
                      {e.source === 'manual' && (
                        <circle cx={9} cy={ic ? 6 : ROW_H - 8} r={3} fill="#1b1f24">
                          <title>Set by hand</title>
                        </circle>
                      )}
                      {/* A wide invisible hit area: a 2 px line is too thin to grab. */}
                      <rect x={-9} y={0} width={18} height={ROW_H} fill="transparent" />
                    </g>
                  );
                })}
            </g>
          );
        })}
        <line
          className="timeline-cursor"
          x1={x(frame)}
          x2={x(frame)}
          y1={AXIS_H - 4}
          y2={height - 2}
          aria-hidden="true"
        />
      </svg>
      <div className="event-edit" role="group" aria-label="Add or remove gait events">
        <span>At frame {frame}:</span>
        {SIDES.flatMap((side) =>
          (['initial-contact', 'foot-off'] as const).map((kind) => (
            <button
              key={`${side}-${kind}`}
              type="button"
              disabled={busy}
              onClick={() => onAddEvent(side, kind, frame)}
            >
              Add {gaitEventInWords(side, kind)}
            </button>
          )),
        )}
        <button
          type="button"
          disabled={busy || !selected}
          onClick={() => selected && onRemoveEvent(selected)}
          title={selected ? undefined : 'Select an event marker first (click or focus it)'}
        >
          {selected
            ? `Remove ${gaitEventInWords(selected.side, selected.kind)} at frame ${selected.frame.toFixed(1)}`
            : 'Remove selected event'}
        </button>
      </div>
      <p className="legend">
        <span className="legend-ic">▼</span> initial contact · <span className="legend-fo">◇</span> foot off ·
        bars: stance (thick) and swing (thin) per cycle · <span className="legend-low">▮</span> low pose
        confidence
        {droppedFrames.length > 0 && (
          <>
            {' '}
            · <span className="legend-dropped">▮</span> no picture (frames the camera dropped)
          </>
        )}{' '}
        · ● set by hand. Drag a marker, or focus it and press ← / →, to correct an event; Delete removes the
        selected one. Add places a missed event at the frame shown (step to it with the video).
      </p>
    </div>
  );
}

const eventKey = (e: GaitEventView): string => `${e.side}|${e.kind}|${e.frame}`;

/** One bar per run of consecutive frames on the confidence row, titled with what they are. */
function FrameRunBars(p: {
  frames: number[];
  className: string;
  what: string;
  x: (frame: number) => number;
  pxPerFrame: number;
}) {
  return (
    <>
      {frameRuns(p.frames).map(([a, b]) => (
        <rect
          key={a}
          className={p.className}
          x={p.x(a) - p.pxPerFrame / 2}
          width={Math.max(2, (b - a + 1) * p.pxPerFrame)}
          y={AXIS_H + 2}
          height={CONF_H - 4}
        >
          <title>{a === b ? `Frame ${a}: ${p.what}` : `Frames ${a}-${b}: ${p.what}`}</title>
        </rect>
      ))}
    </>
  );
}
