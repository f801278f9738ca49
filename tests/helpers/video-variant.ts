// Test videos made from a real recording by ffmpeg (a crop that follows the walker, a rotation, a
// wide shot...): the landmarks stay the model's on real frames. Written to a temporary folder,
// never to the repository.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { sharedDataPath } from './shared-data';

export const SPORTS2D_WALK = sharedDataPath('sports2d_demo_sideview_walk/demo.mp4');

/** `input` re-encoded (H.264, no sound) through ffmpeg output options, as `dir/name`. */
export function videoVariant(dir: string, name: string, options: string[], input = SPORTS2D_WALK): string {
  const out = join(dir, name);
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-i', input, '-an', ...options],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '18', out],
  ]);
  return out;
}

/**
 * ffmpeg arguments writing `input` as a phone films HDR, to `out` (.mov): HEVC 10-bit in BT.2020
 * colours, PQ (HDR10, many Android phones) or HLG (iPhones), the picture's white at BT.2408's
 * reference white (203 cd/m2), the transfer stated in the stream as phones state it.
 */
export function hdrVideoArgs(input: string, hdr: 'pq' | 'hlg', out: string): string[] {
  const t = hdr === 'pq' ? 'smpte2084' : 'arib-std-b67';
  return [
    ...['-v', 'error', '-y', '-i', input, '-an', '-vf'],
    // The SDR input read as BT.709, limited range, whether or not its stream says so.
    `setparams=range=tv:color_primaries=bt709:color_trc=bt709:colorspace=bt709,zscale=t=linear,format=gbrpf32le,zscale=p=bt2020:t=${t}:m=bt2020nc:r=tv:npl=203,format=yuv420p10le`,
    ...['-c:v', 'libx265', '-preset', 'ultrafast', '-crf', '20', '-tag:v', 'hvc1'],
    ...['-x265-params', `log-level=error:colorprim=bt2020:transfer=${t}:colormatrix=bt2020nc`, out],
  ];
}

/**
 * Two people walking together, as a child beside a therapist: the band she walks in (rows 480-994)
 * laid over the upper part of the picture at 0.7 of its size, at y = 150, 0.4 s behind her.
 */
export const WALKING_TOGETHER_OPTIONS = [
  '-filter_complex',
  '[0:v]split[a][b];[b]setpts=PTS+0.4/TB,crop=1768:514:0:480,scale=1238:360[s];[a][s]overlay=265:150:eof_action=pass',
];
/** The copy's feet stay above this row, px. */
export const WALKING_TOGETHER_COPY_BOTTOM_PX = 150 + 0.7 * (994 - 480);

/**
 * The walk as an interlaced camera records it: frames 2k and 2k+1 as the two fields (top first) of
 * one frame, 15 frames/s, flagged interlaced (x264 needs a height divisible by 4 for that: the
 * bottom two of the 994 rows are cut).
 */
export const INTERLACED_OPTIONS = [
  ...['-vf', 'crop=1768:992:0:0,interlace=scan=tff'],
  ...['-flags', '+ilme+ildct', '-x264opts', 'tff=1'],
];

/**
 * The walk as an Android phone stores slow motion: filmed at 120 frames/s (here each of the walk's
 * 30 frames four times), written to play at 30 (each frame held four times as long as it was
 * filmed), with the rate it was filmed at in the file's metadata (com.android.capture.fps, an mdta
 * key, as Android's writer puts it). 920 frames.
 */
export const SLOW_MOTION_OPTIONS = [
  ...['-vf', 'fps=120,setpts=4*PTS', '-fps_mode', 'passthrough'],
  ...['-movflags', 'use_metadata_tags', '-metadata', 'com.android.capture.fps=120.000000'],
];
