// A kinematic stick figure seen by a side camera, to test the analysis with known answers.
import { LANDMARK_COUNT, BLAZEPOSE_LANDMARKS, type PoseTrack2D } from '../../../src/shared/landmarks';
import type { Trajectory, TrajectorySet, WalkingPass } from '../../../src/main/gait/types';

export interface WalkerOptions {
  /** +1: walks toward image right; -1: toward image left. */
  direction?: 1 | -1;
  seconds?: number;
  fps?: number;
  speedMps?: number;
  strideS?: number;
  /** Pelvis stays put while the legs cycle (treadmill). */
  treadmill?: boolean;
  /** Legs still, pelvis still. */
  standing?: boolean;
  pxPerM?: number;
  /** Equinus: forefoot always lower than the heel (toe walking). */
  toeWalking?: boolean;
  /** Pelvis x at the start, pixels. */
  startXPx?: number;
}

const THIGH_M = 0.45;
const SHANK_M = 0.43;

/** Knee flexion (deg) over the cycle: loading response bump and a 60 deg swing peak. */
export function syntheticKneeDeg(phase: number): number {
  return 5 + 12 * Math.exp(-(((phase - 0.15) / 0.07) ** 2)) + 55 * Math.exp(-(((phase - 0.72) / 0.1) ** 2));
}
export function syntheticThighDeg(phase: number): number {
  return 8 + 20 * Math.cos(2 * Math.PI * (phase - 0.02));
}

export function syntheticWalk(o: WalkerOptions = {}): TrajectorySet {
  const dir = o.direction ?? 1;
  const fps = o.fps ?? 30;
  const n = Math.round((o.seconds ?? 6) * fps);
  const speed = o.treadmill || o.standing ? 0 : (o.speedMps ?? 1.2);
  const T = o.strideS ?? 1.1;
  const px = o.pxPerM ?? 300;
  const startX = o.startXPx ?? (dir > 0 ? 100 : 100 + px * ((o.seconds ?? 6) * (o.speedMps ?? 1.2) + 0.5));
  const names = [
    'left_hip',
    'right_hip',
    'left_knee',
    'right_knee',
    'left_ankle',
    'right_ankle',
    'left_heel',
    'right_heel',
    'left_foot_index',
    'right_foot_index',
    'left_shoulder',
    'right_shoulder',
    'nose',
  ];
  const tr: Record<string, { x: Float64Array; y: Float64Array; confidence: Float64Array }> = {};
  for (const nm of names)
    tr[nm] = { x: new Float64Array(n), y: new Float64Array(n), confidence: new Float64Array(n).fill(0.95) };
  const set = (nm: string, i: number, fwd: number, up: number) => {
    tr[nm]!.x[i] = startX + dir * fwd * px;
    tr[nm]!.y[i] = 1000 - up * px;
  };
  const rad = Math.PI / 180;
  for (let i = 0; i < n; i++) {
    const t = i / fps;
    const pf = speed * t;
    const hipUp = 0.92;
    set('left_hip', i, pf, hipUp);
    set('right_hip', i, pf, hipUp);
    set('left_shoulder', i, pf + 0.05, hipUp + 0.5);
    set('right_shoulder', i, pf + 0.05, hipUp + 0.5);
    set('nose', i, pf + 0.1, hipUp + 0.72);
    for (const side of ['left', 'right'] as const) {
      const phase = o.standing ? 0.3 : (((t / T + (side === 'right' ? 0.5 : 0)) % 1) + 1) % 1;
      const th = (o.standing ? 0 : syntheticThighDeg(phase)) * rad;
      const kn = (o.standing ? 3 : syntheticKneeDeg(phase)) * rad;
      const sh = th - kn;
      const kf = pf + THIGH_M * Math.sin(th);
      const ku = hipUp - THIGH_M * Math.cos(th);
      const af = kf + SHANK_M * Math.sin(sh);
      const au = ku - SHANK_M * Math.cos(sh);
      // Foot level with the ground when the shank is vertical (0 deg dorsiflexion), following the shank.
      const footAng = sh * 0.5 - (o.toeWalking ? 30 * rad : 0);
      const rot = (f: number, u: number): [number, number] => [
        af + f * Math.cos(footAng) - u * Math.sin(footAng),
        au + f * Math.sin(footAng) + u * Math.cos(footAng),
      ];
      set(`${side}_knee`, i, kf, ku);
      set(`${side}_ankle`, i, af, au);
      const [hf, hu] = rot(-0.05, -0.06);
      const [tf, tu] = rot(0.16, -0.06);
      set(`${side}_heel`, i, hf, hu);
      set(`${side}_foot_index`, i, tf, tu);
    }
  }
  const trajectories: Record<string, Trajectory> = tr;
  return { rateHz: fps, frameCount: n, convention: 'image-y-down', unit: 'px', trajectories };
}

/** The same figure as the pose engine would deliver it. */
export function toPoseTrack(set: TrajectorySet): PoseTrack2D {
  const n = set.frameCount;
  const xPx = new Float32Array(n * LANDMARK_COUNT).fill(NaN);
  const yPx = new Float32Array(n * LANDMARK_COUNT).fill(NaN);
  const visibility = new Float32Array(n * LANDMARK_COUNT);
  BLAZEPOSE_LANDMARKS.forEach((name, l) => {
    const t = set.trajectories[name];
    if (!t) return;
    for (let f = 0; f < n; f++) {
      xPx[f * LANDMARK_COUNT + l] = t.x[f]!;
      yPx[f * LANDMARK_COUNT + l] = t.y[f]!;
      visibility[f * LANDMARK_COUNT + l] = Number.isFinite(t.x[f]!) ? 0.95 : 0;
    }
  });
  return {
    fps: set.rateHz,
    widthPx: 1920,
    heightPx: 1080,
    frameCount: n,
    timeS: Float64Array.from({ length: n }, (_, i) => i / set.rateHz),
    xPx,
    yPx,
    visibility,
    confidence: new Float32Array(n).fill(1),
  };
}

/** A frontal camera facing the subject, who walks toward it: their left appears on the image right. */
export function syntheticFrontalWalk(
  o: { seconds?: number; fps?: number; strideS?: number; away?: boolean } = {},
): TrajectorySet {
  const fps = o.fps ?? 30;
  const n = Math.round((o.seconds ?? 6) * fps);
  const T = o.strideS ?? 1.1;
  const px = 300;
  const rad = Math.PI / 180;
  const names = [
    'left_hip',
    'right_hip',
    'left_knee',
    'right_knee',
    'left_ankle',
    'right_ankle',
    'left_heel',
    'right_heel',
    'left_foot_index',
    'right_foot_index',
    'left_shoulder',
    'right_shoulder',
  ];
  const tr: Record<string, { x: Float64Array; y: Float64Array }> = {};
  for (const nm of names) tr[nm] = { x: new Float64Array(n), y: new Float64Array(n) };
  const set = (nm: string, i: number, left: number, up: number) => {
    // Seen from behind (walking away), the subject's left is on the image's left.
    tr[nm]!.x[i] = 960 + (o.away ? -1 : 1) * left * px;
    tr[nm]!.y[i] = 1000 - up * px;
  };
  for (let i = 0; i < n; i++) {
    const t = i / fps;
    for (const side of ['left', 'right'] as const) {
      const lat = side === 'left' ? 1 : -1;
      const phase = (t / T + (side === 'right' ? 0.5 : 0)) % 1;
      // 5 deg abduction in swing, 3 deg adduction in stance; pelvis level; knee straight in the frontal plane.
      const abd = (phase > 0.6 ? 5 : -3) * rad;
      const hip = [lat * 0.1, 0.92] as const;
      const knee = [hip[0] + lat * 0.45 * Math.sin(abd), hip[1] - 0.45 * Math.cos(abd)] as const;
      const ankle = [knee[0] + lat * 0.43 * Math.sin(abd), knee[1] - 0.43 * Math.cos(abd)] as const;
      set(`${side}_hip`, i, ...hip);
      set(`${side}_knee`, i, ...knee);
      set(`${side}_ankle`, i, ...ankle);
      set(`${side}_heel`, i, ankle[0], ankle[1] - 0.06);
      set(`${side}_foot_index`, i, ankle[0] + lat * 0.02, ankle[1] - 0.07);
      set(`${side}_shoulder`, i, lat * 0.18, 1.42);
    }
  }
  return { rateHz: fps, frameCount: n, convention: 'image-y-down', unit: 'px', trajectories: tr };
}

/** Recordings one after the other (e.g. walk, turn, walk back). */
export function concatWalks(parts: TrajectorySet[]): TrajectorySet {
  const n = parts.reduce((a, p) => a + p.frameCount, 0);
  const names = Object.keys(parts[0]!.trajectories);
  const trajectories: Record<string, Trajectory> = {};
  for (const nm of names) {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const confidence = new Float64Array(n).fill(1);
    let o = 0;
    for (const p of parts) {
      const t = p.trajectories[nm]!;
      x.set(t.x as Float64Array, o);
      y.set(t.y as Float64Array, o);
      if (t.confidence) confidence.set(t.confidence as Float64Array, o);
      o += p.frameCount;
    }
    trajectories[nm] = { x, y, confidence };
  }
  return { ...parts[0]!, frameCount: n, trajectories };
}

/**
 * Jumping jacks facing the camera: both legs swing out to `spreadDeg` and back together every
 * `periodS`, the heels leaving the floor together at the widest, the left heel a little lower in
 * the picture the wider the legs (the body slightly turned), as the pose model saw a real one.
 */
export function syntheticJumpingJacks(
  o: { seconds?: number; fps?: number; periodS?: number; spreadDeg?: number } = {},
): TrajectorySet {
  const fps = o.fps ?? 30;
  const n = Math.round((o.seconds ?? 6) * fps);
  const T = o.periodS ?? 1.1;
  const px = 300;
  const rad = Math.PI / 180;
  const tr: Record<string, { x: Float64Array; y: Float64Array }> = {};
  const set = (nm: string, i: number, left: number, up: number) => {
    tr[nm] ??= { x: new Float64Array(n), y: new Float64Array(n) };
    tr[nm].x[i] = 960 + left * px;
    tr[nm].y[i] = 1000 - up * px;
  };
  for (let i = 0; i < n; i++) {
    const open = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / fps / T);
    const abd = (o.spreadDeg ?? 25) * rad * open;
    const lift = 0.08 * open;
    for (const side of ['left', 'right'] as const) {
      const lat = side === 'left' ? 1 : -1;
      const turn = side === 'left' ? -0.1 * open : 0;
      const hip = [lat * 0.1, 0.92 + lift] as const;
      const knee = [hip[0] + lat * 0.45 * Math.sin(abd), hip[1] - 0.45 * Math.cos(abd)] as const;
      const ankle = [knee[0] + lat * 0.43 * Math.sin(abd), knee[1] - 0.43 * Math.cos(abd) + turn] as const;
      set(`${side}_hip`, i, ...hip);
      set(`${side}_knee`, i, ...knee);
      set(`${side}_ankle`, i, ...ankle);
      set(`${side}_heel`, i, ankle[0], ankle[1] - 0.06);
      set(`${side}_foot_index`, i, ankle[0] + lat * 0.02, ankle[1] - 0.07);
      set(`${side}_shoulder`, i, lat * 0.18, 1.42 + lift);
      set(`${side}_wrist`, i, lat * (0.25 + 0.4 * open), 1.0 + lift + 0.7 * open);
    }
  }
  return { rateHz: fps, frameCount: n, convention: 'image-y-down', unit: 'px', trajectories: tr };
}

/** An overground walking pass over frames [startFrame, endFrame). */
export const overgroundPass = (
  index: number,
  startFrame: number,
  endFrame: number,
  direction: 1 | -1 = 1,
): WalkingPass => ({ index, startFrame, endFrame, direction, mode: 'overground' });

/**
 * `set`'s trajectories with both knees thrown 80 px forward of the hips at `frames`: a leg bent
 * backward, as a pose model placed it on frames it guessed (the pillar walk's, a damaged picture).
 */
export function kneesThrownForward(
  set: TrajectorySet,
  frames: readonly number[],
): TrajectorySet['trajectories'] {
  const trajectories = { ...set.trajectories };
  for (const side of ['left', 'right']) {
    const knee = set.trajectories[`${side}_knee`]!;
    const hip = set.trajectories[`${side}_hip`]!;
    const x = Float64Array.from(knee.x);
    for (const f of frames) x[f] = hip.x[f]! + 80;
    trajectories[`${side}_knee`] = { ...knee, x };
  }
  return trajectories;
}
