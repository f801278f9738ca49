// Browser recordings (MediaRecorder webm) carry no duration and no seek index until remuxed; a
// recording cut short by a crash also ends mid-cluster. Stream copy rewrites the container with
// both, keeping every frame that decodes, without re-encoding.
import { rename, rm } from 'node:fs/promises';
import { ffmpegPath, runTool } from './run-tool';

export async function remuxToSeekable(inputPath: string, outputPath: string, signal?: AbortSignal): Promise<void> {
  const partial = `${outputPath}.remux.webm`;
  try {
    await runTool(
      ffmpegPath(),
      [
        '-nostdin', '-v', 'error', '-y',
        // A crash leaves a truncated last cluster: keep what decodes rather than failing.
        '-err_detect', 'ignore_err', '-fflags', '+genpts+discardcorrupt',
        '-i', inputPath,
        '-map', '0:v:0', '-map', '0:a?', '-c', 'copy',
        '-f', 'webm', partial,
      ],
      signal,
    );
    await rename(partial, outputPath);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}
