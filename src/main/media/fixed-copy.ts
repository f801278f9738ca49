// A video's picture turned upright, for a camera mounted upside down or on its side (nothing in
// the file says so) or a video that lost its phone's rotation on the way; or mirrored back, for a
// front camera that saved a mirror image (the pose model then names each leg as the other). The
// copy is made with explicit turns rather than a rotation tag: what a tag means has changed
// between ffmpeg versions (ffmpeg 5.1 turns a picture tagged "rotate=90" anticlockwise), and
// WebM, what the lab records, has no tag at all. Everything else reads the copy as any upright video: pose, review, stills.
// It is H.264 at near-lossless quality, every frame at its original time, the sound kept (the
// cameras of a trial are synchronised by it); an HDR picture is tone-mapped, an interlaced one
// split into its fields and a stretched one made square, as analysis reads them anyway.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PictureFix, PictureTurnDeg } from '../../shared/picture-fix';
import { withDeinterlace } from './deinterlace';
import { probeVideo, type VideoInfo } from './probe';
import { ffmpegToFile, framesWrittenReader, h264KeepingFrameTimes } from './run-tool';
import { withToneMap } from './tone-map';

/** ffmpeg filter turning a picture clockwise by `turnDeg`. */
export function turnFilter(turnDeg: PictureTurnDeg): string {
  if (turnDeg === 180) return 'hflip,vflip';
  return turnDeg === 90 ? 'transpose=clock' : 'transpose=cclock';
}

/** ffmpeg filter making a fix: the mirror first, then the turn. */
export function fixFilter(fix: PictureFix): string {
  return (
    [fix.mirrored ? 'hflip' : '', fix.turnDeg ? turnFilter(fix.turnDeg) : ''].filter(Boolean).join(',') ||
    'null'
  );
}

export interface FixedCopyOptions {
  signal?: AbortSignal;
  /** Frames written so far. */
  onFrames?: (framesDone: number) => void;
}

/** Writes `info`'s video fixed by `fix` to `outputPath` (.mp4; written whole, then renamed). */
export async function writeFixedCopy(
  info: VideoInfo,
  outputPath: string,
  fix: PictureFix,
  o: FixedCopyOptions = {},
): Promise<void> {
  const square = info.storedPixelAspect ? `scale=${info.widthPx}:${info.heightPx},setsar=1,` : '';
  await ffmpegToFile(
    [
      ...['-i', info.path, '-map', '0:V:0', '-map', '0:a:0?'],
      ...['-vf', withToneMap(info.hdr, withDeinterlace(info.interlaced, `${square}${fixFilter(fix)}`))!],
      ...h264KeepingFrameTimes({
        preset: 'veryfast',
        crf: 14,
        keyframeEvery: Math.max(1, Math.round(info.fps / 2)),
        timescale: 90000,
      }),
      // A phone's slow-motion rate and recording date are file tags: they come along.
      ...['-map_metadata', '0', '-movflags', '+faststart+use_metadata_tags'],
      ...['-c:a', 'aac', '-b:a', '192k'],
      ...['-progress', 'pipe:1', '-nostats', '-f', 'mp4'],
    ],
    outputPath,
    `${outputPath}.part.mp4`,
    o.signal,
    framesWrittenReader(o.onFrames),
  );
}

/**
 * The fixed copy of a video file at `outputPath`, made unless one newer than the video is already
 * there (a command run again on the same video). Returns `outputPath`.
 */
export async function ensureFixedCopy(
  videoPath: string,
  outputPath: string,
  fix: PictureFix,
  o: FixedCopyOptions & { onStart?: (framesTotal: number) => void } = {},
): Promise<string> {
  if (existsSync(outputPath) && statSync(outputPath).mtimeMs >= statSync(videoPath).mtimeMs)
    return outputPath;
  const info = await probeVideo(videoPath, o.signal);
  mkdirSync(dirname(outputPath), { recursive: true });
  o.onStart?.(info.frameCount);
  await writeFixedCopy(info, outputPath, fix, o);
  return outputPath;
}
