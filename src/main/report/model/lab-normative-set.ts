// A lab's own reference set from its control sessions. Each control contributes ONE mean curve
// per variable (the caller averages cycles, and sides if wanted, per subject first), so the SD
// here is the between-subject sample SD (n - 1 denominator), the same kind of spread the
// published sets report. Several sessions of one person would shrink the SD: pass one per subject.

import { GAIT_VARIABLES, type GaitVariable } from './gait-variables';
import {
  CURVE_POINTS,
  type NormativeCurve,
  type NormativeSet,
  type NormativeSetMeta,
  type RangeStats,
  toCurvePoints51,
} from './normative-set';
import { SPATIOTEMPORAL_PARAMETERS, type SpatiotemporalParameter } from './spatiotemporal-parameters';

export interface ControlSessionCurves {
  readonly subjectId: string;
  /** Mean curve per variable over this subject's cycles, 51 points (101 accepted and resampled). */
  readonly curves: Readonly<Partial<Record<GaitVariable, readonly number[]>>>;
  readonly spatiotemporal?: Readonly<Partial<Record<SpatiotemporalParameter, number>>>;
}

export interface LabSetOptions {
  /** Variables with fewer contributing subjects are left out (an SD needs at least 2). */
  readonly minSubjects?: number;
}

function meanAndSampleSd(values: readonly number[]): { mean: number; sd: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const ss = values.reduce((a, b) => a + (b - mean) ** 2, 0);
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 };
}

export function buildLabNormativeSet(
  controls: readonly ControlSessionCurves[],
  meta: NormativeSetMeta,
  options: LabSetOptions = {},
): NormativeSet {
  const minSubjects = Math.max(2, options.minSubjects ?? 2);
  const ids = new Set<string>();
  for (const c of controls) {
    if (ids.has(c.subjectId))
      throw new Error(
        `Control subject ${c.subjectId} appears twice; average that subject's sessions first so the SD stays between subjects.`,
      );
    ids.add(c.subjectId);
  }
  const curves: Partial<Record<GaitVariable, NormativeCurve>> = {};
  const notes: string[] = [];
  for (const variable of GAIT_VARIABLES) {
    const contributing = controls.flatMap((c) => {
      const curve = c.curves[variable];
      return curve ? [{ id: c.subjectId, points: toCurvePoints51(curve) }] : [];
    });
    if (contributing.length === 0) continue;
    if (contributing.length < minSubjects) {
      notes.push(
        `${variable}: only ${contributing.length} subject(s), at least ${minSubjects} needed; left out.`,
      );
      continue;
    }
    for (const c of contributing) {
      if (!c.points.every(Number.isFinite))
        throw new Error(`Control subject ${c.id}: ${variable} has a non-finite value.`);
    }
    const meanDeg: number[] = [];
    const sdDeg: number[] = [];
    for (let i = 0; i < CURVE_POINTS; i++) {
      const { mean, sd } = meanAndSampleSd(contributing.map((c) => c.points[i] ?? Number.NaN));
      meanDeg.push(mean);
      sdDeg.push(sd);
    }
    curves[variable] = { variable, meanDeg, sdDeg, subjectCount: contributing.length };
  }
  const spatiotemporal: Partial<Record<SpatiotemporalParameter, RangeStats>> = {};
  for (const p of SPATIOTEMPORAL_PARAMETERS) {
    const values = controls.flatMap((c) => {
      const v = c.spatiotemporal?.[p];
      return v !== undefined && Number.isFinite(v) ? [v] : [];
    });
    if (values.length >= minSubjects) {
      const { mean, sd } = meanAndSampleSd(values);
      spatiotemporal[p] = { mean, sd, min: Math.min(...values), max: Math.max(...values) };
    }
  }
  if (Object.keys(curves).length === 0)
    throw new Error(`No variable has curves from at least ${minSubjects} control subjects.`);
  return {
    ...meta,
    population: { ...meta.population, subjectCount: controls.length },
    spread: {
      kind: 'between-subject-sd',
      note: `between-subject sample SD (n - 1) over ${controls.length} control subjects, one mean curve each`,
    },
    curves,
    spatiotemporal,
    notes,
  };
}
