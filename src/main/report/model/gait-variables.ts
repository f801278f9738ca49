// The one canonical list of kinematic variables a report, a normative set and the gait indices
// speak about. Importers translate every source's names (Vicon, Schwartz spreadsheet, GCD) into
// these, flipping signs where the source disagrees with our clinical convention.

export const GAIT_VARIABLES = [
  'pelvis_tilt',
  'pelvis_obliquity',
  'pelvis_rotation',
  'hip_flexion',
  'hip_abduction',
  'hip_rotation',
  'knee_flexion',
  'knee_varus_valgus',
  'knee_rotation',
  'ankle_dorsiflexion',
  'foot_progression',
  'trunk_tilt',
  'trunk_obliquity',
  'trunk_rotation',
] as const;

export type GaitVariable = (typeof GAIT_VARIABLES)[number];

export type Side = 'left' | 'right';
export const SIDES: readonly Side[] = ['left', 'right'];

export type AnatomicalPlane = 'sagittal' | 'frontal' | 'transverse';
export type Segment = 'trunk' | 'pelvis' | 'hip' | 'knee' | 'ankle' | 'foot';

export interface GaitVariableInfo {
  readonly variable: GaitVariable;
  readonly label: string;
  readonly unit: 'deg';
  readonly plane: AnatomicalPlane;
  readonly segment: Segment;
  /** What a positive value means, in words a clinician reads on the plot axis. */
  readonly positiveDirection: string;
  readonly negativeDirection: string;
  readonly signNote: string;
  /**
   * Markerless transverse-plane angles have published errors above 10 deg, so a report marks
   * them as low confidence rather than hiding them.
   */
  readonly markerlessConfidence: 'normal' | 'low';
}

const info = (
  variable: GaitVariable,
  label: string,
  plane: AnatomicalPlane,
  segment: Segment,
  positiveDirection: string,
  negativeDirection: string,
  signNote: string,
): GaitVariableInfo => ({
  variable,
  label,
  unit: 'deg',
  plane,
  segment,
  positiveDirection,
  negativeDirection,
  signNote,
  markerlessConfidence: plane === 'transverse' ? 'low' : 'normal',
});

export const GAIT_VARIABLE_INFO: Readonly<Record<GaitVariable, GaitVariableInfo>> = {
  pelvis_tilt: info(
    'pelvis_tilt',
    'Pelvic tilt',
    'sagittal',
    'pelvis',
    'anterior',
    'posterior',
    'Anterior tilt positive (Vicon PelvisAngles X).',
  ),
  pelvis_obliquity: info(
    'pelvis_obliquity',
    'Pelvic obliquity',
    'frontal',
    'pelvis',
    'up',
    'down',
    'Positive when the pelvis on this side is higher than on the other side (Vicon PelvisAngles Y).',
  ),
  pelvis_rotation: info(
    'pelvis_rotation',
    'Pelvic rotation',
    'transverse',
    'pelvis',
    'internal (forward)',
    'external (backward)',
    'Positive when this side of the pelvis is rotated forward (Vicon PelvisAngles Z).',
  ),
  hip_flexion: info(
    'hip_flexion',
    'Hip flexion',
    'sagittal',
    'hip',
    'flexion',
    'extension',
    'Flexion positive (Vicon HipAngles X).',
  ),
  hip_abduction: info(
    'hip_abduction',
    'Hip abduction',
    'frontal',
    'hip',
    'abduction',
    'adduction',
    'Abduction positive. Vicon HipAngles Y, Schwartz "Hip Ad/Abduction" and GCD HipAbAdduct are adduction positive: importers negate them.',
  ),
  hip_rotation: info(
    'hip_rotation',
    'Hip rotation',
    'transverse',
    'hip',
    'internal',
    'external',
    'Internal rotation positive (Vicon HipAngles Z).',
  ),
  knee_flexion: info(
    'knee_flexion',
    'Knee flexion',
    'sagittal',
    'knee',
    'flexion',
    'extension',
    'Flexion positive (Vicon KneeAngles X).',
  ),
  knee_varus_valgus: info(
    'knee_varus_valgus',
    'Knee varus/valgus',
    'frontal',
    'knee',
    'varus',
    'valgus',
    'Varus (knee adduction) positive, as Vicon KneeAngles Y and GCD KneeValgVar.',
  ),
  knee_rotation: info(
    'knee_rotation',
    'Knee rotation',
    'transverse',
    'knee',
    'internal',
    'external',
    'Internal rotation of the tibia positive (Vicon KneeAngles Z).',
  ),
  ankle_dorsiflexion: info(
    'ankle_dorsiflexion',
    'Ankle dorsiflexion',
    'sagittal',
    'ankle',
    'dorsiflexion',
    'plantarflexion',
    'Dorsiflexion positive (Vicon AnkleAngles X).',
  ),
  foot_progression: info(
    'foot_progression',
    'Foot progression',
    'transverse',
    'foot',
    'internal (in-toeing)',
    'external (out-toeing)',
    'Internal positive, so typical walking is negative, about -5 to -15 deg (Vicon FootProgressAngles Z).',
  ),
  trunk_tilt: info(
    'trunk_tilt',
    'Trunk tilt',
    'sagittal',
    'trunk',
    'anterior (forward lean)',
    'posterior',
    'Forward lean positive. Sources differ on the reference frame (laboratory or pelvis); Schwartz 2008 reports about 21 deg at free speed, far more than a laboratory-frame lean, so compare with care.',
  ),
  trunk_obliquity: info(
    'trunk_obliquity',
    'Trunk obliquity',
    'frontal',
    'trunk',
    'up',
    'down',
    'As in the source; reference frame not standardised.',
  ),
  trunk_rotation: info(
    'trunk_rotation',
    'Trunk rotation',
    'transverse',
    'trunk',
    'internal (forward)',
    'external',
    'As in the source; reference frame not standardised.',
  ),
};

/** Baker et al. 2009 Gait Profile Score variables, in the order of the Movement Analysis Profile. */
export const GPS_VARIABLES: readonly GaitVariable[] = [
  'pelvis_tilt',
  'pelvis_obliquity',
  'pelvis_rotation',
  'hip_flexion',
  'hip_abduction',
  'hip_rotation',
  'knee_flexion',
  'ankle_dorsiflexion',
  'foot_progression',
];

export const PELVIS_VARIABLES: readonly GaitVariable[] = [
  'pelvis_tilt',
  'pelvis_obliquity',
  'pelvis_rotation',
];

export function isGaitVariable(name: string): name is GaitVariable {
  return (GAIT_VARIABLES as readonly string[]).includes(name);
}

/** Clinical report grid: rows by segment, columns by plane (sagittal, frontal, transverse). */
export const PLANE_COLUMN: Readonly<Record<AnatomicalPlane, number>> = {
  sagittal: 0,
  frontal: 1,
  transverse: 2,
};
export const SEGMENT_ROW: Readonly<Record<Segment, number>> = {
  trunk: 0,
  pelvis: 1,
  hip: 2,
  knee: 3,
  ankle: 4,
  foot: 4,
};
