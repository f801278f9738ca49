// Which camera's frames the 3D follows. 3D exists only where two cameras filmed at the same time,
// and it is made on one camera's frames: following a camera unplugged 2 s into a minute's trial
// (or a phone started late) would cut the 3D to that camera's span. The first camera is followed
// unless another covers more of the time two cameras filmed, by more than one of its frames, so a
// trial whose cameras recorded the same span keeps the camera it always followed.

/** One camera's frames on the trial clock, seconds. */
export interface CameraSpanS {
  firstS: number;
  lastS: number;
  /** One frame interval of the camera. */
  frameS: number;
}

/** Seconds of camera `index`'s span during which at least one other camera filmed too. */
export function sharedSpanS(spans: readonly CameraSpanS[], index: number): number {
  const own = spans[index];
  if (!own) return 0;
  const cuts = [...new Set(spans.flatMap((s) => [s.firstS, s.lastS]))].sort((a, b) => a - b);
  let shared = 0;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const mid = (cuts[k]! + cuts[k + 1]!) / 2;
    if (mid < own.firstS || mid > own.lastS) continue;
    const filming = spans.filter((s) => s.firstS <= mid && mid <= s.lastS).length;
    if (filming >= 2) shared += cuts[k + 1]! - cuts[k]!;
  }
  return shared;
}

export interface ReferenceChoice {
  /** Index of the camera the 3D follows. */
  index: number;
  /** How much more of the time two cameras filmed it covers than the first camera, s (0 when it is the first). */
  moreThanFirstS: number;
}

export function referenceCamera(spans: readonly CameraSpanS[]): ReferenceChoice {
  if (spans.length === 0) return { index: 0, moreThanFirstS: 0 };
  const shared = spans.map((_, i) => sharedSpanS(spans, i));
  const most = Math.max(...shared);
  if (shared[0]! >= most - spans[0]!.frameS) return { index: 0, moreThanFirstS: 0 };
  const index = shared.findIndex((s, i) => s >= most - spans[i]!.frameS);
  return { index, moreThanFirstS: most - shared[0]! };
}
