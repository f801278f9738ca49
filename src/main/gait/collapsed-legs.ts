// A leg the pose model heaped up: at the picture's edge, with the subject half out of it (the
// Sports2D walk mirrored, frames 201-204), the model still places every landmark, with high
// visibility, but knee and ankle land beside or above the hip, and the angles read from them are
// hip flexion 149-178 deg and knee flexion -44 deg. Walking never lifts an ankle near the height of
// its hip: from hip 0 deg and knee 90 deg (more than the swing of most children with CP) the
// ankle still hangs a thigh's length below the hip, half of the leg's usual drop. So where a leg's
// hip-to-ankle drop in the picture is under a third of what it is around that frame, its knee and
// foot are set aside (as the frames a model does not see), and the gaps are bridged or left.
import { frameRunsText } from '../../shared/analysis-notes';
import { DEFAULT_MARKER_MAP, resolveName, type MarkerMap } from './marker-map';
import { median } from './peaks';
import { withoutSamples } from './set-aside';
import { SIDES, type Side, type Trajectory, type TrajectorySet } from './types';

/** Below this fraction of the drop around it, a leg is heaped up. */
const COLLAPSED_FRACTION = 1 / 3;
/** The drop "around" a frame: the median over this many seconds each side of it. */
const AROUND_S = 1;
/** Samples below this confidence are not landmarks the model stands by. */
const MIN_CONFIDENCE = 0.3;

const LEG_PARTS = ['knee', 'ankle', 'heel', 'toe'] as const;

function resolveRole(set: TrajectorySet, map: MarkerMap, side: Side, role: 'hip' | 'ankle') {
  return (
    resolveName(set, map[side][role]) ??
    (role === 'hip' ? resolveName(set, map[side].hipKeypoint) : undefined)
  );
}

/**
 * Per side, the frames where the leg is heaped up in the picture ('image-y-down' data only: a
 * camera's picture, the subject upright, as picture-orientation.ts checks first).
 */
export function collapsedLegFrames(
  set: TrajectorySet,
  map: MarkerMap = DEFAULT_MARKER_MAP,
): Record<Side, number[]> {
  const out: Record<Side, number[]> = { left: [], right: [] };
  if (set.convention !== 'image-y-down') return out;
  const n = set.frameCount;
  const around = Math.max(1, Math.round(AROUND_S * set.rateHz));
  for (const side of SIDES) {
    const hip = resolveRole(set, map, side, 'hip')?.trajectory;
    const ankle = resolveRole(set, map, side, 'ankle')?.trajectory;
    if (!hip || !ankle) continue;
    const ok = (t: Trajectory, i: number) =>
      Number.isFinite(t.y[i]!) && (t.confidence?.[i] ?? 1) >= MIN_CONFIDENCE;
    const drop = Float64Array.from({ length: n }, (_, i) =>
      ok(hip, i) && ok(ankle, i) ? ankle.y[i]! - hip.y[i]! : NaN,
    );
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(drop[i]!)) continue;
      const near: number[] = [];
      for (let k = Math.max(0, i - around); k <= Math.min(n - 1, i + around); k++)
        if (Number.isFinite(drop[k]!)) near.push(drop[k]!);
      const usual = median(near);
      if (usual > 0 && drop[i]! < COLLAPSED_FRACTION * usual) out[side].push(i);
    }
  }
  return out;
}

/** The set with each heaped-up leg's knee and foot landmarks missing at its frames. */
export function withoutCollapsedLegs(
  set: TrajectorySet,
  frames: Record<Side, readonly number[]>,
  map: MarkerMap = DEFAULT_MARKER_MAP,
): TrajectorySet {
  if (frames.left.length === 0 && frames.right.length === 0) return set;
  const trajectories = { ...set.trajectories };
  for (const side of SIDES) {
    if (frames[side].length === 0) continue;
    for (const role of LEG_PARTS) {
      const r = resolveName(set, map[side][role]);
      if (!r) continue;
      trajectories[r.name] = withoutSamples(r.trajectory, frames[side]);
    }
  }
  return { ...set, trajectories };
}

/**
 * What a reader of the walking passes is told of the legs set aside there, or null: walking never
 * raises a foot so, so it is the model's doing, and the angles there are bridged or left out.
 */
export function collapsedLegsNote(
  frames: Record<Side, readonly number[]>,
  passes: ReadonlyArray<{ startFrame: number; endFrame: number }>,
): string | null {
  const inside = (f: number) => passes.some((p) => f >= p.startFrame && f < p.endFrame);
  const legs = SIDES.flatMap((side) => {
    const f = frames[side].filter(inside);
    return f.length > 0 ? [`the ${side} leg at frame${f.length > 1 ? 's' : ''} ${frameRunsText(f)}`] : [];
  });
  if (legs.length === 0) return null;
  return `The pose model heaped up ${legs.join(' and ')}: knee and foot near the height of the hip or above it, which walking never does (the subject half out of the picture, or the leg hidden). Their landmarks are not used there (bridged from the frames around, or left out) and the frames are shaded as low confidence.`;
}
