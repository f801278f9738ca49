// The sync quality report of a trial, from per-camera frame timing and start offsets. Pure: the
// same maths for recorded, recovered and imported trials.
import {
  LOW_RATE_RATIO,
  type CameraSyncInfo,
  type CaptureReport,
  type SyncMethod,
} from '../../../shared/api/ops/capture';
import { frameStats, medianPairingErrorMs, worstPairwiseMs } from './frame-stats';

export interface CameraMeasure {
  camera: string;
  relativePath: string;
  /** Presentation time of each frame in the file, seconds from its first frame. */
  frameTimesS: ArrayLike<number>;
  fps: number;
  widthPx: number;
  heightPx: number;
}

/** Drops above this share of the expected frames are worth telling the clinician. */
export const DROP_WARNING_RATIO = 0.05;

export function buildCaptureReport(input: {
  trialId: string;
  method: SyncMethod;
  referenceCamera: string;
  cameras: CameraMeasure[];
  startOffsetsMs: Record<string, number>;
  recovered: boolean;
  warnings?: string[];
  /** Cameras lost mid-recording, whose shorter videos a warning has explained already. */
  stoppedEarly?: string[];
  now?: string;
}): CaptureReport {
  const warnings = [...(input.warnings ?? [])];
  const cameras: CameraSyncInfo[] = input.cameras.map((c) => {
    const s = frameStats(c.frameTimesS, c.fps);
    const info: CameraSyncInfo = {
      camera: c.camera,
      relativePath: c.relativePath,
      frameCount: s.frameCount,
      expectedFrameCount: Math.max(s.expectedFrameCount, s.frameCount),
      droppedFrames: s.droppedFrames,
      durationS: s.durationS,
      fps: c.fps,
      widthPx: c.widthPx,
      heightPx: c.heightPx,
      startOffsetMs: round1(input.startOffsetsMs[c.camera] ?? 0),
      measuredFps: round1(s.measuredFps),
    };
    if (s.measuredFps < LOW_RATE_RATIO * c.fps) {
      warnings.push(
        `${c.camera} recorded ${s.measuredFps.toFixed(1)} frames/s, not ${round1(c.fps)}: a camera lowers its rate in dim light (add light, or turn off its low-light setting), or the computer could not keep up (close other programs or lower the resolution).`,
      );
    }
    if (s.droppedFrames > DROP_WARNING_RATIO * info.expectedFrameCount) {
      warnings.push(
        `${c.camera} dropped ${s.droppedFrames} of ${info.expectedFrameCount} frames (${Math.round((100 * s.droppedFrames) / info.expectedFrameCount)} %): close other programs or lower the resolution.`,
      );
    }
    return info;
  });
  const ref = input.cameras.find((c) => c.camera === input.referenceCamera);
  let worstPairing: number | null = null;
  if (ref) {
    for (const c of input.cameras) {
      if (c === ref) continue;
      const e = medianPairingErrorMs(ref.frameTimesS, 0, c.frameTimesS, input.startOffsetsMs[c.camera] ?? 0);
      if (e !== null) worstPairing = Math.max(worstPairing ?? 0, e);
    }
  }
  const durations = cameras.map((c) => c.durationS);
  const ranOn = cameras.filter((c) => !input.stoppedEarly?.includes(c.camera));
  if (ranOn.length > 1) {
    const lengths = ranOn.map((c) => c.durationS);
    const spreadMs = (Math.max(...lengths) - Math.min(...lengths)) * 1000;
    const frameMs = 1000 / Math.min(...ranOn.map((c) => c.fps));
    if (spreadMs > 1.5 * frameMs)
      warnings.push(`The cameras' videos differ in length by ${Math.round(spreadMs)} ms.`);
  }
  return {
    trialId: input.trialId,
    method: input.method,
    referenceCamera: input.referenceCamera,
    cameras,
    worstOffsetMs: round1(worstPairwiseMs(cameras.map((c) => c.startOffsetMs))),
    worstPairingErrorMs: worstPairing === null ? null : round1(worstPairing),
    totalDroppedFrames: cameras.reduce((n, c) => n + c.droppedFrames, 0),
    durationS: durations.length > 0 ? Math.max(...durations) : 0,
    recovered: input.recovered,
    warnings,
    createdAt: input.now ?? new Date().toISOString(),
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
