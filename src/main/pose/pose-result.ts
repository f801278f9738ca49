// What a finished pose job gives the rest of the lab, read back from its output folder.
import { join } from 'node:path';
import { LANDMARK_COUNT, type PoseTrack2D } from '../../shared/landmarks';
import type { VideoInfo } from '../media/probe';
import { POINTS, RECORD } from './frame-record';
import { consolidateSides } from './decode/side-labels';
import { smoothTrack } from './decode/smooth';
import type { PersonSelection } from './decode/subject';
import { completeChunks, MANIFEST_FILE, readChunk, readJson, readPoseTimes } from './storage';
import type { VideoSource } from '../media/video-identity';
import type { FieldOrder } from '../media/deinterlace';
import type { HdrTransfer } from '../media/tone-map';

/** PoseTrack2D plus what BlazePose gives beyond 2D. Flat, frame-major like the base type. */
export interface PoseTrack extends PoseTrack2D {
  /** Depth relative to the hips, same pixel scale as x (33 per frame). */
  zPx: Float32Array;
  /** Likelihood the landmark is inside the frame (33 per frame). */
  presence: Float32Array;
  /** 3D world landmarks, metres, hip-centred: 33 x (x, y, z) per frame. */
  worldM: Float32Array;
  /** 1 where confidence < the job's minConfidence (including frames without a person). */
  lowConfidence: Uint8Array;
}

export interface PoseRunStats {
  backend: string;
  workers: number;
  workerInitMs: number;
  /** The workers were a previous job's, their models loaded (idle-workers.ts). */
  keptWorkers?: boolean;
  framesAnalysed: number;
  resumedFromFrame: number;
  landmarkCalls: number;
  finderCalls: number;
  /** The person scan decoded keyframes only (absent in stats stored before it could). */
  scanKeyFramesOnly?: boolean;
  /** The person scan's samples were a kept job's of the same video (another person chosen). */
  scanReused?: boolean;
  /** Wall-clock for probe/scan/total; summed per-call times for the rest (crop, landmarks, finder run in parallel). */
  ms: {
    probe: number;
    scan: number;
    decodeWait: number;
    crop: number;
    landmarks: number;
    finder: number;
    post: number;
    total: number;
  };
  peakRssBytes: number;
}

export interface PoseManifest {
  formatVersion: number;
  status: 'running' | 'complete';
  source: VideoSource;
  video: Pick<VideoInfo, 'codec' | 'widthPx' | 'heightPx' | 'rotationDeg' | 'fps' | 'frameCount'> &
    Pick<VideoInfo, 'firstFrameS' | 'firstFrameSeekS'>;
  settings: {
    model: string;
    person: PersonSelection;
    minConfidence: number;
    chunkFrames: number;
    scanIntervalS: number;
    scanLongSidePx: number;
    refineWithHeatmap: boolean;
    smoothingHz: number;
    trackingLagFrames: number;
    frameCount: number;
    /**
     * Longest side, px, of the frames the landmark crops were cut from, when the video is larger
     * and was decoded smaller (absent: decoded at its own size). Landmarks stay in original pixels.
     */
    decodeLongSidePx?: number;
    /** Interlaced, this field first: posed field by field (media/deinterlace.ts). */
    interlaced?: FieldOrder;
    /** HDR (PQ or HLG): posed on frames tone-mapped to SDR (media/tone-map.ts). */
    hdr?: HdrTransfer;
    /** Anamorphic: stored pixels this wide per unit of height; landmarks are in the picture as shown. */
    storedPixelAspect?: number;
    /**
     * A phone's slow-motion video: file seconds per second of the walk (media/capture-rate.ts). The
     * job's fps and frame times are the walk's own; a job made on the file's clock is not reused.
     */
    slowMotionFactor?: number;
  };
  provenance: {
    app: string;
    appVersion: string;
    landmarkModel: { file: string; sha256: string };
    personModel: { file: string; sha256: string };
    modelPackage: string;
    backend: string;
    workers: number;
    cpu: string;
    cores: number;
    startedAt: string;
    finishedAt?: string;
  };
  /** Number of frames analysed (the whole video unless maxFrames was given). */
  frames: number;
  chunks: string[];
  lowConfidenceFrames: number[];
  framesWithoutPerson: number;
  /**
   * Frames whose picture the decoder patched, the file being damaged there (media/decode-damage.ts),
   * with its first complaint; absent when the video decoded cleanly.
   */
  damagedFrames?: { frames: number[]; message: string };
  stats?: PoseRunStats;
}

export interface PoseResult {
  outDir: string;
  manifest: PoseManifest;
  track: PoseTrack;
  stats?: PoseRunStats;
  /** Set when the track was put on a steady clock (pose/uniform-clock.ts) and the camera had dropped frames. */
  droppedFrames?: { frames: number[]; longestGapS: number };
}

export class PoseJobIncompleteError extends Error {
  constructor(outDir: string) {
    super(`The pose analysis in ${outDir} is not complete: run it again to resume.`);
    this.name = 'PoseJobIncompleteError';
  }
}

export interface ReadOptions {
  /** The values as the model gave them: no left/right consolidation, no smoothing. */
  raw?: boolean;
}

/** The job's manifest (video size, settings, provenance), undefined before the job has started. */
export function readPoseManifest(outDir: string): PoseManifest | undefined {
  return readJson<PoseManifest>(join(outDir, MANIFEST_FILE));
}

/**
 * Reads a job's folder: raw chunks, then left/right labels made consistent over the whole track
 * and the job's smoothing. Refuses an incomplete job unless the caller passes the manifest it is finishing.
 */
export function readPoseResult(
  outDir: string,
  finishing?: PoseManifest,
  options: ReadOptions = {},
): PoseResult {
  const manifest = finishing ?? readPoseManifest(outDir);
  if (!manifest || (!finishing && manifest.status !== 'complete')) throw new PoseJobIncompleteError(outDir);
  const n = manifest.frames;
  const chunks = completeChunks(outDir);
  const covered = chunks.length ? chunks[chunks.length - 1]!.first + chunks[chunks.length - 1]!.count : 0;
  if (covered < n) throw new PoseJobIncompleteError(outDir);
  const P = LANDMARK_COUNT;
  const track: PoseTrack = {
    fps: manifest.video.fps,
    widthPx: manifest.video.widthPx,
    heightPx: manifest.video.heightPx,
    frameCount: n,
    timeS: new Float64Array(n),
    xPx: new Float32Array(n * P),
    yPx: new Float32Array(n * P),
    visibility: new Float32Array(n * P),
    confidence: new Float32Array(n),
    zPx: new Float32Array(n * P),
    presence: new Float32Array(n * P),
    worldM: new Float32Array(n * P * 3),
    lowConfidence: new Uint8Array(n),
  };
  const timeS = readPoseTimes(outDir) ?? new Float64Array(0);
  for (let f = 0; f < n; f++) track.timeS[f] = timeS[f] ?? f / track.fps;
  const bodyPx = new Float32Array(n).fill(NaN);
  for (const c of chunks) {
    const recs = readChunk(outDir, c.name);
    for (let i = 0; i < c.count && c.first + i < n; i++) {
      const f = c.first + i;
      const off = i * RECORD.floats;
      const r = recs.subarray(off, off + RECORD.floats);
      track.confidence[f] = r[RECORD.score]!;
      if (Number.isFinite(r[RECORD.x]!)) bodyPx[f] = r[RECORD.roi + 2]!;
      track.lowConfidence[f] = r[RECORD.score]! < manifest.settings.minConfidence ? 1 : 0;
      track.xPx.set(r.subarray(RECORD.x, RECORD.x + POINTS), f * P);
      track.yPx.set(r.subarray(RECORD.y, RECORD.y + POINTS), f * P);
      track.zPx.set(r.subarray(RECORD.z, RECORD.z + POINTS), f * P);
      track.visibility.set(r.subarray(RECORD.visibility, RECORD.visibility + POINTS), f * P);
      track.presence.set(r.subarray(RECORD.presence, RECORD.presence + POINTS), f * P);
      track.worldM.set(r.subarray(RECORD.world, RECORD.world + 3 * POINTS), f * P * 3);
    }
  }
  const damage = manifest.damagedFrames;
  if (damage) {
    track.damagedPicture = { perFrame: new Uint8Array(n), decoderMessage: damage.message };
    for (const f of damage.frames) if (f < n) track.damagedPicture.perFrame[f] = 1;
  }
  if (!options.raw) {
    consolidateSides({ frameCount: n, xPx: track.xPx, yPx: track.yPx, bodyPx }, [
      { data: track.xPx, stride: 1 },
      { data: track.yPx, stride: 1 },
      { data: track.zPx, stride: 1 },
      { data: track.visibility, stride: 1 },
      { data: track.presence, stride: 1 },
      { data: track.worldM, stride: 3 },
    ]);
    smoothTrack(track.xPx, track.yPx, n, P, manifest.settings.smoothingHz ?? 0, track.fps);
  }
  return { outDir, manifest, track };
}

/** Where a video's first frame sits in its file, when not at its start (see VideoInfo); else nothing. */
export function firstFrameTimes(
  v: Pick<VideoInfo, 'firstFrameS' | 'firstFrameSeekS'>,
): Pick<VideoInfo, 'firstFrameS' | 'firstFrameSeekS'> {
  return {
    ...(v.firstFrameS ? { firstFrameS: v.firstFrameS } : {}),
    ...(v.firstFrameSeekS ? { firstFrameSeekS: v.firstFrameSeekS } : {}),
  };
}

/**
 * How a pose job's frames sit in its video file, for whatever plays or seeks the file itself:
 * where frame 0 is, and the slow-motion factor of the file's clock (absent when 0 and 1).
 */
export function fileClockOf(
  manifest: PoseManifest,
): Pick<VideoInfo, 'firstFrameS' | 'firstFrameSeekS' | 'slowMotionFactor'> {
  const factor = manifest.settings.slowMotionFactor;
  return { ...firstFrameTimes(manifest.video), ...(factor ? { slowMotionFactor: factor } : {}) };
}

/**
 * Where ffmpeg's -ss finds the instant `timeS` (s from frame 0, on the walk's clock) in the video
 * file: stretched by a slow-motion file's factor, shifted by where frame 0 sits in the file.
 */
export function seekInFileS(
  clock: Pick<VideoInfo, 'firstFrameSeekS' | 'slowMotionFactor'>,
  timeS: number,
): number {
  return timeS * (clock.slowMotionFactor ?? 1) + (clock.firstFrameSeekS ?? 0);
}
