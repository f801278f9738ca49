// Names of still images numbered by frame, as ffmpeg's image2 writer takes them: a file name with
// one `%d` or `%0Nd` (frame-%04d.png; ffmpeg pads `%Nd` with zeros too), replaced by the number.
// Without one, ffmpeg stops at the second image ("Cannot write more than one file with the same
// name"); it reads a `%` anywhere in the path, so folders may hold none.
import { basename, dirname } from 'node:path';

const NUMBER = /%(\d+)?d/g;

/** Whether `path`'s file name holds one frame-number placeholder (`%d`, `%0Nd`), the path no other `%`. */
export function isFramePattern(path: string): boolean {
  const name = basename(path);
  return !dirname(path).includes('%') && (name.match(NUMBER) ?? []).length === 1 && !/%(?!\d*d)/.test(name);
}

/** The file `pattern` names for frame `frame` (0-based), padded as the pattern says. */
export function framePath(pattern: string, frame: number): string {
  return pattern.replace(NUMBER, (_, width: string | undefined) =>
    String(frame).padStart(width ? Number(width) : 0, '0'),
  );
}
