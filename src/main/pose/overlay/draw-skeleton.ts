// Draws a pose onto a packed RGB frame, for checking results by eye: left side orange, right
// side blue, low-visibility points skipped, low-confidence frames get a red border.
import { BLAZEPOSE_LANDMARKS, LANDMARK_COUNT, SKELETON_EDGES } from '../../../shared/landmarks';

type Rgb = readonly [number, number, number];
const LEFT: Rgb = [255, 140, 0];
const RIGHT: Rgb = [0, 160, 255];
const CENTRE: Rgb = [255, 255, 255];
const WARN: Rgb = [255, 0, 0];

function colourOf(name: string): Rgb {
  return name.startsWith('left_') ? LEFT : name.startsWith('right_') ? RIGHT : CENTRE;
}

function disc(rgb: Uint8Array, w: number, h: number, cx: number, cy: number, r: number, c: Rgb): void {
  const x0 = Math.max(0, Math.floor(cx - r));
  const x1 = Math.min(w - 1, Math.ceil(cx + r));
  const y0 = Math.max(0, Math.floor(cy - r));
  const y1 = Math.min(h - 1, Math.ceil(cy + r));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) continue;
      const o = (y * w + x) * 3;
      rgb[o] = c[0];
      rgb[o + 1] = c[1];
      rgb[o + 2] = c[2];
    }
  }
}

function line(
  rgb: Uint8Array,
  w: number,
  h: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  r: number,
  c: Rgb,
): void {
  const steps = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / Math.max(1, r / 2)));
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    disc(rgb, w, h, ax + (bx - ax) * t, ay + (by - ay) * t, r, c);
  }
}

export interface SkeletonStyle {
  minVisibility: number;
  /** Line half-width, pixels; default scales with the frame. */
  radiusPx?: number;
}

/** `offset` is frame * LANDMARK_COUNT into the flat track arrays. */
export function drawSkeleton(
  rgb: Uint8Array,
  widthPx: number,
  heightPx: number,
  xPx: Float32Array,
  yPx: Float32Array,
  visibility: Float32Array,
  offset: number,
  lowConfidence: boolean,
  style: SkeletonStyle = { minVisibility: 0.3 },
): void {
  const r = style.radiusPx ?? Math.max(1.5, Math.max(widthPx, heightPx) / 500);
  const seen = (i: number): boolean =>
    visibility[offset + i]! >= style.minVisibility && Number.isFinite(xPx[offset + i]!);
  for (const [a, b] of SKELETON_EDGES) {
    const ia = BLAZEPOSE_LANDMARKS.indexOf(a);
    const ib = BLAZEPOSE_LANDMARKS.indexOf(b);
    if (!seen(ia) || !seen(ib)) continue;
    const colour =
      a.startsWith('left_') && b.startsWith('left_')
        ? LEFT
        : a.startsWith('right_') && b.startsWith('right_')
          ? RIGHT
          : CENTRE;
    line(
      rgb,
      widthPx,
      heightPx,
      xPx[offset + ia]!,
      yPx[offset + ia]!,
      xPx[offset + ib]!,
      yPx[offset + ib]!,
      r,
      colour,
    );
  }
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    if (!seen(i)) continue;
    disc(
      rgb,
      widthPx,
      heightPx,
      xPx[offset + i]!,
      yPx[offset + i]!,
      r * 2,
      colourOf(BLAZEPOSE_LANDMARKS[i]!),
    );
  }
  if (lowConfidence) {
    const b = Math.ceil(r * 3);
    line(rgb, widthPx, heightPx, 0, 0, widthPx - 1, 0, b, WARN);
    line(rgb, widthPx, heightPx, 0, heightPx - 1, widthPx - 1, heightPx - 1, b, WARN);
  }
}
