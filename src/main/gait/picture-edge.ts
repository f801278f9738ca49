// Where a foot touches the edge of the camera picture. The landmark model places a foot from its
// whole outline; with part of the foot outside the picture it keeps the landmarks inside the border
// (on the Sports2D walk the toe stayed 11-44 px inside while the shoe was visibly cut off, and the
// step measured there was a third shorter than the others), and a phone lens distorts most near its
// edges. Distances are therefore not measured from a foot at the edge, and the cycle says so.

import { frameRuns } from '../../shared/frame-runs';
import type { GaitCycle } from './cycles';
import { SIDES, type Side, type Trajectory } from './types';

export interface ImageSizePx {
  widthPx: number;
  heightPx: number;
}

/** Samples below this confidence are not landmarks the model stands by: they place nothing. */
const MIN_CONFIDENCE = 0.3;

/** A sample placed (x and y finite) with a confidence the model stands by. */
export function usable(t: Trajectory, i: number): boolean {
  return Number.isFinite(t.x[i]!) && Number.isFinite(t.y[i]!) && (t.confidence?.[i] ?? 1) >= MIN_CONFIDENCE;
}

/**
 * A foot's length in pixels: median heel-to-toe distance over the frames where both are tracked
 * (NaN if never). It sets how close to the edge a foot may come: within one foot length, part of
 * it can already be outside the picture.
 */
export function footLengthPx(heel: Trajectory, toe: Trajectory, frameCount: number): number {
  const d: number[] = [];
  for (let i = 0; i < frameCount; i++) {
    if (usable(heel, i) && usable(toe, i)) d.push(Math.hypot(heel.x[i]! - toe.x[i]!, heel.y[i]! - toe.y[i]!));
  }
  if (d.length === 0) return NaN;
  d.sort((a, b) => a - b);
  return d[d.length >> 1]!;
}

/**
 * 1 for each frame where the heel or the toe lies within `marginPx` of the picture's left or right
 * edge, or within a quarter of it of the bottom edge, or beyond. A foot crosses a side edge along
 * its length, so a foot length of margin; at the bottom (a tightly framed camera) it is cut across
 * its height, and heel and toe landmarks lie on the sole, so a quarter of that is enough (on the
 * Sports2D walk the soles come within 41 px of the bottom, a foot length being 48 px, with the
 * feet whole in view). The top edge is never near a foot.
 */
export function footAtEdgeFrames(
  heel: Trajectory,
  toe: Trajectory,
  image: ImageSizePx,
  marginPx: number,
  frameCount: number,
): Uint8Array {
  const out = new Uint8Array(frameCount);
  const near = (t: Trajectory, i: number) =>
    usable(t, i) &&
    (t.x[i]! < marginPx || t.x[i]! > image.widthPx - marginPx || t.y[i]! > image.heightPx - marginPx / 4);
  for (let i = 0; i < frameCount; i++) if (near(heel, i) || near(toe, i)) out[i] = 1;
  return out;
}

/** Both feet's edge frames, each with its own foot length as margin (2 % of the width if unknown). */
export function feetAtEdge(
  feet: Record<Side, { heel: Trajectory; toe: Trajectory }>,
  image: ImageSizePx,
  frameCount: number,
): Record<Side, Uint8Array> {
  const forSide = (s: Side) => {
    const length = footLengthPx(feet[s].heel, feet[s].toe, frameCount);
    const margin = Number.isFinite(length) ? length : 0.02 * image.widthPx;
    return footAtEdgeFrames(feet[s].heel, feet[s].toe, image, margin, frameCount);
  };
  return { left: forSide('left'), right: forSide('right') };
}

/** true if any frame touched by [startFrame, endFrame] (fractional) is marked. */
export function anyMarked(mask: ArrayLike<number>, startFrame: number, endFrame: number): boolean {
  const a = Math.max(0, Math.floor(startFrame));
  const b = Math.min(mask.length - 1, Math.ceil(endFrame));
  for (let i = a; i <= b; i++) if (mask[i]) return true;
  return false;
}

/** Marked frame runs inside [startFrame, endFrame], as inclusive [first, last] pairs. */
export function markedRuns(
  mask: ArrayLike<number>,
  startFrame: number,
  endFrame: number,
): Array<[number, number]> {
  const marked: number[] = [];
  const a = Math.max(0, Math.floor(startFrame));
  const b = Math.min(mask.length - 1, Math.ceil(endFrame));
  for (let i = a; i <= b; i++) if (mask[i]) marked.push(i);
  return frameRuns(marked);
}

/**
 * Notes the cycles during which a foot touched the edge ('foot-at-picture-edge', not an exclusion:
 * the rest of the cycle is sound) and says where, per cycle, for the reader.
 */
export function noteFeetAtEdge(cycles: GaitCycle[], atEdge: Record<Side, Uint8Array>): string[] {
  const framing = framingNote(cycles, atEdge);
  const notes: string[] = [];
  for (const c of cycles) {
    const runs = SIDES.flatMap((s) =>
      markedRuns(atEdge[s], c.startFrame, c.endFrame).map(([a, b]) => ({ s, a, b })),
    );
    if (runs.length === 0) continue;
    c.flags.push('foot-at-picture-edge');
    const pct = (f: number) =>
      Math.min(100, Math.max(0, (100 * (f - c.startFrame)) / (c.endFrame - c.startFrame))).toFixed(0);
    // One frame, or a run that rounds to one percentage, is named as one.
    const span = (x: string, y: string) => (x === y ? x : `${x}-${y}`);
    const where = runs.map(
      ({ s, a, b }) =>
        `the ${s} foot is at the picture's edge at ${span(pct(a), pct(b))} % of the cycle (${a === b ? 'frame' : 'frames'} ${span(`${a}`, `${b}`)})`,
    );
    notes.push(
      `${c.side === 'left' ? 'Left' : 'Right'} cycle ${c.index + 1}: ${where.join('; ')}. Stride and step length are not measured from a foot there; check the curves at those instants.`,
    );
  }
  return framing ? [framing] : notes;
}

/** A foot at the edge this share of the walk is a framing problem, not a step at the end of a pass. */
const MOSTLY_AT_EDGE = 0.5;

/**
 * When a foot is at the picture's edge for most of the walk (the feet cut off by a camera framed too
 * tightly, or too close), one note says so and what it means, instead of a note per cycle listing
 * nearly every frame.
 */
function framingNote(cycles: readonly GaitCycle[], atEdge: Record<Side, Uint8Array>): string | null {
  if (cycles.length === 0) return null;
  const first = Math.max(0, Math.floor(Math.min(...cycles.map((c) => c.startFrame))));
  const last = Math.ceil(Math.max(...cycles.map((c) => c.endFrame)));
  const share = (s: Side) => {
    const end = Math.min(atEdge[s].length - 1, last);
    let k = 0;
    for (let i = first; i <= end; i++) if (atEdge[s][i]) k++;
    return end >= first ? k / (end - first + 1) : 0;
  };
  const left = share('left');
  const right = share('right');
  if (Math.max(left, right) < MOSTLY_AT_EDGE) return null;
  return `The feet are at the edge of the picture for most of the walk (left ${Math.round(100 * left)} %, right ${Math.round(100 * right)} % of the frames of its cycles): the landmark model keeps a foot cut off by the edge inside the picture and guesses the rest, so step and stride length are not measured from it, and its gait events and ankle angles are unreliable. Frame the whole body with the feet and some floor in view, and analyse again.`;
}
