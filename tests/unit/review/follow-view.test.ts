// Following the patient in review, with numbers: a body 100 px tall walking across a 1920x1080
// picture is enlarged 4x (the most), the part shown moves with the body, and where the body is not
// tracked the view stays where it was last seen.
import { describe, expect, it } from 'vitest';
import type { PoseTrackView } from '../../../src/shared/api/analysis-types';
import { LANDMARK_COUNT } from '../../../src/shared/landmarks';
import { followView } from '../../../src/shared/follow-view';

/** A body `heightPx` tall (shoulders to feet) whose centre is at `centreX(f)`, y 700; null frames untracked. */
function walker(frames: number, heightPx: number, centreX: (f: number) => number | null): PoseTrackView {
  const xPx: Array<number | null> = [];
  const yPx: Array<number | null> = [];
  const visibility: number[] = [];
  for (let f = 0; f < frames; f++) {
    const cx = centreX(f);
    for (let l = 0; l < LANDMARK_COUNT; l++) {
      // Face landmarks far above the body must not count; body landmarks span the height.
      const y = l < 11 ? 0 : 700 - heightPx / 2 + (heightPx * (l - 11)) / (LANDMARK_COUNT - 12);
      xPx.push(cx === null ? null : cx + (l % 2 ? 10 : -10));
      yPx.push(cx === null ? null : y);
      visibility.push(0.9);
    }
  }
  return {
    fps: 30,
    frameCount: frames,
    widthPx: 1920,
    heightPx: 1080,
    timeS: Array.from({ length: frames }, (_, f) => f / 30),
    xPx,
    yPx,
    visibility,
    confidence: new Array<number>(frames).fill(0.9),
    lowConfidenceFrames: [],
  };
}

describe('followView', () => {
  it('enlarges a small walker up to 4x and moves with her, held where she was last seen', () => {
    const v = followView(walker(120, 100, (f) => (f < 90 ? 400 + 10 * f : null)))!;
    expect(v.zoom).toBe(4);
    // 480 x 270 px shown; the centre on her (smoothed over +-15 frames, a steady walk is unchanged).
    expect(v.x0Px[45]! + 240).toBeCloseTo(850);
    expect(v.y0Px[45]! + 135).toBeCloseTo(700);
    // Not tracked after frame 89: held where she was last seen.
    expect(v.x0Px[119]! + 240).toBeCloseTo(400 + 10 * 89);
    // Never outside the picture.
    const w = followView(walker(30, 100, () => 30))!;
    expect(w.x0Px[10]).toBe(0);
  });

  it('a patient who fills the picture is not enlarged; nobody tracked, no view', () => {
    expect(followView(walker(30, 800, () => 960))!.zoom).toBe(1);
    expect(followView(walker(30, 300, () => 960))!.zoom).toBeCloseTo((0.6 * 1080) / 300);
    expect(followView(walker(30, 100, () => null))).toBeNull();
  });
});
