// Recording, recovery, import and sync of trial videos. Recordings stream into the trial folder
// chunk by chunk (see capture/recording-files.ts), so a crash loses at most the last chunk.
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ApiError } from '../../shared/api/envelope';
import type { HandlersFor } from '../../shared/api/op';
import type { captureOperations, RecoveredTrial } from '../../shared/api/ops/capture';
import { ActiveRecordings } from '../capture/active-recordings';
import {
  commitTrialOutcome,
  readReport,
  readSetup,
  trialsLeftRecording,
  writeSetup,
} from '../capture/capture-store';
import { finaliseRecording } from '../capture/finalise-recording';
import { importVideoFile, type ImportTarget } from '../capture/import-video';
import { importMarkerFile } from '../capture/import-marker-file';
import { isMotionCaptureFileName } from '../formats/marker-files';
import { prepareRecording, readManifest, type RecordingManifest } from '../capture/recording-files';
import { syncTrial } from '../capture/sync-trial';
import { trialVideos } from '../capture/trial-videos';
import { UploadStore } from '../capture/upload-store';
import { trialDirRelative } from '../store/lab-folder';
import type { LabContext } from './lab-context';

/**
 * MediaRecorder timeslice the renderer is told to use. A crash loses at most this plus one upload;
 * half a second keeps that under a second even on a busy machine.
 */
export const CHUNK_INTERVAL_MS = 500;
/** No chunk for this long means the recording window is gone (closed, crashed): keep what arrived. */
const ABANDONED_AFTER_MS = 15_000;

/** True when another process with this id is running (a second GaitLab on the same lab). */
function otherProcessAlive(pid: number | undefined): boolean {
  if (!pid || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function captureHandlers(
  ctx: LabContext,
  options: { abandonedAfterMs?: number } = {},
): HandlersFor<typeof captureOperations> {
  const abandonedAfterMs = options.abandonedAfterMs ?? ABANDONED_AFTER_MS;
  const active = new ActiveRecordings();
  const uploads = new UploadStore(ctx.layout.tmpDir);
  // A motion-capture file (C3D, TRC; an OpenSim .mot is refused with what to give instead) is a
  // trial of its own, analysed on import; anything else must be a camera's video.
  const importFile = (source: { path: string; displayName: string; move: boolean }, target: ImportTarget) =>
    isMotionCaptureFileName(source.displayName)
      ? importMarkerFile(ctx, source, target)
      : importVideoFile(ctx, source, target);
  let recovering: Promise<RecoveredTrial[]> | null = null;

  const requireSession = (id: string) => {
    const s = ctx.sessions.get(id);
    if (!s)
      throw new ApiError({
        code: 'not-found',
        message: 'The session was not found. It may have been removed from this lab.',
      });
    return s;
  };
  const trialDirOf = (trialId: string) => {
    const trial = ctx.trials.get(trialId);
    if (!trial) throw new ApiError({ code: 'not-found', message: 'The trial was not found.' });
    const session = requireSession(trial.sessionId);
    const rel = trialDirRelative(session.patientId, session.id, trial.id);
    return { trial, rel, abs: join(ctx.layout.root, rel) };
  };
  const changed = (id: string) => ctx.events.emit({ type: 'data.changed', entity: 'trial', id });

  async function recoverAll(): Promise<RecoveredTrial[]> {
    await uploads.removeStale();
    // Recordings of this process whose window stopped sending are ended here, as after a crash.
    for (const id of active.abandoned(abandonedAfterMs)) await active.end(id);
    const out: RecoveredTrial[] = [];
    for (const t of trialsLeftRecording(ctx.db)) {
      if (active.has(t.id)) continue;
      const { rel, abs } = trialDirOf(t.id);
      const manifest = await readManifest(abs);
      if (manifest && otherProcessAlive(manifest.ownerPid)) continue;
      if (!manifest) {
        const message =
          'The recording was interrupted before it started writing; nothing could be recovered.';
        commitTrialOutcome(ctx.db, {
          trialId: t.id,
          files: [],
          cameras: [],
          status: 'failed',
          statusMessage: message,
          report: null,
        });
        out.push({
          trialId: t.id,
          trialName: t.name,
          sessionId: t.sessionId,
          recoveredS: 0,
          cameras: [],
          status: 'failed',
          message,
        });
      } else {
        const r = await finaliseRecording({
          db: ctx.db,
          labRoot: ctx.layout.root,
          trialDirRelative: rel,
          manifest,
          recovered: true,
        });
        out.push({
          trialId: t.id,
          trialName: t.name,
          sessionId: t.sessionId,
          recoveredS: r.report?.durationS ?? 0,
          cameras: r.report?.cameras.map((c) => c.camera) ?? [],
          status: r.status,
          message: r.message,
        });
      }
      changed(t.id);
    }
    return out;
  }

  const recoverOnce = async (): Promise<RecoveredTrial[]> => {
    // Two windows opening at once must not finalise the same trial twice.
    recovering ??= recoverAll().finally(() => {
      recovering = null;
    });
    return recovering;
  };
  // A recording whose window vanished is finalised without waiting for someone to reopen the app.
  const watchdog = setInterval(
    () => {
      if (active.abandoned(abandonedAfterMs).length > 0) void recoverOnce().catch(() => undefined);
    },
    Math.min(5_000, abandonedAfterMs),
  );
  watchdog.unref();

  return {
    'capture.setup.get': () => readSetup(ctx.db),
    'capture.setup.save': (input) => writeSetup(ctx.db, input),

    'capture.start': async ({ sessionId, name, cameras, widthPx, heightPx, fps, mimeType }) => {
      const session = requireSession(sessionId);
      if (session.archivedAt)
        throw new ApiError({
          code: 'conflict',
          message: 'This session is archived. Restore it before recording.',
        });
      const trial = ctx.trials.create(
        sessionId,
        name,
        cameras.map((c) => c.view),
      );
      ctx.trials.setStatus(trial.id, 'recording');
      const rel = trialDirRelative(session.patientId, session.id, trial.id);
      const manifest: RecordingManifest = {
        version: 1,
        trialId: trial.id,
        cameras: cameras.map((c) => ({ camera: c.view, deviceLabel: c.deviceLabel })),
        widthPx,
        heightPx,
        fps,
        mimeType,
        chunkIntervalMs: CHUNK_INTERVAL_MS,
        startedAt: new Date().toISOString(),
        ownerPid: process.pid,
      };
      try {
        await prepareRecording(join(ctx.layout.root, rel), manifest);
      } catch (err) {
        ctx.trials.setStatus(
          trial.id,
          'failed',
          `The lab folder could not be written: ${(err as Error).message}`,
        );
        throw err;
      }
      active.add(manifest, join(ctx.layout.root, rel), rel);
      changed(trial.id);
      return { trial: ctx.trials.get(trial.id)!, chunkIntervalMs: CHUNK_INTERVAL_MS };
    },

    'capture.chunk': ({ trialId, camera, seq, dataBase64, frameTimesMs }) =>
      active.append(trialId, camera, seq, Buffer.from(dataBase64, 'base64'), frameTimesMs),

    'capture.stop': async ({ trialId }) => {
      if (!active.has(trialId)) {
        const done = readReport(ctx.db, trialId);
        if (done) return done;
        throw new ApiError({ code: 'conflict', message: 'This recording is not running.' });
      }
      const r = await active.end(trialId);
      const outcome = await finaliseRecording({
        db: ctx.db,
        labRoot: ctx.layout.root,
        trialDirRelative: r.trialDirRelative,
        manifest: r.manifest,
        recovered: false,
      });
      changed(trialId);
      if (!outcome.report) throw new ApiError({ code: 'failed', message: outcome.message });
      return outcome.report;
    },

    'capture.recover': async () => ({ recovered: await recoverOnce() }),

    'capture.report': ({ trialId }) => {
      trialDirOf(trialId);
      return readReport(ctx.db, trialId);
    },
    'capture.videos': ({ trialId }) => trialVideos(ctx, trialId),

    'capture.import.begin': async ({ fileName, sizeBytes }) => ({
      uploadId: await uploads.begin(basename(fileName), sizeBytes),
    }),
    'capture.import.chunk': ({ uploadId, seq, dataBase64 }) =>
      uploads.append(uploadId, seq, Buffer.from(dataBase64, 'base64')),
    'capture.import.cancel': async ({ uploadId }) => ({ cancelled: await uploads.cancel(uploadId) }),
    'capture.import.finish': async ({ uploadId, ...target }) => {
      const file = uploads.take(uploadId);
      try {
        return await importFile({ path: file.path, displayName: file.fileName, move: true }, target);
      } finally {
        await rm(file.path, { force: true });
      }
    },
    'capture.import.file': ({ path, ...target }) =>
      importFile({ path, displayName: basename(path), move: false }, target),

    'capture.sync': (input) => syncTrial(ctx, input),
  };
}
