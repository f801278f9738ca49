// Multi-camera recording and video import: camera set-up per lab, crash-safe chunked recording,
// import of existing files, and the sync quality report stored with each trial.
import { z } from 'zod';
import type { TrialInfo } from '../entities';
import { op } from '../op';
import { emptySchema } from '../schemas';

export const CAMERA_VIEWS = ['sagittal-left', 'sagittal-right', 'frontal', 'posterior'] as const;
export type CameraView = (typeof CAMERA_VIEWS)[number];
export const CAMERA_VIEW_LABELS: Record<CameraView, string> = {
  'sagittal-left': 'Sagittal left',
  'sagittal-right': 'Sagittal right',
  frontal: 'Frontal',
  posterior: 'Posterior',
};

/**
 * File types import accepts (the contents are checked by decoding; this is the first gate). Besides
 * phones' and editors' containers, camcorders': AVCHD (.mts, .m2ts), HDV (.m2t), MPEG-2 transport
 * and program streams (.ts, .mpg, DVD .vob), DV (.dv), professional MXF; and older lab video
 * systems' Windows Media (.wmv, .asf).
 */
export const IMPORTABLE_VIDEO_EXTENSIONS = [
  '.mp4',
  '.m4v',
  '.mov',
  '.webm',
  '.mkv',
  '.avi',
  '.mts',
  '.m2ts',
  '.m2t',
  '.ts',
  '.mpg',
  '.mpeg',
  '.vob',
  '.dv',
  '.mxf',
  '.3gp',
  '.wmv',
  '.asf',
] as const;

export const SYNC_METHODS = ['recorded-timestamps', 'clap', 'flash', 'manual', 'none'] as const;
export type SyncMethod = (typeof SYNC_METHODS)[number];

/**
 * A camera keeping under this share of the frame rate asked for records at a lower rate (dim light,
 * a busy computer): said at set-up and in the sync report.
 */
export const LOW_RATE_RATIO = 0.8;

/** Quality of one camera's video in a trial, after remux. */
export interface CameraSyncInfo {
  /** Camera label used in the trial's files: its view, e.g. "sagittal-left". */
  camera: string;
  relativePath: string;
  frameCount: number;
  /** Frames the camera, at the rate it kept, would have produced over its duration. */
  expectedFrameCount: number;
  droppedFrames: number;
  durationS: number;
  /** The rate asked for (recorded trials) or the file's (imported ones), frames/s. */
  fps: number;
  /**
   * The rate the camera kept, from its frame times, frames/s: under `fps` when it lowered its rate
   * (dim light) or the computer could not keep up. Absent in reports made before it was measured.
   */
  measuredFps?: number;
  widthPx: number;
  heightPx: number;
  /**
   * When this camera's first frame was captured, relative to the reference camera's first frame,
   * on one clock. Frame at video time t here shows the same instant as reference time t + startOffsetMs.
   */
  startOffsetMs: number;
}

export interface CaptureReport {
  trialId: string;
  method: SyncMethod;
  referenceCamera: string;
  cameras: CameraSyncInfo[];
  /** Largest start offset between any two cameras (what the sync corrects). */
  worstOffsetMs: number;
  /**
   * Largest, over camera pairs, of the median distance between a frame and the nearest frame of the
   * other camera after the offsets are applied: the residual error of frame-by-frame pairing.
   */
  worstPairingErrorMs: number | null;
  totalDroppedFrames: number;
  /** Seconds of the longest camera; for a recovered trial, what survived. */
  durationS: number;
  recovered: boolean;
  /** Plain-language problems worth the clinician's attention (drops, short camera, large offset). */
  warnings: string[];
  createdAt: string;
}

export interface CameraSetupCamera {
  deviceId: string;
  /** Label the browser gave the device, to find it again when ids change. */
  deviceLabel: string;
  view: CameraView;
  enabled: boolean;
}

export interface CameraSetup {
  cameras: CameraSetupCamera[];
  widthPx: number;
  heightPx: number;
  fps: number;
  updatedAt: string;
}

export interface RecordingStarted {
  trial: TrialInfo;
  /** Chunks later than this many ms are lost in a crash: the client's timeslice. */
  chunkIntervalMs: number;
}

export interface ChunkAccepted {
  bytesOnDisk: number;
  /** False when this sequence number had already been stored (a retried upload). */
  stored: boolean;
}

export interface RecoveredTrial {
  trialId: string;
  trialName: string;
  sessionId: string;
  /** Seconds of video recovered (longest camera), or 0 when nothing could be recovered. */
  recoveredS: number;
  cameras: string[];
  status: 'recorded' | 'failed';
  message: string;
}

export interface ImportStarted {
  uploadId: string;
}

export interface ImportedVideo {
  trial: TrialInfo;
  camera: string;
  relativePath: string;
  durationS: number;
  /** Frames per second; a marker file's sampling rate, Hz. */
  fps: number;
  frameCount: number;
  hasAudio: boolean;
  /** Set when the file was a marker file: the trial is a marker-based capture, analysed on import. */
  markers?: {
    format: 'C3D' | 'TRC';
    markerCount: number;
    eventsFrom: 'file' | 'detected';
    /** Gait cycles per side the analysis kept. */
    cycles: { left: number; right: number };
  };
}

/**
 * Motion-capture systems' marker files import accepts, each as a trial of its own (no video): C3D
 * (Vicon, Qualisys, Motion Analysis...) and TRC (OpenSim, OpenCap, Pose2Sim).
 */
export const IMPORTABLE_MARKER_EXTENSIONS = ['.c3d', '.trc'] as const;

/** A file name's extension, lower case with its dot ('.c3d'), or '' when it has none. */
export function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name);
  return m ? m[0].toLowerCase() : '';
}

/** A marker file import takes as a marker-based trial, told by its name. */
export function isMarkerFileName(name: string): boolean {
  return (IMPORTABLE_MARKER_EXTENSIONS as readonly string[]).includes(extensionOf(name));
}

/** What the pose engine and gait analysis need to take a trial's videos. */
export interface TrialVideo {
  camera: string;
  view: CameraView | null;
  relativePath: string;
  absolutePath: string;
  startOffsetMs: number;
  fps: number;
  frameCount: number;
  durationS: number;
}

const recordId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'Not a valid record id.');
const view = z.enum(CAMERA_VIEWS, {
  error: 'Choose a view: sagittal left, sagittal right, frontal or posterior.',
});
const widthPx = z
  .number()
  .int()
  .min(160, 'Width must be at least 160 pixels.')
  .max(3840, 'Width must be at most 3840 pixels.');
const heightPx = z
  .number()
  .int()
  .min(120, 'Height must be at least 120 pixels.')
  .max(2160, 'Height must be at most 2160 pixels.');
const fps = z
  .number()
  .min(5, 'Frame rate must be at least 5 frames/s.')
  .max(240, 'Frame rate must be at most 240 frames/s.');
const trialName = z
  .string()
  .trim()
  .min(1, 'Trial name is required.')
  .max(200, 'Trial name is too long (at most 200 characters).');
// Base64 of one chunk; the bridge body limit is the real cap, this keeps a clear message.
const base64 = z
  .string()
  .max(24_000_000, 'This chunk is too large: send at most 16 MB per chunk.')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The chunk is not base64 data.');

const uniqueViews = <T extends { view: CameraView; enabled?: boolean }>(cams: T[]) =>
  new Set(cams.filter((c) => c.enabled !== false).map((c) => c.view)).size ===
  cams.filter((c) => c.enabled !== false).length;

export const cameraSetupSaveSchema = z
  .object({
    cameras: z
      .array(
        z
          .object({
            deviceId: z.string().max(512),
            deviceLabel: z.string().max(512).default(''),
            view,
            enabled: z.boolean().default(true),
          })
          .strict(),
      )
      .max(8, 'At most 8 cameras.')
      .refine(uniqueViews, 'Two cameras have the same view: give each recording camera its own view.'),
    widthPx,
    heightPx,
    fps,
  })
  .strict();

export const captureStartSchema = z
  .object({
    sessionId: recordId,
    name: trialName,
    cameras: z
      .array(z.object({ view, deviceLabel: z.string().max(512).default('') }).strict())
      .min(1, 'Choose at least one camera to record.')
      .max(4, 'At most 4 cameras record at once.')
      .refine(uniqueViews, 'Two cameras have the same view: give each recording camera its own view.'),
    widthPx,
    heightPx,
    fps,
    mimeType: z.string().max(100).default('video/webm'),
  })
  .strict();

export const captureChunkSchema = z
  .object({
    trialId: recordId,
    camera: view,
    seq: z.number().int().min(0),
    dataBase64: base64,
    /** Capture times of the frames shown since the previous chunk, ms since the epoch (one clock for all cameras). */
    frameTimesMs: z.array(z.number().finite()).max(10_000).default([]),
  })
  .strict();

export const captureStopSchema = z
  .object({
    trialId: recordId,
    /** Capture time of each camera's first recorded frame (ms since the epoch), from the client clock. */
    firstFrameTimesMs: z.record(z.string(), z.number().finite()).default({}),
  })
  .strict();

export const importBeginSchema = z
  .object({
    fileName: z.string().trim().min(1, 'The file has no name.').max(255),
    sizeBytes: z.number().int().min(0).max(20_000_000_000),
  })
  .strict();

export const importChunkSchema = z
  .object({
    uploadId: z.string().uuid('Not a valid upload id.'),
    seq: z.number().int().min(0),
    dataBase64: base64,
  })
  .strict();

const importTarget = {
  sessionId: recordId,
  /** Add to this trial; without it a new trial named trialName is made (only once the file is accepted). */
  trialId: recordId.optional(),
  trialName: trialName.optional(),
  /** The camera's view; required for a video, not for a marker file (a trial of its own). */
  view: view.optional(),
};

export const importFinishSchema = z
  .object({ uploadId: z.string().uuid('Not a valid upload id.'), ...importTarget })
  .strict();

export const importFileSchema = z
  .object({ path: z.string().min(1, 'Give the path of a video file.').max(4096), ...importTarget })
  .strict();

export const syncSchema = z
  .object({
    trialId: recordId,
    method: z.enum(['clap', 'flash', 'manual'], { error: 'Choose clap, flash or manual offsets.' }),
    referenceCamera: z.string().max(64).optional(),
    /** Manual: each camera's start offset against the reference, ms. */
    offsetsMs: z.record(z.string(), z.number().finite().min(-600_000).max(600_000)).default({}),
  })
  .strict();

const trialOnly = z.object({ trialId: recordId }).strict();

export const captureOperations = {
  'capture.setup.get': op<CameraSetup | null>()(emptySchema),
  'capture.setup.save': op<CameraSetup>()(cameraSetupSaveSchema),
  'capture.start': op<RecordingStarted>()(captureStartSchema),
  'capture.chunk': op<ChunkAccepted>()(captureChunkSchema),
  'capture.stop': op<CaptureReport>()(captureStopSchema),
  'capture.recover': op<{ recovered: RecoveredTrial[] }>()(emptySchema),
  'capture.report': op<CaptureReport | null>()(trialOnly),
  'capture.videos': op<TrialVideo[]>()(trialOnly),
  'capture.import.begin': op<ImportStarted>()(importBeginSchema),
  'capture.import.chunk': op<ChunkAccepted>()(importChunkSchema),
  'capture.import.cancel': op<{ cancelled: boolean }>()(
    z.object({ uploadId: z.string().uuid('Not a valid upload id.') }).strict(),
  ),
  'capture.import.finish': op<ImportedVideo>()(importFinishSchema),
  'capture.import.file': op<ImportedVideo>()(importFileSchema),
  'capture.sync': op<CaptureReport>()(syncSchema),
} as const;
