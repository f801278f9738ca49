// The audio track of a video as mono float samples, for clap synchronisation.
import { MediaError } from './media-error';
import { isPlayedVideoStream } from './probe';
import { ffmpegPath, ffprobePath, runTool, runToolBinary } from './run-tool';

export async function hasAudioStream(path: string, signal?: AbortSignal): Promise<boolean> {
  const { stdout } = await runTool(
    ffprobePath(),
    ['-v', 'error', '-select_streams', 'a', '-show_entries', 'stream=index', '-of', 'csv=p=0', path],
    signal,
  );
  return stdout.trim().length > 0;
}

/**
 * Mono PCM at sampleRateHz, time 0 at the first video frame so audio offsets are video offsets.
 * Throws a clinician-readable MediaError when the file has no sound; `label` names the video in it
 * (a camera, not a path in the lab folder).
 */
export async function readAudioPcm(
  path: string,
  sampleRateHz: number,
  label: string,
  signal?: AbortSignal,
): Promise<Float32Array> {
  if (!(await hasAudioStream(path, signal))) {
    throw new MediaError(
      'no-video-stream',
      `${label} has no sound track, so it cannot be synchronised by a clap. Use the flash or a manual offset.`,
    );
  }
  const { stdout } = await runToolBinary(
    ffmpegPath(),
    [
      '-nostdin',
      '-v',
      'error',
      '-i',
      path,
      '-vn',
      '-map',
      '0:a:0',
      '-ac',
      '1',
      '-ar',
      String(sampleRateHz),
      '-f',
      'f32le',
      'pipe:1',
    ],
    signal,
  );
  const samples = new Float32Array(Math.floor(stdout.length / 4));
  for (let i = 0; i < samples.length; i++) samples[i] = stdout.readFloatLE(i * 4);
  return samples;
}

/** Seconds from the first video frame to the first audio sample (negative when audio starts first). */
export async function audioLeadS(path: string, signal?: AbortSignal): Promise<number> {
  const { stdout } = await runTool(
    ffprobePath(),
    [
      ...['-v', 'error', '-show_entries', 'stream=codec_type,start_time:stream_disposition=attached_pic'],
      ...['-of', 'json', path],
    ],
    signal,
  );
  const streams =
    (
      JSON.parse(stdout) as {
        streams?: Array<{
          codec_type?: string;
          start_time?: string;
          disposition?: { attached_pic?: number };
        }>;
      }
    ).streams ?? [];
  const video = streams.find(isPlayedVideoStream);
  const v = Number(video?.start_time ?? 0);
  const a = Number(streams.find((s) => s.codec_type === 'audio')?.start_time ?? 0);
  return (Number.isFinite(a) ? a : 0) - (Number.isFinite(v) ? v : 0);
}
