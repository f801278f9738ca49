// Adding an existing video file to a trial. The file is checked (container, video stream, frames
// that decode) before anything is written; it is copied under a temporary name and renamed, and
// the trial (if new), file row and status are committed together, so a refused or failed import
// leaves no file and no row behind.
import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/api/envelope';
import {
  IMPORTABLE_VIDEO_EXTENSIONS,
  type CameraView,
  type ImportedVideo,
} from '../../shared/api/ops/capture';
import { hasAudioStream } from '../media/audio-pcm';
import { checkDecodes } from '../media/decode-check';
import { MediaError } from '../media/media-error';
import { probeVideo, type VideoInfo } from '../media/probe';
import { transaction } from '../store/database';
import { trialDirRelative } from '../store/lab-folder';
import type { LabContext } from '../services/lab-context';
import { isMarkerTrial } from '../../shared/api/entities';
import { placeInTrial } from './place-in-trial';
import { fileSha256 } from '../media/video-identity';

const IMPORTABLE: readonly string[] = IMPORTABLE_VIDEO_EXTENSIONS;

export interface ImportTarget {
  sessionId: string;
  trialId?: string | undefined;
  trialName?: string | undefined;
  /** Required for a video (the import refuses one without it); a marker file has none. */
  view?: CameraView | undefined;
}

/** Refuses an import with a message for the user (nothing has been written yet). */
export function refuse(
  message: string,
  code: 'invalid-input' | 'conflict' | 'not-found' = 'invalid-input',
): never {
  throw new ApiError({ code, message });
}

/** Checks a candidate file and explains, in the clinician's words, why it cannot be used. */
export async function validateVideoFile(
  path: string,
  displayName: string,
  signal?: AbortSignal,
): Promise<VideoInfo> {
  const ext = extname(displayName).toLowerCase();
  if (!IMPORTABLE.includes(ext)) {
    refuse(
      `"${displayName}" is not a video file GaitLab can import. Use ${IMPORTABLE.map((e) => e.slice(1).toUpperCase()).join(', ')}.`,
    );
  }
  let info: VideoInfo;
  try {
    info = await probeVideo(path, signal);
  } catch (err) {
    if (err instanceof MediaError && err.kind === 'cancelled') throw err;
    if (err instanceof MediaError && err.kind === 'not-found')
      refuse(`"${displayName}" does not exist or cannot be read.`, 'not-found');
    if (err instanceof MediaError && err.kind === 'empty-file')
      refuse(`"${displayName}" is empty (0 bytes).`);
    if (err instanceof MediaError && err.kind === 'no-video-stream')
      refuse(`"${displayName}" contains sound only, no video.`);
    refuse(
      `"${displayName}" is not a readable video: the file is damaged, truncated, or not a video despite its name. Nothing was imported.`,
    );
  }
  if (info.frameCount < 2) refuse(`"${displayName}" has fewer than 2 video frames. Nothing was imported.`);
  try {
    await checkDecodes(path, `"${displayName}"`, 5, signal);
  } catch (err) {
    if (err instanceof MediaError && err.kind === 'cancelled') throw err;
    refuse(`${err instanceof Error ? err.message : String(err)} Nothing was imported.`);
  }
  return info;
}

/**
 * Whether two files hold the same bytes (same size, same SHA-256). Two cameras never record the
 * same file, so a video a trial already holds is the same file picked twice; read as two cameras
 * it would give the trial a second view that is the first one again.
 */
async function sameFile(pathA: string, pathB: string): Promise<boolean> {
  const [a, b] = await Promise.all([stat(pathA), stat(pathB)]);
  if (a.size !== b.size) return false;
  const [hashA, hashB] = await Promise.all([fileSha256(pathA), fileSha256(pathB)]);
  return hashA === hashB;
}

export async function importVideoFile(
  ctx: LabContext,
  source: { path: string; displayName: string; move: boolean },
  target: ImportTarget,
  signal?: AbortSignal,
): Promise<ImportedVideo> {
  const session = ctx.sessions.get(target.sessionId) ?? refuse('The session was not found.', 'not-found');
  if (session.archivedAt) refuse('This session is archived. Restore it before adding videos.', 'conflict');
  const existing = target.trialId
    ? (ctx.trials.get(target.trialId) ?? refuse('The trial was not found.', 'not-found'))
    : null;
  if (existing && existing.sessionId !== session.id)
    refuse('That trial belongs to another session.', 'conflict');
  if (existing?.status === 'recording') refuse('That trial is still recording.', 'conflict');
  if (existing && isMarkerTrial(existing))
    refuse(
      `Trial "${existing.name}" is a marker-based capture (a motion-capture file): videos cannot be added to it. Import the video as a new trial.`,
      'conflict',
    );
  const view =
    target.view ??
    refuse('Say which view the camera had: sagittal left, sagittal right, frontal or posterior.');
  if (existing?.files.some((f) => f.kind === 'video' && f.camera === view)) {
    refuse(`Trial "${existing.name}" already has a ${view} video. Choose another view.`, 'conflict');
  }

  for (const f of existing?.files ?? []) {
    if (!existing || f.kind !== 'video') continue;
    const held = join(ctx.layout.root, f.relativePath);
    if (await sameFile(source.path, held).catch(() => false))
      refuse(
        `"${source.displayName}" is the same file as the ${f.camera} video of trial "${existing.name}": each camera records its own. Import the ${view} camera's file. Nothing was imported.`,
        'conflict',
      );
  }

  const info = await validateVideoFile(source.path, source.displayName, signal);
  const hasAudio = await hasAudioStream(source.path, signal).catch(() => false);

  const trialId = existing?.id ?? randomUUID();
  const relDir = trialDirRelative(session.patientId, session.id, trialId);
  const trialDir = join(ctx.layout.root, relDir);
  const fileName = `${view}${extname(source.displayName).toLowerCase()}`;
  const relativePath = `${relDir}/${fileName}`;
  await placeInTrial(source, trialDir, fileName, () => {
    const now = new Date().toISOString();
    transaction(ctx.db, () => {
      if (!existing) {
        const name = target.trialName ?? source.displayName.replace(/\.[^.]+$/, '');
        ctx.db
          .prepare(
            'INSERT INTO trial (id, session_id, name, status, cameras_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(trialId, session.id, name, 'recorded', '[]', now, now);
      }
      ctx.db
        .prepare('INSERT INTO trial_file (trial_id, camera, relative_path, kind) VALUES (?, ?, ?, ?)')
        .run(trialId, view, relativePath, 'video');
      const cameras = [...new Set([...(existing?.cameras ?? []), view])];
      ctx.db
        .prepare(
          "UPDATE trial SET status = 'recorded', status_message = '', cameras_json = ?, updated_at = ? WHERE id = ?",
        )
        .run(JSON.stringify(cameras), now, trialId);
    });
  });
  ctx.events.emit({ type: 'data.changed', entity: 'trial', id: trialId });
  return {
    trial: ctx.trials.get(trialId)!,
    camera: view,
    relativePath,
    durationS: info.durationS,
    fps: info.fps,
    frameCount: info.frameCount,
    hasAudio,
  };
}
