// Keeps left and right labels on the same limbs over a whole track. The model sometimes labels
// the far limb "left" for a few frames (side views, people turning round); an online rule that
// swaps whenever the previous frame disagrees locks in its own mistakes, so this decides for the
// whole sequence at once: per limb group, a two-state path (as labelled / swapped) that
// minimises frame-to-frame travel plus a small price for every frame it overrides the model.
import { BLAZEPOSE_LANDMARKS, LANDMARK_COUNT } from '../../../shared/landmarks';

const pairsOf = (names: string[]): Array<[number, number]> =>
  names.map((n) => [
    BLAZEPOSE_LANDMARKS.indexOf(`left_${n}` as never),
    BLAZEPOSE_LANDMARKS.indexOf(`right_${n}` as never),
  ]);

/**
 * Decided one after the other: first whole legs and whole arms (a person turning round can be
 * labelled back-to-front for a second: Pose2Sim cam02; the face often keeps its labels then, so
 * it is not tied to the limbs), then each limb part, since the model can also swap only the feet
 * while the knees stay right (Sports2D walk, feet passing each other).
 */
const LIMB_GROUPS: Array<Array<[number, number]>> = [
  pairsOf(['hip']),
  pairsOf(['knee']),
  pairsOf(['ankle', 'heel', 'foot_index']),
  pairsOf(['shoulder']),
  pairsOf(['elbow']),
  pairsOf(['wrist', 'pinky', 'index', 'thumb']),
  pairsOf(['eye_inner', 'eye', 'eye_outer', 'ear']).concat([[9, 10]]),
];
const LEGS = LIMB_GROUPS.slice(0, 3).flat();
const ARMS = LIMB_GROUPS.slice(3, 6).flat();
export const SIDE_GROUPS: Array<Array<[number, number]>> = [LEGS, ARMS, ...LIMB_GROUPS];

export interface SideTrack {
  frameCount: number;
  /** Flat frame-major arrays, LANDMARK_COUNT per frame (others are swapped along). */
  xPx: Float32Array;
  yPx: Float32Array;
  /** NaN for frames without a pose. */
  bodyPx: Float32Array;
}

/**
 * The frames of one group whose left/right labels should be exchanged.
 *
 * Frames where the two sides nearly coincide (feet passing, hips seen from the side, or the
 * model pulling both sides to the middle while it changes its mind) say nothing about which
 * side is which; they follow the decision of the informative frame before them. Nor does travel
 * across them: least travel cannot tell two limbs passing each other from two limbs turning back,
 * and when both move in the picture (walking on a treadmill, or a camera panning with the walker:
 * the stance foot slides backwards as fast as the swing foot comes forward) turning back is the
 * shorter path, so chaining the frames either side exchanged the legs every other step. A run of
 * informative frames (no more than `maxGapFrames` apart) is therefore decided on its own, where
 * overriding the model costs `overridePrice` times the median travel of a point between
 * consecutive frames, per pair and frame: short runs of flipped labels are corrected and the
 * model's own labelling wins otherwise. From a fixed camera beside a walkway the frames either
 * side of feet passing had decided nothing either (the stance foot stays put, so both readings
 * travel as far).
 */
export function planSideSwaps(
  track: SideTrack,
  pairs: Array<[number, number]>,
  options: { overridePrice?: number; minSeparation?: number; maxGapFrames?: number } = {},
): Uint8Array {
  const { overridePrice = 0.25, minSeparation = 0.35, maxGapFrames = 1 } = options;
  const n = track.frameCount;
  const at = (f: number, l: number): [number, number] => [
    track.xPx[f * LANDMARK_COUNT + l]!,
    track.yPx[f * LANDMARK_COUNT + l]!,
  ];
  const valid = (f: number): boolean =>
    Number.isFinite(track.bodyPx[f]!) && Number.isFinite(track.xPx[f * LANDMARK_COUNT]!);
  const separation = (f: number): number => {
    let sum = 0;
    for (const [l, r] of pairs) {
      const [lx, ly] = at(f, l);
      const [rx, ry] = at(f, r);
      sum += Math.hypot(lx - rx, ly - ry);
    }
    return Number.isFinite(sum) ? sum / pairs.length : 0;
  };
  const travel = (a: number, b: number): [number, number] => {
    let same = 0;
    let cross = 0;
    for (const [l, r] of pairs) {
      const [lx0, ly0] = at(a, l);
      const [rx0, ry0] = at(a, r);
      const [lx1, ly1] = at(b, l);
      const [rx1, ry1] = at(b, r);
      same += Math.hypot(lx1 - lx0, ly1 - ly0) + Math.hypot(rx1 - rx0, ry1 - ry0);
      cross += Math.hypot(lx1 - rx0, ly1 - ry0) + Math.hypot(rx1 - lx0, ry1 - ly0);
    }
    return Number.isFinite(same) && Number.isFinite(cross) ? [same, cross] : [0, 0];
  };

  const seps: number[] = [];
  for (let f = 0; f < n; f++) if (valid(f)) seps.push(separation(f));
  seps.sort((a, b) => a - b);
  const typicalSep = seps[seps.length >> 1] ?? 0;
  const informative = (f: number): boolean =>
    valid(f) && separation(f) >= minSeparation * typicalSep && typicalSep > 0;

  // Chains of informative frames; a frame without a pose, or a long ambiguous stretch, ends a chain.
  const chains: number[][] = [];
  let chain: number[] = [];
  let last = -1;
  for (let f = 0; f < n; f++) {
    if (!valid(f)) {
      if (chain.length) chains.push(chain);
      chain = [];
      last = -1;
      continue;
    }
    if (!informative(f)) continue;
    if (last >= 0 && f - last > maxGapFrames) {
      chains.push(chain);
      chain = [];
    }
    chain.push(f);
    last = f;
  }
  if (chain.length) chains.push(chain);

  const steps: number[] = [];
  for (const c of chains)
    for (let i = 1; i < c.length; i++) steps.push(Math.min(...travel(c[i - 1]!, c[i]!)) / (2 * pairs.length));
  steps.sort((a, b) => a - b);
  const typicalPx = Math.max(1, steps[steps.length >> 1] ?? 1);
  const price = overridePrice * typicalPx * pairs.length;

  const swap = new Uint8Array(n);
  for (const c of chains) {
    // Viterbi over states 0 (as labelled) / 1 (swapped).
    const back: Array<[number, number]> = [[0, 0]];
    let cost0 = 0;
    let cost1 = price;
    for (let i = 1; i < c.length; i++) {
      const [same, cross] = travel(c[i - 1]!, c[i]!);
      const to0a = cost0 + same;
      const to0b = cost1 + cross;
      const to1a = cost0 + cross;
      const to1b = cost1 + same;
      back.push([to0b < to0a ? 1 : 0, to1b < to1a ? 1 : 0]);
      cost0 = Math.min(to0a, to0b);
      cost1 = Math.min(to1a, to1b) + price;
    }
    let s = cost1 < cost0 ? 1 : 0;
    for (let i = c.length - 1; i >= 0; i--) {
      const f = c[i]!;
      // Ambiguous frames up to the next informative one follow this frame's decision.
      const until = i + 1 < c.length ? c[i + 1]! : f + 1;
      for (let g = f; g < until && g < n; g++) if (valid(g)) swap[g] = s;
      s = back[i]![s]!;
    }
  }
  return swap;
}

/**
 * Makes labels consistent in place, group after group; `arrays` are every per-landmark array of
 * the track (`stride` values per landmark) and must include `track.xPx` and `track.yPx`.
 * Returns the number of (group, frame) exchanges made.
 */
export function consolidateSides(
  track: SideTrack,
  arrays: Array<{ data: Float32Array; stride: number }>,
): number {
  let swapped = 0;
  for (const pairs of SIDE_GROUPS) {
    const swap = planSideSwaps(track, pairs);
    for (let f = 0; f < swap.length; f++) {
      if (!swap[f]) continue;
      swapped++;
      for (const { data, stride } of arrays) {
        for (const [l, r] of pairs) {
          for (let k = 0; k < stride; k++) {
            const li = (f * LANDMARK_COUNT + l) * stride + k;
            const ri = (f * LANDMARK_COUNT + r) * stride + k;
            const t = data[li]!;
            data[li] = data[ri]!;
            data[ri] = t;
          }
        }
      }
    }
  }
  return swapped;
}
