// Errors from probing or decoding a video, phrased for a clinician and carrying the ffmpeg exit
// code and stderr tail so support can tell a codec problem from a damaged file.
export type MediaErrorKind =
  | 'not-found'
  | 'empty-file'
  | 'not-a-video'
  | 'no-video-stream'
  | 'truncated'
  | 'ffmpeg-failed'
  | 'ffmpeg-missing'
  | 'cancelled';

export class MediaError extends Error {
  readonly kind: MediaErrorKind;
  readonly exitCode: number | null;
  readonly stderr: string;

  constructor(
    kind: MediaErrorKind,
    message: string,
    details: { exitCode?: number | null; stderr?: string } = {},
  ) {
    super(message);
    this.name = 'MediaError';
    this.kind = kind;
    this.exitCode = details.exitCode ?? null;
    this.stderr = details.stderr ?? '';
  }
}

export function isCancelled(err: unknown): boolean {
  return (
    (err instanceof MediaError && err.kind === 'cancelled') ||
    (err instanceof Error && err.name === 'AbortError')
  );
}
