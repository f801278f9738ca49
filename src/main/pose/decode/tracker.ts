// Where to crop the next frame. Frames are processed a few at a time in parallel, so the crop
// for frame t comes from the latest finished frame (t-1 or t-2), moved on at its velocity.
import type { Roi } from './roi';
import { ROI_SCALE } from './roi';
import type { Box } from './subject';

export interface TrackPoint {
  frame: number;
  roi: Roi;
}

export class RoiTracker {
  private last: TrackPoint | undefined;
  private before: TrackPoint | undefined;

  /** Frames a prediction may bridge before the tracker counts as lost. */
  constructor(private readonly maxGapFrames = 3) {}

  observe(frame: number, roi: Roi): void {
    if (this.last && frame <= this.last.frame) return;
    this.before = this.last;
    this.last = { frame, roi };
  }

  lose(frame: number): void {
    if (this.last && frame <= this.last.frame) return;
    this.last = undefined;
    this.before = undefined;
  }

  predict(frame: number): Roi | undefined {
    const last = this.last;
    if (!last || frame - last.frame > this.maxGapFrames || frame <= last.frame - 2) return undefined;
    const gap = frame - last.frame;
    const prev = this.before;
    if (!prev || last.frame - prev.frame > this.maxGapFrames) return last.roi;
    const span = last.frame - prev.frame;
    const vx = (last.roi.centerXPx - prev.roi.centerXPx) / span;
    const vy = (last.roi.centerYPx - prev.roi.centerYPx) / span;
    return { ...last.roi, centerXPx: last.roi.centerXPx + vx * gap, centerYPx: last.roi.centerYPx + vy * gap };
  }
}

/** First crop when acquiring someone from a person box (refined afterwards by the landmarks). */
export function roiFromBox(box: Box): Roi {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  return { centerXPx: (box.x0 + box.x1) / 2, centerYPx: (box.y0 + box.y1) / 2, sizePx: Math.max(w, h) * 1.1 * ROI_SCALE, rotationRad: 0 };
}

/** The landmarks belong to the subject when their hip centre lies near the subject's expected box. */
export function nearExpected(hipXPx: number, hipYPx: number, expected: Box | undefined, toleranceHeights = 0.75): boolean {
  if (!expected) return true;
  const h = Math.max(1, expected.y1 - expected.y0);
  const cx = (expected.x0 + expected.x1) / 2;
  const cy = (expected.y0 + expected.y1) / 2;
  return Math.hypot(hipXPx - cx, hipYPx - cy) <= toleranceHeights * h;
}
