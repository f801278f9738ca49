// Makes sure review can show a trial camera's video: when the browser cannot play the original
// (HEVC from a phone, AVI...), an H.264 copy is made beside it and listed with the trial's files as
// 'review-video'. Part of analysing a camera, so it runs with the job's progress and cancel.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { FieldOrder } from '../media/deinterlace';
import type { HdrTransfer } from '../media/tone-map';
import type { TrialInfo } from '../../shared/api/entities';
import type { TrialVideo } from '../../shared/api/ops/capture';
import { MediaError } from '../media/media-error';
import { probeVideo } from '../media/probe';
import { makeReviewCopy, reviewCopyName, viewerPlays } from '../media/review-copy';
import { resolveInsideLab } from '../store/lab-folder';
import type { LabContext } from './lab-context';

export interface ReviewCopyJob {
  /** ffprobe's codec name of the original (the pose job records it). */
  codec: string;
  fps: number;
  frameCount: number;
  /** Interlaced, this field first: analysed field by field, which the browser cannot show. */
  interlaced?: FieldOrder;
  /** HDR: the copy is tone-mapped (a browser that plays the original shows it as HDR itself). */
  hdr?: HdrTransfer;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, message: string) => void;
}

/**
 * Makes the copy when the viewer cannot play the original and no copy newer than it exists (nor
 * one of an HDR original made before copies were tone-mapped: it still carries the HDR transfer).
 * A copy that cannot be made does not stop the analysis: the returned sentence says why, for its
 * notes (review also says the video cannot be shown). Only cancelling stops the job.
 */
export async function ensureReviewCopy(
  deps: LabContext,
  trial: TrialInfo,
  video: TrialVideo,
  job: ReviewCopyJob,
): Promise<string | null> {
  if (viewerPlays(job.codec, video.relativePath) && !job.interlaced) return null;
  const relativePath = `${dirname(video.relativePath)}/${reviewCopyName(basename(video.relativePath))}`;
  const absolutePath = resolveInsideLab(deps.layout.root, relativePath);
  const listed = trial.files.some((f) => f.kind === 'review-video' && f.relativePath === relativePath);
  if (
    listed &&
    existsSync(absolutePath) &&
    statSync(absolutePath).mtimeMs >= statSync(video.absolutePath).mtimeMs &&
    !(job.hdr && (await probeVideo(absolutePath, job.signal).catch(() => undefined))?.hdr)
  )
    return null;
  const message = 'Making a copy of the video the viewer can play';
  job.onProgress?.(0, job.frameCount, message);
  try {
    await makeReviewCopy(video.absolutePath, absolutePath, {
      fps: job.fps,
      ...(job.interlaced ? { fields: job.interlaced } : {}),
      ...(job.hdr ? { hdr: job.hdr } : {}),
      ...(job.signal ? { signal: job.signal } : {}),
      onFrames: (done) => job.onProgress?.(Math.min(done, job.frameCount), job.frameCount, message),
    });
  } catch (err) {
    if (job.signal?.aborted || (err instanceof MediaError && err.kind === 'cancelled')) throw err;
    return `The ${video.camera} video (${job.codec}) cannot be played in review, and a copy that can could not be made: ${err instanceof Error ? err.message : String(err)}`;
  }
  deps.trials.addFiles(trial.id, [{ camera: video.camera, relativePath, kind: 'review-video' }]);
  return null;
}
