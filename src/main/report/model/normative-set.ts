// A normative reference set: what "normal" means on a report. Kept as plain data so it can be
// stored in the lab database, sent to the renderer and printed without any class behaviour.

import type { GaitVariable } from './gait-variables';
import type { SpatiotemporalParameter } from './spatiotemporal-parameters';

/** Clinical reports use 51 points, every 2 % of the gait cycle. */
export const CURVE_POINTS = 51;
export const PCT_GAIT_CYCLE: readonly number[] = Array.from({ length: CURVE_POINTS }, (_, i) => i * 2);

export type SpeedGroupLabel = 'VerySlow' | 'Slow' | 'Free' | 'Fast' | 'VeryFast';

export interface RangeStats {
  readonly mean?: number;
  readonly sd?: number;
  readonly min?: number;
  readonly max?: number;
}

export interface NormativePopulation {
  readonly description: string;
  readonly ageRangeYears?: { readonly min: number; readonly max: number };
  readonly ageYears?: RangeStats;
  /** Walking-speed band the curves belong to, when the source splits by speed. */
  readonly speedBand?: {
    readonly label: string;
    /** Dimensionless speed v / sqrt(g * leg length), as Schwartz et al. 2008 define their groups. */
    readonly dimensionlessSpeed?: RangeStats;
    readonly speedMps?: RangeStats;
  };
  readonly subjectCount?: number;
}

/**
 * How to read the `sdDeg` column. Vicon GCD files store a "dev" whose meaning is undocumented
 * (its values are far smaller than a between-subject SD), so a band drawn from it must say so.
 */
export type SpreadKind = 'between-subject-sd' | 'unspecified-dev';

export interface NormativeCurve {
  readonly variable: GaitVariable;
  /** 51 values, 0..100 % of the gait cycle in 2 % steps, in our sign convention. */
  readonly meanDeg: readonly number[];
  /** 51 values, or null when the source gives no spread for this variable. */
  readonly sdDeg: readonly number[] | null;
  readonly subjectCount?: number;
}

export interface NormativeSet {
  readonly id: string;
  readonly name: string;
  /** Where the numbers came from (file, repository, conversion). */
  readonly source: string;
  /** The publication to cite in a printed report. */
  readonly citation: string;
  readonly population: NormativePopulation;
  readonly spread: { readonly kind: SpreadKind; readonly note: string };
  readonly curves: Readonly<Partial<Record<GaitVariable, NormativeCurve>>>;
  readonly spatiotemporal?: Readonly<Partial<Record<SpatiotemporalParameter, RangeStats>>>;
  /** Import remarks a user should see: variables not reported, names ignored, sign flips. */
  readonly notes: readonly string[];
}

/** Metadata the caller supplies when importing a file, since most files carry none. */
export interface NormativeSetMeta {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  readonly citation: string;
  readonly population: NormativePopulation;
}

/**
 * Bring a curve sampled evenly over 0..100 % to the 51-point grid by linear interpolation
 * (101-point curves land exactly on every second sample).
 */
export function toCurvePoints51(values: readonly number[]): number[] {
  if (values.length === CURVE_POINTS) return [...values];
  if (values.length < 2)
    throw new Error(`A gait-cycle curve needs at least 2 samples over 0-100 %, got ${values.length}.`);
  const last = values.length - 1;
  return PCT_GAIT_CYCLE.map((pct) => {
    const x = (pct / 100) * last;
    const i0 = Math.floor(x);
    const i1 = Math.min(i0 + 1, last);
    const v0 = values[i0] ?? Number.NaN;
    const v1 = values[i1] ?? Number.NaN;
    return v0 + (v1 - v0) * (x - i0);
  });
}

export function normativeBand(curve: NormativeCurve): {
  meanDeg: number[];
  lowerDeg: number[] | null;
  upperDeg: number[] | null;
} {
  const sd = curve.sdDeg;
  return {
    meanDeg: [...curve.meanDeg],
    lowerDeg: sd ? curve.meanDeg.map((m, i) => m - (sd[i] ?? 0)) : null,
    upperDeg: sd ? curve.meanDeg.map((m, i) => m + (sd[i] ?? 0)) : null,
  };
}

/** Throws if a set breaks the invariants the indices and plots rely on. */
export function assertValidNormativeSet(set: NormativeSet): void {
  for (const [variable, curve] of Object.entries(set.curves)) {
    if (!curve) continue;
    if (curve.variable !== variable)
      throw new Error(
        `Normative set "${set.name}": curve stored under ${variable} says it is ${curve.variable}.`,
      );
    if (curve.meanDeg.length !== CURVE_POINTS) {
      throw new Error(
        `Normative set "${set.name}": ${variable} mean has ${curve.meanDeg.length} points, expected ${CURVE_POINTS}.`,
      );
    }
    if (!curve.meanDeg.every(Number.isFinite))
      throw new Error(`Normative set "${set.name}": ${variable} mean has a non-finite value.`);
    if (curve.sdDeg) {
      if (curve.sdDeg.length !== CURVE_POINTS) {
        throw new Error(
          `Normative set "${set.name}": ${variable} SD has ${curve.sdDeg.length} points, expected ${CURVE_POINTS}.`,
        );
      }
      if (!curve.sdDeg.every((v) => Number.isFinite(v) && v >= 0)) {
        throw new Error(
          `Normative set "${set.name}": ${variable} SD must be finite and >= 0 at every point.`,
        );
      }
    }
  }
}
