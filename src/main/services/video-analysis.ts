// Analysing a video file outside any lab (CLI `gaitlab analyze video.mp4`): same pose job and gait
// code as for trials, with the pose work kept in a cache folder so an interrupted run resumes.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FloorScaleChoice, PersonChoice, TrialAnalysisView } from '../../shared/api/analysis-types';
import type { GaitAnalysis } from '../gait/analyse';
import { runPose, type PoseProgress } from '../pose/run-pose';
import { poseJobsAtOnce, type PoseJob } from '../pose/pose-at-once';
import type { WorkerBudget } from '../pose/worker-budget';
import { resultOnUniformClock } from '../pose/uniform-clock';
import { analysisToView, failedView, type ViewContext } from './analysis-view';
import { unsurePersonNote, withUnsureChoice } from '../pose/other-walkers';
import { runGait } from './gait-pipeline';
import { ensureFixedCopy, type FixedCopyOptions } from '../media/fixed-copy';
import { pictureFixSuffix, type PictureFix, type PictureTurnDeg } from '../../shared/picture-fix';
import { poseNotes, provenance } from './pose-provenance';

export interface VideoAnalysisOptions {
  heightM?: number | null;
  /** Floor marks a known distance apart (video pixels): the scale instead of the height. */
  floor?: FloorScaleChoice | null;
  /** Treadmill belt speed, m/s: lengths and speed of treadmill walking. */
  beltSpeedMps?: number | null;
  /** The patient among several people in view (default: the person who walks). */
  person?: PersonChoice;
  /** Low-pass cutoff of the landmark tracks, Hz (default 6; 0: no low-pass). */
  cutoffHz?: number;
  signal?: AbortSignal;
  onProgress?: (p: PoseProgress) => void;
  /** Where pose jobs are cached; default <tmp>/gaitlab-pose. */
  cacheDir?: string;
  /**
   * Turn the picture clockwise first (a camera mounted upside down or on its side), after
   * mirroring it back when `mirror` (a front camera's mirror image): the video is analysed from a
   * fixed copy kept in the cache folder; --person-box and --floor then name the copy's pixels.
   */
  turnDeg?: PictureTurnDeg;
  mirror?: boolean;
}

export function poseCacheDirFor(videoPath: string, cacheRoot: string): string {
  const s = statSync(videoPath);
  const key = createHash('sha256')
    .update(`${resolve(videoPath)}|${s.size}|${s.mtimeMs}`)
    .digest('hex')
    .slice(0, 16);
  return join(cacheRoot, key);
}

/** A video file's pose job: kept in the cache folder, following the person chosen if any. */
function videoFilePoseJob(
  videoPath: string,
  options: Pick<VideoAnalysisOptions, 'person' | 'cacheDir'>,
): PoseJob {
  return {
    videoPath,
    outDir: poseCacheDirFor(videoPath, options.cacheDir ?? join(tmpdir(), 'gaitlab-pose')),
    ...(options.person ? { person: { kind: 'box' as const, ...options.person } } : {}),
  };
}

/**
 * Poses a batch's video files a few at a time where the computer has workers for more than one
 * tracking pass (pose-at-once.ts), so that `analyseVideoFile` finds each one posed. Returns when
 * each video's pose job ends, in the order given; null on a computer with workers for one
 * tracking pass, where each video is best posed whole in its turn by its analysis.
 */
export function poseVideoFilesAtOnce(
  videoPaths: readonly string[],
  options: Pick<VideoAnalysisOptions, 'cacheDir' | 'signal'> & {
    onProgress?: (done: number, total: number, message: string) => void;
    workerBudget?: WorkerBudget;
  },
): Array<Promise<void>> | null {
  return poseJobsAtOnce(
    videoPaths.map((v) => videoFilePoseJob(v, options)),
    { ...options, noun: 'videos' },
  );
}

/** ensureFixedCopy's progress as the pose job's, for the command line's progress bar. */
export function correctingProgress(
  o: Pick<VideoAnalysisOptions, 'signal' | 'onProgress'>,
): FixedCopyOptions & {
  onStart: (framesTotal: number) => void;
} {
  let total = 0;
  const at = (done: number) =>
    o.onProgress?.({ stage: 'correcting', framesDone: done, framesTotal: total, framesPerS: 0, etaS: NaN });
  return {
    ...(o.signal ? { signal: o.signal } : {}),
    onStart: (framesTotal) => {
      total = framesTotal;
      at(0);
    },
    onFrames: (done) => at(Math.min(done, total)),
  };
}

export async function analyseVideoFile(
  videoPath: string,
  options: VideoAnalysisOptions = {},
): Promise<{ view: TrialAnalysisView; analysis: GaitAnalysis | null; poseDir: string }> {
  const cacheRoot = options.cacheDir ?? join(tmpdir(), 'gaitlab-pose');
  const fix: PictureFix = { turnDeg: options.turnDeg ?? 0, mirrored: options.mirror === true };
  const analysed = pictureFixSuffix(fix)
    ? await ensureFixedCopy(
        videoPath,
        `${poseCacheDirFor(videoPath, cacheRoot)}.${pictureFixSuffix(fix)}.mp4`,
        fix,
        correctingProgress(options),
      )
    : videoPath;
  const posed = await runPose({
    ...videoFilePoseJob(analysed, options),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  // Analysis counts time in frames: a video that dropped frames is put on a steady clock first.
  const pose = resultOnUniformClock(posed);
  const heightM = options.heightM ?? null;
  const vc: ViewContext = {
    trialId: '',
    camera: 'cam1',
    videoRelativePath: analysed,
    lowConfidenceFrames: pose.manifest.lowConfidenceFrames,
    notes: poseNotes(pose),
    eventsEditedByHand: false,
    provenance: provenance(pose, heightM, options.cutoffHz),
  };
  const result = runGait(pose.track, {
    heightM,
    floor: options.floor ?? null,
    beltSpeedMps: options.beltSpeedMps ?? null,
    ...(options.cutoffHz !== undefined ? { cutoffHz: options.cutoffHz } : {}),
  });
  // Whom the analysis follows is doubted first, as in trial-analysis.ts.
  const personNote = result.ok ? unsurePersonNote(posed, result.analysis.cycles) : null;
  const notes = [personNote, ...(vc.notes ?? [])].filter((n): n is string => n !== null);
  return result.ok
    ? {
        view: analysisToView(result.analysis, { ...vc, notes }),
        analysis: result.analysis,
        poseDir: posed.outDir,
      }
    : {
        view: failedView(vc, withUnsureChoice(result.error, posed), {
          pictureTurnDeg: result.error.turnDeg,
        }),
        analysis: null,
        poseDir: posed.outDir,
      };
}
