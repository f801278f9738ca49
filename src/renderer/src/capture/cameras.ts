// Finding and opening the lab's cameras in the browser (or Electron's renderer).

export interface CameraDevice {
  deviceId: string;
  label: string;
}

/** Labels are empty until the page has camera permission, so ask once, then list. */
export async function listCameras(): Promise<CameraDevice[]> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new Error('This window cannot use cameras. Open GaitLab from http://127.0.0.1 (the address gaitlab serve prints).');
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

export async function openCamera(deviceId: string, widthPx: number, heightPx: number, fps: number): Promise<MediaStream> {
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
      throw new Error(`This camera cannot deliver ${fps} frames/s at ${widthPx}x${heightPx}. Choose a lower frame rate or resolution.`);
    }
    throw new Error(describeMediaError(err));
  }
}

export function describeMediaError(err: unknown): string {
  if (err instanceof DOMException) {
    if (err.name === 'NotAllowedError') return 'camera access was refused. Allow the camera for this page and try again.';
    if (err.name === 'NotFoundError') return 'no camera is connected.';
    if (err.name === 'NotReadableError') return 'the camera is busy in another program.';
    return `${err.name}: ${err.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}

export function stopStream(stream: MediaStream | null | undefined): void {
  for (const t of stream?.getTracks() ?? []) t.stop();
}

/** Best recording format this browser offers; VP8 WebM is the cheapest to encode on two cores. */
export function pickMimeType(): string {
  const candidates = ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm'];
  return candidates.find((m) => typeof MediaRecorder !== 'undefined' && MediaRecorder.isTypeSupported(m)) ?? 'video/webm';
}
