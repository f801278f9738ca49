// Turns raw named trajectories into clean, role-labelled points: low-confidence samples are
// down-weighted toward their interpolated neighbours, short gaps filled, then a zero-lag low-pass.

import { DEFAULT_CUTOFF_HZ } from '../../shared/filter-cutoff';
import { butterworthLowPass } from './butterworth';
import { fillGaps, type Gap } from './gap-fill';
import { harringtonHipCentres } from './hip-joint-centre';
import { DEFAULT_MARKER_MAP, resolveName, type MarkerMap, type SideRole } from './marker-map';
import { SIDES, type Side, type Trajectory, type TrajectorySet } from './types';

/** A cleaned point: three coordinate arrays (z = 0 for 2D), NaN where missing. */
export interface PointSeries {
  /** Trajectory name it came from (e.g. 'LHEE', 'left_heel'). */
  name: string;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
}

export interface LongGap extends Gap {
  trajectory: string;
}

export interface CleanBody {
  left: Partial<Record<SideRole, PointSeries>>;
  right: Partial<Record<SideRole, PointSeries>>;
  sacrum?: PointSeries;
  longGaps: LongGap[];
  /**
   * Hip joint centres estimated from the pelvis markers, when the data had none (3D markers):
   * the pelvis width and depth they were placed from, in the data's unit.
   */
  estimatedHips?: { method: 'harrington-2007'; pelvisWidth: number; pelvisDepth: number; posterior: string };
}

export interface PreprocessOptions {
  /** Low-pass cutoff, Hz (default 6). Set to 0 to skip filtering (data already filtered). */
  cutoffHz?: number;
  /** Longest gap filled, s (default 0.2). */
  maxGapS?: number;
  /** Samples with confidence below this are treated as missing (default 0.3). */
  minConfidence?: number;
  /** Samples at or above this confidence are trusted fully (default 0.8). */
  fullConfidence?: number;
  markerMap?: MarkerMap;
}

function toFloat(a: ArrayLike<number> | undefined, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = a ? (a[i] ?? NaN) : 0;
  return out;
}

function cleanAxis(
  raw: Float64Array,
  conf: ArrayLike<number> | undefined,
  rateHz: number,
  opts: Required<Omit<PreprocessOptions, 'markerMap'>>,
): { values: Float64Array; unfilled: Gap[] } {
  const n = raw.length;
  const gated = raw.slice();
  if (conf) {
    for (let i = 0; i < n; i++) if (!((conf[i] ?? 0) >= opts.minConfidence)) gated[i] = NaN;
  }
  const filled = fillGaps(gated, rateHz, { maxGapS: opts.maxGapS });
  const v = filled.values;
  if (conf) {
    // Uncertain samples are pulled toward a curve through their confident neighbours.
    const span = Math.max(1e-9, opts.fullConfidence - opts.minConfidence);
    const strict = raw.slice();
    for (let i = 0; i < n; i++) if (!((conf[i] ?? 0) >= opts.fullConfidence)) strict[i] = NaN;
    const trusted = fillGaps(strict, rateHz, { maxGapS: opts.maxGapS }).values;
    for (let i = 0; i < n; i++) {
      const c = conf[i] ?? 0;
      // A sample set aside (NaN) keeps its confidence: it stays the gap fill's, not NaN again.
      if (
        c >= opts.minConfidence &&
        c < opts.fullConfidence &&
        Number.isFinite(raw[i]!) &&
        Number.isFinite(trusted[i]!)
      ) {
        const w = (c - opts.minConfidence) / span;
        v[i] = w * raw[i]! + (1 - w) * trusted[i]!;
      }
    }
  }
  const values =
    opts.cutoffHz > 0 && opts.cutoffHz < rateHz / 2
      ? butterworthLowPass(v, rateHz, { cutoffHz: opts.cutoffHz })
      : v;
  return { values, unfilled: filled.unfilled };
}

/** Longest gap in a trajectory bridged by interpolation, s (gap-fill.ts). */
export const DEFAULT_MAX_GAP_S = 0.2;

export function cleanTrajectory(
  name: string,
  t: Trajectory,
  set: TrajectorySet,
  options: PreprocessOptions = {},
): { point: PointSeries; longGaps: LongGap[] } {
  const opts = {
    cutoffHz: options.cutoffHz ?? DEFAULT_CUTOFF_HZ,
    maxGapS: options.maxGapS ?? DEFAULT_MAX_GAP_S,
    minConfidence: options.minConfidence ?? 0.3,
    fullConfidence: options.fullConfidence ?? 0.8,
  };
  const n = set.frameCount;
  const x = cleanAxis(toFloat(t.x, n), t.confidence, set.rateHz, opts);
  const y = cleanAxis(toFloat(t.y, n), t.confidence, set.rateHz, opts);
  const z = t.z ? cleanAxis(toFloat(t.z, n), t.confidence, set.rateHz, opts).values : new Float64Array(n);
  // A sample is only usable if every coordinate is.
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x.values[i]!) || !Number.isFinite(y.values[i]!) || !Number.isFinite(z[i]!)) {
      x.values[i] = NaN;
      y.values[i] = NaN;
      z[i] = NaN;
    }
  }
  const longGaps = x.unfilled
    .filter((g) => g.endFrame - g.startFrame > 0)
    .map((g) => ({ ...g, trajectory: name }));
  return { point: { name, x: x.values, y: y.values, z }, longGaps };
}

// hipKeypoint is not a role of its own: it stands in for 'hip' when nothing better places it.
const ROLES: readonly SideRole[] = ['heel', 'toe', 'ankle', 'knee', 'hip', 'asis', 'psis', 'shoulder'];

export function cleanBody(set: TrajectorySet, options: PreprocessOptions = {}): CleanBody {
  const map = options.markerMap ?? DEFAULT_MARKER_MAP;
  const body: CleanBody = { left: {}, right: {}, longGaps: [] };
  // A name that is present but never tracked (a marker not placed) falls through to the next one.
  const take = (candidates: readonly string[]): PointSeries | undefined => {
    for (const c of candidates) {
      const r = resolveName(set, [c]);
      if (!r) continue;
      const { point, longGaps } = cleanTrajectory(r.name, r.trajectory, set, options);
      let finite = 0;
      for (let i = 0; i < point.x.length; i++) if (Number.isFinite(point.x[i]!)) finite++;
      if (finite === 0) continue;
      body.longGaps.push(...longGaps);
      return point;
    }
    return undefined;
  };
  for (const side of SIDES) {
    for (const role of ROLES) {
      const p = take(map[side][role]);
      if (p) body[side as Side][role] = p;
    }
  }
  const sacrum = take(map.sacrum);
  if (sacrum) body.sacrum = sacrum;
  const posterior = meanPoint(undefined, [body.left.psis, body.right.psis], true) ?? body.sacrum;
  if (!body.left.hip && !body.right.hip && body.left.asis && body.right.asis && posterior) {
    const hips = harringtonHipCentres(body.left.asis, body.right.asis, posterior, set.unit);
    if (hips) {
      body.left.hip = hips.left;
      body.right.hip = hips.right;
      body.estimatedHips = {
        method: 'harrington-2007',
        pelvisWidth: hips.pelvisWidth,
        pelvisDepth: hips.pelvisDepth,
        posterior: posterior.name,
      };
    }
  }
  for (const side of SIDES) {
    if (body[side].hip) continue;
    const p = take(map[side].hipKeypoint);
    if (p) body[side].hip = p;
  }
  return body;
}

/**
 * Mean of the given points per frame, over those present at that frame (NaN if none; with
 * requireAll, NaN unless all are present). Named after its members, e.g. 'mid(LASI,RASI)', unless
 * a name is given, so that angle outputs say which landmarks they come from.
 */
export function meanPoint(
  name: string | undefined,
  points: Array<PointSeries | undefined>,
  requireAll = false,
): PointSeries | undefined {
  const ps = points.filter((p): p is PointSeries => p !== undefined);
  if (ps.length === 0) return undefined;
  if (name === undefined) name = ps.length === 1 ? ps[0]!.name : `mid(${ps.map((p) => p.name).join(',')})`;
  const n = ps[0]!.x.length;
  const out: PointSeries = { name, x: new Float64Array(n), y: new Float64Array(n), z: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    let sx = 0,
      sy = 0,
      sz = 0,
      k = 0;
    for (const p of ps) {
      if (Number.isFinite(p.x[i]!)) {
        sx += p.x[i]!;
        sy += p.y[i]!;
        sz += p.z[i]!;
        k++;
      }
    }
    const ok = requireAll ? k === ps.length : k > 0;
    out.x[i] = ok ? sx / k : NaN;
    out.y[i] = ok ? sy / k : NaN;
    out.z[i] = ok ? sz / k : NaN;
  }
  return out;
}

/** The pelvis reference of Zeni's method: centre of the pelvis markers, else sacrum, else mid-hips. */
export function pelvisCentre(body: CleanBody): PointSeries | undefined {
  const markers = [body.left.asis, body.right.asis, body.left.psis, body.right.psis].filter(
    (p) => p !== undefined,
  );
  if (markers.length >= 2) return meanPoint(undefined, markers);
  if (body.sacrum) return body.sacrum;
  return meanPoint(undefined, [body.left.hip, body.right.hip]);
}
