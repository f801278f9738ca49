// Cuts one time span out of a video, frame-exact, by re-encoding: stream copy could only cut at
// keyframes, and a browser recording has almost none. Frame times are kept as recorded
// (passthrough), so dropped frames stay visible as gaps; keyframes every half second make the
// result quick to seek in review.
import { ffmpegToFile, h264KeepingFrameTimes } from './run-tool';

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
      '-map',
      '0:V:0',
      // Recorded times kept to the millisecond.
      ...h264KeepingFrameTimes({ preset: 'ultrafast', crf: 18, keyframeEvery: 15, timescale: 1000 }),
      '-f',
      'mp4',
    ],
    outputPath,
    `${outputPath}.trim.mp4`,
    signal,
  );
}
