// The analysis of one trial camera as the UI and reports read it: plain JSON, units in names,
// every number traceable to the gait module that computed it (src/main/gait).
import type { PictureTurnDeg } from '../picture-fix';
export type SideName = 'left' | 'right';
export type GaitEventKindName = 'initial-contact' | 'foot-off';

export interface GaitEventView {
  side: SideName;
  kind: GaitEventKindName;
  /** Frame index into the video (fractional: sub-frame estimate). */
  frame: number;
  timeS: number;
  source: 'zeni' | 'foot-velocity' | 'manual' | 'imported';
}

export interface CycleView {
  side: SideName;
  index: number;
  startFrame: number;
  endFrame: number;
  footOffFrame: number | null;
  durationS: number;
  flags: string[];
  excluded: boolean;
  excludedByUser: boolean;
}

export interface CurveView {
  variable: string;
  label: string;
  side: SideName;
  view: string;
  landmarks: string[];
  unit: 'deg';
  /** 0..100 % of the gait cycle. */
  percent: number[];
  /** Mean and SD over the included cycles; null where undefined. */
  mean: Array<number | null>;
  sd: Array<number | null>;
  cycles: Array<{ cycleIndex: number; excluded: boolean; values: Array<number | null> }>;
  includedCycles: number;
  /**
   * Every included cycle saw this leg as the far one from the side camera: low confidence.
   * (Absent in analyses stored before the far leg was recognised.)
   */
  farSide?: boolean;
}

export interface AngleTimeSeriesView {
  variable: string;
  side: SideName;
  view: string;
  unit: 'deg';
  /** Degrees per video frame; null where a landmark was missing. */
  values: Array<number | null>;
}

export interface ParameterView {
  /** e.g. speedMps, cadenceStepsPerMin. */
  parameter: string;
  unit: string;
  left: { mean: number | null; sd: number | null; n: number };
  right: { mean: number | null; sd: number | null; n: number };
  /** 100 * (left - right) / mean(left, right), percent. */
  asymmetryPct: number | null;
}

export interface TrialAnalysisView {
  trialId: string;
  camera: string;
  status: 'analysed' | 'failed';
  /** Why it failed and what to do, when status is 'failed'. */
  message: string;
  fps: number;
  frameCount: number;
  startTimeS: number;
  view: string;
  mode: 'overground' | 'treadmill' | null;
  /** Treadmill walking: the belt speed (m/s) that lengths and speed were made from; else null. */
  beltSpeedMps: number | null;
  passes: Array<{ index: number; startFrame: number; endFrame: number; direction: 1 | -1 }>;
  events: GaitEventView[];
  eventsEditedByHand: boolean;
  cycles: CycleView[];
  curves: CurveView[];
  angles: AngleTimeSeriesView[];
  parameters: ParameterView[];
  scale: { metresPerUnit: number; method: string; description: string } | null;
  /** Frames whose pose confidence is below the threshold: review them before trusting the numbers. */
  lowConfidenceFrames: number[];
  /**
   * Frames where the pelvis or a foot was lost in the middle of the walk (main/gait/walk-gaps.ts),
   * among lowConfidenceFrames too: frames of the walk, even between the two passes it was split in.
   * Absent in analyses stored before they were.
   */
  walkGapFrames?: number[];
  /**
   * Why the camera's view label looks wrong (a "frontal" camera the subject crosses), else null:
   * its view-specific curves are not to be read, and reports leave them out. (Absent in analyses
   * stored before it was checked.)
   */
  viewDoubt?: string | null;
  /**
   * Why the analysis no longer matches what it was made from (a 3D analysis whose calibration was
   * replaced, or a camera re-synchronised or analysed again since), else absent: to be analysed
   * again before it is read. Also the first of `warnings`.
   */
  outOfDate?: string | null;
  warnings: string[];
  /**
   * Failed because the subject stands upside down or on their side in the picture: the clockwise
   * turn that brings them upright (see capture.turnVideo). Absent otherwise.
   */
  pictureTurnDeg?: PictureTurnDeg;
  /**
   * A side camera that sees the leg it is named beside as the far one (the first warning says so):
   * it stood on the other side, or its video is a mirror image (see analysis.start's mirror).
   * Absent otherwise.
   */
  sideDoubt?: true;
  /** Relative path (inside the lab) of the video the frames index into. */
  videoRelativePath: string;
  provenance: Record<string, string | number | boolean | null>;
}

/** The pose track for overlays: 33 BlazePose landmarks per frame, original-frame pixels. */
export interface PoseTrackView {
  fps: number;
  frameCount: number;
  widthPx: number;
  heightPx: number;
  timeS: number[];
  /** Frame-major: [f * 33 + l]; null where not found. Rounded to 0.1 px. */
  xPx: Array<number | null>;
  yPx: Array<number | null>;
  /** 0..1, rounded to 0.01. */
  visibility: number[];
  confidence: number[];
  lowConfidenceFrames: number[];
  /** Instants with no picture (frames the camera dropped; see pose/uniform-clock.ts). Absent: none. */
  droppedFrames?: number[];
  /**
   * The time, s, at which the camera's own video file shows frame 0 when it is not 0 (the video
   * starts after the sound, or after an empty edit): what its player's clock reads there. A review
   * copy starts at 0. Absent: 0.
   */
  firstFrameS?: number;
  /** Frame 0 on ffmpeg's seek clock of the same file (which counts from the file's start), s. Absent: 0. */
  firstFrameSeekS?: number;
  /**
   * A phone's slow-motion video: seconds of the file (and of its review copy) per second of the
   * walk, e.g. 4 for 120 frames/s stored to play at 30. timeS and fps are the walk's. Absent: 1.
   */
  slowMotionFactor?: number;
}

/** A rectangle in the video's displayed pixels (after rotation metadata). */
export interface BoxPx {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The scale from two marks on the floor a known distance apart (tape marks along the walkway),
 * in the analysed video's displayed pixels: metres measured, not estimated from the height.
 */
export interface FloorScaleChoice {
  aPx: [number, number];
  bPx: [number, number];
  distanceM: number;
}

/** The person to follow: whoever the person scan saw in this box at this frame. */
export interface PersonChoice {
  box: BoxPx;
  frame: number;
}

/** The people the person scan of a trial's video saw, for the user to point at the patient. */
export interface ScannedPeopleView {
  camera: string;
  /**
   * The calibrated camera whose patient this camera follows (the person standing at the same
   * place on the floor), when its person was chosen that way rather than by hand or automatically.
   */
  followsCamera: string | null;
  /** The frame shown: the one where most of them are in view. */
  frame: number;
  timeS: number;
  /** That frame as a JPEG data URL, and its size (people boxes below are in these pixels). */
  imageDataUrl: string;
  imageWidthPx: number;
  imageHeightPx: number;
  /** The video's displayed size: image pixels x videoWidthPx / imageWidthPx are video pixels. */
  videoWidthPx: number;
  videoHeightPx: number;
  people: Array<{
    /** 1-based label shown to the user. */
    number: number;
    /** The one the analysis follows now. */
    followed: boolean;
    /** Where they are in the shown frame (image pixels), null when out of view then. */
    boxInImage: BoxPx | null;
    /** Seen from/to, seconds on the video clock. */
    seenFromS: number;
    seenToS: number;
    /** Distance their box travelled, in body heights (a walker travels; a bystander stays put). */
    travelBodyHeights: number;
    /** Pass this to analysis.start to follow them. */
    choice: PersonChoice;
  }>;
}

/**
 * The camera name under which a trial's 3D analysis is stored and asked for: its landmarks are
 * triangulated from the session's calibrated cameras, and its frames are those of the first of them
 * (its video is the one review shows, with the 3D skeleton projected onto it).
 */
export const TRIANGULATED_CAMERA = '3d';

/**
 * The camera name under which a marker-based trial's analysis is stored and asked for: a C3D or TRC
 * file of a motion-capture system (Vicon, Qualisys, Motion Analysis, OpenCap) imported as a trial of
 * its own. Its coordinates are measured in 3D; it has no video and no pose track.
 */
export const MARKER_CAPTURE_CAMERA = 'markers';
