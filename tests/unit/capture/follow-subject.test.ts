// Choosing, in a second calibrated camera, the person who stands where the first camera's patient
// stands: two people at known places on the floor, seen by two virtual cameras with lens distortion.
import { describe, expect, it } from 'vitest';
import {
  projectPoint,
  cameraPxToTrackPx,
  type CameraCalibration,
} from '../../../src/main/capture/calibration/camera-model';
import {
  floorTrack,
  followLeader,
  type CameraScan,
  type SeenPerson,
} from '../../../src/main/capture/calibration/follow-subject';
import { cameraLookingAt } from '../../helpers/virtual-camera';

const side = cameraLookingAt('side', [0, -4, 1.6], [0, 0, 0.9]);
const front = cameraLookingAt('front', [5, 0.5, 2], [0, 0, 0.9]);

/** A person walking along X at `y` (m), 1.7 m tall, box drawn round head and feet, sampled every 0.5 s. */
function seen(cam: CameraCalibration, y: number, speedMPerS: number, fps: number, delayS = 0): SeenPerson {
  const frames: number[] = [];
  const boxes: SeenPerson['boxes'][number][] = [];
  for (let k = 0; k < 6; k++) {
    const t = 0.5 * k;
    const x = -1 + speedMPerS * (t + delayS);
    const [uf, vf] = cameraPxToTrackPx(...projectPoint(cam, [x, y, 0]));
    const [, vh] = cameraPxToTrackPx(...projectPoint(cam, [x, y, 1.7]));
    const w = 0.25 * (vf - vh);
    frames.push(Math.round(t * fps));
    boxes.push({ x0: uf - w, y0: vh, x1: uf + w, y1: vf });
  }
  return { frames, boxes };
}

describe('following the patient across calibrated cameras by floor position', () => {
  it('places a person on the floor where they stand', () => {
    const scan: CameraScan = { camera: side, fps: 30, startOffsetS: 0, people: [seen(side, 0.3, 1, 30)] };
    const track = floorTrack(scan, scan.people[0]!);
    expect(track).toHaveLength(6);
    track.forEach((s, k) => {
      expect(s.timeS).toBeCloseTo(0.5 * k, 6);
      expect(s.xM).toBeCloseTo(-1 + 0.5 * k, 2);
      expect(s.yM).toBeCloseTo(0.3, 2);
    });
  });

  it('chooses the one walking where the patient walks, not the therapist beside her, on the trial clock', () => {
    // The patient walks at y = 0, the therapist alongside at y = 0.8; the front camera started
    // 0.25 s late (its video time t shows trial time t + 0.25).
    const leader = floorTrack({ camera: side, fps: 30, startOffsetS: 0, people: [] }, seen(side, 0, 1, 30));
    const scan: CameraScan = {
      camera: front,
      fps: 60,
      startOffsetS: 0.25,
      people: [seen(front, 0.8, 1, 60, 0.25), seen(front, 0, 1, 60, 0.25)],
    };
    const choice = followLeader(leader, scan);
    expect(choice.index).toBe(1);
    expect(choice.distancesM[1]).toBeLessThan(0.05);
    expect(choice.distancesM[0]).toBeGreaterThan(0.75);
  });

  it('chooses nobody when no one stands where the patient stands, or they were never seen at once', () => {
    const leader = floorTrack({ camera: side, fps: 30, startOffsetS: 0, people: [] }, seen(side, 0, 1, 30));
    const far: CameraScan = { camera: front, fps: 30, startOffsetS: 0, people: [seen(front, 1.5, 1, 30)] };
    expect(followLeader(leader, far).index).toBe(-1);
    const later: CameraScan = { camera: front, fps: 30, startOffsetS: 10, people: [seen(front, 0, 1, 30)] };
    const r = followLeader(leader, later);
    expect(r.index).toBe(-1);
    expect(r.distancesM[0]).toBeNaN();
  });
});
