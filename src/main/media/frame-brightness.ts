// Mean brightness of every frame (grey levels 0-255), from a tiny downscale: enough to find a flash.
import { withDeinterlace, type FieldOrder } from './deinterlace';
import { ffmpegPath, runToolBinary } from './run-tool';

const SMALL_W = 32;
const SMALL_H = 18;

/** With `fields` (an interlaced video), one value per field, as the video is analysed. */
export async function frameBrightness(
  path: string,
  signal?: AbortSignal,
  fields?: FieldOrder,
): Promise<Float64Array> {
  const { stdout } = await runToolBinary(
    ffmpegPath(),
    [
      '-nostdin',
      '-v',
      'error',
      '-i',
      path,
      '-map',
      '0:V:0',
      '-fps_mode',
      'passthrough',
      '-vf',
      withDeinterlace(fields, `scale=${SMALL_W}:${SMALL_H},format=gray`)!,
      '-f',
      'rawvideo',
      'pipe:1',
    ],
    signal,
  );
  const frameBytes = SMALL_W * SMALL_H;
  const out = new Float64Array(Math.floor(stdout.length / frameBytes));
  for (let f = 0; f < out.length; f++) {
    let s = 0;
    for (let i = f * frameBytes; i < (f + 1) * frameBytes; i++) s += stdout[i]!;
    out[f] = s / frameBytes;
  }
  return out;
}
