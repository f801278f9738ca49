// Where to crop the next frame. Frames are processed several at a time in parallel, so the
// crop for frame t always comes from frame t - lag (moved on at its velocity), never from
// whichever frame happened to finish first: the same video gives the same track on any machine
// and after a resume.
import type { Roi } from './roi';
import { ROI_SCALE } from './roi';
import type { Box } from './subject';

export class RoiTracker {
  /** Observed frames: the crop its landmarks give for the next frame, or null when lost. */
  private readonly seen = new Map<number, Roi | null>();

  constructor(readonly lagFrames: number) {}

  observe(frame: number, roi: Roi): void {
    this.seen.set(frame, roi);
    this.forget(frame);
  }

  lose(frame: number): void {
    this.seen.set(frame, null);
    this.forget(frame);
  }

  /** Whether frame t's prediction can be made (frame t - lag has been observed). */
  ready(frame: number): boolean {
    return this.seen.has(frame - this.lagFrames);
  }

  predict(frame: number): Roi | undefined {
    const a = frame - this.lagFrames;
    const last = this.seen.get(a);
    if (!last) return undefined;
    const prev = this.seen.get(a - 1);
    if (!prev) return last;
    const vx = last.centerXPx - prev.centerXPx;
    const vy = last.centerYPx - prev.centerYPx;
    return {
      ...last,
      centerXPx: last.centerXPx + vx * this.lagFrames,
      centerYPx: last.centerYPx + vy * this.lagFrames,
    };
  }

  private forget(frame: number): void {
    const old = frame - 4 * this.lagFrames - 8;
    for (const f of this.seen.keys()) if (f < old) this.seen.delete(f);
  }
}

/** First crop when acquiring someone from a person box (refined afterwards by the landmarks). */
export function roiFromBox(box: Box): Roi {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  return {
    centerXPx: (box.x0 + box.x1) / 2,
    centerYPx: (box.y0 + box.y1) / 2,
    sizePx: Math.max(w, h) * 1.1 * ROI_SCALE,
    rotationRad: 0,
  };
}

/**
 * Another person the scan saw is nearer the hip centre than the subject is (distances in each
 * box's own height): when people overlap in the picture, the model in the subject's crop can settle
 * on the other one, whose hips still lie near the subject's box.
 */
export function nearerSomeoneElse(
  hipXPx: number,
  hipYPx: number,
  subject: Box | undefined,
  others: Box[],
): boolean {
  if (!subject) return false;
  const distance = (b: Box) =>
    Math.hypot(hipXPx - (b.x0 + b.x1) / 2, hipYPx - (b.y0 + b.y1) / 2) / Math.max(1, b.y1 - b.y0);
  const own = distance(subject);
  return others.some((b) => distance(b) < own);
}

/** The landmarks belong to the subject when their hip centre lies near the subject's expected box. */
export function nearExpected(
  hipXPx: number,
  hipYPx: number,
  expected: Box | undefined,
  toleranceHeights = 0.75,
): boolean {
  if (!expected) return true;
  const h = Math.max(1, expected.y1 - expected.y0);
  const cx = (expected.x0 + expected.x1) / 2;
  const cy = (expected.y0 + expected.y1) / 2;
  return Math.hypot(hipXPx - cx, hipYPx - cy) <= toleranceHeights * h;
}
