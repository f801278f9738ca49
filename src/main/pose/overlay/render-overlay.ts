// Re-decodes the video and draws the pose track on it: an mp4 for review, or PNG stills of
// chosen frames for reports and tests.
import { decodeFrames } from '../../media/decode-frames';
import { openFrameSink } from '../../media/encode-frames';
import { probeVideo } from '../../media/probe';
import { LANDMARK_COUNT } from '../../../shared/landmarks';
import type { PoseTrack } from '../pose-result';
import { drawSkeleton } from './draw-skeleton';

export interface OverlayOptions {
  videoPath: string;
  track: PoseTrack;
  /** .mp4 (every analysed frame) or a PNG pattern like dir/frame-%04d.png (with `frames`). */
  outPath: string;
  /** Only these frames (PNG stills); images are numbered in this order. */
  frames?: number[];
  signal?: AbortSignal;
}

export async function renderOverlay(o: OverlayOptions): Promise<void> {
  const info = await probeVideo(o.videoPath, o.signal);
  const wanted = o.frames ? new Set(o.frames) : undefined;
  const last = o.frames ? Math.max(...o.frames) : o.track.frameCount - 1;
  const sink = openFrameSink(o.outPath, info.widthPx, info.heightPx, info.fps, o.signal);
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
          o.track.lowConfidence[f.index] === 1,
        );
      }
      await sink.write(f.rgb);
    }
  } finally {
    await sink.close();
  }
}
