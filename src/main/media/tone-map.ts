// Phones film HDR by default (iPhones in HLG, many Android phones in HDR10's PQ), in BT.2020
// colours and with a transfer curve an SDR picture does not have. Decoded as if it were SDR, a PQ
// video looks grey and flat (the Sports2D walk as PQ: 26 grey levels from its SDR frames), an HLG
// one pale (17), and the landmark model finds less: the walk as PQ lost half its cycles (2 + 1
// against 3 + 3) and read 1.32 m/s for 1.25. So every picture made of an HDR video, for the model
// or for people (review's copy, the frame to choose the patient on, report stills, overlays), is
// tone-mapped to SDR: BT.2408's reference white (203 cd/m2, where phones put a white wall) becomes
// SDR white, brighter highlights roll off (mobius) instead of clipping. Tone-mapped, the walk gives
// 3 + 3 cycles at 1.25 / 1.22 m/s, and its pictures lie about 5 grey levels from the SDR frames.

/** The transfer curve of an HDR video: PQ (SMPTE ST 2084, HDR10) or HLG (ARIB STD-B67). */
export type HdrTransfer = 'pq' | 'hlg';

/** From ffprobe's color_transfer; undefined for SDR (bt709, smpte170m...) or when not stated. */
export function hdrTransferOf(ffprobeColorTransfer: string | undefined): HdrTransfer | undefined {
  if (ffprobeColorTransfer === 'smpte2084') return 'pq';
  if (ffprobeColorTransfer === 'arib-std-b67') return 'hlg';
  return undefined;
}

/** An HDR transfer read back from stored data (a pose manifest, an analysis' provenance), if it is one. */
export function asHdrTransfer(value: unknown): HdrTransfer | undefined {
  return value === 'pq' || value === 'hlg' ? value : undefined;
}

const ZSCALE_TRANSFER: Record<HdrTransfer, string> = { pq: 'smpte2084', hlg: 'arib-std-b67' };

/** The -vf steps turning an HDR picture into an SDR (BT.709) one, 8-bit 4:2:0. */
export function toneMapFilter(hdr: HdrTransfer): string {
  return [
    `zscale=tin=${ZSCALE_TRANSFER[hdr]}:t=linear:npl=203`,
    'format=gbrpf32le',
    'zscale=p=bt709',
    'tonemap=tonemap=mobius:desat=0',
    'zscale=t=bt709:m=bt709:r=tv',
    'format=yuv420p',
  ].join(',');
}

/**
 * The caller's -vf graph followed by the tone mapping, for an HDR video: after it, because its cost
 * grows with the pixels and callers scale down or crop first.
 */
export function withToneMap(hdr: HdrTransfer | undefined, filter?: string): string | undefined {
  if (!hdr) return filter;
  return filter ? `${filter},${toneMapFilter(hdr)}` : toneMapFilter(hdr);
}

/** For a video's description: how its pictures were made. */
export function hdrDescription(hdr: HdrTransfer): string {
  return `HDR (${hdr === 'pq' ? 'PQ' : 'HLG'}), tone-mapped to SDR`;
}
