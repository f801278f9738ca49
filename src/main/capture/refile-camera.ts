// A trial camera filed under the wrong view (a side camera that stood at the patient's other side,
// a side camera filed as the frontal one) filed again under the right one. A camera's name is its
// view throughout the trial: its files (`<view>.<ext>`, fixed and review copies), its pose folder
// `pose-<view>/`, its analysis row and the sync report. All move together; a camera already filed
// under the new view takes the old name (the two exchange).
//
// Crash safety: every file is linked (or copied) to its new name before one transaction moves the
// database to the new names, and the old names are removed only after it. Killed at any point, the
// trial's rows name files that exist; at worst unreferenced copies are left, which the next
// attempt replaces. An exchange is three such moves through a temporary name.
import { copyFile, link, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../../shared/api/envelope';
import type { TrialInfo } from '../../shared/api/entities';
import type { CameraView, CaptureReport } from '../../shared/api/ops/capture';
import { transaction } from '../store/database';
import { isDiskFull, labDiskFullError } from '../store/disk-full';
import { resolveInsideLab } from '../store/lab-folder';
import type { LabContext } from '../services/lab-context';
import { readReport, saveReport } from './capture-store';

type RefileContext = Pick<LabContext, 'db' | 'layout' | 'trials' | 'events'>;

/**
 * Files `camera` of `trial` under `view`, exchanging names with the camera filed so before. Its
 * analysis (settings, person, floor marks and events edited by hand kept) is left to be made again
 * under the new name: the caller analyses the trial next.
 */
export async function refileTrialCamera(
  ctx: RefileContext,
  trial: TrialInfo,
  trialDir: string,
  camera: string,
  view: CameraView,
): Promise<void> {
  if (!trial.files.some((f) => f.kind === 'video' && f.camera === camera))
    throw new ApiError({
      code: 'not-found',
      message: `Trial "${trial.name}" has no ${camera} video to file as another view.`,
    });
  if (camera === view)
    throw new ApiError({
      code: 'invalid-input',
      message: `The camera is already filed as the trial's ${view} camera.`,
    });
  try {
    if (!trial.files.some((f) => f.camera === view)) {
      await moveCamera(ctx, trial.id, trialDir, camera, view);
    } else {
      const parked = `refiling-${camera}`;
      await moveCamera(ctx, trial.id, trialDir, camera, parked);
      await moveCamera(ctx, trial.id, trialDir, view, camera);
      await moveCamera(ctx, trial.id, trialDir, parked, view);
    }
  } catch (err) {
    if (isDiskFull(err))
      throw labDiskFullError(
        `the ${camera} camera's files could not be filed under their new name. Free some space on it and try again.`,
      );
    throw err;
  }
  ctx.events.emit({ type: 'data.changed', entity: 'trial', id: trial.id });
}

/** `sagittal-left.turned-90.mp4` -> `sagittal-right.turned-90.mp4`; other names are kept. */
function renamed(relativePath: string, from: string, to: string): string {
  const name = basename(relativePath);
  return name.startsWith(`${from}.`)
    ? `${dirname(relativePath)}/${to}${name.slice(from.length)}`
    : relativePath;
}

/** One camera to a name no file or row of the trial uses. */
async function moveCamera(
  ctx: RefileContext,
  trialId: string,
  trialDir: string,
  from: string,
  to: string,
): Promise<void> {
  const abs = (rel: string) => resolveInsideLab(ctx.layout.root, rel);
  const rows = ctx.db
    .prepare('SELECT relative_path AS path, kind FROM trial_file WHERE trial_id = ? AND camera = ?')
    .all(trialId, from) as Array<{ path: string; kind: string }>;
  const all = ctx.db.prepare('SELECT relative_path AS path FROM trial_file WHERE trial_id = ?').all(trialId);
  const taken = new Set((all as Array<{ path: string }>).map((r) => r.path));
  const moves = rows
    .map((r) => ({ ...r, to: renamed(r.path, from, to) }))
    .filter((m) => m.to !== m.path && !taken.has(m.to));
  for (const m of moves) await linkOrCopy(abs(m.path), abs(m.to));
  const poseFrom = `${trialDir}/pose-${from}`;
  const poseTo = `${trialDir}/pose-${to}`;
  const hasPose = await exists(abs(poseFrom));
  await rm(abs(poseTo), { recursive: true, force: true });
  if (hasPose) await linkTree(abs(poseFrom), abs(poseTo));
  const row = ctx.db
    .prepare('SELECT result_path AS resultPath FROM analysis WHERE trial_id = ? AND camera = ?')
    .get(trialId, from) as { resultPath: string | null } | undefined;

  const now = new Date().toISOString();
  transaction(ctx.db, () => {
    const movedPath = new Map(moves.map((m) => [m.path, m.to]));
    const update = ctx.db.prepare(
      'UPDATE trial_file SET camera = ?, relative_path = ? WHERE trial_id = ? AND relative_path = ?',
    );
    for (const r of rows) update.run(to, movedPath.get(r.path) ?? r.path, trialId, r.path);
    // The analysis keeps its settings and hand edits; its result is made again under the new name
    // (it names the camera and its notes read the old view), so until then it is being made.
    ctx.db.prepare('DELETE FROM analysis WHERE trial_id = ? AND camera = ?').run(trialId, to);
    ctx.db
      .prepare(
        `UPDATE analysis SET camera = ?, pose_dir = ?, result_path = NULL, summary_json = NULL,
           status = 'analysing', status_message = '', updated_at = ? WHERE trial_id = ? AND camera = ?`,
      )
      .run(to, hasPose ? poseTo : null, now, trialId, from);
    const trial = ctx.trials.get(trialId)!;
    const cameras = trial.cameras.map((c) => (c === from ? to : c));
    ctx.db
      .prepare('UPDATE trial SET cameras_json = ?, updated_at = ? WHERE id = ?')
      .run(JSON.stringify(cameras), now, trialId);
    const report = readReport(ctx.db, trialId);
    if (report) saveReport(ctx.db, reportRenamed(report, from, to, movedPath), now);
  });

  for (const m of moves) await rm(abs(m.path), { force: true });
  if (hasPose) await rm(abs(poseFrom), { recursive: true, force: true });
  if (row?.resultPath) await rm(abs(row.resultPath), { force: true });
}

/** The sync report with the camera's name, its file's path and the warnings naming it changed. */
function reportRenamed(
  report: CaptureReport,
  from: string,
  to: string,
  movedPath: ReadonlyMap<string, string>,
): CaptureReport {
  const name = (c: string) => (c === from ? to : c);
  const word = new RegExp(`(?<![\\w-])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g');
  return {
    ...report,
    referenceCamera: name(report.referenceCamera),
    cameras: report.cameras.map((c) => ({
      ...c,
      camera: name(c.camera),
      relativePath: movedPath.get(c.relativePath) ?? c.relativePath,
    })),
    warnings: report.warnings.map((w) => w.replace(word, to)),
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A second name for the file: a hard link, or a copy where the lab's disk has none (exFAT, FAT). */
async function linkOrCopy(from: string, to: string): Promise<void> {
  await rm(to, { force: true });
  try {
    await link(from, to);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EOPNOTSUPP') throw err;
    await copyFile(from, to);
  }
}

async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const [a, b] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) await linkTree(a, b);
    else if (entry.isFile()) await linkOrCopy(a, b);
  }
}
