// Decodes the person finder (MoveNet multipose: up to 6 people, 17 COCO keypoints + box each)
// and turns a person into a BlazePose crop. Used to (re)acquire the subject; between
// acquisitions the tracker follows the landmarks themselves.
import type { Roi } from './roi';
import { ROI_SCALE } from './roi';

export interface Person {
  /** 17 COCO keypoints, frame pixels. */
  xPx: Float32Array;
  yPx: Float32Array;
  score: Float32Array;
  box: { x0: number; y0: number; x1: number; y1: number };
  boxScore: number;
}

export const COCO = {
  leftShoulder: 5,
  rightShoulder: 6,
  leftHip: 11,
  rightHip: 12,
  leftAnkle: 15,
  rightAnkle: 16,
} as const;
const ROW = 56;

export function decodePeople(
  raw: Float32Array,
  inW: number,
  inH: number,
  map: { scale: number; padXPx: number; padYPx: number },
  minScore = 0.2,
): Person[] {
  const people: Person[] = [];
  const toX = (nx: number): number => (nx * inW - map.padXPx) / map.scale;
  const toY = (ny: number): number => (ny * inH - map.padYPx) / map.scale;
  for (let p = 0; p * ROW + ROW <= raw.length; p++) {
    const r = p * ROW;
    const boxScore = raw[r + 55]!;
    if (!(boxScore >= minScore)) continue;
    const xPx = new Float32Array(17);
    const yPx = new Float32Array(17);
    const score = new Float32Array(17);
    for (let k = 0; k < 17; k++) {
      yPx[k] = toY(raw[r + k * 3]!);
      xPx[k] = toX(raw[r + k * 3 + 1]!);
      score[k] = raw[r + k * 3 + 2]!;
    }
    const box = {
      y0: toY(raw[r + 51]!),
      x0: toX(raw[r + 52]!),
      y1: toY(raw[r + 53]!),
      x1: toX(raw[r + 54]!),
    };
    people.push({ xPx, yPx, score, box, boxScore });
  }
  return people;
}

export function boxArea(b: Person['box']): number {
  return Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);
}

export function boxIou(a: Person['box'], b: Person['box']): number {
  const ix = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
  const iy = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
  const inter = ix * iy;
  const union = boxArea(a) + boxArea(b) - inter;
  return union > 0 ? inter / union : 0;
}

export function boxCentre(b: Person['box']): [number, number] {
  return [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
}

/**
 * Crop for BlazePose around a person found by MoveNet: centred on the hips, rotated so the
 * hips→shoulders direction points up, sized to enclose every confident keypoint with a margin
 * for the head top and the feet (MoveNet has no heel or toe points).
 */
export function roiFromPerson(p: Person, minKeypointScore = 0.2): Roi {
  const ok = (k: number): boolean => p.score[k]! >= minKeypointScore;
  const mid = (a: number, b: number): [number, number] | undefined =>
    ok(a) && ok(b)
      ? [(p.xPx[a]! + p.xPx[b]!) / 2, (p.yPx[a]! + p.yPx[b]!) / 2]
      : ok(a)
        ? [p.xPx[a]!, p.yPx[a]!]
        : ok(b)
          ? [p.xPx[b]!, p.yPx[b]!]
          : undefined;
  const [bx, by] = boxCentre(p.box);
  const hips = mid(COCO.leftHip, COCO.rightHip) ?? [bx, by];
  const shoulders = mid(COCO.leftShoulder, COCO.rightShoulder);
  let rotationRad = 0;
  if (shoulders) {
    const ux = shoulders[0] - hips[0];
    const uy = shoulders[1] - hips[1];
    if (Math.hypot(ux, uy) > 1) rotationRad = Math.atan2(ux, -uy);
  }
  let radius = 0;
  for (let k = 0; k < 17; k++) {
    if (!ok(k)) continue;
    radius = Math.max(radius, Math.hypot(p.xPx[k]! - hips[0], p.yPx[k]! - hips[1]));
  }
  const boxRadius = Math.hypot(p.box.x1 - p.box.x0, p.box.y1 - p.box.y0) / 2;
  radius = Math.max(radius * 1.2, boxRadius * 0.9);
  return { centerXPx: hips[0], centerYPx: hips[1], sizePx: 2 * radius * ROI_SCALE, rotationRad };
}
