// Which person in another calibrated camera is the patient one camera follows. Everyone the person
// scan saw stands on the floor: the bottom of a person's box (the feet), cast through a camera whose
// calibration has its origin on the floor, gives where that person stands in metres. The patient
// stands in one place at one instant whichever camera looks, so a camera's candidates are compared
// with the leading camera's subject by floor position at the same trial times. No landmarks are
// needed, so the choice can be made before a camera's pose is run again.
import { pixelToPlane, trackPxToCameraPx, type CameraCalibration } from './camera-model';

/** A person box in a video's pixels (GaitLab track convention: pixel centres at +0.5). */
export interface BoxPx {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Someone the scan saw: their box at sampled video frames. */
export interface SeenPerson {
  frames: readonly number[];
  boxes: readonly BoxPx[];
}

/** One camera's view of the scan: its calibration (fitted to the video) and clock. */
export interface CameraScan {
  camera: CameraCalibration;
  fps: number;
  /** Video time t of this camera shows trial time t + startOffsetS. */
  startOffsetS: number;
  people: readonly SeenPerson[];
}

export interface FloorSample {
  timeS: number;
  xM: number;
  yM: number;
}

export interface FollowChoice {
  /** Index in `people` of the person standing where the leader's subject stands, or -1. */
  index: number;
  /** Median floor distance (m) of each candidate from the leader's subject; NaN: never seen together. */
  distancesM: number[];
}

/** Samples closer in time than this are compared (the scan samples about once a second). */
const MAX_TIME_GAP_S = 0.5;
/** Between two samples at most this far apart, a person is taken to move in a straight line. */
const MAX_BRACKET_S = 2;
/** A candidate further than this from the leader's subject (median) is someone else. */
export const MAX_FOLLOW_DISTANCE_M = 0.6;

/** Where a person stands on the floor (Z = 0, metres) at each sampled frame, on the trial clock. */
export function floorTrack(scan: CameraScan, person: SeenPerson): FloorSample[] {
  const out: FloorSample[] = [];
  person.frames.forEach((frame, k) => {
    const b = person.boxes[k]!;
    const [u, v] = trackPxToCameraPx((b.x0 + b.x1) / 2, b.y1);
    const p = pixelToPlane(scan.camera, u, v, [0, 0, 1], 0);
    if (p) out.push({ timeS: frame / scan.fps + scan.startOffsetS, xM: p[0], yM: p[1] });
  });
  return out;
}

/**
 * Where a floor track was at `timeS`: linear between the samples either side (at most
 * MAX_BRACKET_S apart), else the nearest within MAX_TIME_GAP_S; undefined when not seen then.
 */
function floorAt(track: readonly FloorSample[], timeS: number): [number, number] | undefined {
  let before: FloorSample | undefined;
  let after: FloorSample | undefined;
  for (const s of track) {
    if (s.timeS <= timeS && (!before || s.timeS > before.timeS)) before = s;
    if (s.timeS >= timeS && (!after || s.timeS < after.timeS)) after = s;
  }
  if (before && after && after.timeS - before.timeS <= MAX_BRACKET_S) {
    const w = after.timeS > before.timeS ? (timeS - before.timeS) / (after.timeS - before.timeS) : 0;
    return [before.xM + w * (after.xM - before.xM), before.yM + w * (after.yM - before.yM)];
  }
  const near = [before, after]
    .filter((s): s is FloorSample => !!s && Math.abs(s.timeS - timeS) <= MAX_TIME_GAP_S)
    .sort((x, y) => Math.abs(x.timeS - timeS) - Math.abs(y.timeS - timeS))[0];
  return near ? [near.xM, near.yM] : undefined;
}

/** Median distance (m) between two floor tracks at the instants of `a`'s samples; NaN if never together. */
export function floorDistanceM(a: readonly FloorSample[], b: readonly FloorSample[]): number {
  const d: number[] = [];
  for (const s of a) {
    const p = floorAt(b, s.timeS);
    if (p) d.push(Math.hypot(p[0] - s.xM, p[1] - s.yM));
  }
  if (d.length === 0) return NaN;
  d.sort((x, y) => x - y);
  const m = d.length >> 1;
  return d.length % 2 ? d[m]! : (d[m - 1]! + d[m]!) / 2;
}

/**
 * The person in `scan` who stands where `leader` stands: the nearest by median floor distance,
 * when within MAX_FOLLOW_DISTANCE_M; -1 otherwise (nobody there, or never seen at the same time).
 */
export function followLeader(leader: readonly FloorSample[], scan: CameraScan): FollowChoice {
  const distancesM = scan.people.map((p) => floorDistanceM(floorTrack(scan, p), leader));
  let index = -1;
  distancesM.forEach((d, i) => {
    if (d <= MAX_FOLLOW_DISTANCE_M && (index < 0 || d < distancesM[index]!)) index = i;
  });
  return { index, distancesM };
}
