// Interlaced video (DV and broadcast camcorders, many older clinical video systems) holds two
// fields per frame, taken a field period apart: a moving foot shows as a comb of alternate lines,
// on which the pose model misplaces it (the Sports2D walk interlaced: feet 11.5 px median, 47 px at
// the 90th percentile from the walk's own frames; deinterlaced 4.4 / 16.7). Frames the decoder
// marks interlaced are rebuilt from their first field (bwdif), one frame per frame, so frame
// numbers and times stay the video's; progressive frames pass through untouched.
export const DEINTERLACE_FILTER = 'bwdif=mode=send_frame:parity=auto:deint=interlaced';

/** ffprobe's field_order: tt, bb, tb, bt are interlaced; progressive or unknown are not. */
export function isInterlacedFieldOrder(fieldOrder: string | undefined): boolean {
  return fieldOrder === 'tt' || fieldOrder === 'bb' || fieldOrder === 'tb' || fieldOrder === 'bt';
}

/** The -vf graph with deinterlacing first when the video is interlaced. */
export function withDeinterlace(interlaced: boolean | undefined, filter?: string): string | undefined {
  if (!interlaced) return filter;
  return filter ? `${DEINTERLACE_FILTER},${filter}` : DEINTERLACE_FILTER;
}
