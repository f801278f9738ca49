import { describe, expect, it } from 'vitest';
import { LANDMARK_COUNT } from '../../../src/shared/landmarks';
import type { PoseTrack } from '../../../src/main/pose/pose-result';
import { usualFrameIntervalS } from '../../../src/main/media/frame-interval';
import { isSteady, onUniformClock } from '../../../src/main/pose/uniform-clock';

/** A track whose landmark 0 has x = 100 * time (px) at the given frame times. */
function trackAt(timeS: number[]): PoseTrack {
  const n = timeS.length;
  const P = LANDMARK_COUNT;
  const t: PoseTrack = {
    fps: 30,
    widthPx: 640,
    heightPx: 360,
    frameCount: n,
    timeS: Float64Array.from(timeS),
    xPx: new Float32Array(n * P),
    yPx: new Float32Array(n * P).fill(50),
    zPx: new Float32Array(n * P),
    visibility: new Float32Array(n * P).fill(0.9),
    presence: new Float32Array(n * P).fill(1),
    confidence: new Float32Array(n).fill(0.95),
    worldM: new Float32Array(n * P * 3),
    lowConfidence: new Uint8Array(n),
  };
  timeS.forEach((s, f) => (t.xPx[f * P] = 100 * s));
  return t;
}

const at30 = (frames: number[]) => frames.map((f) => f / 30);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('a pose track on a steady clock', () => {
  it('leaves a steady video as it is, jitter of a tenth of a frame included', () => {
    const steady = trackAt(at30(range(60)));
    expect(onUniformClock(steady).track).toBe(steady);
    const jittered = at30(range(60)).map((t, i) => t + (i % 2 ? 0.003 : 0));
    expect(isSteady(jittered)).toBe(true);
    expect(onUniformClock(trackAt(jittered)).droppedFrames).toEqual([]);
  });

  it('puts dropped frames back as instants without landmarks, keeping every real frame', () => {
    // Frames 10 and 20-31 dropped (a 0.43 s gap), as a camera falling behind stores them.
    const kept = range(60).filter((f) => f !== 10 && !(f >= 20 && f <= 31));
    const src = trackAt(at30(kept));
    const { track, droppedFrames, longestGapS } = onUniformClock(src);
    expect(usualFrameIntervalS(src.timeS)).toBeCloseTo(1 / 30, 9);
    expect(track.frameCount).toBe(60);
    expect(track.fps).toBeCloseTo(30, 9);
    expect(droppedFrames).toEqual([10, ...range(12).map((i) => 20 + i)]);
    expect(longestGapS).toBeCloseTo(13 / 30, 9);
    for (let g = 0; g < 60; g++) {
      expect(track.timeS[g]).toBeCloseTo(g / 30, 9);
      const x = track.xPx[g * LANDMARK_COUNT]!;
      if (droppedFrames.includes(g)) {
        expect(x).toBeNaN();
        expect(track.confidence[g]).toBe(0);
        expect(track.lowConfidence[g]).toBe(0);
      } else {
        // Each real frame is where its time puts it.
        expect(x).toBeCloseTo((100 * g) / 30, 3);
        expect(track.confidence[g]).toBeCloseTo(0.95, 6);
      }
    }
  });

  it('interpolates between frames a little off the grid', () => {
    // Frames every 1/30 s but the first ten 8 ms late, and one frame dropped (so not steady).
    const times = at30(range(30).filter((f) => f !== 20)).map((t, i) => (i < 10 && i > 0 ? t + 0.008 : t));
    const { track } = onUniformClock(trackAt(times));
    // The landmark moves with time, so interpolation puts it exactly where the grid time says.
    for (let g = 1; g < 10; g++) expect(track.xPx[g * LANDMARK_COUNT]).toBeCloseTo((100 * g) / 30, 3);
  });
});
