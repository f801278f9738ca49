// Proves a file really decodes before it is accepted into a trial: a header can look fine while
// the frames behind it are garbage.
import { MediaError } from './media-error';
import { ffmpegPath, lastLine, runTool } from './run-tool';

export async function checkDecodes(
  path: string,
  displayName: string,
  maxSeconds = 5,
  signal?: AbortSignal,
): Promise<void> {
  try {
    const { stderr } = await runTool(
      ffmpegPath(),
      [
        '-nostdin',
        '-v',
        'error',
        '-xerror',
        '-t',
        String(maxSeconds),
        '-i',
        path,
        '-map',
        '0:V:0',
        '-f',
        'null',
        '-',
      ],
      signal,
    );
    if (/error|invalid|corrupt/i.test(stderr)) throw new MediaError('ffmpeg-failed', stderr, { stderr });
  } catch (err) {
    if (err instanceof MediaError && err.kind === 'cancelled') throw err;
    const why = err instanceof MediaError ? lastLine(err.stderr || err.message) : String(err);
    throw new MediaError(
      'not-a-video',
      `${displayName} is damaged: its video frames cannot be decoded (${why}).`,
    );
  }
}
