// The span every camera recorded, on the common clock, and where it falls in each camera's file:
// cutting every video to it makes the files start within a frame of each other and last as long
// (a camera lost mid-recording ends where it stopped, the others as long as each other).

export interface CameraTiming {
  camera: string;
  /** Common-clock time (ms) of the file's first frame. */
  firstFrameMs: number;
  /** Presentation times in the file, seconds from its first frame. */
  frameTimesS: ArrayLike<number>;
}

export interface CameraCut {
  camera: string;
  /** Where to start in this camera's file, seconds. */
  startS: number;
  /** Length to keep from startS, seconds (half a frame past the last frame kept). */
  durationS: number;
  /** Common-clock time (ms) of the first frame kept: the camera's start once cut. */
  firstKeptMs: number;
  framesKept: number;
}

export interface CommonSpan {
  startMs: number;
  endMs: number;
  durationS: number;
  cuts: CameraCut[];
  /** Cameras whose recording ended well before the others' (lost mid-recording), with by how much. */
  stoppedEarly: Array<{ camera: string; beforeOthersS: number }>;
}

/**
 * A camera whose last frame comes this long before the others' stopped early (a cable pulled, a
 * camera taken by the system): it does not cut the others' end, which would lose the rest of the
 * trial on every camera. Longer than the half second of chunks a crash may cost each camera.
 */
export const STOPPED_EARLY_MS = 1000;

/** Null when the cameras never recorded at the same time. */
export function commonSpan(cameras: CameraTiming[], fps: number): CommonSpan | null {
  if (cameras.length === 0) return null;
  const frameMs = 1000 / fps;
  const startMs = Math.max(...cameras.map((c) => c.firstFrameMs));
  const endOf = (c: CameraTiming): number =>
    c.firstFrameMs + 1000 * (c.frameTimesS[c.frameTimesS.length - 1] ?? 0) + frameMs;
  // A camera that stopped before another started never recorded with it.
  if (cameras.some((c) => endOf(c) - startMs < frameMs)) return null;
  const latestEndMs = Math.max(...cameras.map(endOf));
  const early = cameras.filter((c) => endOf(c) < latestEndMs - STOPPED_EARLY_MS);
  const endMs = Math.min(...cameras.filter((c) => !early.includes(c)).map(endOf));
  if (endMs - startMs < frameMs) return null;
  const cuts = cameras.map((c) => {
    let first = -1;
    let last = -1;
    let kept = 0;
    for (let i = 0; i < c.frameTimesS.length; i++) {
      const t = c.firstFrameMs + 1000 * c.frameTimesS[i]!;
      // Half a frame of tolerance: frames of unsynchronised cameras never line up exactly.
      if (t >= startMs - frameMs / 2 && t < endMs - frameMs / 2) {
        if (first < 0) first = i;
        last = i;
        kept++;
      }
    }
    const firstS = first >= 0 ? c.frameTimesS[first]! : 0;
    const lastS = last >= 0 ? c.frameTimesS[last]! : 0;
    return {
      camera: c.camera,
      startS: firstS,
      durationS: lastS - firstS + frameMs / 2000,
      firstKeptMs: c.firstFrameMs + 1000 * firstS,
      framesKept: kept,
    };
  });
  return {
    startMs,
    endMs,
    durationS: (endMs - startMs) / 1000,
    cuts,
    stoppedEarly: early.map((c) => ({ camera: c.camera, beforeOthersS: (endMs - endOf(c)) / 1000 })),
  };
}
