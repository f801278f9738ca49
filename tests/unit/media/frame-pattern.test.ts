// Still images named by frame number (frame-%04d.png), as ffmpeg's image2 writer names them.
import { describe, expect, it } from 'vitest';
import { framePath, isFramePattern } from '../../../src/main/media/frame-pattern';

describe('frame patterns', () => {
  it('takes one %d or %0Nd in the file name', () => {
    expect(isFramePattern('/tmp/out/frame-%04d.png')).toBe(true);
    expect(isFramePattern('shots/%d.png')).toBe(true);
    expect(isFramePattern('shots/%4d.png')).toBe(true);
  });

  it('refuses a name without one, with two, with another %, or a % in a folder', () => {
    expect(isFramePattern('/tmp/out/frame.png')).toBe(false);
    expect(isFramePattern('/tmp/out/%d-%d.png')).toBe(false);
    expect(isFramePattern('/tmp/out/100%-%04d.png')).toBe(false);
    expect(isFramePattern('/tmp/%03d/frame-%04d.png')).toBe(false);
  });

  it('names a frame as the pattern pads it', () => {
    expect(framePath('/tmp/out/frame-%04d.png', 7)).toBe('/tmp/out/frame-0007.png');
    expect(framePath('/tmp/out/frame-%04d.png', 12345)).toBe('/tmp/out/frame-12345.png');
    expect(framePath('shots/%d.png', 120)).toBe('shots/120.png');
    expect(framePath('shots/%4d.png', 12)).toBe('shots/0012.png');
  });
});
