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
