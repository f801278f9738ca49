// Finding and opening the lab's cameras in the browser (or Electron's renderer).

export interface CameraDevice {
  deviceId: string;
  label: string;
}

/** Labels are empty until the page has camera permission, so ask once, then list. */
export async function listCameras(): Promise<CameraDevice[]> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new Error(
      'This window cannot use cameras. Open GaitLab from http://127.0.0.1 (the address gaitlab serve prints).',
    );
  }
  try {
    const probe = await navigator.mediaDevices.getUserMedia({ video: true });
    for (const t of probe.getTracks()) t.stop();
  } catch (err) {
    throw new Error(`No camera could be opened: ${describeMediaError(err)}`);
  }
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'videoinput')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` }));
}

export async function openCamera(
  deviceId: string,
  widthPx: number,
  heightPx: number,
  fps: number,
): Promise<MediaStream> {
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: {
        deviceId: { exact: deviceId },
        width: { ideal: widthPx },
        height: { ideal: heightPx },
        frameRate: { ideal: fps, min: Math.floor(fps * 0.9) },
      },
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'OverconstrainedError') {
      throw new Error(
        `This camera cannot deliver ${fps} frames/s at ${widthPx}x${heightPx}. Choose a lower frame rate or resolution.`,
      );
    }
    throw new Error(describeMediaError(err));
  }
}

export function describeMediaError(err: unknown): string {
  if (err instanceof DOMException) {
    if (err.name === 'NotAllowedError')
      return 'camera access was refused. Allow the camera for this page and try again.';
    if (err.name === 'NotFoundError') return 'no camera is connected.';
    if (err.name === 'NotReadableError') return 'the camera is busy in another program.';
    return `${err.name}: ${err.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}

export function stopStream(stream: MediaStream | null | undefined): void {
  for (const t of stream?.getTracks() ?? []) t.stop();
}

/**
 * Recording format. H.264 in WebM first: on a 2-core machine Chromium kept ~all 720p frames of 3
 * cameras with it, against under 15 % with VP8 (bench:capture). WebM because a file cut short by
 * a crash still plays up to the cut; the services remux it to MP4 afterwards.
 */
export function pickMimeType(): string {
  const candidates = [
    'video/webm;codecs=h264',
    'video/webm;codecs=vp8',
    'video/webm;codecs=vp9',
    'video/webm',
  ];
  return (
    candidates.find((m) => typeof MediaRecorder !== 'undefined' && MediaRecorder.isTypeSupported(m)) ??
    'video/webm'
  );
}

/**
 * Bitrate for MediaRecorder, about 0.3 bit per pixel per frame (2 Mbit/s at 640x360, 30 frames/s).
 * Chromium's H.264 encoder skips frames to hold its default bitrate: at 360p it kept ~89 % of
 * frames by default and 100 % at this rate on the 2-core lab machine.
 */
export function recordingBitsPerSecond(widthPx: number, heightPx: number, fps: number): number {
  return Math.round(Math.min(16e6, Math.max(1.5e6, widthPx * heightPx * fps * 0.3)));
}
