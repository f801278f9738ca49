import { describe, expect, it } from 'vitest';
import { reviewCopyName, viewerPlays } from '../../../src/main/media/review-copy';

describe('which trial videos the review browser plays as they are', () => {
  it('plays H.264, VP8, VP9 and AV1 in MP4, MOV, WebM and MKV (as Chromium did, checked by hand)', () => {
    for (const [codec, name] of [
      ['h264', 'sagittal-left.mp4'],
      ['h264', 'frontal.MOV'],
      ['vp9', 'cam1.webm'],
      ['vp8', 'cam2.mkv'],
      ['av1', 'cam3.mp4'],
    ] as const)
      expect(viewerPlays(codec, name), `${codec} ${name}`).toBe(true);
  });

  it('needs a copy for HEVC (a phone default), MPEG-4 part 2, MJPEG, and anything in AVI', () => {
    for (const [codec, name] of [
      ['hevc', 'sagittal-left.mov'],
      ['hevc', 'sagittal-left.mp4'],
      ['mpeg4', 'cam.mp4'],
      ['mjpeg', 'cam.avi'],
      ['h264', 'cam.avi'],
    ] as const)
      expect(viewerPlays(codec, name), `${codec} ${name}`).toBe(false);
  });

  it('names the copy after the video', () => {
    expect(reviewCopyName('sagittal-left.mov')).toBe('sagittal-left.review.mp4');
    expect(reviewCopyName('frontal.AVI')).toBe('frontal.review.mp4');
  });
});
