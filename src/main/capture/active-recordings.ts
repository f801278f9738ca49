// Recordings running in this process. Chunks are accepted only for these: after a restart, a
// trial still marked 'recording' belongs to recovery, never to a late upload.
import { ApiError } from '../../shared/api/envelope';
import type { ChunkAccepted } from '../../shared/api/ops/capture';
import { appendChunk, type RecordingManifest } from './recording-files';

interface CameraState {
  nextSeq: number;
  bytes: number;
  /** Appends of one camera run strictly in order. */
  tail: Promise<unknown>;
}

export interface ActiveRecording {
  manifest: RecordingManifest;
  trialDir: string;
  trialDirRelative: string;
  cameras: Map<string, CameraState>;
  /** Last time a chunk arrived (or the start): a window that stops sending has been closed or crashed. */
  lastActivityMs: number;
}

export class ActiveRecordings {
  private readonly byTrial = new Map<string, ActiveRecording>();

  add(manifest: RecordingManifest, trialDir: string, trialDirRelative: string): void {
    const cameras = new Map<string, CameraState>();
    for (const c of manifest.cameras)
      cameras.set(c.camera, { nextSeq: 0, bytes: 0, tail: Promise.resolve() });
    this.byTrial.set(manifest.trialId, {
      manifest,
      trialDir,
      trialDirRelative,
      cameras,
      lastActivityMs: Date.now(),
    });
  }

  has(trialId: string): boolean {
    return this.byTrial.has(trialId);
  }

  /** Recordings that have received nothing for idleMs: their window closed or crashed mid-recording. */
  abandoned(idleMs: number, nowMs = Date.now()): string[] {
    return [...this.byTrial.values()]
      .filter((r) => nowMs - r.lastActivityMs > idleMs)
      .map((r) => r.manifest.trialId);
  }

  private require(trialId: string): ActiveRecording {
    const r = this.byTrial.get(trialId);
    if (!r) {
      throw new ApiError({
        code: 'conflict',
        message:
          'This recording is no longer running (GaitLab was restarted or it was stopped). Open the session to see what was kept.',
      });
    }
    return r;
  }

  append(
    trialId: string,
    camera: string,
    seq: number,
    data: Buffer,
    frameTimesMs: number[],
  ): Promise<ChunkAccepted> {
    const r = this.require(trialId);
    const cam = r.cameras.get(camera);
    r.lastActivityMs = Date.now();
    if (!cam)
      throw new ApiError({
        code: 'invalid-input',
        message: `Camera ${camera} is not part of this recording.`,
      });
    const run = cam.tail.then(async (): Promise<ChunkAccepted> => {
      if (seq < cam.nextSeq) return { bytesOnDisk: cam.bytes, stored: false };
      if (seq > cam.nextSeq) {
        throw new ApiError({
          code: 'conflict',
          message: `Chunk ${cam.nextSeq} of ${camera} is missing (got ${seq}).`,
        });
      }
      cam.bytes = await appendChunk(r.trialDir, camera, seq, data, frameTimesMs);
      cam.nextSeq++;
      return { bytesOnDisk: cam.bytes, stored: true };
    });
    cam.tail = run.catch(() => undefined);
    return run;
  }

  /** Stops accepting chunks and waits for the appends already under way. */
  async end(trialId: string): Promise<ActiveRecording> {
    const r = this.require(trialId);
    this.byTrial.delete(trialId);
    await Promise.all([...r.cameras.values()].map((c) => c.tail));
    return r;
  }
}
