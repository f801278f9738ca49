// Which frame of a video a picture shows (a report still, the patient chooser's picture, what the
// review's player paints): compared in small grey pictures with the frames ffmpeg decodes.
import { execFileSync } from 'node:child_process';

/** Side of the square grey pictures compared, px. */
export const GREY_SIDE_PX = 96;

/** A picture (ffmpeg input arguments) as GREY_SIDE_PX square grey levels, through `filter` first. */
export function greyPicture(input: string[], filter?: string, stdin?: Buffer): Uint8Array {
  const vf = [filter, `scale=${GREY_SIDE_PX}:${GREY_SIDE_PX}`, 'format=gray'].filter(Boolean).join(',');
  return execFileSync(
    'ffmpeg',
    ['-v', 'error', ...input, '-vf', vf, '-frames:v', '1', '-f', 'rawvideo', 'pipe:1'],
    stdin ? { input: stdin } : {},
  );
}

/** Frame `n` of `video`, counted as decoded from its first frame, through `filter` (a crop, say). */
export function frameGrey(video: string, n: number, filter?: string): Uint8Array {
  return greyPicture(['-i', video], [`select=eq(n\\,${n})`, filter].filter(Boolean).join(','));
}

/**
 * Mean grey-level distance of `shown` from frames `a` and `b`, over the pixels where a and b differ
 * (the walker's moving body: the still background, and a browser's own colour conversion, say
 * nothing about which frame it is).
 */
export function distancesWhereTheyDiffer(
  shown: ArrayLike<number>,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): { toA: number; toB: number; pixels: number } {
  let toA = 0;
  let toB = 0;
  let pixels = 0;
  for (let i = 0; i < a.length; i++) {
    if (Math.abs(a[i]! - b[i]!) < 24) continue;
    toA += Math.abs(shown[i]! - a[i]!);
    toB += Math.abs(shown[i]! - b[i]!);
    pixels++;
  }
  return { toA: toA / pixels, toB: toB / pixels, pixels };
}
