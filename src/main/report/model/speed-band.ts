// Matching a reference set to a patient by walking speed and age.
//
// Schwartz et al. 2008 split typically developing children into five groups by dimensionless
// speed v* = v / sqrt(g * L), L = leg length (Hof 1996 scaling). Their supplementary ANOVA sheet
// (derived_csv/schwartz2008_anova_descriptives.csv) gives each group's observed range:
//   VerySlow 0.090-0.226, Slow 0.234-0.359, Free 0.372-0.482, Fast 0.502-0.636, VeryFast 0.638-0.844
// (means 0.172, 0.290, 0.429, 0.560, 0.694). The groups do not overlap, so we put each
// boundary halfway between one group's maximum and the next group's minimum:
//   0.230, 0.366, 0.492, 0.637.
// Only these four boundaries are built in (a definition, not reference data); the test suite
// re-derives them from the staged file.

import type { NormativePopulation, NormativeSet, SpeedGroupLabel } from './normative-set';

export const STANDARD_GRAVITY_MPS2 = 9.80665;

export function dimensionlessSpeed(speedMps: number, legLengthM: number): number {
  if (!(legLengthM > 0))
    throw new Error(`Leg length must be a positive number of metres, got ${legLengthM}.`);
  if (!(speedMps >= 0))
    throw new Error(`Walking speed must be a non-negative number of m/s, got ${speedMps}.`);
  // Leg lengths above 1.5 m are almost certainly entered in cm or mm.
  if (legLengthM > 1.5)
    throw new Error(
      `Leg length ${legLengthM} m is implausible; is it in cm or mm? Expected metres (e.g. 0.72).`,
    );
  return speedMps / Math.sqrt(STANDARD_GRAVITY_MPS2 * legLengthM);
}

export function speedMpsFromDimensionless(dimensionless: number, legLengthM: number): number {
  return dimensionless * Math.sqrt(STANDARD_GRAVITY_MPS2 * legLengthM);
}

export interface SpeedBandDefinition {
  readonly label: SpeedGroupLabel;
  /** Inclusive lower bound of v*; undefined = open. */
  readonly minDimensionless?: number;
  /** Exclusive upper bound of v*; undefined = open. */
  readonly maxDimensionless?: number;
}

export const SCHWARTZ_2008_SPEED_BANDS: readonly SpeedBandDefinition[] = [
  { label: 'VerySlow', maxDimensionless: 0.23 },
  { label: 'Slow', minDimensionless: 0.23, maxDimensionless: 0.366 },
  { label: 'Free', minDimensionless: 0.366, maxDimensionless: 0.492 },
  { label: 'Fast', minDimensionless: 0.492, maxDimensionless: 0.637 },
  { label: 'VeryFast', minDimensionless: 0.637 },
];

/** Observed v* over all Schwartz groups; outside it the chosen band is an extrapolation. */
export const SCHWARTZ_2008_OBSERVED_DIMENSIONLESS_RANGE = { min: 0.09, max: 0.845 } as const;

export const SCHWARTZ_2008_CITATION =
  'Schwartz MH, Rozumalski A, Trost JP. The effect of walking speed on the gait of typically developing children. J Biomech 2008;41(8):1639-1650.';

export function chooseSchwartzSpeedBand(
  v: { dimensionlessSpeed: number } | { speedMps: number; legLengthM: number },
): {
  band: SpeedBandDefinition;
  dimensionlessSpeed: number;
  withinObservedRange: boolean;
  reason: string;
} {
  const vStar =
    'dimensionlessSpeed' in v ? v.dimensionlessSpeed : dimensionlessSpeed(v.speedMps, v.legLengthM);
  const band =
    SCHWARTZ_2008_SPEED_BANDS.find(
      (b) =>
        (b.minDimensionless === undefined || vStar >= b.minDimensionless) &&
        (b.maxDimensionless === undefined || vStar < b.maxDimensionless),
    ) ?? (SCHWARTZ_2008_SPEED_BANDS[2] as SpeedBandDefinition);
  const within =
    vStar >= SCHWARTZ_2008_OBSERVED_DIMENSIONLESS_RANGE.min &&
    vStar <= SCHWARTZ_2008_OBSERVED_DIMENSIONLESS_RANGE.max;
  const reason = `dimensionless speed ${vStar.toFixed(3)} falls in the Schwartz 2008 ${band.label} band${within ? '' : ' (outside the speeds observed in typically developing children: extrapolated)'}`;
  return { band, dimensionlessSpeed: vStar, withinObservedRange: within, reason };
}

/** Population block for a Schwartz 2008 set of one speed group, for importers' metadata. */
export function schwartz2008Population(label: SpeedGroupLabel): NormativePopulation {
  const band = SCHWARTZ_2008_SPEED_BANDS.find((b) => b.label === label);
  return {
    description: `Typically developing children, ${label} walking speed group (Schwartz et al. 2008); age range not stated in the staged files.`,
    speedBand: {
      label,
      dimensionlessSpeed: {
        ...(band?.minDimensionless === undefined ? {} : { min: band.minDimensionless }),
        ...(band?.maxDimensionless === undefined ? {} : { max: band.maxDimensionless }),
      },
    },
  };
}

/** Re-derive the band boundaries from the Schwartz ANOVA descriptives CSV (for checks and docs). */
export function speedBandsFromAnovaDescriptives(
  csv: string,
): { label: string; n: number; mean: number; min: number; max: number }[] {
  const rows = csv.split(/\r?\n/).filter((l) => l.startsWith('Dimensionless Speed,'));
  return rows
    .map((l) => l.split(','))
    .filter((f) => f[1] !== 'Total')
    .map((f) => ({
      label: (f[1] ?? '').replace(/\s/g, ''),
      n: Number(f[2]),
      mean: Number(f[3]),
      min: Number(f[8]),
      max: Number(f[9]),
    }));
}

export interface PatientForMatching {
  readonly ageYears?: number;
  readonly speedMps?: number;
  readonly legLengthM?: number;
  readonly dimensionlessSpeed?: number;
}

export interface NormativeSetChoice {
  readonly set: NormativeSet;
  readonly ageMatch: 'within' | 'outside' | 'unknown';
  readonly speedMatch: 'within' | 'nearest' | 'unknown';
  /** Sentences for the report footnote, e.g. why Free speed was chosen. */
  readonly reasons: readonly string[];
}

function distanceOutside(value: number, min: number | undefined, max: number | undefined): number {
  if (min !== undefined && value < min) return min - value;
  if (max !== undefined && value >= max) return value - max;
  return 0;
}

/**
 * Pick the candidate set closest to the patient: age first (years outside the set's range),
 * then speed (v* when leg length is known, else m/s). Sets without an age range or speed band
 * are usable but rank after matching ones. With no speed given, a "Free" band is preferred.
 */
export function chooseNormativeSet(
  candidates: readonly NormativeSet[],
  patient: PatientForMatching,
): NormativeSetChoice {
  if (candidates.length === 0) throw new Error('No normative reference set is available to choose from.');
  const vStar =
    patient.dimensionlessSpeed ??
    (patient.speedMps !== undefined && patient.legLengthM !== undefined
      ? dimensionlessSpeed(patient.speedMps, patient.legLengthM)
      : undefined);

  const scored = candidates.map((set, order) => {
    const reasons: string[] = [];
    let ageScore = 0.5;
    let ageMatch: NormativeSetChoice['ageMatch'] = 'unknown';
    const ageRange = set.population.ageRangeYears;
    if (patient.ageYears !== undefined && ageRange) {
      const d = distanceOutside(patient.ageYears, ageRange.min, ageRange.max + 1e-9);
      ageScore = d;
      ageMatch = d === 0 ? 'within' : 'outside';
      reasons.push(
        d === 0
          ? `age ${patient.ageYears.toFixed(1)} y within the reference ages ${ageRange.min}-${ageRange.max} y`
          : `age ${patient.ageYears.toFixed(1)} y outside the reference ages ${ageRange.min}-${ageRange.max} y`,
      );
    } else if (patient.ageYears !== undefined) {
      reasons.push('reference ages not documented');
    }

    let speedScore = 0.5;
    let speedMatch: NormativeSetChoice['speedMatch'] = 'unknown';
    const band = set.population.speedBand;
    if (vStar !== undefined && band?.dimensionlessSpeed) {
      const d = distanceOutside(vStar, band.dimensionlessSpeed.min, band.dimensionlessSpeed.max);
      speedScore = d / 0.1;
      speedMatch = d === 0 ? 'within' : 'nearest';
      reasons.push(
        `dimensionless speed ${vStar.toFixed(3)} ${d === 0 ? 'within' : 'outside'} the ${band.label} band`,
      );
    } else if (patient.speedMps !== undefined && band?.speedMps) {
      const d = distanceOutside(patient.speedMps, band.speedMps.min, band.speedMps.max);
      speedScore = d / 0.2;
      speedMatch = d === 0 ? 'within' : 'nearest';
      reasons.push(
        `speed ${patient.speedMps.toFixed(2)} m/s ${d === 0 ? 'within' : 'outside'} the ${band.label} band`,
      );
    } else if (vStar === undefined && patient.speedMps === undefined) {
      speedScore = band ? (band.label === 'Free' ? 0 : 1) : 0.25;
      if (band?.label === 'Free') reasons.push('walking speed unknown: free-speed band used');
    } else if (patient.speedMps !== undefined && vStar === undefined && band?.dimensionlessSpeed) {
      speedScore = band.label === 'Free' ? 0.4 : 1;
      reasons.push('leg length unknown, so speed cannot be made dimensionless: free-speed band preferred');
    }
    return { set, order, score: ageScore * 10 + speedScore, ageMatch, speedMatch, reasons };
  });
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  const best = scored[0];
  if (!best) throw new Error('unreachable');
  return {
    set: best.set,
    ageMatch: best.ageMatch,
    speedMatch: best.speedMatch,
    reasons: [`${best.set.name}: ${best.reasons.join('; ') || 'only candidate'}`],
  };
}
