// The rate each camera delivers while it is shown, from its track's frame counter: a webcam lowers
// its rate in dim light (15 frames/s for 30 asked) while its settings still say 30, and the lab
// should see that at set-up, not in the sync report after the trial.
import { useEffect, useState } from 'react';

/** Chromium's MediaStreamTrack.stats (Media Capture Extensions); absent elsewhere. */
interface TrackFrameStats {
  totalFrames: number;
}

/** Time between readings: long enough for a steady rate, short enough to follow a light change. */
const READ_EVERY_MS = 2000;

export interface KeptRate {
  /** Frames/s over the last reading. */
  fps: number;
  /**
   * The higher of the last two readings' rates, so low only when both were (a camera just opened
   * starts slow); absent after one reading.
   */
  steadyFps?: number;
}

function totalFrames(stream: MediaStream): number | undefined {
  const track = stream.getVideoTracks()[0] as (MediaStreamTrack & { stats?: TrackFrameStats }) | undefined;
  if (track?.readyState !== 'live') return undefined;
  const n = track.stats?.totalFrames;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** The rate each stream's camera delivers, by device id; none until measured (or unmeasurable). */
export function useKeptRates(streams: Record<string, MediaStream>): Record<string, KeptRate> {
  const [rates, setRates] = useState<Record<string, KeptRate>>({});
  useEffect(() => {
    let last = new Map<string, { frames: number; atMs: number; fps?: number }>();
    const read = (): void => {
      const now = performance.now();
      const next = new Map<string, { frames: number; atMs: number; fps?: number }>();
      const measured: Record<string, KeptRate> = {};
      for (const [id, stream] of Object.entries(streams)) {
        const frames = totalFrames(stream);
        if (frames === undefined) continue;
        const before = last.get(id);
        const fps =
          before && now > before.atMs && frames >= before.frames
            ? ((frames - before.frames) * 1000) / (now - before.atMs)
            : undefined;
        next.set(id, { frames, atMs: now, ...(fps === undefined ? {} : { fps }) });
        if (fps !== undefined)
          measured[id] = before?.fps === undefined ? { fps } : { fps, steadyFps: Math.max(fps, before.fps) };
      }
      last = next;
      setRates(measured);
    };
    read();
    const timer = setInterval(read, READ_EVERY_MS);
    return () => clearInterval(timer);
  }, [streams]);
  return rates;
}
