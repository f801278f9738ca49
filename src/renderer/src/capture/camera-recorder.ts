// Records one camera: MediaRecorder chunks every chunkIntervalMs (set by the services), each sent
// to the lab folder in order with the capture times of the frames it holds. Capture times come from requestVideoFrameCallback
// on the live preview, on the page's performance clock shifted to epoch ms, one clock for all
// cameras of the page.
import { api } from '../api';
import type { CameraView } from '../../../shared/api/ops/capture';
import { blobToBase64 } from './base64';

export interface RecorderProgress {
  chunksSaved: number;
  bytesSaved: number;
  pendingChunks: number;
  framesSeen: number;
  error: string | null;
  /** Seconds into the recording when the camera went away (unplugged, or taken by the system). */
  lostAfterS: number | null;
}

export class CameraRecorder {
  private recorder: MediaRecorder | null = null;
  private seq = 0;
  private uploads: Promise<void> = Promise.resolve();
  private framesSinceChunk: number[] = [];
  private startCallMs = Infinity;
  private stopped = false;
  private frameCallback = 0;
  private recorderStopped: Promise<void> = Promise.resolve();
  readonly progress: RecorderProgress = {
    chunksSaved: 0,
    bytesSaved: 0,
    pendingChunks: 0,
    framesSeen: 0,
    error: null,
    lostAfterS: null,
  };

  constructor(
    private readonly trialId: string,
    readonly camera: CameraView,
    private readonly stream: MediaStream,
    private readonly video: HTMLVideoElement,
    private readonly format: { mimeType: string; videoBitsPerSecond: number; chunkIntervalMs: number },
    private readonly onProgress: () => void,
  ) {}

  start(): void {
    const rec = new MediaRecorder(this.stream, {
      mimeType: this.format.mimeType,
      videoBitsPerSecond: this.format.videoBitsPerSecond,
    });
    this.recorder = rec;
    rec.ondataavailable = (e) => this.enqueue(e.data);
    this.recorderStopped = new Promise((resolve) =>
      rec.addEventListener('stop', () => resolve(), { once: true }),
    );
    this.stream.getVideoTracks()[0]?.addEventListener('ended', this.onTrackEnded, { once: true });
    const watch = (_now: number, meta: VideoFrameCallbackMetadata) => {
      if (this.stopped) return;
      const t = meta.captureTime ?? meta.expectedDisplayTime;
      // Frames captured before start() are not in the recording.
      if (t >= this.startCallMs) {
        this.framesSinceChunk.push(performance.timeOrigin + t);
        this.progress.framesSeen++;
      }
      this.frameCallback = this.video.requestVideoFrameCallback(watch);
    };
    this.frameCallback = this.video.requestVideoFrameCallback(watch);
    this.startCallMs = performance.now();
    rec.start(this.format.chunkIntervalMs);
  }

  private enqueue(blob: Blob): void {
    const frameTimesMs = this.framesSinceChunk;
    this.framesSinceChunk = [];
    const seq = this.seq++;
    this.progress.pendingChunks++;
    this.uploads = this.uploads.then(async () => {
      try {
        const dataBase64 = await blobToBase64(blob);
        const r = await sendWithRetry(() =>
          api['capture.chunk']({ trialId: this.trialId, camera: this.camera, seq, dataBase64, frameTimesMs }),
        );
        this.progress.chunksSaved++;
        this.progress.bytesSaved = r.bytesOnDisk;
      } catch (err) {
        this.progress.error = err instanceof Error ? err.message : String(err);
      } finally {
        this.progress.pendingChunks--;
        this.onProgress();
      }
    });
    this.onProgress();
  }

  /**
   * The camera went away mid-recording (a cable pulled): what it recorded so far is kept, its last
   * chunk sent, and the other cameras record on.
   */
  private readonly onTrackEnded = (): void => {
    const rec = this.recorder;
    if (this.stopped || !rec) return;
    this.progress.lostAfterS = (performance.now() - this.startCallMs) / 1000;
    if (rec.state !== 'inactive') rec.stop();
    this.onProgress();
  };

  /** Stops recording and resolves once the last chunk is on disk (or failed). */
  async stop(): Promise<void> {
    const rec = this.recorder;
    if (rec && rec.state !== 'inactive') rec.stop();
    if (rec) await this.recorderStopped;
    this.stream.getVideoTracks()[0]?.removeEventListener('ended', this.onTrackEnded);
    this.stopped = true;
    this.video.cancelVideoFrameCallback(this.frameCallback);
    await this.uploads;
  }
}

async function sendWithRetry<T>(send: () => Promise<T>, attempts = 3): Promise<T> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await send();
    } catch (err) {
      last = err;
      // Conflicts (recording no longer running) will not get better by retrying.
      if (err instanceof Error && 'code' in err && (err as { code: string }).code !== 'failed') break;
      await new Promise((r) => setTimeout(r, 300 * (i + 1)));
    }
  }
  throw last;
}
