// Keeps left and right labels attached to the same limb across frames. In side views the model
// sometimes labels the far leg "left" in one frame and "right" in the next; a swap shows as both
// limbs jumping to where the other was predicted to be.
import { BLAZEPOSE_LANDMARKS } from '../../../shared/landmarks';

const pairsOf = (names: string[]): Array<[number, number]> =>
  names.map((n) => [BLAZEPOSE_LANDMARKS.indexOf(`left_${n}` as never), BLAZEPOSE_LANDMARKS.indexOf(`right_${n}` as never)]);

export const LEG_PAIRS = pairsOf(['hip', 'knee', 'ankle', 'heel', 'foot_index']);
export const ARM_PAIRS = pairsOf(['shoulder', 'elbow', 'wrist', 'pinky', 'index', 'thumb']);
/**
 * Groups checked independently: the model can swap only the feet while the knees stay right
 * (seen on the Sports2D walk when the feet pass each other), so whole-leg checks miss it.
 */
export const SWAP_GROUPS: Array<Array<[number, number]>> = [
  pairsOf(['hip']),
  pairsOf(['knee']),
  pairsOf(['ankle', 'heel', 'foot_index']),
  pairsOf(['shoulder']),
  pairsOf(['elbow']),
  pairsOf(['wrist', 'pinky', 'index', 'thumb']),
];
/** Every left/right pair of the 33 points (face, arms, legs). */
export const ALL_PAIRS: Array<[number, number]> = BLAZEPOSE_LANDMARKS.flatMap((name, i) =>
  name.startsWith('left_') ? [[i, BLAZEPOSE_LANDMARKS.indexOf(name.replace('left_', 'right_') as never)] as [number, number]] : [],
);

export interface PointsView {
  xPx: ArrayLike<number>;
  yPx: ArrayLike<number>;
}

/**
 * True when the limb pairs match the prediction better swapped than as labelled, by a clear
 * margin: half the cost and at least `minGainPx` pixels (a near-tie, legs crossing, is no swap).
 */
export function looksSwapped(
  current: PointsView,
  predicted: PointsView,
  pairs: Array<[number, number]>,
  minGainPx: number,
): boolean {
  let same = 0;
  let swapped = 0;
  for (const [l, r] of pairs) {
    const d = (a: number, b: number): number => Math.hypot(current.xPx[a]! - predicted.xPx[b]!, current.yPx[a]! - predicted.yPx[b]!);
    same += d(l, l) + d(r, r);
    swapped += d(l, r) + d(r, l);
  }
  if (!Number.isFinite(same) || !Number.isFinite(swapped)) return false;
  return swapped < 0.5 * same && same - swapped > minGainPx;
}

/** Constant-velocity prediction from the two previous frames (or the last one alone). */
export function predictPoints(prev: PointsView, prevPrev: PointsView | undefined, gapFrames: number, prevGapFrames: number): PointsView {
  const n = prev.xPx.length;
  const xPx = new Float32Array(n);
  const yPx = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let vx = 0;
    let vy = 0;
    if (prevPrev && prevGapFrames > 0) {
      vx = (prev.xPx[i]! - prevPrev.xPx[i]!) / prevGapFrames;
      vy = (prev.yPx[i]! - prevPrev.yPx[i]!) / prevGapFrames;
      if (!Number.isFinite(vx) || !Number.isFinite(vy)) vx = vy = 0;
    }
    xPx[i] = prev.xPx[i]! + vx * gapFrames;
    yPx[i] = prev.yPx[i]! + vy * gapFrames;
  }
  return { xPx, yPx };
}
