// Every Nth frame, letterboxed by ffmpeg to a small size: a cheap look at who is in the video
// without piping full-resolution frames through the person finder. Or, when the video has a
// keyframe at least that often (phones record one about every second), only keyframes: the
// decoder then skips every other frame, which for a phone's 4K HEVC is most of the scan's cost.
import type { VideoInfo } from './probe';
import { decodeFrames, type DecodedFrame } from './decode-frames';
import { MediaError } from './media-error';

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
  /** Sample every this many keyframes (`info.keyFrames`, see keyFrameStep) instead of every N frames. */
  keyFrameStep?: number;
}

/** The keyframes up to `lastFrame` a scan with this step samples. */
export function sampledKeyFrames(keyFrames: readonly number[], lastFrame: number, step: number): number[] {
  return keyFrames.filter((k) => k <= lastFrame).filter((_, i) => i % step === 0);
}

/**
 * How many keyframes apart to sample so that samples are at most `everyFrames` apart, or
 * undefined when keyframes are rarer than that anywhere in [0, lastFrame] (an encoder's default of
 * one every 8 s, say): the scan then decodes every frame.
 */
export function keyFrameStep(
  keyFrames: readonly number[] | undefined,
  lastFrame: number,
  everyFrames: number,
): number | undefined {
  const keys = (keyFrames ?? []).filter((k) => k <= lastFrame);
  if (keys[0] !== 0 || keys.length < 2) return undefined;
  let widest = lastFrame - keys[keys.length - 1]!;
  for (let i = 1; i < keys.length; i++) widest = Math.max(widest, keys[i]! - keys[i - 1]!);
  if (widest > everyFrames) return undefined;
  return Math.max(1, Math.floor(everyFrames / widest));
}

export async function* sampleFrames(
  info: VideoInfo,
  o: SampleOptions,
): AsyncGenerator<DecodedFrame & { map: LetterboxMap }> {
  const g = letterboxGeometry(info.widthPx, info.heightPx, o.inputWidthPx, o.inputHeightPx);
  const last = o.lastFrame ?? info.frameCount - 1;
  // With keyframes only, ffmpeg's frame number n counts keyframes.
  const keys = o.keyFrameStep && info.keyFrames ? info.keyFrames.filter((k) => k <= last) : undefined;
  const step = keys ? o.keyFrameStep! : o.everyFrames;
  const upTo = keys ? keys.length - 1 : last;
  const frames = keys ? sampledKeyFrames(keys, last, step) : undefined;
  const filter =
    `select='not(mod(n\\,${step}))*lte(n\\,${upTo})',` +
    `scale=${g.scaledW}:${g.scaledH}:flags=area,pad=${o.inputWidthPx}:${o.inputHeightPx}:${g.padXPx}:${g.padYPx}`;
  const expected = frames ? frames.length : Math.floor(last / o.everyFrames) + 1;
  const sampledInfo: VideoInfo = {
    ...info,
    widthPx: o.inputWidthPx,
    heightPx: o.inputHeightPx,
    frameCount: expected,
  };
  let k = 0;
  const decoding = decodeFrames(sampledInfo, {
    signal: o.signal,
    videoFilter: filter,
    // Keyframes only, a lost one would shift every sample after it: that scan fails and every
    // frame is sampled instead, where a frame lost shifts the samples after it by a frame and one
    // sample may be missing.
    ...(frames ? { inputOptions: ['-skip_frame', 'nokey'] } : { shortIfDamaged: true }),
  });
  for await (const f of decoding) {
    const index = frames ? frames[k++] : k++ * o.everyFrames;
    // More pictures than keyframes listed: the decoder's keyframes are not the container's.
    if (index === undefined)
      throw new MediaError('ffmpeg-failed', `${info.path}: its keyframes do not match its index.`);
    yield { index, timeS: info.frameTimesS[index] ?? index / info.fps, rgb: f.rgb, map: g };
  }
}
