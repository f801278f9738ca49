// Plain data shared by the gait modules. Positions are arrays indexed by frame; NaN = missing.

export type Side = 'left' | 'right';
export const SIDES: readonly Side[] = ['left', 'right'];
export const otherSide = (s: Side): Side => (s === 'left' ? 'right' : 'left');

/** One named point over time. z is absent for 2D image landmarks. */
export interface Trajectory {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  z?: ArrayLike<number>;
  /** 0..1 per frame where the source gives one (pose landmarks); markers have none. */
  confidence?: ArrayLike<number>;
}

/**
 * How coordinates are laid out:
 * - 'image-y-down': one camera's pixels, x to the right, y DOWN (pose landmarks);
 * - 'lab-z-up': 3D laboratory frame with Z vertical (C3D, Vicon);
 * - 'lab-y-up': 3D frame with Y vertical (OpenSim TRC, OpenCap).
 */
export type CoordinateConvention = 'image-y-down' | 'lab-z-up' | 'lab-y-up';
export type LengthUnit = 'px' | 'mm' | 'm';

/** Which anatomical plane a single camera sees. Ignored for 3D data, where both are derived. */
export type CameraView = 'sagittal' | 'frontal';

export interface TrajectorySet {
  rateHz: number;
  frameCount: number;
  convention: CoordinateConvention;
  unit: LengthUnit;
  /** Named trajectories (BlazePose names such as left_heel, or markers such as LHEE, SACR...). */
  trajectories: Record<string, Trajectory>;
  /** Time of frame 0 in seconds on the recording's clock (C3D: (firstFrame - 1) / rate). Default 0. */
  startTimeS?: number;
  /** One camera's picture size ('image-y-down' only): feet at its edge are not measured from. */
  imageSizePx?: { widthPx: number; heightPx: number };
  /**
   * Where the points come from: 'pose-model' = landmarks a pose model placed on video (one
   * camera's, or triangulated), whose feet heights do not mark the landing (see analyse.ts);
   * default 'markers' (motion capture, or anything measured on the body).
   */
  source?: 'markers' | 'pose-model';
  /**
   * One camera's pose model only: per frame, its confidence (0-1) that a person is in its crop, 0
   * where it found none (doubted-pose.ts reads its dips).
   */
  poseConfidence?: Float64Array;
  /**
   * One camera's video only: the frames whose picture its decoder patched, the file being damaged
   * there, and the decoder's first complaint (damaged-picture.ts sets them aside).
   */
  damagedPicture?: { frames: number[]; decoderMessage: string };
}

export type GaitEventKind = 'initial-contact' | 'foot-off';
export type EventMethod = 'zeni' | 'foot-velocity';
export type EventSource = EventMethod | 'manual' | 'imported';

export interface GaitEvent {
  side: Side;
  kind: GaitEventKind;
  /** Frame index (fractional: sub-frame estimate) into the trajectories. */
  frame: number;
  source: EventSource;
}

export interface WalkingPass {
  index: number;
  startFrame: number;
  /** One past the last frame. */
  endFrame: number;
  /** +1: walking toward +x (image right / lab +axis); -1: toward -x. */
  direction: 1 | -1;
  mode: 'overground' | 'treadmill';
}

export interface MeanSd {
  mean: number;
  sd: number;
  n: number;
}
