import { describe, expect, it } from 'vitest';
import { referenceCamera, sharedSpanS } from '../../../src/main/capture/calibration/reference-camera';

const AT_30 = 1 / 30;
const span = (firstS: number, lastS: number, frameS = AT_30) => ({ firstS, lastS, frameS });

describe('the camera the 3D follows', () => {
  it('is the first camera when the cameras recorded the same span (within a frame)', () => {
    expect(referenceCamera([span(0, 60), span(0, 60.02), span(0.01, 60)])).toEqual({
      index: 0,
      moreThanFirstS: 0,
    });
  });

  it('is another camera when the first was unplugged 2 s into a minute', () => {
    const choice = referenceCamera([span(0, 2), span(0, 60), span(0, 60)]);
    expect(choice.index).toBe(1);
    expect(choice.moreThanFirstS).toBeCloseTo(58, 6);
  });

  it('counts only the time two cameras filmed: a camera alone for longer is not preferred', () => {
    // Camera 1 ran 30 s past the others, alone: no 3D there, so the first camera keeps the 3D.
    const spans = [span(0, 20), span(0, 50), span(0, 20)];
    expect(sharedSpanS(spans, 1)).toBeCloseTo(20, 6);
    expect(referenceCamera(spans).index).toBe(0);
  });

  it('is the camera started in time when the first started late', () => {
    const spans = [span(5, 20), span(0, 20), span(0, 20)];
    expect(sharedSpanS(spans, 0)).toBeCloseTo(15, 6);
    expect(referenceCamera(spans)).toEqual({ index: 1, moreThanFirstS: 5 });
  });

  it('takes the first of cameras that cover the same time', () => {
    expect(referenceCamera([span(0, 2), span(0, 10), span(0, 10)]).index).toBe(1);
    expect(referenceCamera([span(0, 2), span(0, 9.99), span(0, 10)]).index).toBe(1);
  });

  it('copes with a camera with no frames and with no cameras', () => {
    expect(sharedSpanS([span(3, 3), span(0, 10), span(0, 10)], 0)).toBe(0);
    expect(referenceCamera([span(3, 3), span(0, 10), span(0, 10)]).index).toBe(1);
    expect(referenceCamera([])).toEqual({ index: 0, moreThanFirstS: 0 });
  });
});
