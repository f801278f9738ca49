// Every Nth frame, letterboxed by ffmpeg to a small size: a cheap look at who is in the video
// without piping full-resolution frames through the person finder.
import type { VideoInfo } from './probe';
import { decodeFrames, type DecodedFrame } from './decode-frames';

export interface LetterboxMap {
  /** Frame pixel = (input pixel - pad) / scale. */
  scale: number;
  padXPx: number;
  padYPx: number;
}

export function letterboxGeometry(
  widthPx: number,
  heightPx: number,
  inW: number,
  inH: number,
): LetterboxMap & { scaledW: number; scaledH: number } {
  const scale = Math.min(inW / widthPx, inH / heightPx);
  const scaledW = Math.min(inW, 2 * Math.round((widthPx * scale) / 2));
  const scaledH = Math.min(inH, 2 * Math.round((heightPx * scale) / 2));
  return {
    scale,
    padXPx: Math.floor((inW - scaledW) / 2),
    padYPx: Math.floor((inH - scaledH) / 2),
    scaledW,
    scaledH,
  };
}

export interface SampleOptions {
  everyFrames: number;
  inputWidthPx: number;
  inputHeightPx: number;
  lastFrame?: number;
  signal?: AbortSignal;
}

export async function* sampleFrames(
  info: VideoInfo,
  o: SampleOptions,
): AsyncGenerator<DecodedFrame & { map: LetterboxMap }> {
  const g = letterboxGeometry(info.widthPx, info.heightPx, o.inputWidthPx, o.inputHeightPx);
  const last = o.lastFrame ?? info.frameCount - 1;
  const filter =
    `select='not(mod(n\\,${o.everyFrames}))*lte(n\\,${last})',` +
    `scale=${g.scaledW}:${g.scaledH}:flags=area,pad=${o.inputWidthPx}:${o.inputHeightPx}:${g.padXPx}:${g.padYPx}`;
  const expected = Math.floor(last / o.everyFrames) + 1;
  const sampledInfo: VideoInfo = {
    ...info,
    widthPx: o.inputWidthPx,
    heightPx: o.inputHeightPx,
    frameCount: expected,
  };
  let k = 0;
  for await (const f of decodeFrames(sampledInfo, { signal: o.signal, videoFilter: filter })) {
    const index = k++ * o.everyFrames;
    yield { index, timeS: info.frameTimesS[index] ?? index / info.fps, rgb: f.rgb, map: g };
  }
}
