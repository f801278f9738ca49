// Camera model, triangulation and calibration checks on synthetic cameras whose answers are known.
import { describe, expect, it } from 'vitest';
import {
  cameraCentreM,
  pixelToPlane,
  projectPoint,
  rodriguesToMatrix,
  undistortPixel,
  type CameraCalibration,
} from '../../../src/main/capture/calibration/camera-model';
import { calibratedFloorScale } from '../../../src/main/capture/calibration/floor-scale';
import { cameraLookingAt } from '../../helpers/virtual-camera';
import { triangulatePoint } from '../../../src/main/capture/calibration/triangulation';
import {
  checkCalibration,
  fitCalibrationToVideo,
} from '../../../src/main/capture/calibration/calibration-checks';

/** A camera at `position` looking horizontally along `yawDeg` (0 = +X), tilted down. */
function lookingCamera(
  name: string,
  position: [number, number, number],
  yawDeg: number,
  tiltDownDeg = 10,
): CameraCalibration {
  const yaw = (yawDeg * Math.PI) / 180;
  const tilt = (tiltDownDeg * Math.PI) / 180;
  const target: [number, number, number] = [
    position[0] + Math.cos(yaw) * Math.cos(tilt),
    position[1] + Math.sin(yaw) * Math.cos(tilt),
    position[2] - Math.sin(tilt),
  ];
  return cameraLookingAt(name, position, target);
}

const PLACES: Array<[number, number, number]> = [
  [2, -4, 1.5],
  [2, 4, 1.4],
  [7, 0.2, 1.6],
];
const CAMS = [
  lookingCamera('left', PLACES[0]!, 90),
  lookingCamera('right', PLACES[1]!, -90, 8),
  lookingCamera('front', PLACES[2]!, 180, 12),
];

describe('camera model', () => {
  it('turns a Rodrigues vector into the rotation it names', () => {
    const R = rodriguesToMatrix([0, 0, Math.PI / 2]);
    const expected = [0, -1, 0, 1, 0, 0, 0, 0, 1];
    R.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
  });

  it('puts the camera centre where it was placed and undoes its own distortion', () => {
    CAMS.forEach((cam, k) => {
      cameraCentreM(cam).forEach((v, i) => expect(v).toBeCloseTo(PLACES[k]![i]!, 12));
      // Points over the whole picture, near the corners where distortion is largest.
      for (const p of [
        [2, 0, 1],
        [1, 0.5, 0.05],
        [3.2, -0.4, 1.8],
      ] as const) {
        const [u, v] = projectPoint(cam, p);
        const [x, y] = undistortPixel(cam, u, v);
        const X = [0, 1, 2].map(
          (r) =>
            cam.rotation[3 * r]! * p[0] +
            cam.rotation[3 * r + 1]! * p[1] +
            cam.rotation[3 * r + 2]! * p[2] +
            cam.translationM[r]!,
        );
        expect(x).toBeCloseTo(X[0]! / X[2]!, 9);
        expect(y).toBeCloseTo(X[1]! / X[2]!, 9);
      }
    });
  });

  it('finds where a pixel meets the floor', () => {
    const cam = CAMS[0]!;
    const foot: [number, number, number] = [2.4, 0.3, 0];
    const [u, v] = projectPoint(cam, foot);
    const back = pixelToPlane(cam, u, v, [0, 0, 1], 0)!;
    back.forEach((value, i) => expect(value).toBeCloseTo(foot[i]!, 6));
    // The bottom row looks down: it never meets a plane above the camera.
    expect(pixelToPlane(cam, u, 1079, [0, 0, 1], 5)).toBeUndefined();
  });
});

describe('triangulation', () => {
  const truth: [number, number, number] = [2.1, -0.15, 0.48];
  const views = () =>
    CAMS.map((camera) => {
      const [u, v] = projectPoint(camera, truth);
      return { camera, u, v, weight: 0.9 };
    });

  it('recovers a point seen by three cameras exactly', () => {
    const p = triangulatePoint(views());
    p.pointM.forEach((v, i) => expect(v).toBeCloseTo(truth[i]!, 9));
    expect(p.used).toEqual([0, 1, 2]);
    p.reprojectionErrorPx.forEach((e) => expect(e).toBeLessThan(1e-6));
  });

  it('drops a view that put the landmark elsewhere (a hidden foot), keeping the two that agree', () => {
    const v = views();
    v[2] = { ...v[2]!, u: v[2]!.u + 80, v: v[2]!.v - 35 };
    const p = triangulatePoint(v, { maxReprojectionErrorPx: 15 });
    expect(p.used).toEqual([0, 1]);
    p.pointM.forEach((x, i) => expect(x).toBeCloseTo(truth[i]!, 9));
    expect(p.reprojectionErrorPx[2]).toBeGreaterThan(80);
  });

  it('gives no point from one usable view, and ignores views below the weight limit', () => {
    const v = views().map((x, i) => ({ ...x, weight: i === 0 ? 0.9 : 0.1 }));
    const p = triangulatePoint(v);
    expect(p.used).toEqual([]);
    expect(p.pointM.every(Number.isNaN)).toBe(true);
  });
});

describe('calibration checks', () => {
  it('accepts upright cameras above a floor at the origin', () => {
    const c = checkCalibration(CAMS);
    expect(c.floorAtOrigin).toBe(true);
    expect(c.notes).toEqual([]);
    expect(c.placements[0]!.tiltDownDeg).toBeCloseTo(10, 9);
    expect(c.placements[0]!.positionM[2]).toBeCloseTo(1.5, 9);
  });

  it('says so when the world is not Z up, or the origin is not on the floor', () => {
    // The same camera described in a Y-up world: rotate the world by -90 deg about X.
    const toYup = rodriguesToMatrix([-Math.PI / 2, 0, 0]);
    const cam = CAMS[0]!;
    const R = cam.rotation;
    const mul = [0, 1, 2].flatMap((r) =>
      [0, 1, 2].map(
        (c) => R[3 * r]! * toYup[c]! + R[3 * r + 1]! * toYup[3 + c]! + R[3 * r + 2]! * toYup[6 + c]!,
      ),
    );
    const yUp = checkCalibration([{ ...cam, rotation: mul }]);
    expect(yUp.floorAtOrigin).toBe(false);
    expect(yUp.notes.join(' ')).toMatch(/not the world's Z axis/);
    const low = checkCalibration([lookingCamera('desk', [0, 0, -0.2], 0)]);
    expect(low.floorAtOrigin).toBe(false);
    expect(low.notes.join(' ')).toMatch(/origin is not on the floor/);
  });

  it('scales a calibration to a video of the same picture at another resolution, refuses another shape', () => {
    const cam = CAMS[1]!;
    const half = fitCalibrationToVideo(cam, 960, 540);
    if (!half.ok) throw new Error(half.message);
    const p: [number, number, number] = [2.2, 0.1, 0.9];
    const [u, v] = projectPoint(cam, p);
    const [uh, vh] = projectPoint(half.camera, p);
    // Same place in the picture: pixel centres scale about the top-left pixel's edge.
    expect(uh).toBeCloseTo((u + 0.5) / 2 - 0.5, 9);
    expect(vh).toBeCloseTo((v + 0.5) / 2 - 0.5, 9);
    expect(half.note).toMatch(/scaled/);
    const crop = fitCalibrationToVideo(cam, 1912, 1080);
    expect(crop.ok && crop.camera).toBe(cam);
    const other = fitCalibrationToVideo(cam, 1440, 1080);
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.message).toMatch(/calibrated at 1920x1080 but the video is 1440x1080/);
  });
});

describe('metres on the floor from one calibrated side camera', () => {
  // A camera 4.5 m from a walkway along X, 1.5 m high, looking across it.
  const cam = lookingCamera('side', [2, -4.5, 1.5], 90, 12);
  const contact = (x: number): { xPx: number; yPx: number } => {
    const [u, v] = projectPoint(cam, [x, 0.05, 0]);
    return { xPx: u + 0.5, yPx: v + 0.5 };
  };

  it('gives metres per pixel along the walking line where the feet land', () => {
    const xs = [0.6, 1.3, 2.0, 2.7, 3.4];
    const s = calibratedFloorScale(cam, xs.map(contact));
    if (!s.ok) throw new Error(s.message);
    // Perspective and lens distortion make the picture's scale vary a little along the line; the
    // fitted scale reproduces the 2.8 m between the first and last contact within 1 %.
    const spanPx = Math.abs(contact(3.4).xPx - contact(0.6).xPx);
    expect(spanPx * s.metresPerPx).toBeGreaterThan(2.8 * 0.99);
    expect(spanPx * s.metresPerPx).toBeLessThan(2.8 * 1.01);
    expect(s.distanceM).toBeCloseTo(4.55, 6);
    expect(s.obliquityDeg).toBeLessThan(1e-6);
    expect(s.contacts).toBe(5);
  });

  it('says how far the walking line turns from the picture, and refuses too little walking', () => {
    const turned = calibratedFloorScale(
      cam,
      [0.6, 1.3, 2.0, 2.7].map((x) => {
        const [u, v] = projectPoint(cam, [x, 0.05 + 0.4 * (x - 0.6), 0]);
        return { xPx: u + 0.5, yPx: v + 0.5 };
      }),
    );
    expect(turned.ok && turned.obliquityDeg).toBeCloseTo((Math.atan(0.4) * 180) / Math.PI, 6);
    const short = calibratedFloorScale(cam, [contact(2.0), contact(2.02)]);
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.message).toMatch(/too little walking/);
  });
});
