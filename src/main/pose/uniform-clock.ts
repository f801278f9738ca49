// A pose track on a steady clock. Videos do not always hold one frame per 1/rate: a phone in dim
// light lowers its rate, and a recording whose computer fell behind drops frames and keeps each
// at the time it was taken. Gait analysis and review count time in frames (frame k at the first
// frame's time + k / rate), so on such a track a 0.4 s gap of dropped frames read as 0.4 s less
// (the Sports2D walk: cadence 99 -> 108 +- 21 steps/min) and put the skeleton ahead of the picture
// after it. Frames are placed on a steady grid at the video's usual frame interval: between two
// frames taken one interval apart the landmarks are interpolated; where frames were dropped, the
// grid points more than half an interval from a real frame hold no landmarks (confidence 0), and
// the analysis fills or reports them like any other missing stretch. A steady video is returned
// as it is. Pure: arrays in, arrays out.
import { LANDMARK_COUNT } from '../../shared/landmarks';
import { STEADY_FRACTION, usualFrameIntervalS } from '../media/frame-interval';
import type { PoseResult, PoseTrack } from './pose-result';

/** Whether every frame follows the one before it by about the usual interval. */
export function isSteady(timeS: ArrayLike<number>): boolean {
  const dt = usualFrameIntervalS(timeS);
  if (!(dt > 0)) return true;
  for (let i = 1; i < timeS.length; i++)
    if (Math.abs(timeS[i]! - timeS[i - 1]! - dt) > STEADY_FRACTION * dt) return false;
  return true;
}

export interface SteadyTrack {
  track: PoseTrack;
  /** Grid frames with no video frame within half an interval: the camera dropped them. */
  droppedFrames: number[];
  /** Longest time between two video frames, s. */
  longestGapS: number;
}

/** The track with one frame per usual interval from its first frame's time (itself when steady). */
export function onUniformClock(track: PoseTrack): SteadyTrack {
  const n = track.frameCount;
  const dt = usualFrameIntervalS(track.timeS);
  if (n < 2 || !(dt > 0) || isSteady(track.timeS)) return { track, droppedFrames: [], longestGapS: dt };
  const t0 = track.timeS[0]!;
  const count = Math.round((track.timeS[n - 1]! - t0) / dt) + 1;
  const P = LANDMARK_COUNT;
  const out: PoseTrack = {
    fps: 1 / dt,
    widthPx: track.widthPx,
    heightPx: track.heightPx,
    frameCount: count,
    timeS: new Float64Array(count),
    xPx: new Float32Array(count * P).fill(NaN),
    yPx: new Float32Array(count * P).fill(NaN),
    zPx: new Float32Array(count * P).fill(NaN),
    visibility: new Float32Array(count * P),
    presence: new Float32Array(count * P),
    confidence: new Float32Array(count),
    worldM: new Float32Array(count * P * 3).fill(NaN),
    lowConfidence: new Uint8Array(count).fill(1),
    ...(track.damagedPicture
      ? { damagedPicture: { ...track.damagedPicture, perFrame: new Uint8Array(count) } }
      : {}),
  };
  const droppedFrames: number[] = [];
  let longestGapS = 0;
  for (let i = 1; i < n; i++) longestGapS = Math.max(longestGapS, track.timeS[i]! - track.timeS[i - 1]!);
  let a = 0;
  for (let g = 0; g < count; g++) {
    const t = t0 + g * dt;
    out.timeS[g] = t;
    while (a + 1 < n && track.timeS[a + 1]! <= t) a++;
    const b = Math.min(a + 1, n - 1);
    const ta = track.timeS[a]!;
    const tb = track.timeS[b]!;
    if (b > a && tb - ta <= (1 + 2 * STEADY_FRACTION) * dt) {
      blend(track, a, b, Math.min(1, Math.max(0, (t - ta) / (tb - ta))), out, g);
    } else if (t - ta <= dt / 2) {
      blend(track, a, a, 0, out, g);
    } else if (tb - t <= dt / 2) {
      blend(track, b, b, 0, out, g);
    } else {
      // Inside a gap of dropped frames: no landmarks (not a low-confidence pose: no picture).
      out.lowConfidence[g] = 0;
      droppedFrames.push(g);
    }
  }
  return { track: out, droppedFrames, longestGapS };
}

/** Frame g of `out` = frames a and b of `src` mixed (w = weight of b). */
function blend(src: PoseTrack, a: number, b: number, w: number, out: PoseTrack, g: number): void {
  const P = LANDMARK_COUNT;
  // A frame taken whole (w 0 or 1) keeps its values even when the other one has none (NaN).
  const mix = (x: Float32Array, y: Float32Array, per: number): void => {
    for (let i = 0; i < per; i++)
      y[g * per + i] =
        w === 0
          ? x[a * per + i]!
          : w === 1
            ? x[b * per + i]!
            : (1 - w) * x[a * per + i]! + w * x[b * per + i]!;
  };
  mix(src.xPx, out.xPx, P);
  mix(src.yPx, out.yPx, P);
  mix(src.zPx, out.zPx, P);
  mix(src.visibility, out.visibility, P);
  mix(src.presence, out.presence, P);
  mix(src.worldM, out.worldM, P * 3);
  mix(src.confidence, out.confidence, 1);
  out.lowConfidence[g] = src.lowConfidence[a]! || src.lowConfidence[b]! ? 1 : 0;
  const [from, to] = [src.damagedPicture?.perFrame, out.damagedPicture?.perFrame];
  if (from && to) to[g] = from[a]! || from[b]! ? 1 : 0;
}

/**
 * A finished pose job as analysis and review read it: the track on a steady clock, its
 * low-confidence frames counted on that clock, and the frames the camera dropped.
 */
export function resultOnUniformClock(result: PoseResult): PoseResult {
  const steady = onUniformClock(result.track);
  if (steady.track === result.track) return result;
  const lowConfidenceFrames: number[] = [];
  steady.track.lowConfidence.forEach((v, g) => {
    if (v) lowConfidenceFrames.push(g);
  });
  return {
    ...result,
    track: steady.track,
    manifest: { ...result.manifest, lowConfidenceFrames },
    droppedFrames: { frames: steady.droppedFrames, longestGapS: steady.longestGapS },
  };
}

/** What an analysis should say about frames the camera dropped (none: nothing). */
export function droppedFramesNotes(result: PoseResult): string[] {
  const d = result.droppedFrames;
  if (!d || d.frames.length === 0) return [];
  const n = d.frames.length;
  return [
    `The camera dropped frames: ${n} of the ${result.track.frameCount} instants ${(1 / result.track.fps).toFixed(3)} s apart have no picture (longest gap ${d.longestGapS.toFixed(2)} s). Landmarks there are filled from the frames around them where the gap is at most 0.2 s, and missing where it is longer; times are the video's own.`,
  ];
}
