// Region of interest around one person, as a rotated square in original-frame pixels, and the
// affine maps between that square and the model's input crop. BlazePose expects the body upright
// and centred on the hips, so a leaning body must be rotated upright in the crop.
// Coordinates are continuous in both the frame and the crop: pixel (i, j) covers [i, i+1) x [j, j+1)
// and has its centre at (i + 0.5, j + 0.5), as in MediaPipe's normalised coordinates (OpenCV and
// OpenPose put that centre at (i, j), 0.5 px away). The model's points follow this convention: its
// heatmap peaks, read the same way, agree with its regressed points to 0.2 crop px.

export interface Roi {
  centerXPx: number;
  centerYPx: number;
  /** Side of the square, original pixels. */
  sizePx: number;
  /** Angle of the crop's x axis in the frame (y down): 0 = upright body. */
  rotationRad: number;
}

/** MediaPipe's margin around the alignment circle (pose_landmark_by_roi: scale 1.25). */
export const ROI_SCALE = 1.25;

/**
 * ROI from BlazePose's two alignment points: the hip centre and a point beyond the head whose
 * distance from it is the radius of a circle enclosing the body.
 */
export function roiFromAlignment(
  hipX: number,
  hipY: number,
  topX: number,
  topY: number,
  scale = ROI_SCALE,
): Roi {
  const dx = topX - hipX;
  const dy = topY - hipY;
  const radius = Math.hypot(dx, dy);
  return { centerXPx: hipX, centerYPx: hipY, sizePx: 2 * radius * scale, rotationRad: Math.atan2(dx, -dy) };
}

/** Crop pixel (u, v) of an N x N crop → original pixel. */
export function cropToFrame(roi: Roi, inputPx: number, u: number, v: number): [number, number] {
  const c = Math.cos(roi.rotationRad);
  const s = Math.sin(roi.rotationRad);
  const a = (u / inputPx - 0.5) * roi.sizePx;
  const b = (v / inputPx - 0.5) * roi.sizePx;
  return [roi.centerXPx + a * c - b * s, roi.centerYPx + a * s + b * c];
}

/** Original pixel → crop pixel (inverse of cropToFrame). */
export function frameToCrop(roi: Roi, inputPx: number, x: number, y: number): [number, number] {
  const c = Math.cos(roi.rotationRad);
  const s = Math.sin(roi.rotationRad);
  const dx = x - roi.centerXPx;
  const dy = y - roi.centerYPx;
  const a = dx * c + dy * s;
  const b = -dx * s + dy * c;
  return [(a / roi.sizePx + 0.5) * inputPx, (b / roi.sizePx + 0.5) * inputPx];
}

/**
 * The same square in a copy of the frame scaled by (sx, sy) (frames decoded smaller than the
 * original). Pixel edges map onto pixel edges, as ffmpeg's scaler maps them; the two scales differ
 * only by the rounding of the decoded size, so the side takes their geometric mean.
 */
export function scaleRoi(roi: Roi, sx: number, sy: number): Roi {
  return {
    centerXPx: roi.centerXPx * sx,
    centerYPx: roi.centerYPx * sy,
    sizePx: roi.sizePx * Math.sqrt(sx * sy),
    rotationRad: roi.rotationRad,
  };
}

/**
 * Samples the rotated square from a packed RGB frame into an N x N x 3 float crop in [0, 1]
 * (bilinear; outside the frame is black, as MediaPipe pads).
 */
export function warpCrop(
  rgb: Uint8Array,
  widthPx: number,
  heightPx: number,
  roi: Roi,
  inputPx: number,
  out: Float32Array,
): void {
  const c = Math.cos(roi.rotationRad);
  const s = Math.sin(roi.rotationRad);
  const step = roi.sizePx / inputPx;
  // Frame position of the centre of crop pixel (0, 0), and per-pixel steps along u and v.
  const half = roi.sizePx / 2;
  const x0 = roi.centerXPx + (-half + step / 2) * c - (-half + step / 2) * s - 0.5;
  const y0 = roi.centerYPx + (-half + step / 2) * s + (-half + step / 2) * c - 0.5;
  const dxu = step * c;
  const dyu = step * s;
  const dxv = -step * s;
  const dyv = step * c;
  const maxX = widthPx - 1;
  const maxY = heightPx - 1;
  const rowBytes = widthPx * 3;
  let o = 0;
  for (let v = 0; v < inputPx; v++) {
    let x = x0 + v * dxv;
    let y = y0 + v * dyv;
    for (let u = 0; u < inputPx; u++, x += dxu, y += dyu, o += 3) {
      if (x < -0.5 || y < -0.5 || x > maxX + 0.5 || y > maxY + 0.5) {
        out[o] = 0;
        out[o + 1] = 0;
        out[o + 2] = 0;
        continue;
      }
      const xc = x < 0 ? 0 : x > maxX ? maxX : x;
      const yc = y < 0 ? 0 : y > maxY ? maxY : y;
      const xi = xc | 0;
      const yi = yc | 0;
      const fx = xc - xi;
      const fy = yc - yi;
      const xi1 = xi < maxX ? xi + 1 : xi;
      const yi1 = yi < maxY ? yi + 1 : yi;
      const p00 = yi * rowBytes + xi * 3;
      const p01 = yi * rowBytes + xi1 * 3;
      const p10 = yi1 * rowBytes + xi * 3;
      const p11 = yi1 * rowBytes + xi1 * 3;
      const w00 = (1 - fx) * (1 - fy);
      const w01 = fx * (1 - fy);
      const w10 = (1 - fx) * fy;
      const w11 = fx * fy;
      for (let k = 0; k < 3; k++) {
        out[o + k] =
          (rgb[p00 + k]! * w00 + rgb[p01 + k]! * w01 + rgb[p10 + k]! * w10 + rgb[p11 + k]! * w11) / 255;
      }
    }
  }
}

/**
 * Letterboxes the whole frame into a W x H int32 RGB input (0-255) for the person finder.
 * Returns the scale and offsets to map detections back to frame pixels.
 */
export function letterbox(
  rgb: Uint8Array,
  widthPx: number,
  heightPx: number,
  inW: number,
  inH: number,
  out: Int32Array,
): { scale: number; padXPx: number; padYPx: number } {
  const scale = Math.min(inW / widthPx, inH / heightPx);
  const padXPx = (inW - widthPx * scale) / 2;
  const padYPx = (inH - heightPx * scale) / 2;
  out.fill(0);
  const rowBytes = widthPx * 3;
  for (let v = 0; v < inH; v++) {
    const y = Math.floor((v + 0.5 - padYPx) / scale);
    if (y < 0 || y >= heightPx) continue;
    for (let u = 0; u < inW; u++) {
      const x = Math.floor((u + 0.5 - padXPx) / scale);
      if (x < 0 || x >= widthPx) continue;
      // Box-average a 2x2 neighbourhood: cheap anti-aliasing for the strong downscale.
      const x1 = Math.min(x + 1, widthPx - 1);
      const y1 = Math.min(y + 1, heightPx - 1);
      const o = (v * inW + u) * 3;
      for (let k = 0; k < 3; k++) {
        out[o + k] =
          (rgb[y * rowBytes + x * 3 + k]! +
            rgb[y * rowBytes + x1 * 3 + k]! +
            rgb[y1 * rowBytes + x * 3 + k]! +
            rgb[y1 * rowBytes + x1 * 3 + k]! +
            2) >>
          2;
      }
    }
  }
  return { scale, padXPx, padYPx };
}
