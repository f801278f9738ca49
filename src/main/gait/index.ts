// Public surface of the gait analysis core (pure: arrays in, arrays out).
export { analyseTrajectories } from './analyse';
export type {
  AnalysisOptions,
  AnalysisResult,
  AnalysisError,
  AnalysisErrorCode,
  GaitAnalysis,
  CycleCurveSet,
  CycleCurve,
} from './analyse';
export type { AngleSeries, AngleVariable, AngleView } from './angles-types';
export { ANGLE_LABELS } from './angles-types';
export { butterworthLowPass } from './butterworth';
export { fillGaps } from './gap-fill';
export { buildCycles, normaliseCycle, meanSdCurves, cycleKey } from './cycles';
export type { GaitCycle, CycleFlag, CycleOptions } from './cycles';
export {
  addEvent,
  removeEvent,
  moveEvent,
  eventsFromTimes,
  eventTimeS,
  eventFromLabels,
  detectGaitEvents,
} from './gait-events';
export { zeniEvents } from './zeni';
export { footVelocityEvents } from './foot-velocity';
export { detectWalkingPasses } from './walking-passes';
export { validateHeightM, resolveScale } from './scaling';
export type { ScaleSource, Scale } from './scaling';
export { computeSpatiotemporal, SPATIOTEMPORAL_UNITS } from './spatiotemporal';
export type { SpatiotemporalResult, SpatiotemporalParameter, CycleSpatiotemporal } from './spatiotemporal';
export { poseTrackToTrajectorySet } from './pose-adapter';
export { tidyCsv, TIDY_CSV_COLUMNS } from './tidy-csv';
export { textSummary, kneeSummary } from './summary';
export { DEFAULT_MARKER_MAP } from './marker-map';
export type { MarkerMap } from './marker-map';
export * from './types';
