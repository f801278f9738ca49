// A walk filmed end-on (a camera in front of or behind the walkway, analysed as a side view, as
// `gaitlab analyze <video>` does): the shared data has no such video, so the Plug-in Gait walks'
// joint centres and foot markers are seen by virtual cameras at either end of the walkway, low (a
// phone on a tripod) and high (a lab camera), where a pose model would place the landmarks, with 3 px
// of jitter. The analysis must say the subject walked toward or away from the camera, at what
// cadence (within 5 % of the one between Vicon's stored contacts), not that the subject did not
// walk and the feet did not cycle (what it said before). The same walks with the pelvis' travel
// taken out (a treadmill seen from the front) step in place; walked toward the camera and then
// away, they go there and back; the Pose2Sim balance, seen by its four real cameras through
// OpenPose, still did not walk.
import { describe, expect, it } from 'vitest';
import { readC3D } from '../../../src/main/formats/c3d-reader';
import { c3dToTrajectorySet } from '../../../src/main/formats/c3d-trajectories';
import { projectPoint } from '../../../src/main/capture/calibration/camera-model';
import { analyseTrajectories } from '../../../src/main/gait/analyse';
import type { TrajectorySet } from '../../../src/main/gait/types';
import { storedContactsCadence } from '../../helpers/stored-cadence';
import { readSharedBytes, readSharedText } from '../../helpers/shared-data';
import { cameraLookingAt, gaussianNoise, PIG_AS_LANDMARKS } from '../../helpers/virtual-camera';

const B = 'btkdata_c3d_plugingait';
const WALKS = [
  `${B}/PiG_lowerbody/PiG_Motion3_FF.c3d`,
  `${B}/PiG_fullbody/PiG_Motion-FlatFoot-Full.c3d`,
  `${B}/vicon_workstation_functional_walk/FunctionalWalk.c3d`,
];
const P2S = 'pose2sim_demo_balancing/reference/pose-2d_openpose_body25b';

type Point = readonly [number, number, number];

/**
 * The walk's landmarks as a camera `distanceM` ahead of the walkway's middle (negative: behind the
 * start) at `heightM` sees them, 0.3 m off the walking line; `inPlace` removes the pelvis' travel;
 * `jitterPx`: a pose model's frame-to-frame jitter (standard deviation, px).
 */
function endCamera(
  rel: string,
  distanceM: number,
  heightM: number,
  inPlace = false,
  jitterPx = 0,
): TrajectorySet {
  const noise = gaussianNoise(7);
  const set = c3dToTrajectorySet(readC3D(readSharedBytes(rel)));
  const n = set.frameCount;
  const m = (name: string, i: number): Point => {
    const t = set.trajectories[name]!;
    return [t.x[i]! / 1000, t.y[i]! / 1000, t.z![i]! / 1000];
  };
  const pelvis = (i: number): Point => {
    const [l, r] = [m('LFEP', i), m('RFEP', i)];
    return [(l[0] + r[0]) / 2, (l[1] + r[1]) / 2, 0];
  };
  const valid = Array.from({ length: n }, (_, i) => i).filter((i) => pelvis(i).every(Number.isFinite));
  const [first, last] = [pelvis(valid[0]!), pelvis(valid[valid.length - 1]!)];
  const len = Math.hypot(last[0] - first[0], last[1] - first[1]);
  const dir = [(last[0] - first[0]) / len, (last[1] - first[1]) / len] as const;
  const mid = [(first[0] + last[0]) / 2, (first[1] + last[1]) / 2] as const;
  const camera = cameraLookingAt(
    'end',
    [mid[0] + distanceM * dir[0] - 0.3 * dir[1], mid[1] + distanceM * dir[1] + 0.3 * dir[0], heightM],
    [mid[0], mid[1], 0.8],
  );
  const trajectories: TrajectorySet['trajectories'] = {};
  for (const [landmark, marker] of Object.entries(PIG_AS_LANDMARKS)) {
    // The lower-body model has no shoulder markers.
    if (!set.trajectories[marker]) continue;
    const x = new Float64Array(n).fill(NaN);
    const y = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      const p = m(marker, i);
      // On a treadmill the body stays where the pelvis was at the middle of the walk.
      const shift = inPlace ? pelvis(i) : [0, 0, 0];
      const at: Point = [
        p[0] - shift[0]! + (inPlace ? mid[0] : 0),
        p[1] - shift[1]! + (inPlace ? mid[1] : 0),
        p[2],
      ];
      if (!at.every(Number.isFinite)) continue;
      const [u, v] = projectPoint(camera, at);
      [x[i], y[i]] = [u + jitterPx * noise(), v + jitterPx * noise()];
    }
    trajectories[landmark] = { x, y };
  }
  return {
    rateHz: set.rateHz,
    frameCount: n,
    convention: 'image-y-down',
    unit: 'px',
    source: 'pose-model',
    trajectories,
  };
}

/** OpenPose BODY_25B keypoints of one Pose2Sim camera, under the pose engine's landmark names. */
function pose2SimCamera(cam: string): TrajectorySet {
  const index: Record<string, number> = {
    left_shoulder: 5,
    right_shoulder: 6,
    left_hip: 11,
    right_hip: 12,
    left_knee: 13,
    right_knee: 14,
    left_ankle: 15,
    right_ankle: 16,
    left_foot_index: 19,
    left_heel: 21,
    right_foot_index: 22,
    right_heel: 24,
  };
  const frames = 100;
  const trajectories: Record<string, { x: Float64Array; y: Float64Array }> = Object.fromEntries(
    Object.keys(index).map((k) => [
      k,
      { x: new Float64Array(frames).fill(NaN), y: new Float64Array(frames).fill(NaN) },
    ]),
  );
  for (let f = 0; f < frames; f++) {
    const json = JSON.parse(
      readSharedText(`${P2S}/${cam}_json/${cam}.${String(f).padStart(4, '0')}.json`),
    ) as {
      people: Array<{ pose_keypoints_2d: number[] }>;
    };
    const k = json.people[0]?.pose_keypoints_2d;
    if (!k) continue;
    for (const [name, i] of Object.entries(index)) {
      if (k[3 * i + 2]! <= 0) continue;
      trajectories[name]!.x[f] = k[3 * i]!;
      trajectories[name]!.y[f] = k[3 * i + 1]!;
    }
  }
  return {
    rateHz: 60,
    frameCount: frames,
    convention: 'image-y-down',
    unit: 'px',
    source: 'pose-model',
    trajectories,
  };
}

function failure(set: TrajectorySet): { code: string; message: string } {
  const r = analyseTrajectories(set);
  if (r.ok) throw new Error(`analysed: ${r.analysis.cycles.length} cycles`);
  return r.error;
}

/** Frame-to-frame jitter of landmarks (px), as a pose model's on a 1920x1080 picture. */
const JITTER_PX = 3;

const CAMERAS = [
  { label: 'a phone 7 m ahead, 1 m up', distanceM: 7, heightM: 1, travel: 'toward' },
  { label: 'a lab camera 6 m ahead, 2 m up', distanceM: 6, heightM: 2, travel: 'toward' },
  { label: 'a phone 7 m behind, 1 m up', distanceM: -7, heightM: 1, travel: 'away from' },
  { label: 'a lab camera 6 m behind, 2 m up', distanceM: -6, heightM: 2, travel: 'away from' },
] as const;

describe('a walk filmed end-on', () => {
  for (const rel of WALKS) {
    const name = rel.split('/').pop()!;
    it(`${name}: says toward or away from the camera, with the legs' size in the picture and the cadence`, () => {
      const file = readC3D(readSharedBytes(rel));
      const viconCadence = storedContactsCadence(file);
      for (const c of CAMERAS) {
        const e = failure(endCamera(rel, c.distanceM, c.heightM, false, JITTER_PX));
        const cadence = Number(/at about (\d+) steps\/min/.exec(e.message)?.[1]);
        console.log(
          `${name}, ${c.label}: ${e.code}: ${e.message.split(':')[0]} (Vicon's contacts: ${viconCadence.toFixed(1)} steps/min)`,
        );
        expect(e.code, c.label).toBe('filmed-end-on');
        expect(e.message).toMatch(new RegExp(`^The subject walked ${c.travel} the camera, not across it`));
        const [, a, b] = /went from (\d+) to (\d+) px/.exec(e.message)!.map(Number);
        // The legs are 0.8-0.9 m long, 1150 px focal length, the walk covers 3-5 m around 6-7 m away.
        expect(c.travel === 'toward' ? b! / a! : a! / b!).toBeGreaterThan(1.2);
        // Steps counted from the feet taking turns to lead, against the strides between Vicon's contacts.
        expect(Math.abs(cadence / viconCadence - 1), c.label).toBeLessThan(0.05);
        expect(e.message).toMatch(/a foot's landing cannot be timed.*Film the walk from the side/);
        expect(e.message).not.toMatch(/did not walk|did not cycle/);
      }
    });

    it(`${name} toward a phone, then away from it (a corridor walked there and back)`, () => {
      const there = endCamera(rel, 7, 1, false, JITTER_PX);
      const back = endCamera(rel, -7, 1, false, JITTER_PX);
      const both = (a: ArrayLike<number>, b: ArrayLike<number>) =>
        Float64Array.from([...Array.from(a), ...Array.from(b)]);
      const trajectories: TrajectorySet['trajectories'] = {};
      for (const [k, t] of Object.entries(there.trajectories))
        trajectories[k] = { x: both(t.x, back.trajectories[k]!.x), y: both(t.y, back.trajectories[k]!.y) };
      const e = failure({ ...there, frameCount: there.frameCount + back.frameCount, trajectories });
      expect(e.code).toBe('filmed-end-on');
      expect(e.message).toMatch(
        /^The subject walked toward the camera and back away from it, not across it \(the legs went from \d+ to \d+ px long in the picture and back to \d+\)/,
      );
    });

    it(`${name} on a treadmill seen from the front: stepping in place`, () => {
      const e = failure(endCamera(rel, 5, 1.2, true, JITTER_PX));
      expect(e.code).toBe('filmed-end-on');
      expect(e.message).toMatch(/^The subject stepped in place facing toward or away from the camera/);
    });
  }

  it('labelled frontal, without events: events are required, and the way and the cadence are said', () => {
    for (const [distanceM, way] of [
      [7, 'toward'],
      [-7, 'away from'],
    ] as const) {
      const r = analyseTrajectories(endCamera(WALKS[2]!, distanceM, 1, false, JITTER_PX), {
        view: 'frontal',
      });
      if (r.ok) throw new Error('analysed without events');
      expect(r.error.code).toBe('events-required');
      expect(r.error.endOn?.travel).toBe(way === 'toward' ? 'toward' : 'away');
      expect(r.error.message).toMatch(
        new RegExp(`From this camera: the subject walked ${way} the camera at about \\d+ steps/min`),
      );
    }
  });

  it('the Pose2Sim balance seen by its four cameras (OpenPose) still did not walk', () => {
    for (const cam of ['cam01', 'cam02', 'cam03', 'cam04']) {
      const e = failure(pose2SimCamera(cam));
      expect(e.code, cam).toBe('standing-still');
      expect(e.message).toMatch(/did not walk/);
    }
  });
});
