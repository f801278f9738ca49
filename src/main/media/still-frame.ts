// One video frame as a JPEG, for pictures in the app (choosing the patient among people in view).
import { DEINTERLACE_FRAME_FILTER } from './deinterlace';
import { MediaError } from './media-error';
import { withToneMap, type HdrTransfer } from './tone-map';
import { ffmpegPath, lastLine, runToolBinary } from './run-tool';

/**
 * The frame shown at `timeS` (rotation applied), scaled to widthPx x heightPx, as JPEG bytes;
 * tone-mapped when `hdr` says the video is HDR.
 */
export async function frameJpeg(
  path: string,
  timeS: number,
  widthPx: number,
  heightPx: number,
  options: { hdr?: HdrTransfer; signal?: AbortSignal } = {},
): Promise<Buffer> {
  const { stdout, stderr } = await runToolBinary(
    ffmpegPath(),
    [
      '-nostdin',
      '-v',
      'error',
      // Input seeking decodes from the previous keyframe and drops frames before timeS: exact.
      '-ss',
      timeS.toFixed(6),
      '-i',
      path,
      '-map',
      '0:V:0',
      '-frames:v',
      '1',
      '-vf',
      withToneMap(options.hdr, `${DEINTERLACE_FRAME_FILTER},scale=${widthPx}:${heightPx}`)!,
      '-q:v',
      '4',
      '-f',
      'image2pipe',
      '-vcodec',
      'mjpeg',
      'pipe:1',
    ],
    options.signal,
  );
  if (stdout.length === 0) {
    throw new MediaError(
      'ffmpeg-failed',
      `No frame at ${timeS.toFixed(3)} s in ${path}: ${lastLine(stderr)}`,
    );
  }
  return stdout;
}
