// An HDR video (PQ or HLG) is known from ffprobe's transfer, and its pictures are tone-mapped after
// whatever the caller scales or crops (the tone mapping costs per pixel).
import { describe, expect, it } from 'vitest';
import {
  asHdrTransfer,
  hdrDescription,
  hdrTransferOf,
  toneMapFilter,
  withToneMap,
} from '../../../src/main/media/tone-map';

describe('tone mapping HDR video to SDR', () => {
  it('knows PQ and HLG from ffprobe color_transfer; SDR and unstated transfers are not HDR', () => {
    expect(['smpte2084', 'arib-std-b67'].map(hdrTransferOf)).toEqual(['pq', 'hlg']);
    expect(['bt709', 'smpte170m', 'bt2020-10', 'unknown', undefined].map(hdrTransferOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect([asHdrTransfer('hlg'), asHdrTransfer('HDR'), asHdrTransfer(1)]).toEqual([
      'hlg',
      undefined,
      undefined,
    ]);
  });

  it("reads the video's own transfer, and maps to BT.709 8-bit after the caller's filter", () => {
    expect(toneMapFilter('pq')).toMatch(/^zscale=tin=smpte2084:t=linear:npl=203,/);
    expect(toneMapFilter('hlg')).toMatch(/^zscale=tin=arib-std-b67:/);
    expect(toneMapFilter('pq')).toMatch(
      /tonemap=tonemap=mobius.*zscale=t=bt709:m=bt709:r=tv,format=yuv420p$/,
    );
    expect(withToneMap('pq', 'scale=384:216')).toBe(`scale=384:216,${toneMapFilter('pq')}`);
    expect(withToneMap('hlg')).toBe(toneMapFilter('hlg'));
    expect(withToneMap(undefined, 'scale=384:216')).toBe('scale=384:216');
    expect(withToneMap(undefined)).toBeUndefined();
  });

  it('says so in the video description', () => {
    expect(hdrDescription('pq')).toBe('HDR (PQ), tone-mapped to SDR');
    expect(hdrDescription('hlg')).toBe('HDR (HLG), tone-mapped to SDR');
  });
});
