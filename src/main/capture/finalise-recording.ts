// After stop, or on recovery after a crash: remux each camera's chunks into a seekable video,
// measure frames, drops and offsets, and commit files + report + status in one transaction.
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrialFileInfo } from '../../shared/api/entities';
import type { CaptureReport } from '../../shared/api/ops/capture';
import { probeVideo } from '../media/probe';
import { remuxToSeekable } from '../media/remux';
import type { Db } from '../store/database';
import { commitTrialOutcome } from './capture-store';
import { finalVideoName, rawVideoPath, readChunkIndex, type RecordingManifest } from './recording-files';
import { buildCaptureReport, type CameraMeasure } from './sync/capture-report';
import { startOffsetsMs } from './sync/frame-stats';

export interface FinaliseOutcome {
  report: CaptureReport | null;
  status: 'recorded' | 'failed';
  message: string;
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
  const measures: CameraMeasure[] = [];
  const firstFrameMs: Record<string, number> = {};
  const warnings: string[] = [];
  const files: TrialFileInfo[] = [];

  for (const { camera } of manifest.cameras) {
    const raw = rawVideoPath(trialDir, camera);
    const rawBytes = await stat(raw).then((s) => s.size, () => 0);
    if (rawBytes === 0) {
      warnings.push(`${camera} recorded nothing (no video reached the lab folder).`);
      continue;
    }
    const finalPath = join(trialDir, finalVideoName(camera));
    try {
      await remuxToSeekable(raw, finalPath, signal);
      const info = await probeVideo(finalPath, signal);
      const relativePath = `${relDir}/${finalVideoName(camera)}`;
      measures.push({
        camera,
        relativePath,
        frameTimesS: info.frameTimesS,
        fps: manifest.fps,
        widthPx: info.widthPx,
        heightPx: info.heightPx,
      });
      files.push({ camera, relativePath, kind: 'video' });
      const index = await readChunkIndex(trialDir, camera);
      const first = index.frameTimesMs[0];
      if (first !== undefined) firstFrameMs[camera] = first;
      else warnings.push(`${camera} sent no frame timestamps: its offset is unknown and taken as 0.`);
    } catch (err) {
      await rm(finalPath, { force: true });
      warnings.push(`${camera}: the recording could not be read back (${err instanceof Error ? err.message : String(err)}).`);
    }
  }

  if (measures.length === 0) {
    const message = recovered
      ? 'The recording was interrupted before any video reached the lab folder; nothing could be recovered.'
      : `Nothing was recorded. ${warnings.join(' ')}`;
    commitTrialOutcome(db, { trialId: manifest.trialId, files: [], cameras: [], status: 'failed', statusMessage: message, report: null });
    return { report: null, status: 'failed', message };
  }

  const reference = measures.find((m) => firstFrameMs[m.camera] !== undefined)?.camera ?? measures[0]!.camera;
  const offsets = startOffsetsMs(firstFrameMs, reference);
  if (recovered) warnings.unshift('Recovered after an interruption: up to the last second before it may be missing.');
  const report = buildCaptureReport({
    trialId: manifest.trialId,
    method: 'recorded-timestamps',
    referenceCamera: reference,
    cameras: measures,
    startOffsetsMs: offsets,
    recovered,
    warnings,
  });
  const seconds = report.durationS.toFixed(1);
  const message = recovered
    ? `Recovered after an interruption: ${seconds} s from ${measures.length} camera${measures.length > 1 ? 's' : ''}.`
    : '';
  commitTrialOutcome(db, {
    trialId: manifest.trialId,
    files,
    cameras: measures.map((m) => m.camera),
    status: 'recorded',
    statusMessage: message,
    report,
  });
  // The remuxed files are committed: the raw chunks are no longer needed (timestamps are kept).
  for (const m of measures) await rm(rawVideoPath(trialDir, m.camera), { force: true });
  return { report, status: 'recorded', message };
}
