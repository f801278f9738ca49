// Spatiotemporal parameters carry their unit in the key, so a value can never be read in the
// wrong unit (the commonest complaint about existing tools is height or length in the wrong unit).

export const SPATIOTEMPORAL_PARAMETERS = [
  'speedMps',
  'cadenceStepsPerMin',
  'strideLengthM',
  'stepLengthM',
  'strideTimeS',
  'stepTimeS',
  'stanceTimePct',
  'swingTimePct',
  'singleSupportPct',
  'doubleSupportPct',
  'footOffPct',
  'oppositeFootOffPct',
  'oppositeFootContactPct',
  'stepWidthM',
] as const;

export type SpatiotemporalParameter = (typeof SPATIOTEMPORAL_PARAMETERS)[number];

export interface MeaningfulChange {
  /** Absolute difference between sessions at or above which the report flags the change. */
  readonly threshold: number;
  /** Where the number comes from; "lab default" when no published value is known to us. */
  readonly source: string;
}

export interface SpatiotemporalParameterInfo {
  readonly parameter: SpatiotemporalParameter;
  readonly label: string;
  readonly unit: string;
  readonly decimals: number;
  readonly meaningfulChange: MeaningfulChange;
}

const LAB_DEFAULT =
  'lab default (no published minimal clinically important difference known to us; adjust per lab)';

export const SPATIOTEMPORAL_INFO: Readonly<Record<SpatiotemporalParameter, SpatiotemporalParameterInfo>> = {
  speedMps: {
    parameter: 'speedMps',
    label: 'Walking speed',
    unit: 'm/s',
    decimals: 2,
    meaningfulChange: {
      threshold: 0.1,
      source:
        'Perera et al. 2006 (J Am Geriatr Soc 54:743): about 0.1 m/s is a substantial meaningful change in gait speed (adults); used here as the lab default for children too',
    },
  },
  cadenceStepsPerMin: {
    parameter: 'cadenceStepsPerMin',
    label: 'Cadence',
    unit: 'steps/min',
    decimals: 0,
    meaningfulChange: { threshold: 5, source: LAB_DEFAULT },
  },
  strideLengthM: {
    parameter: 'strideLengthM',
    label: 'Stride length',
    unit: 'm',
    decimals: 2,
    meaningfulChange: { threshold: 0.1, source: LAB_DEFAULT },
  },
  stepLengthM: {
    parameter: 'stepLengthM',
    label: 'Step length',
    unit: 'm',
    decimals: 2,
    meaningfulChange: { threshold: 0.05, source: LAB_DEFAULT },
  },
  strideTimeS: {
    parameter: 'strideTimeS',
    label: 'Stride time',
    unit: 's',
    decimals: 2,
    meaningfulChange: { threshold: 0.1, source: LAB_DEFAULT },
  },
  stepTimeS: {
    parameter: 'stepTimeS',
    label: 'Step time',
    unit: 's',
    decimals: 2,
    meaningfulChange: { threshold: 0.05, source: LAB_DEFAULT },
  },
  stanceTimePct: {
    parameter: 'stanceTimePct',
    label: 'Stance',
    unit: '% cycle',
    decimals: 1,
    meaningfulChange: { threshold: 3, source: LAB_DEFAULT },
  },
  swingTimePct: {
    parameter: 'swingTimePct',
    label: 'Swing',
    unit: '% cycle',
    decimals: 1,
    meaningfulChange: { threshold: 3, source: LAB_DEFAULT },
  },
  singleSupportPct: {
    parameter: 'singleSupportPct',
    label: 'Single support',
    unit: '% cycle',
    decimals: 1,
    meaningfulChange: { threshold: 3, source: LAB_DEFAULT },
  },
  doubleSupportPct: {
    parameter: 'doubleSupportPct',
    label: 'Double support',
    unit: '% cycle',
    decimals: 1,
    meaningfulChange: { threshold: 3, source: LAB_DEFAULT },
  },
  footOffPct: {
    parameter: 'footOffPct',
    label: 'Foot off',
    unit: '% cycle',
    decimals: 1,
    meaningfulChange: { threshold: 3, source: LAB_DEFAULT },
  },
  oppositeFootOffPct: {
    parameter: 'oppositeFootOffPct',
    label: 'Opposite foot off',
    unit: '% cycle',
    decimals: 1,
    meaningfulChange: { threshold: 3, source: LAB_DEFAULT },
  },
  oppositeFootContactPct: {
    parameter: 'oppositeFootContactPct',
    label: 'Opposite foot contact',
    unit: '% cycle',
    decimals: 1,
    meaningfulChange: { threshold: 3, source: LAB_DEFAULT },
  },
  stepWidthM: {
    parameter: 'stepWidthM',
    label: 'Step width',
    unit: 'm',
    decimals: 2,
    meaningfulChange: { threshold: 0.03, source: LAB_DEFAULT },
  },
};

export function isSpatiotemporalParameter(name: string): name is SpatiotemporalParameter {
  return (SPATIOTEMPORAL_PARAMETERS as readonly string[]).includes(name);
}
