import type { Side } from './types';

export type AngleVariable =
  | 'hip_flexion'
  | 'knee_flexion'
  | 'ankle_dorsiflexion'
  | 'pelvis_tilt'
  | 'trunk_tilt'
  | 'hip_abduction'
  | 'pelvic_obliquity'
  | 'knee_varus';

/**
 * Where an angle was measured: one side camera, one frontal camera, or a plane projection of 3D
 * positions. Single-camera angles are planar projections and should be read as such.
 */
export type AngleView = 'sagittal-camera' | 'frontal-camera' | '3d-sagittal' | '3d-frontal';

/** One angle over time. Sign conventions: flexion +, dorsiflexion +, abduction +, anterior tilt +,
 * forward trunk lean +, pelvis up on this side +, varus (knee adduction) +. */
export interface AngleSeries {
  variable: AngleVariable;
  side: Side;
  view: AngleView;
  /** Names of the trajectories the angle was computed from. */
  landmarks: string[];
  unit: 'deg';
  /** Degrees per frame, NaN where a landmark is missing. */
  values: Float64Array;
}

export const ANGLE_LABELS: Record<AngleVariable, string> = {
  hip_flexion: 'Hip flexion (+) / extension',
  knee_flexion: 'Knee flexion (+) / extension',
  ankle_dorsiflexion: 'Ankle dorsiflexion (+) / plantarflexion',
  pelvis_tilt: 'Pelvic tilt, anterior (+)',
  trunk_tilt: 'Trunk tilt, forward (+)',
  hip_abduction: 'Hip abduction (+) / adduction',
  pelvic_obliquity: 'Pelvic obliquity, up (+)',
  knee_varus: 'Knee varus (+) / valgus, apparent frontal angle',
};
