// The camera model and triangulation against Pose2Sim's own: its four-camera calibration files read,
// and OpenPose's keypoints triangulated with the calibration Pose2Sim used give back the 3D file it
// wrote (same world, same axes, same weighting), so the conventions (world -> camera rotation,
// metres, pixel centres, TRC axes) are the same as Pose2Sim's.
import { describe, expect, it } from 'vitest';
import { readCalibrationToml } from '../../../src/main/formats/calibration-toml';
import { findTrcMarker, readTrc } from '../../../src/main/formats/trc-reader';
import { projectPoint } from '../../../src/main/capture/calibration/camera-model';
import { triangulatePoint } from '../../../src/main/capture/calibration/triangulation';
import { checkCalibration } from '../../../src/main/capture/calibration/calibration-checks';
import { readSharedText } from '../../helpers/shared-data';

const P2S = 'pose2sim_demo_balancing';
const CAMS = ['cam01', 'cam02', 'cam03', 'cam04'];
/** BODY_25B index of each lower-limb keypoint in Pose2Sim's .trc. */
const KEYPOINTS: Array<[string, number]> = [
  ['LHip', 11],
  ['RHip', 12],
  ['LKnee', 13],
  ['RKnee', 14],
  ['LAnkle', 15],
  ['RAnkle', 16],
  ['LBigToe', 19],
  ['LHeel', 21],
  ['RBigToe', 22],
  ['RHeel', 24],
];

const openPose = (cam: string, file: number): number[] | undefined =>
  (
    JSON.parse(
      readSharedText(
        `${P2S}/reference/pose-2d_openpose_body25b/${cam}_json/${cam}.${String(file).padStart(4, '0')}.json`,
      ),
    ) as { people: Array<{ pose_keypoints_2d: number[] }> }
  ).people[0]?.pose_keypoints_2d;

/** Pose2Sim's .trc is Y up; its calibration world is Z up: X_world = Z_trc, Y_world = X_trc, Z_world = Y_trc. */
function trcPoint(trc: ReturnType<typeof readTrc>, name: string, row: number): [number, number, number] {
  const m = findTrcMarker(trc, name)!;
  return [m.z[row]!, m.x[row]!, m.y[row]!];
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;

describe('Pose2Sim calibration and triangulation', () => {
  it('reads both calibrations of the four cameras, upright in a Z-up world with the floor at the origin', () => {
    for (const file of ['Calib_qualisys_converted.toml', 'Calib_scene_recomputed.toml']) {
      const c = readCalibrationToml(readSharedText(`${P2S}/calibration/${file}`));
      expect(c.format).toBe('pose2sim');
      expect(c.cameras.map((k) => k.imageSizePx)).toEqual(CAMS.map(() => [1088, 1920]));
      const check = checkCalibration(c.cameras);
      expect(check.floorAtOrigin).toBe(true);
      expect(check.notes).toEqual([]);
      const heights = check.placements.map((p) => p.positionM[2]);
      console.log(
        `${file}: cameras ${check.placements.map((p) => `${p.name} ${p.positionM[2].toFixed(2)} m high, ${p.tiltDownDeg.toFixed(0)} deg down`).join('; ')}`,
      );
      heights.forEach((h) => expect(h).toBeGreaterThan(1.5));
      heights.forEach((h) => expect(h).toBeLessThan(2.5));
    }
  });

  it("triangulating OpenPose's keypoints gives back Pose2Sim's 3D file, and the file projects onto them", () => {
    const cameras = readCalibrationToml(
      readSharedText(`${P2S}/calibration/Calib_qualisys_converted.toml`),
    ).cameras;
    const trc = readTrc(readSharedText(`${P2S}/reference/pose-3d/S00_P00_T01_BalancingTrial_0-100.trc`));
    const offsets: number[] = [];
    const reprojection = CAMS.map(() => [] as number[]);
    for (let row = 0; row < trc.frameCount; row++) {
      const kps = CAMS.map((c) => openPose(c, row));
      for (const [name, k] of KEYPOINTS) {
        const ref = trcPoint(trc, name, row);
        if (!Number.isFinite(ref[0])) continue;
        const views = cameras.map((camera, i) => ({
          camera,
          u: kps[i]?.[3 * k] ?? NaN,
          v: kps[i]?.[3 * k + 1] ?? NaN,
          weight: kps[i]?.[3 * k + 2] ?? 0,
        }));
        // Pose2Sim's settings for this trial: likelihood >= 0.3, mean reprojection error <= 15 px.
        const p = triangulatePoint(views);
        if (!Number.isFinite(p.pointM[0])) continue;
        offsets.push(1000 * Math.hypot(p.pointM[0] - ref[0], p.pointM[1] - ref[1], p.pointM[2] - ref[2]));
        views.forEach((v, i) => {
          if (v.weight < 0.3) return;
          const [u, w] = projectPoint(cameras[i]!, ref);
          reprojection[i]!.push(Math.hypot(u - v.u, w - v.v));
        });
      }
    }
    const within1mm = offsets.filter((d) => d <= 1).length / offsets.length;
    console.log(
      `${offsets.length} points: median ${median(offsets).toFixed(3)} mm from Pose2Sim's, ${(100 * within1mm).toFixed(1)} % within 1 mm; its 3D reprojects onto OpenPose at ${reprojection.map((r, i) => `${CAMS[i]} ${median(r).toFixed(1)}`).join(', ')} px (median)`,
    );
    expect(offsets.length).toBeGreaterThan(900);
    expect(median(offsets)).toBeLessThan(0.2);
    expect(within1mm).toBeGreaterThan(0.98);
    reprojection.forEach((r) => expect(median(r)).toBeLessThan(20));
  });
});
