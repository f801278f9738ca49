// After stop, or on recovery after a crash: remux each camera's chunks into a seekable video, cut
// all cameras to the span they recorded together (on the common capture clock), measure frames,
// drops and offsets, and commit files + report + status in one transaction.
import { rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { TrialFileInfo } from '../../shared/api/entities';
import type { CaptureReport } from '../../shared/api/ops/capture';
import { probeVideo, type VideoInfo } from '../media/probe';
import { remuxToSeekable } from '../media/remux';
import { trimToSpan } from '../media/trim-segment';
import type { Db } from '../store/database';
import { commitTrialOutcome } from './capture-store';
import { rawVideoPath, readChunkIndex, type RecordingManifest } from './recording-files';
import { buildCaptureReport, type CameraMeasure } from './sync/capture-report';
import { commonSpan } from './sync/common-span';
import { startOffsetsMs } from './sync/frame-stats';

export interface FinaliseOutcome {
  report: CaptureReport | null;
  status: 'recorded' | 'failed';
  message: string;
}

interface CameraVideo {
  camera: string;
  path: string;
  info: VideoInfo;
  /** Common-clock time of the file's first frame, when the browser sent frame timestamps. */
  firstFrameMs: number | undefined;
}

export async function finaliseRecording(options: {
  db: Db;
  labRoot: string;
  trialDirRelative: string;
  manifest: RecordingManifest;
  recovered: boolean;
  signal?: AbortSignal;
}): Promise<FinaliseOutcome> {
  const { db, labRoot, trialDirRelative: relDir, manifest, recovered, signal } = options;
  const trialDir = join(labRoot, relDir);
  const warnings: string[] = [];
  const videos: CameraVideo[] = [];

  for (const { camera } of manifest.cameras) {
    const raw = rawVideoPath(trialDir, camera);
    const rawBytes = await stat(raw).then(
      (s) => s.size,
      () => 0,
    );
    if (rawBytes === 0) {
      warnings.push(`${camera} recorded nothing (no video reached the lab folder).`);
      continue;
    }
    let path: string | null = null;
    try {
      path = await remuxToSeekable(raw, join(trialDir, camera), signal);
      const info = await probeVideo(path, signal);
      const index = await readChunkIndex(trialDir, camera);
      const firstFrameMs = index.frameTimesMs[0];
      if (firstFrameMs === undefined)
        warnings.push(`${camera} sent no frame timestamps: its offset is unknown and taken as 0.`);
      videos.push({ camera, path, info, firstFrameMs });
    } catch (err) {
      if (path) await rm(path, { force: true });
      warnings.push(
        `${camera}: the recording could not be read back (${err instanceof Error ? err.message : String(err)}).`,
      );
    }
  }

  if (videos.length === 0) {
    const message = recovered
      ? 'The recording was interrupted before any video reached the lab folder; nothing could be recovered.'
      : `Nothing was recorded. ${warnings.join(' ')}`;
    commitTrialOutcome(db, {
      trialId: manifest.trialId,
      files: [],
      cameras: [],
      status: 'failed',
      statusMessage: message,
      report: null,
    });
    return { report: null, status: 'failed', message };
  }

  // Cut every timed camera to the span all of them recorded, so the files start together; a lone
  // camera goes through the same cut, which gives it keyframes every half second for seeking.
  const firstKeptMs: Record<string, number> = {};
  const timed = videos.filter((v) => v.firstFrameMs !== undefined);
  const span =
    timed.length >= 1
      ? commonSpan(
          timed.map((v) => ({
            camera: v.camera,
            firstFrameMs: v.firstFrameMs!,
            frameTimesS: v.info.frameTimesS,
          })),
          manifest.fps,
        )
      : null;
  for (const e of span?.stoppedEarly ?? [])
    warnings.push(
      `${e.camera} stopped ${e.beforeOthersS.toFixed(1)} s before the other cameras (unplugged, or taken by another program): its video ends there; the others are kept to the end.`,
    );
  for (const v of videos) {
    const cut = span?.cuts.find((c) => c.camera === v.camera);
    if (v.firstFrameMs !== undefined) firstKeptMs[v.camera] = cut?.firstKeptMs ?? v.firstFrameMs;
    if (!cut) continue;
    const target = join(trialDir, `${v.camera}.mp4`);
    const staging = join(trialDir, `${v.camera}.cut.mp4`);
    try {
      await trimToSpan(v.path, staging, cut.startS, cut.durationS, signal);
      await rename(staging, target);
      if (v.path !== target) await rm(v.path, { force: true });
      v.path = target;
      v.info = await probeVideo(target, signal);
    } catch (err) {
      await rm(staging, { force: true });
      firstKeptMs[v.camera] = v.firstFrameMs!;
      warnings.push(
        `${v.camera} could not be cut to the common span and is kept whole (${err instanceof Error ? err.message : String(err)}).`,
      );
    }
  }

  const measures: CameraMeasure[] = videos.map((v) => ({
    camera: v.camera,
    relativePath: `${relDir}/${basename(v.path)}`,
    frameTimesS: v.info.frameTimesS,
    fps: manifest.fps,
    widthPx: v.info.widthPx,
    heightPx: v.info.heightPx,
  }));
  const files: TrialFileInfo[] = measures.map((m) => ({
    camera: m.camera,
    relativePath: m.relativePath,
    kind: 'video',
  }));
  const reference = timed[0]?.camera ?? videos[0]!.camera;
  const offsets = startOffsetsMs(firstKeptMs, reference);
  if (recovered)
    warnings.unshift('Recovered after an interruption: up to the last second before it may be missing.');
  const report = buildCaptureReport({
    trialId: manifest.trialId,
    method: 'recorded-timestamps',
    referenceCamera: reference,
    cameras: measures,
    startOffsetsMs: offsets,
    recovered,
    warnings,
    stoppedEarly: span?.stoppedEarly.map((e) => e.camera) ?? [],
  });
  const message = recovered
    ? `Recovered after an interruption: ${report.durationS.toFixed(1)} s from ${measures.length} camera${measures.length > 1 ? 's' : ''}.`
    : '';
  commitTrialOutcome(db, {
    trialId: manifest.trialId,
    files,
    cameras: measures.map((m) => m.camera),
    status: 'recorded',
    statusMessage: message,
    report,
  });
  // The videos are committed: the raw chunks are no longer needed (their timestamps are kept).
  for (const v of videos) await rm(rawVideoPath(trialDir, v.camera), { force: true });
  return { report, status: 'recorded', message };
}
