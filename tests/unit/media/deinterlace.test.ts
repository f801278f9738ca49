// Which videos are deinterlaced before pose, and how the filter graph is put together.
import { describe, expect, it } from 'vitest';
import {
  DEINTERLACE_FILTER,
  isInterlacedFieldOrder,
  withDeinterlace,
} from '../../../src/main/media/deinterlace';

describe('deinterlacing', () => {
  it('takes the four interlaced field orders as interlaced, progressive and unknown as not', () => {
    expect(['tt', 'bb', 'tb', 'bt'].map(isInterlacedFieldOrder)).toEqual([true, true, true, true]);
    expect(['progressive', 'unknown', undefined].map(isInterlacedFieldOrder)).toEqual([false, false, false]);
  });

  it('puts the deinterlacer before the caller filter, and nothing for a progressive video', () => {
    expect(withDeinterlace(true, 'scale=256:256')).toBe(`${DEINTERLACE_FILTER},scale=256:256`);
    expect(withDeinterlace(true)).toBe(DEINTERLACE_FILTER);
    expect(withDeinterlace(false, 'scale=256:256')).toBe('scale=256:256');
    expect(withDeinterlace(undefined)).toBeUndefined();
    // One output frame per frame: frame numbers and times stay the video's.
    expect(DEINTERLACE_FILTER).toContain('mode=send_frame');
  });
});
