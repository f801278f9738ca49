// An interlaced video is read as its fields: which videos are, in which order, and the fields' times.
import { describe, expect, it } from 'vitest';
import {
  asFieldOrder,
  fieldOrderOf,
  fieldsFilter,
  fieldTimesS,
  withDeinterlace,
} from '../../../src/main/media/deinterlace';

describe('reading an interlaced video as its fields', () => {
  it('takes the field shown first from ffprobe field_order; progressive and unknown are not interlaced', () => {
    expect(['tt', 'bt', 'bb', 'tb'].map(fieldOrderOf)).toEqual(['tff', 'tff', 'bff', 'bff']);
    expect(['progressive', 'unknown', undefined].map(fieldOrderOf)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect([asFieldOrder('bff'), asFieldOrder('yes'), asFieldOrder(true)]).toEqual([
      'bff',
      undefined,
      undefined,
    ]);
  });

  it('makes a picture of every field of every frame, before the caller filter', () => {
    expect(withDeinterlace('tff', 'scale=256:256')).toBe(
      'bwdif=mode=send_field:parity=tff:deint=all,scale=256:256',
    );
    expect(withDeinterlace('bff')).toBe(fieldsFilter('bff'));
    expect(withDeinterlace(undefined, 'scale=256:256')).toBe('scale=256:256');
    expect(withDeinterlace(undefined)).toBeUndefined();
  });

  it("puts a frame's second field half a frame period on, also before a dropped frame", () => {
    // 25 frames/s, the frame at 0.12 s dropped.
    const times = fieldTimesS(Float64Array.from([0, 0.04, 0.08, 0.16]), 25);
    [0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.16, 0.18].forEach((t, i) => expect(times[i]).toBeCloseTo(t, 12));
  });
});
