// Test videos made at test time with ffmpeg lavfi: a beep (the "clap") and a white flash at known
// instants, so sync results can be checked against the truth.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const FIXTURE_FPS = 30;

/** MP4 (H.264 + AAC), 640x360 at 30 fps, durationS long, clap and flash at eventS. */
export function makeClapFlashVideo(dir: string, name: string, eventS: number, durationS = 6): string {
  const out = join(dir, name);
  const audio = `aevalsrc='if(between(t,${eventS},${eventS + 0.04}),0.8*sin(2*PI*1500*t),0)+0.02*(random(0)-0.5)':s=48000:d=${durationS}`;
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=s=640x360:r=${FIXTURE_FPS}:d=${durationS}`,
    '-f',
    'lavfi',
    '-i',
    audio,
    '-vf',
    `drawbox=color=white:t=fill:enable='between(t,${eventS - 0.001},${eventS + 0.15})'`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    out,
  ]);
  return out;
}

/** VP8 WebM like MediaRecorder writes, for feeding the chunked recording path. */
export function makeWebm(dir: string, name: string, durationS: number, fps = FIXTURE_FPS): string {
  const out = join(dir, name);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=s=320x180:r=${fps}:d=${durationS}`,
    '-c:v',
    'libvpx',
    '-b:v',
    '500k',
    '-g',
    '30',
    '-deadline',
    'realtime',
    '-cpu-used',
    '8',
    out,
  ]);
  return out;
}

/** Frames ffmpeg actually decodes (not what the header claims). */
export function decodedFrameCount(path: string): number {
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-count_frames',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=nb_read_frames',
    '-of',
    'csv=p=0',
    path,
  ]).toString();
  return Number.parseInt(out.trim(), 10);
}

/** Container duration, seconds (present only once a browser recording has been remuxed). */
export function probeDurationS(path: string): number {
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'csv=p=0',
    path,
  ]).toString();
  return Number.parseFloat(out.trim());
}
