// Interlaced video (DV and broadcast camcorders, many older clinical video systems) holds two
// fields per frame, taken a field period apart: a moving foot shows as a comb of alternate lines,
// on which the pose model misplaces it (the Sports2D walk interlaced: feet 11.5 px median, 41 px at
// the 90th percentile from the walk's own frames; read as fields 3.3 / 10.1). Each field is also a
// picture of its own instant: a 25-frame/s PAL camera films 50 of them a second, the rate gait
// video needs. So an interlaced video is read as its fields, each made a full picture (bwdif): twice
// its frame rate, the second field of a frame half a frame period after its first. Probe
// (frame count, rate, times) and every decoder of the analysis agree on that.

/** Which field of a frame is shown first. */
export type FieldOrder = 'tff' | 'bff';

/** From ffprobe's field_order (tt/bb: coded and shown in that order; tb/bt: shown second-letter first). */
export function fieldOrderOf(ffprobeFieldOrder: string | undefined): FieldOrder | undefined {
  if (ffprobeFieldOrder === 'tt' || ffprobeFieldOrder === 'bt') return 'tff';
  if (ffprobeFieldOrder === 'bb' || ffprobeFieldOrder === 'tb') return 'bff';
  return undefined;
}

/** A field order read back from stored data (an analysis' provenance), if it is one. */
export function asFieldOrder(value: unknown): FieldOrder | undefined {
  return value === 'tff' || value === 'bff' ? value : undefined;
}

/** One full picture per field, for every frame (the stream is interlaced, whatever a frame's flag). */
export function fieldsFilter(order: FieldOrder): string {
  return `bwdif=mode=send_field:parity=${order}:deint=all`;
}

/** The -vf graph reading an interlaced video as its fields, before the caller's filters. */
export function withDeinterlace(order: FieldOrder | undefined, filter?: string): string | undefined {
  if (!order) return filter;
  return filter ? `${fieldsFilter(order)},${filter}` : fieldsFilter(order);
}

/**
 * Each frame's first field at the frame's time, its second half a frame period on (`fps` frames/s):
 * the camera scans fields at a fixed rate, so a frame dropped after it does not move it.
 */
export function fieldTimesS(frameTimesS: Float64Array, fps: number): Float64Array {
  const out = new Float64Array(2 * frameTimesS.length);
  frameTimesS.forEach((t, i) => {
    out[2 * i] = t;
    out[2 * i + 1] = t + 0.5 / fps;
  });
  return out;
}

/**
 * A picture without combing for a frame shown on its own (the person chooser's picture), whether
 * or not the video is interlaced: frames marked interlaced are rebuilt from their first field.
 */
export const DEINTERLACE_FRAME_FILTER = 'bwdif=mode=send_frame:parity=auto:deint=interlaced';
