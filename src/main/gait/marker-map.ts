// Anatomical roles looked up by name, so one analysis serves BlazePose landmarks (left_heel),
// Plug-in Gait markers (LHEE, joint centres LFEP/LFEO/LTIO), Motion Analysis (L.Heel) and OpenCap
// (LHeel, L_calc_study) alike. Candidates are tried in order; the first present one is used.

import type { Side, Trajectory, TrajectorySet } from './types';

export type SideRole =
  'heel' | 'toe' | 'ankle' | 'knee' | 'hip' | 'hipKeypoint' | 'asis' | 'psis' | 'shoulder';
export type CentralRole = 'sacrum';

export type MarkerMap = Record<Side, Record<SideRole, readonly string[]>> &
  Record<CentralRole, readonly string[]>;

// 'A+B' is the midpoint of A and B, where both are present: a joint centre between the lateral and
// medial markers of a knee or ankle. Joint centres from a marker set's anatomical markers come
// before a pose model's keypoints that the same file may carry (OpenCap writes both; OpenSim's
// angles are made from the markers). The feet keep the keypoints first: OpenCap's foot markers are
// predicted from them and land 2-6 frames later, and the events were validated on the keypoints.
export const DEFAULT_MARKER_MAP: MarkerMap = {
  left: {
    heel: ['left_heel', 'LHEE', 'L.Heel', 'LHeel', 'L_calc_study'],
    toe: ['left_foot_index', 'LTOE', 'L.Toe', 'LBigToe', 'L_toe_study'],
    // Joint centres first (Plug-in Gait outputs), then medial + lateral markers, then one marker.
    ankle: [
      'left_ankle',
      'LTIO',
      'LAJC',
      'LANK+LANKin',
      'L.Ankle+L.Ankle.Medial',
      'L_ankle_study+L_mankle_study',
      'LANK',
      'L.Ankle',
      'LAnkle',
      'L_ankle_study',
    ],
    knee: [
      'left_knee',
      'LFEO',
      'LKJC',
      'LKNE+LKNEin',
      'L.Knee+L.Knee.Medial',
      'L_knee_study+L_mknee_study',
      'LKNE',
      'L.Knee',
      'LKnee',
      'L_knee_study',
    ],
    // Modelled hip joint centres. Without one, the pelvis markers place it (Harrington, see
    // preprocess.ts), and only without those does a pose model's hip keypoint stand in. OpenCap's
    // predicted centres (LHJC_study) are not taken: on its walk, Harrington from its pelvis markers
    // agrees better with OpenSim (knee flexion RMSE 3.1 / 3.2 deg against 2.9 / 5.6, hip flexion
    // offset 8.8 / 10.2 deg against 12.3 / 13.7).
    hip: ['LFEP', 'LHJC', 'LeftHipCenter'],
    hipKeypoint: ['left_hip', 'LHip'],
    asis: ['LASI', 'L.ASIS', 'L.ASIS_study'],
    psis: ['LPSI', 'L.PSIS', 'L.PSIS_study'],
    shoulder: ['left_shoulder', 'LSHO', 'L.Shoulder', 'LShoulder', 'L_Shoulder_study'],
  },
  right: {
    heel: ['right_heel', 'RHEE', 'R.Heel', 'RHeel', 'r_calc_study'],
    toe: ['right_foot_index', 'RTOE', 'R.Toe', 'RBigToe', 'r_toe_study'],
    ankle: [
      'right_ankle',
      'RTIO',
      'RAJC',
      'RANK+RANKin',
      'R.Ankle+R.Ankle.Medial',
      'r_ankle_study+r_mankle_study',
      'RANK',
      'R.Ankle',
      'RAnkle',
      'r_ankle_study',
    ],
    knee: [
      'right_knee',
      'RFEO',
      'RKJC',
      'RKNE+RKNEin',
      'R.Knee+R.Knee.Medial',
      'r_knee_study+r_mknee_study',
      'RKNE',
      'R.Knee',
      'RKnee',
      'r_knee_study',
    ],
    hip: ['RFEP', 'RHJC', 'RightHipCenter'],
    hipKeypoint: ['right_hip', 'RHip'],
    asis: ['RASI', 'R.ASIS', 'r.ASIS_study'],
    psis: ['RPSI', 'R.PSIS', 'r.PSIS_study'],
    shoulder: ['right_shoulder', 'RSHO', 'R.Shoulder', 'RShoulder', 'r_Shoulder_study'],
  },
  sacrum: ['SACR', 'V.Sacral', 'VSAC'],
};

/** Every name that marks the pelvis: its markers, a hip joint centre or a pose model's hip. */
export function pelvisCandidates(m: MarkerMap): ReadonlyArray<readonly string[]> {
  return [
    m.left.asis,
    m.right.asis,
    m.left.psis,
    m.right.psis,
    m.sacrum,
    m.left.hip,
    m.right.hip,
    m.left.hipKeypoint,
    m.right.hipKeypoint,
  ];
}

export interface ResolvedTrajectory {
  name: string;
  trajectory: Trajectory;
}

/** A name without case, separators or a 'Subject:' prefix: L_HEE, l.hee and Mila:LHEE are one. */
const bareName = (name: string): string =>
  name
    .slice(name.lastIndexOf(':') + 1)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * Finds the trajectory for a role: exact name first, then case-insensitive or 'Subject:NAME', then
 * the same name written with other separators (systems and lab scripts write L_HEE, L.Heel, L Heel).
 */
export function resolveName(
  set: TrajectorySet,
  candidates: readonly string[],
): ResolvedTrajectory | undefined {
  const keys = Object.keys(set.trajectories);
  const one = (c: string): ResolvedTrajectory | undefined => {
    const exact = set.trajectories[c];
    if (exact) return { name: c, trajectory: exact };
    const lc = c.toLowerCase();
    const bare = bareName(c);
    const k =
      keys.find((key) => key.toLowerCase() === lc || key.toLowerCase().endsWith(`:${lc}`)) ??
      keys.find((key) => bareName(key) === bare);
    return k !== undefined ? { name: k, trajectory: set.trajectories[k]! } : undefined;
  };
  for (const c of candidates) {
    const parts = c.split('+').map(one);
    if (parts.some((p) => p === undefined)) continue;
    if (parts.length === 1) return parts[0];
    return midpoint(parts as ResolvedTrajectory[]);
  }
  return undefined;
}

/** The mean of several trajectories per frame; missing where any is (a centre needs both sides). */
function midpoint(parts: ResolvedTrajectory[]): ResolvedTrajectory {
  const n = Math.min(...parts.map((p) => p.trajectory.x.length));
  const axis = (get: (t: Trajectory) => ArrayLike<number> | undefined): Float64Array => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (const p of parts) s += get(p.trajectory)?.[i] ?? NaN;
      out[i] = s / parts.length;
    }
    return out;
  };
  const has3d = parts.every((p) => p.trajectory.z !== undefined);
  return {
    name: `mid(${parts.map((p) => p.name).join(',')})`,
    trajectory: { x: axis((t) => t.x), y: axis((t) => t.y), ...(has3d ? { z: axis((t) => t.z) } : {}) },
  };
}
