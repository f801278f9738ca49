// The printable assessment report as plain data: everything the PDF and the on-screen preview
// show, already computed and formatted, so the renderer only lays it out. One session gives a
// single report; two give a comparison (A = before, B = after) with differences and flags.

import {
  GAIT_VARIABLES,
  GAIT_VARIABLE_INFO,
  PLANE_COLUMN,
  SEGMENT_ROW,
  type AnatomicalPlane,
  type GaitVariable,
  type Side,
} from './gait-variables';
import {
  compareGps,
  computeGaitIndices,
  type GaitIndicesResult,
  type GpsComparison,
  type GpsResult,
  type PatientCurvesForIndices,
} from './gait-indices';
import {
  PCT_GAIT_CYCLE,
  assertValidNormativeSet,
  normativeBand,
  toCurvePoints51,
  type NormativeSet,
  type RangeStats,
} from './normative-set';
import { ageAtDate, type AgeAtDate } from './patient-age';
import { dimensionlessSpeed } from './speed-band';
import type { MeanSd, ReportInput, SessionInput, SideAnalysisInput } from './report-input';
import {
  SPATIOTEMPORAL_INFO,
  SPATIOTEMPORAL_PARAMETERS,
  type SpatiotemporalParameter,
} from './spatiotemporal-parameters';

export type SessionKey = 'A' | 'B';

export interface SessionHeader {
  readonly key: SessionKey;
  readonly sessionId: string;
  readonly date: string;
  readonly condition: string;
  readonly examiner: string;
  readonly ageAtSession: AgeAtDate;
  readonly cycleCount: { readonly left: number; readonly right: number };
}

export interface ReportHeader {
  readonly labName: string;
  readonly labDetails: readonly string[];
  readonly patientName: string;
  readonly hospitalId: string;
  readonly dateOfBirth: string;
  readonly diagnosis: string;
  readonly gmfcs: string;
  readonly affectedSide: string;
  readonly sessions: readonly SessionHeader[];
  readonly generatedAt: string;
}

export interface NormalRangeCell {
  readonly text: string;
  readonly low: number;
  readonly high: number;
}

export interface ValueCell {
  readonly mean: number;
  readonly sd: number | null;
  readonly text: string;
  /** null when there is no normal range to compare with. */
  readonly outsideNormal: boolean | null;
}

export interface ChangeCell {
  /** B - A, in the row's unit. */
  readonly difference: number;
  readonly text: string;
  readonly threshold: number;
  readonly thresholdSource: string;
  readonly exceedsThreshold: boolean;
}

export interface SpatiotemporalRow {
  readonly parameter: SpatiotemporalParameter;
  readonly label: string;
  readonly unit: string;
  readonly side: Side;
  readonly normal: NormalRangeCell | null;
  /** One cell per session, in session order; null when the session lacks the value. */
  readonly values: readonly (ValueCell | null)[];
  readonly change: ChangeCell | null;
}

export interface SpatiotemporalTable {
  readonly sessionKeys: readonly SessionKey[];
  /** Where the normal ranges come from, for the table footnote; null when there are none. */
  readonly normalSource: string | null;
  readonly rows: readonly SpatiotemporalRow[];
  readonly thresholds: readonly {
    readonly parameter: SpatiotemporalParameter;
    readonly threshold: number;
    readonly unit: string;
    readonly source: string;
  }[];
}

export interface CurveSeries {
  readonly sessionKey: SessionKey;
  readonly side: Side;
  readonly label: string;
  readonly meanDeg: readonly number[];
  readonly sdDeg: readonly number[] | null;
  readonly cycleCount: number;
  readonly footOffPct: number | null;
  /** The curve comes only from cycles where this leg was the far one from a side camera. */
  readonly farSide: boolean;
}

export interface CurvePanel {
  readonly variable: GaitVariable;
  readonly title: string;
  readonly unit: 'deg';
  readonly plane: AnatomicalPlane;
  /** Position in the usual clinical grid: rows trunk, pelvis, hip, knee, ankle/foot; columns by plane. */
  readonly gridRow: number;
  readonly gridColumn: number;
  readonly positiveLabel: string;
  readonly negativeLabel: string;
  readonly lowConfidence: boolean;
  readonly pctGaitCycle: readonly number[];
  readonly normative: {
    readonly meanDeg: readonly number[];
    readonly lowerDeg: readonly number[] | null;
    readonly upperDeg: readonly number[] | null;
  } | null;
  readonly series: readonly CurveSeries[];
}

export interface GpsChange extends GpsComparison {
  readonly scope: Side | 'overall';
  /** False when the two sessions' GPS used different variables: the change is then not a like-for-like comparison. */
  readonly comparable: boolean;
}

export interface IndicesSection {
  readonly available: boolean;
  readonly unavailableReason?: string;
  readonly perSession: readonly { readonly sessionKey: SessionKey; readonly result: GaitIndicesResult }[];
  readonly gpsChanges: readonly GpsChange[];
}

export interface ProvenanceSection {
  readonly sessionKey: SessionKey;
  readonly items: readonly { readonly label: string; readonly value: string }[];
}

export interface NormativeReferenceSummary {
  readonly name: string;
  readonly citation: string;
  readonly source: string;
  readonly population: string;
  readonly spreadNote: string;
}

export interface ReportModel {
  readonly mode: 'single' | 'comparison';
  readonly header: ReportHeader;
  readonly normativeReference: NormativeReferenceSummary | null;
  readonly spatiotemporal: SpatiotemporalTable;
  readonly curvePanels: readonly CurvePanel[];
  readonly indices: IndicesSection;
  readonly provenance: readonly ProvenanceSection[];
  readonly interpretation: { readonly text: string };
  readonly signature: { readonly clinicianName: string; readonly role: string; readonly date: string };
  readonly warnings: readonly string[];
}

const SESSION_KEYS: readonly SessionKey[] = ['A', 'B'];
const SIDE_LIST: readonly Side[] = ['left', 'right'];

const fmt = (v: number, decimals: number): string => v.toFixed(decimals);
const signed = (v: number, decimals: number): string =>
  (v > 0 ? '+' : v < 0 ? '' : '±') + v.toFixed(decimals);

function normalRangeCell(stats: RangeStats | undefined, decimals: number): NormalRangeCell | null {
  if (!stats) return null;
  if (stats.mean !== undefined && stats.sd !== undefined) {
    return {
      text: `${fmt(stats.mean, decimals)} ± ${fmt(stats.sd, decimals)}`,
      low: stats.mean - stats.sd,
      high: stats.mean + stats.sd,
    };
  }
  if (stats.min !== undefined && stats.max !== undefined) {
    return {
      text: `${fmt(stats.min, decimals)}-${fmt(stats.max, decimals)}`,
      low: stats.min,
      high: stats.max,
    };
  }
  return null;
}

function valueCell(
  v: MeanSd | undefined,
  decimals: number,
  normal: NormalRangeCell | null,
  cycleCount: number | undefined,
): ValueCell | null {
  if (!v || !Number.isFinite(v.mean)) return null;
  const value = v.sd === null ? fmt(v.mean, decimals) : `${fmt(v.mean, decimals)} ± ${fmt(v.sd, decimals)}`;
  const fewer = v.n !== undefined && cycleCount !== undefined && v.n < cycleCount;
  return {
    mean: v.mean,
    sd: v.sd,
    text: fewer ? `${value} (n=${v.n})` : value,
    outsideNormal: normal ? v.mean < normal.low || v.mean > normal.high : null,
  };
}

function sideOf(session: SessionInput, side: Side): SideAnalysisInput | undefined {
  return session.analysis[side];
}

function buildSpatiotemporal(input: ReportInput, normative: NormativeSet | undefined): SpatiotemporalTable {
  const sessions = input.sessions;
  const rows: SpatiotemporalRow[] = [];
  for (const parameter of SPATIOTEMPORAL_PARAMETERS) {
    const info = SPATIOTEMPORAL_INFO[parameter];
    for (const side of SIDE_LIST) {
      const raw = sessions.map((s) => sideOf(s, side)?.spatiotemporal[parameter]);
      if (raw.every((v) => v === undefined)) continue;
      const normal = normalRangeCell(
        (input.spatiotemporalNormals?.ranges ?? normative?.spatiotemporal)?.[parameter],
        info.decimals,
      );
      const values = raw.map((v, i) =>
        valueCell(v, info.decimals, normal, sideOf(sessions[i]!, side)?.cycleCount),
      );
      let change: ChangeCell | null = null;
      const [a, b] = values;
      if (sessions.length === 2 && a && b) {
        const difference = b.mean - a.mean;
        const override = input.changeThresholds?.[parameter];
        const threshold = override ?? info.meaningfulChange.threshold;
        change = {
          difference,
          text: signed(difference, info.decimals),
          threshold,
          thresholdSource:
            override === undefined ? info.meaningfulChange.source : 'set by the lab for this report',
          // A hair of tolerance: a change printed as exactly the threshold counts as reaching it.
          exceedsThreshold: Math.abs(difference) >= threshold - 1e-9,
        };
      }
      rows.push({ parameter, label: info.label, unit: info.unit, side, normal, values, change });
    }
  }
  const used = [...new Set(rows.map((r) => r.parameter))];
  const normalSource =
    input.spatiotemporalNormals?.source ??
    (normative?.spatiotemporal ? `${normative.name} (${normative.citation})` : null);
  return {
    sessionKeys: SESSION_KEYS.slice(0, sessions.length),
    normalSource,
    rows,
    thresholds:
      sessions.length === 2
        ? used.map((p) => ({
            parameter: p,
            threshold: input.changeThresholds?.[p] ?? SPATIOTEMPORAL_INFO[p].meaningfulChange.threshold,
            unit: SPATIOTEMPORAL_INFO[p].unit,
            source:
              input.changeThresholds?.[p] === undefined
                ? SPATIOTEMPORAL_INFO[p].meaningfulChange.source
                : 'set by the lab for this report',
          }))
        : [],
  };
}

function buildCurvePanels(input: ReportInput, normative: NormativeSet | undefined): CurvePanel[] {
  const panels: CurvePanel[] = [];
  for (const variable of GAIT_VARIABLES) {
    const series: CurveSeries[] = [];
    input.sessions.forEach((session, i) => {
      const key = SESSION_KEYS[i] ?? 'A';
      for (const side of SIDE_LIST) {
        const sideInput = sideOf(session, side);
        const curve = sideInput?.kinematics[variable];
        if (!sideInput || !curve) continue;
        series.push({
          sessionKey: key,
          side,
          label:
            input.sessions.length === 2 ? `${key} ${side} (${session.date}, ${session.condition})` : side,
          meanDeg: toCurvePoints51(curve.meanDeg),
          sdDeg: curve.sdDeg ? toCurvePoints51(curve.sdDeg) : null,
          cycleCount: sideInput.cycleCount,
          footOffPct: sideInput.footOffPct ?? sideInput.spatiotemporal.footOffPct?.mean ?? null,
          farSide: curve.farSide ?? false,
        });
      }
    });
    if (series.length === 0) continue;
    const info = GAIT_VARIABLE_INFO[variable];
    const norm = normative?.curves[variable];
    panels.push({
      variable,
      title: info.label,
      unit: 'deg',
      plane: info.plane,
      gridRow: SEGMENT_ROW[info.segment],
      gridColumn: PLANE_COLUMN[info.plane],
      positiveLabel: info.positiveDirection,
      negativeLabel: info.negativeDirection,
      lowConfidence: info.markerlessConfidence === 'low',
      pctGaitCycle: PCT_GAIT_CYCLE,
      normative: norm ? normativeBand(norm) : null,
      series,
    });
  }
  return panels;
}

function patientCurves(session: SessionInput): PatientCurvesForIndices {
  const pick = (side: Side): Partial<Record<GaitVariable, readonly number[]>> | undefined => {
    const s = sideOf(session, side);
    if (!s) return undefined;
    const out: Partial<Record<GaitVariable, readonly number[]>> = {};
    for (const [variable, curve] of Object.entries(s.kinematics) as [
      GaitVariable,
      { meanDeg: readonly number[] } | undefined,
    ][]) {
      if (curve) out[variable] = toCurvePoints51(curve.meanDeg);
    }
    return out;
  };
  const left = pick('left');
  const right = pick('right');
  return { ...(left ? { left } : {}), ...(right ? { right } : {}) };
}

const sameVariables = (a: GpsResult, b: GpsResult): boolean =>
  a.used.length === b.used.length &&
  a.used.every((u) => b.used.some((v) => v.variable === u.variable && v.side === u.side));

function buildIndices(input: ReportInput, normative: NormativeSet | undefined): IndicesSection {
  if (!normative)
    return {
      available: false,
      unavailableReason: 'No normative reference set selected: GVS, GPS and MAP need one.',
      perSession: [],
      gpsChanges: [],
    };
  const perSession = input.sessions.map((s, i) => ({
    sessionKey: SESSION_KEYS[i] ?? 'A',
    result: computeGaitIndices(
      patientCurves(s),
      normative,
      input.pelvisSide ? { pelvisSide: input.pelvisSide } : {},
    ),
  }));
  const gpsChanges: GpsChange[] = [];
  const [a, b] = perSession;
  if (a && b) {
    for (const scope of ['left', 'right', 'overall'] as const) {
      const ga = a.result.gps[scope];
      const gb = b.result.gps[scope];
      if (ga.valueDeg === null || gb.valueDeg === null) continue;
      gpsChanges.push({ scope, comparable: sameVariables(ga, gb), ...compareGps(ga.valueDeg, gb.valueDeg) });
    }
  }
  const anyGps = perSession.some((p) => p.result.gvs.length > 0);
  return {
    available: anyGps,
    ...(anyGps
      ? {}
      : { unavailableReason: 'None of the GPS variables has both a patient curve and a normative curve.' }),
    perSession,
    gpsChanges,
  };
}

function buildProvenance(session: SessionInput, key: SessionKey): ProvenanceSection {
  const p = session.analysis.provenance;
  const items: { label: string; value: string }[] = [
    { label: 'Application version', value: p.appVersion },
    { label: 'Pose model', value: p.poseModel },
    { label: 'Inference backend', value: p.inferenceBackend },
    { label: 'Filter', value: p.filterSettings },
    {
      label: 'Cameras',
      value:
        p.cameras.length === 0
          ? 'none recorded'
          : p.cameras
              .map((c) =>
                [
                  c.label ?? c.id,
                  c.view,
                  c.resolution,
                  c.frameRateHz === undefined
                    ? undefined
                    : c.interlaced
                      ? `interlaced, ${c.frameRateHz} fields/s analysed field by field`
                      : c.slowMotionFactor
                        ? `${c.frameRateHz} fps, slow motion (the file plays ${c.slowMotionFactor.toFixed(1)}x slower; times are the walk's)`
                        : `${c.frameRateHz} fps`,
                ]
                  .filter(Boolean)
                  .join(', '),
              )
              .join('; '),
    },
    {
      label: 'Gait events edited by hand',
      value:
        p.handEditedEvents.length === 0
          ? 'none'
          : `${p.handEditedEvents.length}: ` +
            p.handEditedEvents
              .map(
                (e) =>
                  `${e.trialId} ${e.side} ${e.event} ${e.originalTimeS === undefined ? '' : `${e.originalTimeS.toFixed(3)} s -> `}${e.editedTimeS.toFixed(3)} s`,
              )
              .join('; '),
    },
  ];
  if (p.excludedCycles)
    items.push({
      label: 'Cycles excluded by hand',
      value: p.excludedCycles.length === 0 ? 'none' : p.excludedCycles.join('; '),
    });
  if (p.scaleSource) items.push({ label: 'Scale from', value: p.scaleSource });
  if (p.trialIds && p.trialIds.length > 0) items.push({ label: 'Trials', value: p.trialIds.join(', ') });
  if (p.analysedAt) items.push({ label: 'Analysed at', value: p.analysedAt });
  const cycles = SIDE_LIST.map((s) => `${s} ${session.analysis[s]?.cycleCount ?? 0}`).join(', ');
  items.push({ label: 'Gait cycles', value: cycles });
  return { sessionKey: key, items };
}

/** Say so when the patient falls outside the reference's ages or walking-speed band. */
function referenceMatchWarnings(
  input: ReportInput,
  normative: NormativeSet,
  headers: readonly SessionHeader[],
): string[] {
  const out: string[] = [];
  const ages = normative.population.ageRangeYears;
  input.sessions.forEach((session, i) => {
    const header = headers[i];
    if (!header) return;
    const age = header.ageAtSession.decimalYears;
    if (ages && (age < ages.min || age >= ages.max + 1)) {
      out.push(
        `Session ${header.key}: age ${header.ageAtSession.text} is outside the reference ages ${ages.min}-${ages.max} y of ${normative.name}.`,
      );
    }
    const band = normative.population.speedBand?.dimensionlessSpeed;
    const legLengthM = input.patient.legLengthM;
    const speeds = SIDE_LIST.flatMap((side) => {
      const v = sideOf(session, side)?.spatiotemporal.speedMps?.mean;
      return v === undefined || !Number.isFinite(v) ? [] : [v];
    });
    if (band && legLengthM !== undefined && speeds.length > 0) {
      const speedMps = speeds.reduce((a, b) => a + b, 0) / speeds.length;
      const vStar = dimensionlessSpeed(speedMps, legLengthM);
      if ((band.min !== undefined && vStar < band.min) || (band.max !== undefined && vStar >= band.max)) {
        out.push(
          `Session ${header.key}: dimensionless speed ${vStar.toFixed(3)} (${speedMps.toFixed(2)} m/s, leg ${legLengthM.toFixed(2)} m) is outside the ${normative.population.speedBand?.label ?? ''} band of the reference; part of the deviation may be speed, not pathology.`,
        );
      }
    }
  });
  return out;
}

const GMFCS_ROMAN = ['I', 'II', 'III', 'IV', 'V'] as const;

export function buildReportModel(input: ReportInput): ReportModel {
  const sessions = input.sessions;
  if (sessions.length < 1 || sessions.length > 2)
    throw new Error(`A report takes one or two sessions, got ${sessions.length}.`);
  const normative = input.normativeSet;
  // Sets come from the lab database or a user's import: check them before printing a band.
  if (normative) assertValidNormativeSet(normative);
  const warnings: string[] = [];

  const headers: SessionHeader[] = sessions.map((s, i) => ({
    key: SESSION_KEYS[i] ?? 'A',
    sessionId: s.sessionId,
    date: s.date,
    condition: s.condition,
    examiner: s.examiner,
    ageAtSession: ageAtDate(input.patient.dateOfBirth, s.date),
    cycleCount: { left: s.analysis.left?.cycleCount ?? 0, right: s.analysis.right?.cycleCount ?? 0 },
  }));
  const [first, second] = sessions;
  if (first && second && second.date < first.date)
    warnings.push(
      `Session B (${second.date}) is dated before session A (${first.date}); differences are B - A.`,
    );
  for (const h of headers) {
    if (h.cycleCount.left + h.cycleCount.right === 0) warnings.push(`Session ${h.key} has no gait cycle.`);
    for (const side of SIDE_LIST) {
      if (h.cycleCount[side] === 1)
        warnings.push(`Session ${h.key}: only one ${side} cycle, so no SD over cycles.`);
    }
  }

  sessions.forEach((s, i) => {
    for (const note of s.analysis.notes ?? []) warnings.push(`Session ${headers[i]!.key}, ${note}`);
  });

  const curvePanels = buildCurvePanels(input, normative);
  const lowConfidence = curvePanels.filter((p) => p.lowConfidence).map((p) => p.title);
  if (lowConfidence.length > 0) {
    warnings.push(
      `Transverse-plane angles (${lowConfidence.join(', ')}) from markerless capture have published errors above 10 deg: low confidence.`,
    );
  }
  for (const h of headers) {
    for (const side of SIDE_LIST) {
      const far = curvePanels.filter((p) =>
        p.series.some((s) => s.sessionKey === h.key && s.side === side && s.farSide),
      );
      if (far.length === 0) continue;
      warnings.push(
        `Session ${h.key}: the ${side} leg was the far one from the camera in every trial: its ${far
          .map((p) => p.title.toLowerCase())
          .join(
            ', ',
          )} curves (and gait indices from them) are low confidence: read them from a camera on the ${side} side (a trial filmed from both sides is analysed from both).`,
      );
    }
  }
  if (!normative)
    warnings.push(
      'No normative reference set: curves are shown without a normal band and no gait indices are computed.',
    );
  else if (normative.spread.kind === 'unspecified-dev')
    warnings.push(
      `The normal band of ${normative.name} is drawn from a "dev" of undocumented meaning, not a between-subject SD.`,
    );

  if (first && second && first.condition !== second.condition) {
    warnings.push(
      `Conditions differ (A: ${first.condition}, B: ${second.condition}): changes mix treatment and condition.`,
    );
  }
  const method = (m: SessionInput) => m.analysis.measuredWith ?? 'video';
  for (const [k, session] of sessions.entries())
    if (method(session) === 'video and markers')
      warnings.push(
        `${sessions.length === 2 ? `Session ${SESSION_KEYS[k] ?? 'A'}` : 'This session'} pools marker-based and markerless trials: its means mix two measurement methods (choose one trial to report one method).`,
      );
  if (first && second && method(first) !== method(second)) {
    const name = {
      video: 'markerless video',
      markers: 'markers of a motion-capture system',
      'video and markers': 'video and markers',
    };
    warnings.push(
      `Measurement methods differ (A: ${name[method(first)]}, B: ${name[method(second)]}): part of a change may come from the method, not the patient (markerless and marker-based sagittal angles differ by about 3-6 deg RMSE in published comparisons; joint centres are defined differently).`,
    );
  }
  if (normative) warnings.push(...referenceMatchWarnings(input, normative, headers));

  const indices = buildIndices(input, normative);
  for (const p of indices.perSession) {
    const overall = p.result.gps.overall;
    if (overall.valueDeg !== null && !overall.complete)
      warnings.push(`Session ${p.sessionKey}: ${overall.label} is not comparable with published GPS values.`);
  }
  for (const c of indices.gpsChanges) {
    if (!c.comparable)
      warnings.push(
        `GPS ${c.scope}: the sessions used different variables, so the change is not like for like.`,
      );
  }

  const p = input.patient;
  return {
    mode: sessions.length === 2 ? 'comparison' : 'single',
    header: {
      labName: input.lab.name,
      labDetails: [input.lab.department, input.lab.address, input.lab.phone].filter((x): x is string =>
        Boolean(x),
      ),
      patientName: p.name,
      hospitalId: p.hospitalId,
      dateOfBirth: p.dateOfBirth,
      diagnosis: p.diagnosis ?? '',
      gmfcs: p.gmfcsLevel === undefined ? '' : `GMFCS ${GMFCS_ROMAN[p.gmfcsLevel - 1] ?? p.gmfcsLevel}`,
      affectedSide: p.affectedSide ?? '',
      sessions: headers,
      generatedAt: input.generatedAt ?? '',
    },
    normativeReference: normative
      ? {
          name: normative.name,
          citation: normative.citation,
          source: normative.source,
          population: normative.population.description,
          spreadNote: normative.spread.note,
        }
      : null,
    spatiotemporal: buildSpatiotemporal(input, normative),
    curvePanels,
    indices,
    provenance: sessions.map((s, i) => buildProvenance(s, SESSION_KEYS[i] ?? 'A')),
    interpretation: { text: input.interpretation ?? '' },
    signature: {
      clinicianName: input.signature?.clinicianName ?? '',
      role: input.signature?.role ?? '',
      date: input.signature?.date ?? '',
    },
    warnings,
  };
}
