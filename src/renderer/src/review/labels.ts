// Words and units shown next to numbers. Sign conventions are printed wherever angles are, because
// a flipped sign is the error clinicians fear most from gait software.
import {
  TRIANGULATED_CAMERA,
  type SideName,
  type TrialAnalysisView,
} from '../../../shared/api/analysis-types';

export const SIDE_LABEL: Record<SideName, string> = { left: 'Left', right: 'Right' };

/** Clinical convention (left red, right green), darkened to keep 4.5:1 contrast on white. */
export const SIDE_COLOUR: Record<SideName, string> = { left: '#c62828', right: '#1b7a34' };
export const SIDE_BAND: Record<SideName, string> = {
  left: 'rgba(198,40,40,0.16)',
  right: 'rgba(27,122,52,0.16)',
};

/** The trial's 3D analysis where cameras are listed: its stored name, "3d", says nothing to a clinician. */
export const TRIANGULATED_LABEL = '3D (calibrated cameras)';

/** A trial camera as review and the session page name it (stored names are kept; 3D in words). */
export function analysisCameraName(camera: string): string {
  return camera === TRIANGULATED_CAMERA ? TRIANGULATED_LABEL : camera;
}

/**
 * The cameras a 3D analysis was triangulated from, as its provenance records them: what was used
 * then, not the session's calibration now.
 */
export function triangulatedFrom(provenance: TrialAnalysisView['provenance']): string[] | null {
  const cameras = String(provenance.triangulatedCameras ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  return cameras.length > 0 ? cameras : null;
}

export const EVENT_LABEL = { 'initial-contact': 'Initial contact', 'foot-off': 'Foot off' } as const;
export const EVENT_SHORT = { 'initial-contact': 'IC', 'foot-off': 'FO' } as const;

/** Variable id → axis label with sign convention and unit. Unknown variables fall back to the service's label. */
const ANGLE_LABELS: Record<string, string> = {
  hip_flexion: 'Hip flexion (+) / extension, deg',
  knee_flexion: 'Knee flexion (+) / extension, deg',
  ankle_dorsiflexion: 'Ankle dorsiflexion (+) / plantarflexion, deg',
  trunk_tilt: 'Trunk tilt, forward (+), deg',
  pelvis_tilt: 'Pelvic tilt, anterior (+), deg',
  pelvic_obliquity: 'Pelvic obliquity, up (+), deg',
  hip_abduction: 'Hip abduction (+) / adduction, deg',
  knee_varus: 'Knee varus (+) / valgus, deg',
  foot_progression: 'Foot progression, internal (+), deg',
};

const ANGLE_TITLES: Record<string, string> = {
  hip_flexion: 'Hip',
  knee_flexion: 'Knee',
  ankle_dorsiflexion: 'Ankle',
  trunk_tilt: 'Trunk',
  pelvis_tilt: 'Pelvis tilt',
  pelvic_obliquity: 'Pelvic obliquity',
  hip_abduction: 'Hip ab/adduction',
  knee_varus: 'Knee varus/valgus',
};

export function angleAxisLabel(variable: string, serviceLabel?: string): string {
  return ANGLE_LABELS[variable] ?? `${serviceLabel ?? variable.replace(/_/g, ' ')}, deg`;
}

export function angleTitle(variable: string, serviceLabel?: string): string {
  return ANGLE_TITLES[variable] ?? serviceLabel ?? variable.replace(/_/g, ' ');
}

/** Display order: distal joints last, as in clinical reports (trunk/pelvis, hip, knee, ankle). */
const ORDER = [
  'trunk_tilt',
  'pelvis_tilt',
  'pelvic_obliquity',
  'hip_flexion',
  'hip_abduction',
  'knee_flexion',
  'knee_varus',
  'ankle_dorsiflexion',
  'foot_progression',
];
export function byClinicalOrder(a: string, b: string): number {
  const ia = ORDER.indexOf(a);
  const ib = ORDER.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
}

const PARAMETER_LABELS: Record<string, { label: string; digits: number }> = {
  speedMps: { label: 'Walking speed', digits: 2 },
  cadenceStepsPerMin: { label: 'Cadence', digits: 1 },
  strideLengthM: { label: 'Stride length', digits: 2 },
  stepLengthM: { label: 'Step length', digits: 2 },
  strideTimeS: { label: 'Stride time', digits: 3 },
  stepTimeS: { label: 'Step time', digits: 3 },
  stancePct: { label: 'Stance', digits: 1 },
  swingPct: { label: 'Swing', digits: 1 },
  singleSupportPct: { label: 'Single support', digits: 1 },
  doubleSupportPct: { label: 'Double support', digits: 1 },
  footOffPct: { label: 'Foot off', digits: 1 },
  oppositeFootOffPct: { label: 'Opposite foot off', digits: 1 },
  oppositeFootContactPct: { label: 'Opposite foot contact', digits: 1 },
  stepWidthM: { label: 'Step width', digits: 2 },
};

export function parameterLabel(parameter: string): { label: string; digits: number } {
  return PARAMETER_LABELS[parameter] ?? { label: parameter, digits: 2 };
}

export function formatNumber(v: number | null | undefined, digits: number): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);
}

export function formatDuration(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '';
  if (s < 60) return `${Math.max(1, Math.round(s))} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}
