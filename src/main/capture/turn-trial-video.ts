// Turning a trial camera's picture upright (media/turned-copy.ts): the camera's video becomes an
// upright copy, `<camera>.turned-<deg>.mp4` beside the recording, which stays where it was as the
// trial's 'other' file of that camera: nothing recorded is lost, and turning again starts from it
// (turns add up; back to 0 the recording is the camera's video again, and no copy is kept).
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ApiError } from '../../shared/api/envelope';
import type { TrialInfo } from '../../shared/api/entities';
import type { PictureTurnDeg } from '../../shared/picture-turn';
import { probeVideo } from '../media/probe';
import { writeTurnedCopy } from '../media/turned-copy';
import { transaction } from '../store/database';
import { isDiskFull, labDiskFullError } from '../store/disk-full';
import { resolveInsideLab } from '../store/lab-folder';
import type { LabContext } from '../services/lab-context';

const TURNED_NAME = /\.turned-(90|180|270)\.mp4$/;

/** The clockwise turn a trial video was given (from its name), 0 for a recording as it was made. */
export function turnOfVideo(relativePath: string): 0 | PictureTurnDeg {
  const m = TURNED_NAME.exec(relativePath);
  return m ? (Number(m[1]) as PictureTurnDeg) : 0;
}

export interface TurnedVideo {
  /** The camera's video now (lab-relative). */
  relativePath: string;
  /** Its turn from the recording, clockwise degrees (0: the recording itself). */
  turnDeg: 0 | PictureTurnDeg;
}

/**
 * Turns `camera`'s picture of `trial` clockwise by `turnDeg` more. The copy is written whole before
 * the trial's files change (in one transaction), so a cancel, a crash or a full disk leaves the
 * trial as it was. Review copies of the old picture are removed.
 */
export async function turnTrialVideo(
  ctx: LabContext,
  trial: TrialInfo,
  camera: string,
  turnDeg: PictureTurnDeg,
  o: { signal?: AbortSignal; onProgress?: (framesDone: number, framesTotal: number) => void } = {},
): Promise<TurnedVideo> {
  const current = trial.files.find((f) => f.kind === 'video' && f.camera === camera);
  if (!current)
    throw new ApiError({
      code: 'not-found',
      message: `Trial "${trial.name}" has no ${camera} video to turn.`,
    });
  const before = turnOfVideo(current.relativePath);
  const recording = before
    ? trial.files.find((f) => f.kind === 'other' && f.camera === camera && turnOfVideo(f.relativePath) === 0)
    : current;
  if (!recording)
    throw new ApiError({
      code: 'not-found',
      message: `The recording the ${camera} video of "${trial.name}" was turned from is not listed in the trial any more: import it again.`,
    });
  const total = ((before + turnDeg) % 360) as 0 | PictureTurnDeg;
  const relativePath = total
    ? `${dirname(recording.relativePath)}/${camera}.turned-${total}.mp4`
    : recording.relativePath;
  if (total) {
    const info = await probeVideo(resolveInsideLab(ctx.layout.root, recording.relativePath), o.signal);
    try {
      o.onProgress?.(0, info.frameCount);
      await writeTurnedCopy(info, resolveInsideLab(ctx.layout.root, relativePath), total, {
        ...(o.signal ? { signal: o.signal } : {}),
        onFrames: (done) => o.onProgress?.(Math.min(done, info.frameCount), info.frameCount),
      });
    } catch (err) {
      if (isDiskFull(err))
        throw labDiskFullError(
          `the upright copy of the ${camera} video could not be written. Free some space on it and turn the picture again; the trial is as it was.`,
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
    if (total) add.run(trial.id, camera, recording.relativePath, 'other');
    add.run(trial.id, camera, relativePath, 'video');
    ctx.db.prepare('UPDATE trial SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), trial.id);
  });
  // The old picture's copies: the earlier turned copy (not the recording) and review copies.
  const stale = [...(before && current.relativePath !== relativePath ? [current] : []), ...reviewCopies];
  for (const f of stale) await rm(resolveInsideLab(ctx.layout.root, f.relativePath), { force: true });
  ctx.events.emit({ type: 'data.changed', entity: 'trial', id: trial.id });
  return { relativePath, turnDeg: total };
}
