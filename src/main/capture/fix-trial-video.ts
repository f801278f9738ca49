// Turning a trial camera's picture upright, or mirroring it back (media/fixed-copy.ts): the
// camera's video becomes a fixed copy, `<camera>.turned-<deg>.mp4`, `<camera>.mirrored.mp4` or
// `<camera>.turned-<deg>-mirrored.mp4` beside the recording, which stays where it was as the
// trial's 'other' file of that camera: nothing recorded is lost, and a further fix starts from it
// (fixes add up; undone, the recording is the camera's video again, and no copy is kept).
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ApiError } from '../../shared/api/envelope';
import type { TrialInfo } from '../../shared/api/entities';
import {
  composePictureFixes,
  NO_PICTURE_FIX,
  pictureFixSuffix,
  type PictureFix,
  type PictureTurnDeg,
} from '../../shared/picture-fix';
import { probeVideo } from '../media/probe';
import { writeFixedCopy } from '../media/fixed-copy';
import { transaction } from '../store/database';
import { isDiskFull, labDiskFullError } from '../store/disk-full';
import { resolveInsideLab } from '../store/lab-folder';
import type { LabContext } from '../services/lab-context';

const FIXED_NAME = /\.(?:turned-(90|180|270)(-mirrored)?|(mirrored))\.mp4$/;

/** The fix a trial video was made with (from its name): none for a recording as it was made. */
export function fixOfVideo(relativePath: string): PictureFix {
  const m = FIXED_NAME.exec(relativePath);
  if (!m) return NO_PICTURE_FIX;
  return { turnDeg: m[1] ? (Number(m[1]) as PictureTurnDeg) : 0, mirrored: !!(m[2] || m[3]) };
}

const isFixed = (fix: PictureFix) => fix.turnDeg !== 0 || fix.mirrored;

export interface FixedVideo {
  /** The camera's video now (lab-relative). */
  relativePath: string;
  /** Its fix from the recording (none: the recording itself). */
  fix: PictureFix;
}

/**
 * Fixes `camera`'s picture of `trial` by `then` more (mirrored, then turned). The copy is written
 * whole before the trial's files change (in one transaction), so a cancel, a crash or a full disk
 * leaves the trial as it was. Review copies of the old picture are removed.
 */
export async function fixTrialVideo(
  ctx: LabContext,
  trial: TrialInfo,
  camera: string,
  then: PictureFix,
  o: { signal?: AbortSignal; onProgress?: (framesDone: number, framesTotal: number) => void } = {},
): Promise<FixedVideo> {
  const current = trial.files.find((f) => f.kind === 'video' && f.camera === camera);
  if (!current)
    throw new ApiError({
      code: 'not-found',
      message: `Trial "${trial.name}" has no ${camera} video to turn or mirror.`,
    });
  const before = fixOfVideo(current.relativePath);
  const recording = isFixed(before)
    ? trial.files.find(
        (f) => f.kind === 'other' && f.camera === camera && !isFixed(fixOfVideo(f.relativePath)),
      )
    : current;
  if (!recording)
    throw new ApiError({
      code: 'not-found',
      message: `The recording the ${camera} video of "${trial.name}" was made from is not listed in the trial any more: import it again.`,
    });
  const total = composePictureFixes(before, then);
  const relativePath = isFixed(total)
    ? `${dirname(recording.relativePath)}/${camera}.${pictureFixSuffix(total)}.mp4`
    : recording.relativePath;
  if (isFixed(total)) {
    const info = await probeVideo(resolveInsideLab(ctx.layout.root, recording.relativePath), o.signal);
    try {
      o.onProgress?.(0, info.frameCount);
      await writeFixedCopy(info, resolveInsideLab(ctx.layout.root, relativePath), total, {
        ...(o.signal ? { signal: o.signal } : {}),
        onFrames: (done) => o.onProgress?.(Math.min(done, info.frameCount), info.frameCount),
      });
    } catch (err) {
      if (isDiskFull(err))
        throw labDiskFullError(
          `the corrected copy of the ${camera} video could not be written. Free some space on it and try again; the trial is as it was.`,
        );
      throw err;
    }
  }
  const reviewCopies = trial.files.filter((f) => f.kind === 'review-video' && f.camera === camera);
  transaction(ctx.db, () => {
    const remove = ctx.db.prepare('DELETE FROM trial_file WHERE trial_id = ? AND relative_path = ?');
    const add = ctx.db.prepare(
      'INSERT OR REPLACE INTO trial_file (trial_id, camera, relative_path, kind) VALUES (?, ?, ?, ?)',
    );
    for (const f of [current, ...reviewCopies]) remove.run(trial.id, f.relativePath);
    if (isFixed(total)) add.run(trial.id, camera, recording.relativePath, 'other');
    add.run(trial.id, camera, relativePath, 'video');
    ctx.db.prepare('UPDATE trial SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), trial.id);
  });
  // The old picture's copies: the earlier fixed copy (not the recording) and review copies.
  const stale = [
    ...(isFixed(before) && current.relativePath !== relativePath ? [current] : []),
    ...reviewCopies,
  ];
  for (const f of stale) await rm(resolveInsideLab(ctx.layout.root, f.relativePath), { force: true });
  ctx.events.emit({ type: 'data.changed', entity: 'trial', id: trial.id });
  return { relativePath, fix: total };
}
