// Anatomical roles looked up by name, so one analysis serves BlazePose landmarks (left_heel),
// Plug-in Gait markers (LHEE, joint centres LFEP/LFEO/LTIO), Motion Analysis (L.Heel) and OpenCap
// (LHeel, L_calc_study) alike. Candidates are tried in order; the first present one is used.

import type { Side, Trajectory, TrajectorySet } from './types';

export type SideRole = 'heel' | 'toe' | 'ankle' | 'knee' | 'hip' | 'asis' | 'psis' | 'shoulder';
export type CentralRole = 'sacrum';

export type MarkerMap = Record<Side, Record<SideRole, readonly string[]>> &
  Record<CentralRole, readonly string[]>;

export const DEFAULT_MARKER_MAP: MarkerMap = {
  left: {
    heel: ['left_heel', 'LHEE', 'L.Heel', 'LHeel', 'L_calc_study'],
    toe: ['left_foot_index', 'LTOE', 'L.Toe', 'LBigToe', 'L_toe_study'],
    // Joint centres first (Plug-in Gait outputs), skin markers as fallback.
    ankle: ['left_ankle', 'LTIO', 'LAJC', 'LANK', 'L.Ankle', 'LAnkle', 'L_ankle_study'],
    knee: ['left_knee', 'LFEO', 'LKJC', 'LKNE', 'L.Knee', 'LKnee', 'L_knee_study'],
    hip: ['left_hip', 'LFEP', 'LHJC', 'LeftHipCenter', 'LHip', 'L_HJC_study'],
    asis: ['LASI', 'L.ASIS', 'L.ASIS_study'],
    psis: ['LPSI', 'L.PSIS', 'L.PSIS_study'],
    shoulder: ['left_shoulder', 'LSHO', 'L.Shoulder', 'LShoulder', 'L_Shoulder_study'],
  },
  right: {
    heel: ['right_heel', 'RHEE', 'R.Heel', 'RHeel', 'r_calc_study'],
    toe: ['right_foot_index', 'RTOE', 'R.Toe', 'RBigToe', 'r_toe_study'],
    ankle: ['right_ankle', 'RTIO', 'RAJC', 'RANK', 'R.Ankle', 'RAnkle', 'r_ankle_study'],
    knee: ['right_knee', 'RFEO', 'RKJC', 'RKNE', 'R.Knee', 'RKnee', 'r_knee_study'],
    hip: ['right_hip', 'RFEP', 'RHJC', 'RightHipCenter', 'RHip', 'r_HJC_study'],
    asis: ['RASI', 'R.ASIS', 'r.ASIS_study'],
    psis: ['RPSI', 'R.PSIS', 'r.PSIS_study'],
    shoulder: ['right_shoulder', 'RSHO', 'R.Shoulder', 'RShoulder', 'r_Shoulder_study'],
  },
  sacrum: ['SACR', 'V.Sacral', 'VSAC'],
};

export interface ResolvedTrajectory {
  name: string;
  trajectory: Trajectory;
}

/** Finds the trajectory for a role: exact name first, then case-insensitive, then 'Subject:NAME'. */
export function resolveName(
  set: TrajectorySet,
  candidates: readonly string[],
): ResolvedTrajectory | undefined {
  const keys = Object.keys(set.trajectories);
  for (const c of candidates) {
    const exact = set.trajectories[c];
    if (exact) return { name: c, trajectory: exact };
    const lc = c.toLowerCase();
    const k = keys.find((key) => key.toLowerCase() === lc || key.toLowerCase().endsWith(`:${lc}`));
    if (k !== undefined) return { name: k, trajectory: set.trajectories[k]! };
  }
  return undefined;
}
