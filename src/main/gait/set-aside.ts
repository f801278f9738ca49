// Landmarks set aside at some frames (a leg heaped up, a pose the model doubted): made missing
// there, as at frames the model does not see, so the gap fill bridges or reports them.
import type { Trajectory } from './types';

/** `t` with its position missing (NaN) at `frames`; its confidence is kept. */
export function withoutSamples(t: Trajectory, frames: readonly number[]): Trajectory {
  const blank = (a: ArrayLike<number>) => {
    const out = Float64Array.from(a);
    for (const f of frames) out[f] = NaN;
    return out;
  };
  return { ...t, x: blank(t.x), y: blank(t.y), ...(t.z ? { z: blank(t.z) } : {}) };
}
