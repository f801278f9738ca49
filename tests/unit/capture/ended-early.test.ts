import { describe, expect, it } from 'vitest';
import { endedEarlyNote } from '../../../src/main/capture/trial-videos';
import type { TrialVideo } from '../../../src/shared/api/ops/capture';

const video = (camera: string, durationS: number, startOffsetMs = 0): TrialVideo => ({
  camera,
  view: null,
  relativePath: `${camera}.mp4`,
  absolutePath: `/lab/${camera}.mp4`,
  startOffsetMs,
  fps: 30,
  frameCount: Math.round(durationS * 30),
  durationS,
});

describe("a camera's video that ends before the others'", () => {
  it('is said on its analysis, with how much earlier and how long it filmed', () => {
    const videos = [video('sagittal-left', 5.13), video('frontal', 2.06), video('sagittal-right', 5.1)];
    expect(endedEarlyNote(videos, 'frontal')).toBe(
      "The frontal camera's video ends 3.1 s before the trial's other cameras' (unplugged while recording, or stopped first): this analysis covers the 2.1 s it filmed.",
    );
    expect(endedEarlyNote(videos, 'sagittal-left')).toBeUndefined();
    expect(endedEarlyNote(videos, 'sagittal-right')).toBeUndefined();
  });

  it('is counted on the trial clock: a camera started later that ends with the others is not early', () => {
    // Started 2 s after the reference (its frame t is the reference's t + 2 s), 3 s shorter.
    const videos = [video('sagittal-left', 10), video('sagittal-right', 8, 2000)];
    expect(endedEarlyNote(videos, 'sagittal-right')).toBeUndefined();
    expect(
      endedEarlyNote([video('sagittal-left', 10), video('sagittal-right', 8, -1000)], 'sagittal-right'),
    ).toMatch(/^The sagittal-right camera's video ends 3\.0 s before/);
  });

  it('is not said within a second, for one camera, or without synchronised lengths', () => {
    expect(endedEarlyNote([video('sagittal-left', 5.1), video('frontal', 4.2)], 'frontal')).toBeUndefined();
    expect(endedEarlyNote([video('sagittal-left', 5.1)], 'sagittal-left')).toBeUndefined();
    expect(endedEarlyNote([video('sagittal-left', 0), video('frontal', 0)], 'frontal')).toBeUndefined();
  });
});
