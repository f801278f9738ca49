// Small synthetic inputs shared by the report unit tests.
import {
  CURVE_POINTS,
  GAIT_VARIABLES,
  type GaitVariable,
  type NormativeCurve,
  type NormativeSet,
} from '../../../src/main/report/model';

export const constant = (value: number): number[] => new Array<number>(CURVE_POINTS).fill(value);

/** A normative set whose every curve has mean 0 and SD 5, so a patient curve equals its difference. */
export function zeroNormativeSet(variables: readonly GaitVariable[] = GAIT_VARIABLES): NormativeSet {
  const curves: Partial<Record<GaitVariable, NormativeCurve>> = {};
  for (const variable of variables) curves[variable] = { variable, meanDeg: constant(0), sdDeg: constant(5) };
  return {
    id: 'zero',
    name: 'Synthetic zero set',
    source: 'unit test',
    citation: 'none',
    population: { description: 'synthetic', ageRangeYears: { min: 4, max: 18 } },
    spread: { kind: 'between-subject-sd', note: 'synthetic' },
    curves,
    spatiotemporal: { speedMps: { mean: 1.2, sd: 0.15 }, cadenceStepsPerMin: { mean: 120, sd: 10 } },
    notes: [],
  };
}
