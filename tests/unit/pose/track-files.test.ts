// The landmarks as files people open: the JSON carries everything the pose model gives per
// landmark (visibility and presence) and per frame (confidence, world landmarks), null where the
// frame has no person.
import { describe, expect, it } from 'vitest';
import type { PoseManifest, PoseTrack } from '../../../src/main/pose/pose-result';
import { trackToCsv, trackToJson } from '../../../src/main/pose/track-files';
import { BLAZEPOSE_LANDMARKS, LANDMARK_COUNT, landmarkIndex } from '../../../src/shared/landmarks';

/** Two frames: a person with every landmark at (10 + l, 20 + l), then nobody. */
function twoFrames(): PoseTrack {
  const n = 2;
  const m = n * LANDMARK_COUNT;
  const track: PoseTrack = {
    fps: 30,
    widthPx: 640,
    heightPx: 480,
    frameCount: n,
    timeS: Float64Array.from([0, 1 / 30]),
    xPx: new Float32Array(m).fill(NaN),
    yPx: new Float32Array(m).fill(NaN),
    zPx: new Float32Array(m).fill(NaN),
    visibility: new Float32Array(m),
    presence: new Float32Array(m),
    worldM: new Float32Array(3 * m).fill(NaN),
    confidence: Float32Array.from([0.9987, 0]),
    lowConfidence: Uint8Array.from([0, 1]),
  };
  for (let l = 0; l < LANDMARK_COUNT; l++) {
    track.xPx[l] = 10 + l;
    track.yPx[l] = 20 + l;
    track.visibility[l] = 0.75;
    track.presence[l] = 0.5;
    track.worldM.set([0.1, -0.2, 0.03], 3 * l);
  }
  return track;
}

const manifest = {
  lowConfidenceFrames: [1],
  provenance: { app: 'gaitlab' },
  settings: { model: 'blazepose-full' },
} as unknown as PoseManifest;

describe('the pose track as JSON', () => {
  it('gives each landmark its visibility and presence, each frame its confidence, nothing where nobody is', () => {
    const json = JSON.parse(trackToJson(twoFrames(), manifest)) as {
      units: string;
      landmark_names: string[];
      frames: Array<{
        confidence: number;
        landmarks: Array<number[] | null>;
        world_m: Array<number[] | null>;
      }>;
    };
    expect(json.landmark_names).toEqual([...BLAZEPOSE_LANDMARKS]);
    expect(json.units).toMatch(/\[x, y, visibility, presence\]/);
    const heel = landmarkIndex('left_heel');
    expect(json.frames[0]!.landmarks[heel]).toEqual([10 + heel, 20 + heel, 0.75, 0.5]);
    expect(json.frames[0]!.confidence).toBe(0.9987);
    expect(json.frames[0]!.world_m[heel]).toEqual([0.1, -0.2, 0.03]);
    expect(json.frames[1]!.confidence).toBe(0);
    expect(json.frames[1]!.landmarks.every((l) => l === null)).toBe(true);
    expect(json.frames[1]!.world_m.every((w) => w === null)).toBe(true);
  });
});

describe('the pose track as CSV', () => {
  it('has one row per frame, x, y and visibility per landmark, x and y empty where nobody is', () => {
    const [header, first, second] = trackToCsv(twoFrames()).trimEnd().split('\n');
    expect(header!.split(',').slice(0, 5)).toEqual([
      'frame',
      'time_s',
      'nose_x',
      'nose_y',
      'nose_visibility',
    ]);
    expect(header!.split(',')).toHaveLength(2 + 3 * LANDMARK_COUNT);
    expect(first!.split(',').slice(0, 5)).toEqual(['0', '0.000000', '10.00', '20.00', '0.7500']);
    const cells = second!.split(',').slice(2);
    expect(cells.filter((_, k) => k % 3 !== 2).every((c) => c === '')).toBe(true);
    expect(cells.filter((_, k) => k % 3 === 2).every((c) => c === '0.0000')).toBe(true);
  });
});
