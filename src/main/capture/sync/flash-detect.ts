// Synchronising by a flash: the frame where the picture's mean brightness jumps up the most.

export interface FlashEvent {
  frameIndex: number;
  timeS: number;
  /** Brightness rise at that frame, in grey levels (0-255). */
  jump: number;
  /** Jump over the median absolute frame-to-frame change: how clearly the flash stands out. */
  contrast: number;
}

export function detectFlash(
  brightness: ArrayLike<number>,
  frameTimesS: ArrayLike<number>,
): FlashEvent | null {
  const n = Math.min(brightness.length, frameTimesS.length);
  if (n < 2) return null;
  let bestI = -1;
  let best = 0;
  const changes: number[] = [];
  for (let i = 1; i < n; i++) {
    const d = brightness[i]! - brightness[i - 1]!;
    changes.push(Math.abs(d));
    if (d > best) {
      best = d;
      bestI = i;
    }
  }
  if (bestI < 0) return null;
  changes.sort((x, y) => x - y);
  const median = changes[Math.floor(changes.length / 2)] ?? 0;
  return {
    frameIndex: bestI,
    timeS: frameTimesS[bestI]!,
    jump: best,
    contrast: best / Math.max(median, 0.5),
  };
}
