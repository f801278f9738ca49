// Gait Variable Scores, Gait Profile Score and Movement Analysis Profile (Baker et al. 2009,
// Gait Posture 30:265-269).
//   GVS  = RMS over the 51 points of (patient mean curve - normative mean curve), in degrees.
//   GPS  = RMS of the GVSs: per side over that side's 9 variables (its own pelvis curves);
//          overall over 15 = 6 hip/knee/ankle/foot variables x 2 sides + 3 pelvis variables
//          counted once (from one side, left by default as in Baker's paper).
//   MAP  = the GVSs as bars, plus the GPSs.
// With fewer variables (a single side camera gives sagittal angles only) the score is still
// computed but labelled with what it used, since it is not comparable with a published GPS.

import {
  GAIT_VARIABLE_INFO,
  GPS_VARIABLES,
  PELVIS_VARIABLES,
  type GaitVariable,
  type Side,
} from './gait-variables';
import { CURVE_POINTS, type NormativeSet } from './normative-set';

/** Minimal clinically important difference of the GPS (Baker et al. 2012, Gait Posture 35:612). */
export const GPS_MCID_DEG = 1.6;

export function rootMeanSquare(values: readonly number[]): number {
  if (values.length === 0) throw new Error('RMS of an empty list is undefined.');
  return Math.sqrt(values.reduce((a, v) => a + v * v, 0) / values.length);
}

export function gaitVariableScoreDeg(
  patientMeanDeg: readonly number[],
  normativeMeanDeg: readonly number[],
): number {
  if (patientMeanDeg.length !== CURVE_POINTS || normativeMeanDeg.length !== CURVE_POINTS) {
    throw new Error(
      `GVS needs two ${CURVE_POINTS}-point curves, got ${patientMeanDeg.length} and ${normativeMeanDeg.length}.`,
    );
  }
  const diffs = patientMeanDeg.map((p, i) => p - (normativeMeanDeg[i] ?? Number.NaN));
  if (!diffs.every(Number.isFinite)) throw new Error('GVS: a curve has a non-finite value.');
  return rootMeanSquare(diffs);
}

export type SideCurves = Readonly<Partial<Record<GaitVariable, readonly number[]>>>;

export interface PatientCurvesForIndices {
  readonly left?: SideCurves;
  readonly right?: SideCurves;
}

export interface GaitIndicesOptions {
  /** Side whose pelvis curves enter the overall GPS (Baker: pelvis counted once). */
  readonly pelvisSide?: Side;
}

export interface VariableOnSide {
  readonly variable: GaitVariable;
  readonly side: Side;
}

export interface MissingVariable extends VariableOnSide {
  readonly reason: 'no patient curve' | 'no normative curve';
}

export interface GvsEntry extends VariableOnSide {
  readonly gvsDeg: number;
}

export interface GpsResult {
  readonly scope: Side | 'overall';
  /** null when no variable at all was available. */
  readonly valueDeg: number | null;
  readonly used: readonly VariableOnSide[];
  readonly missing: readonly MissingVariable[];
  readonly expectedCount: number;
  /** True only with every standard variable: then it is comparable with published GPS values. */
  readonly complete: boolean;
  readonly sagittalOnly: boolean;
  /** E.g. "GPS left (sagittal only, 4 of 9 variables)". */
  readonly label: string;
}

export interface MapBar extends VariableOnSide {
  readonly label: string;
  readonly gvsDeg: number | null;
}

export interface GdiStatus {
  readonly available: false;
  readonly reason: string;
  readonly minimumControlSubjects: number;
}

export interface GaitIndicesResult {
  readonly normativeSetId: string;
  readonly normativeSetName: string;
  readonly gvs: readonly GvsEntry[];
  readonly gps: { readonly left: GpsResult; readonly right: GpsResult; readonly overall: GpsResult };
  /** Movement Analysis Profile bars in Baker's order, left then right for each variable. */
  readonly map: readonly MapBar[];
  readonly gdi: GdiStatus;
}

/**
 * GDI (Schwartz & Rozumalski 2008) rests on gait features extracted (SVD) from a large
 * database and a control group to scale against. Lab default minimum: 100 typically developing
 * controls; not implemented in this version either way.
 */
export const GDI_MIN_CONTROL_SUBJECTS = 100;

export function gdiStatus(controlSubjectCount?: number): GdiStatus {
  const have =
    controlSubjectCount === undefined ? 'no control set' : `a control set of ${controlSubjectCount}`;
  return {
    available: false,
    minimumControlSubjects: GDI_MIN_CONTROL_SUBJECTS,
    reason: `GDI not available: it needs a control set of N >= ${GDI_MIN_CONTROL_SUBJECTS} typically developing subjects and the feature basis of Schwartz & Rozumalski 2008; this lab has ${have}, and GDI is not computed in this version.`,
  };
}

function gpsLabel(scope: Side | 'overall', used: number, expected: number, sagittalOnly: boolean): string {
  const name = scope === 'overall' ? 'GPS overall' : `GPS ${scope}`;
  if (used === expected) return `${name} (${used} of ${expected} variables)`;
  const kind = sagittalOnly ? 'sagittal only' : 'partial';
  return `${name} (${kind}, ${used} of ${expected} variables)`;
}

function gpsFrom(
  scope: Side | 'overall',
  expected: readonly VariableOnSide[],
  gvs: readonly GvsEntry[],
  missing: readonly MissingVariable[],
): GpsResult {
  const used = expected.filter((e) => gvs.some((g) => g.variable === e.variable && g.side === e.side));
  const miss = expected.flatMap((e) => missing.filter((m) => m.variable === e.variable && m.side === e.side));
  const values = used.map(
    (u) => gvs.find((g) => g.variable === u.variable && g.side === u.side)?.gvsDeg ?? Number.NaN,
  );
  const sagittalOnly =
    used.length > 0 && used.every((u) => GAIT_VARIABLE_INFO[u.variable].plane === 'sagittal');
  return {
    scope,
    valueDeg: values.length > 0 ? rootMeanSquare(values) : null,
    used,
    missing: miss,
    expectedCount: expected.length,
    complete: used.length === expected.length,
    sagittalOnly,
    label: gpsLabel(scope, used.length, expected.length, sagittalOnly),
  };
}

export function computeGaitIndices(
  patient: PatientCurvesForIndices,
  normative: NormativeSet,
  options: GaitIndicesOptions = {},
): GaitIndicesResult {
  const gvs: GvsEntry[] = [];
  const missing: MissingVariable[] = [];
  for (const side of ['left', 'right'] as const) {
    for (const variable of GPS_VARIABLES) {
      const curve = patient[side]?.[variable];
      const norm = normative.curves[variable];
      if (!curve) missing.push({ variable, side, reason: 'no patient curve' });
      else if (!norm) missing.push({ variable, side, reason: 'no normative curve' });
      else gvs.push({ variable, side, gvsDeg: gaitVariableScoreDeg(curve, norm.meanDeg) });
    }
  }
  const perSide = (side: Side): VariableOnSide[] => GPS_VARIABLES.map((variable) => ({ variable, side }));
  const preferred = options.pelvisSide ?? 'left';
  const other: Side = preferred === 'left' ? 'right' : 'left';
  const pelvisAvailable = (side: Side): number =>
    PELVIS_VARIABLES.filter((v) => gvs.some((g) => g.side === side && g.variable === v)).length;
  // Fall back to the other side's pelvis when the preferred side has none (e.g. one side filmed).
  const pelvisSide = pelvisAvailable(preferred) === 0 && pelvisAvailable(other) > 0 ? other : preferred;
  const overallExpected: VariableOnSide[] = [
    ...PELVIS_VARIABLES.map((variable) => ({ variable, side: pelvisSide })),
    ...(['left', 'right'] as const).flatMap((side) =>
      GPS_VARIABLES.filter((v) => !PELVIS_VARIABLES.includes(v)).map((variable) => ({ variable, side })),
    ),
  ];
  const map: MapBar[] = GPS_VARIABLES.flatMap((variable) =>
    (['left', 'right'] as const).map((side) => ({
      variable,
      side,
      label: `${GAIT_VARIABLE_INFO[variable].label} (${side === 'left' ? 'L' : 'R'})`,
      gvsDeg: gvs.find((g) => g.variable === variable && g.side === side)?.gvsDeg ?? null,
    })),
  );
  return {
    normativeSetId: normative.id,
    normativeSetName: normative.name,
    gvs,
    gps: {
      left: gpsFrom('left', perSide('left'), gvs, missing),
      right: gpsFrom('right', perSide('right'), gvs, missing),
      overall: gpsFrom('overall', overallExpected, gvs, missing),
    },
    map,
    gdi: gdiStatus(normative.population.subjectCount),
  };
}

export interface GpsComparison {
  readonly beforeDeg: number;
  readonly afterDeg: number;
  /** after - before: negative means closer to normal. */
  readonly changeDeg: number;
  readonly mcidDeg: number;
  readonly exceedsMcid: boolean;
  readonly direction: 'improved' | 'worsened' | 'no clinically important change';
}

/** Compare two GPS values against the minimal clinically important difference (1.6 deg). */
export function compareGps(
  beforeDeg: number,
  afterDeg: number,
  mcidDeg: number = GPS_MCID_DEG,
): GpsComparison {
  const changeDeg = afterDeg - beforeDeg;
  // Both inputs are printed to 0.1 deg; compare with a hair of tolerance so 1.6 counts as 1.6.
  const exceedsMcid = Math.abs(changeDeg) >= mcidDeg - 1e-9;
  return {
    beforeDeg,
    afterDeg,
    changeDeg,
    mcidDeg,
    exceedsMcid,
    direction: !exceedsMcid ? 'no clinically important change' : changeDeg < 0 ? 'improved' : 'worsened',
  };
}
