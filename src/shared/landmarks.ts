// BlazePose GHUM 33-landmark topology, shared by the pose engine (producer), gait analysis and the
// renderer's overlays (consumers). Indices are the model's output order.
export const BLAZEPOSE_LANDMARKS = [
  'nose',
  'left_eye_inner',
  'left_eye',
  'left_eye_outer',
  'right_eye_inner',
  'right_eye',
  'right_eye_outer',
  'left_ear',
  'right_ear',
  'mouth_left',
  'mouth_right',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_pinky',
  'right_pinky',
  'left_index',
  'right_index',
  'left_thumb',
  'right_thumb',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
  'left_heel',
  'right_heel',
  'left_foot_index',
  'right_foot_index',
] as const;

export type LandmarkName = (typeof BLAZEPOSE_LANDMARKS)[number];
export const LANDMARK_COUNT = BLAZEPOSE_LANDMARKS.length;

export function landmarkIndex(name: LandmarkName): number {
  return BLAZEPOSE_LANDMARKS.indexOf(name);
}

/** Bones drawn in overlays, as pairs of landmark names. */
export const SKELETON_EDGES: ReadonlyArray<readonly [LandmarkName, LandmarkName]> = [
  ['left_shoulder', 'right_shoulder'],
  ['left_shoulder', 'left_elbow'],
  ['left_elbow', 'left_wrist'],
  ['right_shoulder', 'right_elbow'],
  ['right_elbow', 'right_wrist'],
  ['left_shoulder', 'left_hip'],
  ['right_shoulder', 'right_hip'],
  ['left_hip', 'right_hip'],
  ['left_hip', 'left_knee'],
  ['left_knee', 'left_ankle'],
  ['left_ankle', 'left_heel'],
  ['left_heel', 'left_foot_index'],
  ['left_ankle', 'left_foot_index'],
  ['right_hip', 'right_knee'],
  ['right_knee', 'right_ankle'],
  ['right_ankle', 'right_heel'],
  ['right_heel', 'right_foot_index'],
  ['right_ankle', 'right_foot_index'],
];

/**
 * 2D landmark tracks of one camera for one trial, in original-frame pixels (x right, y down).
 * Flat arrays, frame-major: value for frame f, landmark l at [f * LANDMARK_COUNT + l].
 * A landmark not found in a frame has NaN coordinates and visibility 0.
 */
export interface PoseTrack2D {
  fps: number;
  widthPx: number;
  heightPx: number;
  frameCount: number;
  /** Presentation time of each frame, seconds from the start of the video. */
  timeS: Float64Array;
  xPx: Float32Array;
  yPx: Float32Array;
  visibility: Float32Array;
  /** Per-frame pose confidence 0..1 (0 = no person found). */
  confidence: Float32Array;
  /**
   * Where the video file is damaged: 1 on each frame whose picture its decoder patched, and the
   * decoder's first complaint. Absent when the video decoded cleanly.
   */
  damagedPicture?: { perFrame: Uint8Array; decoderMessage: string };
}
