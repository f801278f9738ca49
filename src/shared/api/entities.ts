// Plain data that crosses the API boundary. Units are in the field names.
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const AFFECTED_SIDES = ['left', 'right', 'bilateral', 'none', 'unknown'] as const;
export type AffectedSide = (typeof AFFECTED_SIDES)[number];

export const SESSION_CONDITIONS = [
  'barefoot',
  'shoes',
  'AFO',
  'walker',
  'crutches',
  'pre-op',
  'post-op',
  'training',
  'other',
] as const;
export type SessionCondition = (typeof SESSION_CONDITIONS)[number];

export const TRIAL_STATUSES = ['empty', 'recording', 'recorded', 'analysing', 'analysed', 'failed'] as const;
export type TrialStatus = (typeof TRIAL_STATUSES)[number];

export interface PatientInfo {
  id: string;
  name: string;
  hospitalId: string;
  /** ISO date YYYY-MM-DD, or null when unknown. */
  dateOfBirth: string | null;
  sex: Sex;
  diagnosis: string;
  /** Gross Motor Function Classification System level 1-5, null when not applicable. */
  gmfcsLevel: number | null;
  affectedSide: AffectedSide;
  heightM: number | null;
  legLengthM: number | null;
  massKg: number | null;
  notes: string;
  /** ISO timestamp when archived; archived patients are hidden from the default list but never deleted. */
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SessionInfo {
  id: string;
  patientId: string;
  /** ISO date YYYY-MM-DD of the assessment. */
  date: string;
  condition: SessionCondition;
  examiner: string;
  notes: string;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  trialCount: number;
}

export interface TrialFileInfo {
  /** Camera label, e.g. "cam1" or "sagittal-left". */
  camera: string;
  /** Path relative to the lab folder. */
  relativePath: string;
  /**
   * 'review-video': a copy of the camera's video that the review's browser can play (H.264).
   * 'markers': a motion-capture system's marker file (C3D, TRC), the whole of a marker-based trial.
   */
  kind: 'video' | 'review-video' | 'markers' | 'pose' | 'analysis' | 'other';
  /** The file is not in the lab folder: moved or deleted outside GaitLab (said where it is shown). */
  missing?: true;
}

export interface TrialCameraAnalysis {
  camera: string;
  status: 'analysing' | 'analysed' | 'failed' | 'cancelled';
  /** Why, when it failed or was cancelled. */
  message: string;
}

export interface TrialInfo {
  id: string;
  sessionId: string;
  name: string;
  status: TrialStatus;
  /** Human-readable reason when status is 'failed'. */
  statusMessage: string;
  cameras: string[];
  files: TrialFileInfo[];
  /**
   * Where each analysed camera stands, by camera name. The trial's own status is its first
   * camera's; a trial analysed from a camera on each side shows the other one's here.
   */
  cameraAnalyses: TrialCameraAnalysis[];
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A trial whose data is a motion-capture system's marker file (C3D, TRC), not videos. */
export function isMarkerTrial(trial: Pick<TrialInfo, 'files'>): boolean {
  return trial.files.some((f) => f.kind === 'markers');
}

export interface LabInfo {
  labDir: string;
  databasePath: string;
  schemaVersion: number;
  appVersion: string;
}
