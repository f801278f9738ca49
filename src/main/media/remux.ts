// Browser recordings (MediaRecorder WebM) carry no duration and no seek index until remuxed; a
// recording cut short by a crash also ends mid-cluster. Stream copy rewrites the container with
// both, keeping every frame that decodes, without re-encoding. VP8/VP9 stay in WebM; H.264 (what
// Chromium encodes fastest on a small CPU) goes to MP4, which every player and browser opens.
import { ffmpegToFile, ffprobePath, runTool } from './run-tool';

interface Container {
  ext: string;
  format: string;
  extraArgs: string[];
}

export function containerForCodec(codec: string): Container {
  if (['vp8', 'vp9', 'av1'].includes(codec)) return { ext: '.webm', format: 'webm', extraArgs: [] };
  if (['h264', 'hevc'].includes(codec))
    return { ext: '.mp4', format: 'mp4', extraArgs: ['-movflags', '+faststart'] };
  return { ext: '.mkv', format: 'matroska', extraArgs: [] };
}

async function videoCodec(path: string, signal?: AbortSignal): Promise<string> {
  const { stdout } = await runTool(
    ffprobePath(),
    ['-v', 'error', '-select_streams', 'V:0', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', path],
    signal,
  );
  return stdout.trim().split('\n')[0]?.trim() ?? '';
}

/** Remuxes inputPath to outputBase + the container's extension; returns the file written. */
export async function remuxToSeekable(
  inputPath: string,
  outputBase: string,
  signal?: AbortSignal,
): Promise<string> {
  const container = containerForCodec(await videoCodec(inputPath, signal));
  const outputPath = `${outputBase}${container.ext}`;
  await ffmpegToFile(
    [
      // A crash leaves a truncated last cluster: keep what decodes rather than failing.
      '-err_detect',
      'ignore_err',
      '-fflags',
      '+genpts+discardcorrupt',
      '-i',
      inputPath,
      '-map',
      '0:V:0',
      '-map',
      '0:a?',
      '-c',
      'copy',
      ...container.extraArgs,
      '-f',
      container.format,
    ],
    outputPath,
    `${outputBase}.remux${container.ext}`,
    signal,
  );
  return outputPath;
}
