// Re-decodes the video and draws the pose track on it: an mp4 for review, or PNG stills of
// chosen frames for reports and tests.
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeFrames } from '../../media/decode-frames';
import { openFrameSink } from '../../media/encode-frames';
import { framePath } from '../../media/frame-pattern';
import { probeVideo } from '../../media/probe';
import { LANDMARK_COUNT } from '../../../shared/landmarks';
import type { PoseTrack } from '../pose-result';
import { drawSkeleton } from './draw-skeleton';

export interface OverlayOptions {
  videoPath: string;
  track: PoseTrack;
  /**
   * .mp4 (every analysed frame), or a PNG pattern like dir/frame-%04d.png (media/frame-pattern.ts):
   * one image per frame, named by its frame number (0-based, as the pose CSV's frame column).
   */
  outPath: string;
  /** Only these frames. */
  frames?: number[];
  /** Frames drawn with the red border besides the track's low-confidence ones (doubted mid-walk). */
  alsoFlagged?: readonly number[];
  signal?: AbortSignal;
}

export async function renderOverlay(o: OverlayOptions): Promise<void> {
  const chosen = o.frames ? [...new Set(o.frames)].sort((a, b) => a - b) : undefined;
  const frameCount = o.track.frameCount;
  if (chosen?.some((f) => !Number.isInteger(f) || f < 0 || f >= frameCount))
    throw new RangeError(`The overlay's frames must be whole numbers from 0 to ${frameCount - 1}.`);
  if (chosen?.length === 0) return;
  if (!chosen || !o.outPath.toLowerCase().endsWith('.png')) return drawOverlay(o, o.outPath, chosen);
  // ffmpeg numbers the images it writes 0, 1, 2...: they are written in a folder beside and renamed
  // to their frames' numbers, so that frame-0120.png is frame 120 and a failed run leaves none.
  const staging = mkdtempSync(join(dirname(o.outPath), '.overlay-'));
  try {
    const numbered = join(staging, basename(o.outPath));
    await drawOverlay(o, numbered, chosen);
    chosen.forEach((frame, i) => renameSync(framePath(numbered, i), framePath(o.outPath, frame)));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Writes the frames (all, or `chosen` in order) with the skeleton drawn, to `outPath`. */
async function drawOverlay(o: OverlayOptions, outPath: string, chosen: number[] | undefined): Promise<void> {
  const info = await probeVideo(o.videoPath, o.signal);
  const wanted = chosen ? new Set(chosen) : undefined;
  const alsoFlagged = new Set(o.alsoFlagged ?? []);
  const last = chosen ? chosen[chosen.length - 1]! : o.track.frameCount - 1;
  const sink = openFrameSink(outPath, info.widthPx, info.heightPx, info.fps, o.signal);
  try {
    for await (const f of decodeFrames(info, { signal: o.signal })) {
      if (f.index > last) break;
      if (wanted && !wanted.has(f.index)) continue;
      if (f.index < o.track.frameCount) {
        drawSkeleton(
          f.rgb,
          info.widthPx,
          info.heightPx,
          o.track.xPx,
          o.track.yPx,
          o.track.visibility,
          f.index * LANDMARK_COUNT,
          o.track.lowConfidence[f.index] === 1 || alsoFlagged.has(f.index),
        );
      }
      await sink.write(f.rgb);
    }
  } finally {
    await sink.close();
  }
}
