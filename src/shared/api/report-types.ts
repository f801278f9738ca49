// What the report page reads: the printable report as plain data. The report model in
// src/main/report/model builds it; these declarations mirror its shape for the renderer (which may
// not import src/main), and the report service checks at compile time that the model still fits.
export type ReportSide = 'left' | 'right';
export type ReportSessionKey = 'A' | 'B';

export interface LabSettingsInfo {
  labName: string;
  department: string;
  address: string;
  phone: string;
  /** The logo as a data: URL (small PNG or JPEG), or null. */
  logoDataUrl: string | null;
  /** The walkway normal table used for the parameter table, chosen per patient by sex, age, pace. */
  spatiotemporalTable: { name: string; source: string; rows: number; ages: string } | null;
  updatedAt: string | null;
}

export type NormativeFormat = 'csv' | 'pycgm2' | 'gcd';

export interface NormativeSetInfo {
  id: string;
  name: string;
  origin: 'imported' | 'lab';
  format: NormativeFormat | 'lab-controls';
  group: string | null;
  source: string;
  citation: string;
  population: string;
  ageRangeYears: { min: number; max: number } | null;
  speedBand: string | null;
  subjectCount: number | null;
  variables: string[];
  spreadNote: string;
  notes: string[];
  createdAt: string;
  archivedAt: string | null;
}

export interface ReportSessionHeaderView {
  key: ReportSessionKey;
  sessionId: string;
  date: string;
  condition: string;
  examiner: string;
  ageAtSession: { years: number; months: number; decimalYears: number; text: string };
  cycleCount: { left: number; right: number };
}

export interface ReportValueCellView {
  mean: number;
  sd: number | null;
  text: string;
  outsideNormal: boolean | null;
}

export interface ReportRowView {
  parameter: string;
  label: string;
  unit: string;
  side: ReportSide;
  normal: { text: string; low: number; high: number } | null;
  values: readonly (ReportValueCellView | null)[];
  change: {
    difference: number;
    text: string;
    threshold: number;
    thresholdSource: string;
    exceedsThreshold: boolean;
  } | null;
}

export interface ReportCurveSeriesView {
  sessionKey: ReportSessionKey;
  side: ReportSide;
  label: string;
  meanDeg: readonly number[];
  sdDeg: readonly number[] | null;
  cycleCount: number;
  footOffPct: number | null;
  /** Only cycles where this leg was the far one from a side camera: low confidence. */
  farSide: boolean;
}

export interface ReportCurvePanelView {
  variable: string;
  title: string;
  unit: 'deg';
  plane: string;
  gridRow: number;
  gridColumn: number;
  positiveLabel: string;
  negativeLabel: string;
  lowConfidence: boolean;
  pctGaitCycle: readonly number[];
  normative: {
    meanDeg: readonly number[];
    lowerDeg: readonly number[] | null;
    upperDeg: readonly number[] | null;
  } | null;
  series: readonly ReportCurveSeriesView[];
}

export interface ReportGpsView {
  scope: ReportSide | 'overall';
  valueDeg: number | null;
  complete: boolean;
  sagittalOnly: boolean;
  label: string;
  expectedCount: number;
  used: readonly { variable: string; side: ReportSide }[];
}

export interface ReportIndicesView {
  available: boolean;
  unavailableReason?: string;
  perSession: readonly {
    sessionKey: ReportSessionKey;
    result: {
      normativeSetName: string;
      gvs: readonly { variable: string; side: ReportSide; gvsDeg: number }[];
      gps: { left: ReportGpsView; right: ReportGpsView; overall: ReportGpsView };
      map: readonly { variable: string; side: ReportSide; label: string; gvsDeg: number | null }[];
      gdi: { available: false; reason: string };
    };
  }[];
  gpsChanges: readonly {
    scope: ReportSide | 'overall';
    comparable: boolean;
    beforeDeg: number;
    afterDeg: number;
    changeDeg: number;
    mcidDeg: number;
    exceedsMcid: boolean;
    direction: string;
  }[];
}

export interface ReportModelView {
  mode: 'single' | 'comparison';
  header: {
    labName: string;
    labDetails: readonly string[];
    patientName: string;
    hospitalId: string;
    dateOfBirth: string;
    diagnosis: string;
    gmfcs: string;
    affectedSide: string;
    sessions: readonly ReportSessionHeaderView[];
    generatedAt: string;
  };
  normativeReference: {
    name: string;
    citation: string;
    source: string;
    population: string;
    spreadNote: string;
  } | null;
  spatiotemporal: {
    sessionKeys: readonly ReportSessionKey[];
    normalSource: string | null;
    rows: readonly ReportRowView[];
    thresholds: readonly { parameter: string; threshold: number; unit: string; source: string }[];
  };
  curvePanels: readonly ReportCurvePanelView[];
  indices: ReportIndicesView;
  provenance: readonly { sessionKey: ReportSessionKey; items: readonly { label: string; value: string }[] }[];
  interpretation: { text: string };
  signature: { clinicianName: string; role: string; date: string };
  warnings: readonly string[];
}

/** One video still at a gait event, with the skeleton to draw over it. */
export interface ReportStillView {
  sessionKey: ReportSessionKey;
  trialId: string;
  side: ReportSide;
  event: 'initial-contact' | 'mid-stance' | 'foot-off';
  label: string;
  frame: number;
  timeS: number;
  /** JPEG inside the lab (trial folder), already cropped around the patient. */
  imageRelativePath: string;
  widthPx: number;
  heightPx: number;
  /** 33 BlazePose landmarks in the still's pixels; null where not found or not visible. */
  landmarks: Array<{ x: number; y: number } | null>;
}

export interface ReportView {
  model: ReportModelView;
  lab: LabSettingsInfo;
  normativeSetId: string | null;
  /** Why this reference was chosen (automatic choice by age and speed), for the footnote. */
  normativeChoice: string | null;
  stills: ReportStillView[];
  stillsMessage: string | null;
  interpretationUpdatedAt: string | null;
  /** Trials averaged per session, in session order. */
  trials: Array<{ sessionKey: ReportSessionKey; trialIds: string[] }>;
}
