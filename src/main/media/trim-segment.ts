// Cuts one time span out of a video, frame-exact, by re-encoding: stream copy could only cut at
// keyframes, and a browser recording has almost none. Frame times are kept as recorded
// (passthrough), so dropped frames stay visible as gaps; keyframes every half second make the
// result quick to seek in review.
import { ffmpegToFile } from './run-tool';

export async function trimToSpan(
  inputPath: string,
  outputPath: string,
  startS: number,
  durationS: number,
  signal?: AbortSignal,
): Promise<void> {
  await ffmpegToFile(
    [
      '-i',
      inputPath,
      '-ss',
      startS.toFixed(6),
      '-t',
      durationS.toFixed(6),
      // Keep each frame's recorded time to the millisecond (the encoder would round it to 1/fps).
      '-map',
      '0:v:0',
      '-fps_mode',
      'passthrough',
      '-enc_time_base',
      '-1',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-crf',
      '18',
      '-g',
      '15',
      '-pix_fmt',
      'yuv420p',
      '-video_track_timescale',
      '1000',
      '-movflags',
      '+faststart',
      '-f',
      'mp4',
    ],
    outputPath,
    `${outputPath}.trim.mp4`,
    signal,
  );
}
