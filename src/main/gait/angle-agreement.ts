// How far GaitLab's angles lie from another model's angles of the same capture (a motion-capture
// system's stored outputs), frame by frame: what a lab reads before trusting GaitLab's numbers for
// its archive, and how its old reports relate to GaitLab's.
import type { AngleSeries, AngleVariable } from './angles-types';
import type { Side } from './types';

/** Another model's angle of one joint and side, on the same frames, in GaitLab's sign convention. */
export interface ReferenceAngle {
  variable: AngleVariable;
  side: Side;
  /** The name it has in its source (e.g. "LKneeAngles"). */
  source: string;
  /** Degrees per frame, NaN where the model has none. */
  valuesDeg: ArrayLike<number>;
}

export interface AngleAgreement {
  variable: AngleVariable;
  side: Side;
  source: string;
  /** Root mean square difference over the frames both have, deg. */
  rmseDeg: number;
  /** Mean of GaitLab's minus the reference, deg (a constant offset, such as another joint-centre definition). */
  biasDeg: number;
  frames: number;
}

/**
 * GaitLab's angle against each reference angle of the same variable and side, over the frames
 * where both are defined. References with no GaitLab counterpart, or no common frame, are left out.
 */
export function angleAgreement(
  ours: readonly AngleSeries[],
  references: readonly ReferenceAngle[],
): AngleAgreement[] {
  return references.flatMap((ref) => {
    const mine = ours.find((a) => a.variable === ref.variable && a.side === ref.side);
    if (!mine) return [];
    let sum2 = 0;
    let sum = 0;
    let n = 0;
    const len = Math.min(mine.values.length, ref.valuesDeg.length);
    for (let i = 0; i < len; i++) {
      const d = mine.values[i]! - ref.valuesDeg[i]!;
      if (!Number.isFinite(d)) continue;
      sum2 += d * d;
      sum += d;
      n++;
    }
    if (n === 0) return [];
    return [
      {
        variable: ref.variable,
        side: ref.side,
        source: ref.source,
        rmseDeg: Math.sqrt(sum2 / n),
        biasDeg: sum / n,
        frames: n,
      },
    ];
  });
}
