// A copy of a trial video that the review's <video> element can play. Chromium and Electron play
// H.264, VP8, VP9 and AV1 in MP4, MOV, WebM and MKV everywhere; HEVC (what iPhones record by
// default) only where the operating system decodes it (not Debian's Chromium), and never MPEG-4
// part 2, MJPEG, or anything in AVI: the picture stayed black under the skeleton; an interlaced
// video it plays as combed frames, half as many as its fields the skeleton is drawn on. Pose and
// gait analysis always read the original; the copy is for the eyes only, so it is H.264, at most
// 1280 px on its long side (review shows the video about 700 px wide; a 4K phone clip's copy took
// 6.1 s at 1920 px and 4.6 s at 1280 for 230 frames here), with every frame at its original
// presentation time (the skeleton is drawn by frame number from the video's clock).
import { extname } from 'node:path';
import { withDeinterlace, type FieldOrder } from './deinterlace';
import { withToneMap, type HdrTransfer } from './tone-map';
import { ffmpegToFile, framesWrittenReader, h264KeepingFrameTimes } from './run-tool';

const VIEWER_CODECS = new Set(['h264', 'vp8', 'vp9', 'av1']);
const VIEWER_CONTAINERS = new Set(['.mp4', '.m4v', '.mov', '.webm', '.mkv']);
/** The copy's long side, px: the review shows the video at most this large. */
export const REVIEW_COPY_LONG_SIDE_PX = 1280;

/** Whether the review's browser plays this video as it is (codec as ffprobe names it). */
export function viewerPlays(codec: string, fileName: string): boolean {
  return VIEWER_CODECS.has(codec) && VIEWER_CONTAINERS.has(extname(fileName).toLowerCase());
}

/** Name of the copy beside a trial video: `sagittal-left.mov` -> `sagittal-left.review.mp4`. */
export function reviewCopyName(videoFileName: string): string {
  return `${videoFileName.slice(0, videoFileName.length - extname(videoFileName).length)}.review.mp4`;
}

export interface ReviewCopyOptions {
  /** Frames per second of the original, for keyframes every half second (quick frame stepping). */
  fps: number;
  /** The original is interlaced, this field first: the copy has a frame per field, as analysis reads it. */
  fields?: FieldOrder;
  /** The original is HDR: the copy is tone-mapped to SDR (media/tone-map.ts). */
  hdr?: HdrTransfer;
  signal?: AbortSignal;
  /** Frames written so far. */
  onFrames?: (framesDone: number) => void;
}

/** Transcodes `inputPath` to an H.264 MP4 at `outputPath` (written whole, then renamed). */
export async function makeReviewCopy(
  inputPath: string,
  outputPath: string,
  o: ReviewCopyOptions,
): Promise<void> {
  const long = REVIEW_COPY_LONG_SIDE_PX;
  await ffmpegToFile(
    [
      '-i',
      inputPath,
      '-map',
      '0:V:0',
      // Long side at most `long`, shape kept to the nearest even pixel (yuv420p needs even sizes).
      '-vf',
      // The copy's first frame at 0 wherever the original's is (its video may start after its
      // sound): review plays a copy on the analysis' own clock.
      withToneMap(
        o.hdr,
        withDeinterlace(
          o.fields,
          `scale='round(min(1,${long}/max(iw,ih))*iw/2)*2':'round(min(1,${long}/max(iw,ih))*ih/2)*2',setpts=PTS-STARTPTS`,
        ),
      )!,
      ...h264KeepingFrameTimes({
        preset: 'veryfast',
        crf: 20,
        keyframeEvery: Math.max(1, Math.round(o.fps / 2)),
        timescale: 90000,
      }),
      '-an',
      '-progress',
      'pipe:1',
      '-nostats',
      '-f',
      'mp4',
    ],
    outputPath,
    `${outputPath}.part.mp4`,
    o.signal,
    framesWrittenReader(o.onFrames),
  );
}
