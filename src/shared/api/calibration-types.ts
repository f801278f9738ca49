// A session's camera calibration as the UI sees it: which calibrated camera is which view, where it
// stands, and what the import checks found. Lengths in metres, in the calibration's world frame
// (Z up, as Pose2Sim, Qualisys, Vicon, Sports2D and caliscope files are written).
import type { CameraView } from './ops/capture';

export interface CalibrationCameraInfo {
  /** The camera's name in the calibration file. */
  name: string;
  /** The trial camera (view) it calibrates; null = in the file but not used. */
  view: CameraView | null;
  imageSizePx: [number, number];
  focalPx: [number, number];
  /** Optical centre in the world frame, m. */
  positionM: [number, number, number];
  /** Angle of the optical axis below the horizontal, degrees (+ = looking down). */
  tiltDownDeg: number;
}

export interface SessionCalibrationInfo {
  sessionId: string;
  /** The file the calibration came from (kept in the session folder as imported). */
  fileName: string;
  format: 'pose2sim' | 'caliscope';
  importedAt: string;
  cameras: CalibrationCameraInfo[];
  /**
   * Whether the world origin lies on the floor (every camera above it and upright): a single
   * calibrated camera can then measure metres on the floor. Otherwise only multi-camera 3D uses it.
   */
  floorAtOrigin: boolean;
  /** What the checks found that the user should know (plain sentences). */
  notes: string[];
}

/** A calibration file read but not stored: its cameras, for choosing which is which view. */
export interface CalibrationPreview {
  fileName: string;
  format: 'pose2sim' | 'caliscope';
  cameras: Array<Omit<CalibrationCameraInfo, 'view'>>;
  floorAtOrigin: boolean;
  notes: string[];
}
