// What the report builder needs from the rest of the application, as plain data. The analysis
// pipeline's own output is adapted to these types elsewhere; units are in the field names.

import type { GaitVariable, Side } from './gait-variables';
import type { NormativeSet, RangeStats } from './normative-set';
import type { SpatiotemporalParameter } from './spatiotemporal-parameters';

export type { Side } from './gait-variables';

export interface LabInfo {
  readonly name: string;
  readonly department?: string;
  readonly address?: string;
  readonly phone?: string;
}

export type AffectedSide = 'left' | 'right' | 'bilateral' | 'none' | 'unknown';
export type GmfcsLevel = 1 | 2 | 3 | 4 | 5;

export interface PatientInfo {
  readonly name: string;
  readonly hospitalId: string;
  /** ISO date, YYYY-MM-DD. */
  readonly dateOfBirth: string;
  readonly diagnosis?: string;
  readonly gmfcsLevel?: GmfcsLevel;
  readonly affectedSide?: AffectedSide;
  /** Used to make speed dimensionless when matching a speed band. */
  readonly legLengthM?: number;
}

export interface MeanSd {
  readonly mean: number;
  /** SD over cycles; null when only one cycle was measured. */
  readonly sd: number | null;
  /**
   * Cycles the value was measured on, when known; fewer than the side's cycle count (a length not
   * measured from a foot at the picture's edge, an event missing) is printed next to the value.
   */
  readonly n?: number;
}

export type SpatiotemporalSideInput = Readonly<Partial<Record<SpatiotemporalParameter, MeanSd>>>;

export interface KinematicCurveInput {
  /** Mean over cycles, 51 points 0..100 % (101 accepted and resampled). */
  readonly meanDeg: readonly number[];
  /** SD over cycles at each point. */
  readonly sdDeg?: readonly number[];
  /** Only cycles where this leg was the far one from a side camera: low confidence. */
  readonly farSide?: boolean;
}

export interface SideAnalysisInput {
  readonly cycleCount: number;
  readonly spatiotemporal: SpatiotemporalSideInput;
  readonly kinematics: Readonly<Partial<Record<GaitVariable, KinematicCurveInput>>>;
  /** Mean foot off in % of the cycle: the stance/swing divider drawn on curve panels. */
  readonly footOffPct?: number;
}

export interface CameraInfo {
  readonly id: string;
  readonly label?: string;
  readonly view?: string;
  readonly resolution?: string;
  /** Pictures per second analysed: fields per second when `interlaced`. */
  readonly frameRateHz?: number;
  /** Interlaced video, analysed field by field. */
  readonly interlaced?: boolean;
  /** A phone's slow-motion file: it plays this many times slower than it was filmed (media/capture-rate.ts). */
  readonly slowMotionFactor?: number;
}

export interface HandEditedEvent {
  readonly trialId: string;
  readonly side: Side;
  readonly event: 'foot-strike' | 'foot-off';
  readonly originalTimeS?: number;
  readonly editedTimeS: number;
}

export interface ProvenanceInput {
  readonly appVersion: string;
  readonly poseModel: string;
  readonly inferenceBackend: string;
  /** e.g. "Butterworth 4th order low-pass, 6 Hz, zero lag". */
  readonly filterSettings: string;
  readonly cameras: readonly CameraInfo[];
  readonly handEditedEvents: readonly HandEditedEvent[];
  /** Gait cycles the clinician left out in review, e.g. "trial 1a2b3c4d left cycle 1". */
  readonly excludedCycles?: readonly string[];
  /** How metres were obtained: calibration, known floor distance, subject height. */
  readonly scaleSource?: string;
  readonly trialIds?: readonly string[];
  readonly analysedAt?: string;
}

export interface SessionAnalysisInput {
  readonly left?: SideAnalysisInput;
  readonly right?: SideAnalysisInput;
  /**
   * Caveats of the analyses behind the numbers, one line per trial camera (flagged cycles, low
   * pose confidence inside the walking passes), printed among the report's warnings.
   */
  readonly notes?: readonly string[];
  readonly provenance: ProvenanceInput;
  /**
   * What measured the session's trials: markerless video (the default), a motion-capture system's
   * markers (imported C3D/TRC), or both. Two sessions measured differently are compared with a caveat.
   */
  readonly measuredWith?: 'video' | 'markers' | 'video and markers';
}

export interface SessionInput {
  readonly sessionId: string;
  /** ISO date, YYYY-MM-DD. */
  readonly date: string;
  /** e.g. "barefoot", "AFO", "walker". */
  readonly condition: string;
  readonly examiner: string;
  readonly analysis: SessionAnalysisInput;
}

export interface ReportInput {
  readonly lab: LabInfo;
  readonly patient: PatientInfo;
  /** One session, or two for a comparison (first = before, second = after). */
  readonly sessions: readonly [SessionInput] | readonly [SessionInput, SessionInput];
  readonly normativeSet?: NormativeSet;
  /**
   * Normal ranges for the parameter table when they come from elsewhere than the curve set
   * (e.g. an age- and sex-matched walkway table); they take precedence over the set's own.
   */
  readonly spatiotemporalNormals?: {
    readonly ranges: Readonly<Partial<Record<SpatiotemporalParameter, RangeStats>>>;
    readonly source: string;
  };
  readonly interpretation?: string;
  readonly signature?: { readonly clinicianName?: string; readonly role?: string; readonly date?: string };
  /** Override the meaningful-change thresholds of spatiotemporal-parameters.ts (same units). */
  readonly changeThresholds?: Readonly<Partial<Record<SpatiotemporalParameter, number>>>;
  readonly pelvisSide?: Side;
  /** ISO timestamp printed in the footer; given by the caller so the builder stays pure. */
  readonly generatedAt?: string;
}
