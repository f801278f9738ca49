import { describe, expect, test } from 'vitest';
import {
  cropToFrame,
  frameToCrop,
  roiFromAlignment,
  scaleRoi,
  warpCrop,
  type Roi,
} from '../../../src/main/pose/decode/roi';
import { roiFromBox, RoiTracker, nearExpected } from '../../../src/main/pose/decode/tracker';

describe('crop maths', () => {
  test('an upright body gets no rotation; a body lying to the right is turned upright', () => {
    expect(roiFromAlignment(100, 200, 100, 100).rotationRad).toBeCloseTo(0);
    // Head to the right of the hips: the crop's up must point along +x.
    expect(roiFromAlignment(100, 200, 200, 200).rotationRad).toBeCloseTo(Math.PI / 2);
    expect(roiFromAlignment(100, 200, 100, 100).sizePx).toBeCloseTo(2 * 100 * 1.25);
  });

  test('crop and frame coordinates are inverse maps, rotation included', () => {
    const roi: Roi = { centerXPx: 640, centerYPx: 360, sizePx: 300, rotationRad: 0.7 };
    for (const [u, v] of [
      [0, 0],
      [128, 128],
      [255, 17],
    ] as const) {
      const [x, y] = cropToFrame(roi, 256, u, v);
      const [u2, v2] = frameToCrop(roi, 256, x, y);
      expect(u2).toBeCloseTo(u, 6);
      expect(v2).toBeCloseTo(v, 6);
    }
    expect(cropToFrame(roi, 256, 128, 128)).toEqual([640, 360]);
  });

  test('warpCrop samples the frame where cropToFrame says, and pads outside with black', () => {
    const w = 64;
    const h = 48;
    const rgb = new Uint8Array(w * h * 3);
    // Red channel encodes x, green encodes y.
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rgb.set([x * 3, y * 4, 255], (y * w + x) * 3);
    const roi: Roi = { centerXPx: 32, centerYPx: 24, sizePx: 32, rotationRad: Math.PI / 2 };
    const out = new Float32Array(16 * 16 * 3);
    warpCrop(rgb, w, h, roi, 16, out);
    const [x, y] = cropToFrame(roi, 16, 5.5, 9.5);
    const o = (9 * 16 + 5) * 3;
    expect(out[o]! * 255).toBeCloseTo((x - 0.5) * 3, 3);
    expect(out[o + 1]! * 255).toBeCloseTo((y - 0.5) * 4, 3);
    const outside = new Float32Array(16 * 16 * 3);
    warpCrop(rgb, w, h, { centerXPx: -100, centerYPx: -100, sizePx: 10, rotationRad: 0 }, 16, outside);
    expect(outside.every((v) => v === 0)).toBe(true);
  });

  test('a crop cut from a half-size copy of the frame, with the roi scaled, shows the same pixels', () => {
    const w = 64;
    const h = 48;
    const full = new Uint8Array(w * h * 3);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) full.set([x * 3, y * 4, 255], (y * w + x) * 3);
    // Each half-size pixel is the mean of the 2 x 2 it covers (ffmpeg's area scaling).
    const half = new Uint8Array((w / 2) * (h / 2) * 3);
    for (let y = 0; y < h / 2; y++)
      for (let x = 0; x < w / 2; x++)
        for (let c = 0; c < 3; c++) {
          const at = (dx: number, dy: number) => full[((2 * y + dy) * w + 2 * x + dx) * 3 + c]!;
          half[(y * (w / 2) + x) * 3 + c] = (at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1)) / 4;
        }
    const roi: Roi = { centerXPx: 30, centerYPx: 22, sizePx: 24, rotationRad: 0.4 };
    const a = new Float32Array(16 * 16 * 3);
    const b = new Float32Array(16 * 16 * 3);
    warpCrop(full, w, h, roi, 16, a);
    warpCrop(half, w / 2, h / 2, scaleRoi(roi, 0.5, 0.5), 16, b);
    // A linear ramp survives the averaging exactly (up to the 8-bit rounding of the half-size copy).
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!) * 255).toBeLessThan(1);
  });
});

describe('tracker', () => {
  test('crops frame t from frame t - lag moved on at its velocity, whatever finished first', () => {
    const t = new RoiTracker(2);
    t.observe(11, { centerXPx: 110, centerYPx: 50, sizePx: 200, rotationRad: 0 });
    expect(t.ready(13)).toBe(true);
    expect(t.predict(13)?.centerXPx).toBeCloseTo(110);
    t.observe(10, { centerXPx: 100, centerYPx: 50, sizePx: 200, rotationRad: 0 });
    t.observe(12, { centerXPx: 500, centerYPx: 50, sizePx: 200, rotationRad: 0 });
    // Frame 12 finished too, but frame 13 is still cropped from frame 11 (+ velocity x lag).
    expect(t.predict(13)?.centerXPx).toBeCloseTo(130);
    expect(t.ready(15)).toBe(false);
    t.lose(13);
    expect(t.predict(15)).toBeUndefined();
  });

  test('a box becomes an upright crop around it; the subject check uses body heights', () => {
    const roi = roiFromBox({ x0: 100, y0: 100, x1: 150, y1: 300 });
    expect(roi.centerXPx).toBe(125);
    expect(roi.sizePx).toBeGreaterThan(200);
    const box = { x0: 0, y0: 0, x1: 50, y1: 200 };
    expect(nearExpected(30, 110, box)).toBe(true);
    expect(nearExpected(400, 110, box)).toBe(false);
    expect(nearExpected(400, 110, undefined)).toBe(true);
  });
});
