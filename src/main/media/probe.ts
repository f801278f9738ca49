// What the pose engine needs to know about a video before decoding it: display size after the
// rotation metadata is applied (ffmpeg auto-rotates when decoding), frame rate, frame count and
// each frame's presentation time.
import { stat } from 'node:fs/promises';
import { CAPTURE_FPS_TAG, slowMotionOf } from './capture-rate';
import { fieldOrderOf, fieldTimesS, type FieldOrder } from './deinterlace';
import { MediaError } from './media-error';
import { hdrTransferOf, type HdrTransfer } from './tone-map';
import { ffprobePath, lastLine, runTool } from './run-tool';

export interface VideoInfo {
  path: string;
  codec: string;
  /** Size of decoded frames as shown to the user (rotation applied). */
  widthPx: number;
  heightPx: number;
  /** Display-matrix rotation as ffprobe reports it (counter-clockwise), 0/90/180/270; 0 when none. */
  rotationDeg: number;
  fps: number;
  frameCount: number;
  durationS: number;
  /** Presentation time of each frame, seconds from the first frame. */
  frameTimesS: Float64Array;
  /**
   * Indices of the frames that decode on their own (keyframes), ascending. A phone records one
   * about every second, so the person scan can decode only those.
   */
  keyFrames?: number[];
  fileBytes: number;
  /**
   * Width / height of a stored pixel when not square (anamorphic video): widthPx is then the width
   * shown, and decoded frames are scaled to it.
   */
  storedPixelAspect?: number;
  /**
   * Interlaced (ffprobe field_order tt/bb/tb/bt), this field shown first: the video is read as its
   * fields (media/deinterlace.ts), so frameCount, fps and frameTimesS above count fields.
   */
  interlaced?: FieldOrder;
  /**
   * When the first frame is not at the file's time 0 (its video starts after its sound, as a phone
   * whose camera started late writes it, or after an empty edit): that frame's presentation time,
   * s, on the clock a browser plays the file by. Absent: 0.
   */
  firstFrameS?: number;
  /** The first frame's time on ffmpeg's seek clock (-ss counts from the file's start), s. Absent: 0. */
  firstFrameSeekS?: number;
  /**
   * A phone's slow-motion video (media/capture-rate.ts): file seconds per second of the walk. fps,
   * frameTimesS and durationS above are then the walk's own (the capture rate); firstFrameS and
   * firstFrameSeekS stay on the file's clock.
   */
  slowMotionFactor?: number;
  /** An HDR video's transfer curve (media/tone-map.ts): every picture made of it is tone-mapped. */
  hdr?: HdrTransfer;
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  nb_frames?: string;
  duration?: string;
  tags?: Record<string, string>;
  side_data_list?: Array<{ rotation?: number | string }>;
  sample_aspect_ratio?: string;
  field_order?: string;
  color_transfer?: string;
  /** attached_pic 1: cover art or a thumbnail stored beside the video, not the video. */
  disposition?: { attached_pic?: number };
}

// ffprobe's names for a single picture: image2 (.jpg, .bmp...) and the *_pipe readers
// (png_pipe, jpeg_pipe, webp_pipe...). Motion JPEG in AVI or QuickTime, as webcams and many
// compact cameras record, is a video like any other.
const PICTURE_FORMAT = /^(image2|[a-z0-9]+_pipe)$/;
/**
 * ffmpeg shows text as "ANSI art" video (its tty demuxer takes any .txt, .nfo, .asc... file; bin,
 * xbin, adf and idf are other text-mode art): a text file chosen by mistake was imported and
 * analysed as a 640x400 film of its own letters, ending in "Nobody was found in view".
 */
const TEXT_ART_FORMAT = /^(tty|bin|xbin|adf|idf)$/;

function parseRate(rate: string | undefined): number {
  if (!rate) return NaN;
  const [num, den] = rate.split('/').map(Number);
  if (num === undefined || !Number.isFinite(num)) return NaN;
  return den ? num / den : num;
}

/** Folds ffprobe's rotation (e.g. -90 for many phones held upright) into 0..270 in quarter turns. */
export function normaliseRotationDeg(streamRotation: number): number {
  const quarter = Math.round(streamRotation / 90) * 90;
  return ((quarter % 360) + 360) % 360;
}

/** The stream the decoders read ('0:V:0'): the first video stream that is not a cover picture. */
export function isPlayedVideoStream(s: {
  codec_type?: string;
  disposition?: { attached_pic?: number };
}): boolean {
  return s.codec_type === 'video' && s.disposition?.attached_pic !== 1;
}

export async function probeVideo(path: string, signal?: AbortSignal): Promise<VideoInfo> {
  let fileBytes: number;
  try {
    fileBytes = (await stat(path)).size;
  } catch {
    throw new MediaError('not-found', `The video file ${path} does not exist or cannot be read.`);
  }
  if (fileBytes === 0) throw new MediaError('empty-file', `The video file ${path} is empty (0 bytes).`);

  let json: {
    streams?: ProbeStream[];
    format?: { format_name?: string; duration?: string; start_time?: string; tags?: Record<string, string> };
  };
  // The packet times are read at the same time as the stream header (two short ffprobe runs, one
  // wait instead of two: start-up of every pose job); their error only counts once the header is good.
  const times = probeFrameTimes(path, signal);
  times.catch(() => {});
  const frameFields = probeFrameFields(path, signal);
  frameFields.catch(() => {});
  try {
    const { stdout } = await runTool(
      ffprobePath(),
      ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', path],
      signal,
    );
    json = JSON.parse(stdout) as typeof json;
  } catch (err) {
    if (err instanceof MediaError && err.kind === 'ffmpeg-failed') {
      const why = lastLine(err.stderr);
      const truncated = /moov atom not found|Invalid data found|End of file/i.test(err.stderr);
      throw new MediaError(
        truncated ? 'not-a-video' : 'ffmpeg-failed',
        `${path} cannot be read as a video (damaged, truncated or not a video file): ${why}`,
        { exitCode: err.exitCode, stderr: err.stderr },
      );
    }
    throw err;
  }
  const picture = PICTURE_FORMAT.test(json.format?.format_name ?? '');
  if (TEXT_ART_FORMAT.test(json.format?.format_name ?? ''))
    throw new MediaError(
      'not-a-video',
      `${path} is a text file, not a video. Record or import a video of the trial.`,
    );
  const video = json.streams?.find(isPlayedVideoStream);
  if (!video || picture) {
    const hasAudio = json.streams?.some((s) => s.codec_type === 'audio');
    if (picture)
      throw new MediaError(
        'not-a-video',
        `${path} is a still picture (${(video?.codec_name ?? 'image').toUpperCase()}), not a video. Record or import a video of the trial.`,
      );
    throw new MediaError(
      hasAudio ? 'no-video-stream' : 'not-a-video',
      hasAudio ? `${path} contains audio only, no video stream.` : `${path} contains no video stream.`,
    );
  }
  const rotationRaw = Number(video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? NaN);
  const rotationDeg = Number.isFinite(rotationRaw)
    ? normaliseRotationDeg(rotationRaw)
    : normaliseRotationDeg(Number(video.tags?.rotate ?? 0));
  const codedW = video.width ?? 0;
  const codedH = video.height ?? 0;
  if (!codedW || !codedH) throw new MediaError('not-a-video', `${path}: the video stream has no frame size.`);
  const quarterTurn = rotationDeg === 90 || rotationDeg === 270;
  // Anamorphic video (HDV's 1440x1080 shown 16:9, DV's 720x576) stores pixels narrower or wider
  // than square: frames are decoded at the size players show, so distances and angles are true.
  const sar = parseRate(video.sample_aspect_ratio?.replace(':', '/'));
  const anamorphic = Number.isFinite(sar) && sar > 0 && Math.abs(sar - 1) > 0.005;
  const shownW = anamorphic ? Math.max(2, 2 * Math.round((codedW * sar) / 2)) : codedW;

  const { frameTimesS, keyFrames, packetCount } = await times;
  if (frameTimesS.length === 0)
    throw new MediaError('truncated', `${path} contains no video frames (truncated or empty video).`);
  // An mp4 with its index first still opens when cut short, but holds fewer frames than it declares
  // (which counts the frames an edit list leaves out).
  const declared = Number(video.nb_frames ?? NaN);
  if (Number.isFinite(declared) && declared > 0 && packetCount < declared - 1) {
    throw new MediaError(
      'truncated',
      `${path} is truncated or damaged: it declares ${declared} frames but holds ${packetCount}.`,
    );
  }
  const fpsFromHeader = parseRate(video.avg_frame_rate) || parseRate(video.r_frame_rate);
  const spanS =
    frameTimesS.length > 1
      ? (frameTimesS[frameTimesS.length - 1]! - frameTimesS[0]!) / (frameTimesS.length - 1)
      : NaN;
  const playbackFps = Number.isFinite(fpsFromHeader) && fpsFromHeader > 0 ? fpsFromHeader : 1 / spanS;
  const slowMotion = slowMotionOf(json.format?.tags?.[CAPTURE_FPS_TAG], frameTimesS);
  const clock = slowMotion?.factor ?? 1;
  const fps = slowMotion?.captureFps ?? playbackFps;
  const t0 = frameTimesS[0]!;
  for (let i = 0; i < frameTimesS.length; i++) frameTimesS[i] = (frameTimesS[i]! - t0) / clock;
  // Frame times count from the first frame; where that frame sits in the file is kept apart, for
  // what plays or seeks the file itself (review, report stills, the picture to choose the patient).
  const fileStartS = Number.parseFloat(json.format?.start_time ?? '');
  const seekS = Number.isFinite(fileStartS) ? t0 - fileStartS : 0;
  const late = (s: number): boolean => s > 0.0005;
  const hdr = hdrTransferOf(video.color_transfer);
  const info: VideoInfo = {
    path,
    codec: video.codec_name ?? 'unknown',
    widthPx: quarterTurn ? codedH : shownW,
    heightPx: quarterTurn ? shownW : codedH,
    rotationDeg,
    fps,
    frameCount: frameTimesS.length,
    durationS: Number(json.format?.duration ?? video.duration ?? frameTimesS.length / playbackFps) / clock,
    frameTimesS,
    keyFrames,
    fileBytes,
    ...(anamorphic ? { storedPixelAspect: sar } : {}),
    ...(late(t0) ? { firstFrameS: t0 } : {}),
    ...(late(seekS) ? { firstFrameSeekS: seekS } : {}),
    ...(slowMotion ? { slowMotionFactor: slowMotion.factor } : {}),
    ...(hdr ? { hdr } : {}),
  };
  // Many containers (AVI with DV, for one) leave the stream's field order unknown: its frames say.
  const order =
    fieldOrderOf(video.field_order) ??
    (video.field_order === 'progressive' ? undefined : await frameFields.catch(() => undefined));
  if (!order) return info;
  // Read as fields; its keyframes are left out, so the person scan decodes every frame.
  return {
    ...info,
    fps: 2 * fps,
    frameCount: 2 * frameTimesS.length,
    frameTimesS: fieldTimesS(frameTimesS, fps),
    keyFrames: undefined,
    interlaced: order,
  };
}

/** Interlaced when the first frames all say so (a few decoded frames), in their field order. */
async function probeFrameFields(path: string, signal?: AbortSignal): Promise<FieldOrder | undefined> {
  const { stdout } = await runTool(
    ffprobePath(),
    [
      ...['-v', 'error', '-select_streams', 'V:0', '-read_intervals', '%+#4'],
      ...['-show_entries', 'frame=interlaced_frame,top_field_first', '-of', 'csv=p=0', path],
    ],
    signal,
  );
  const frames = stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.split(',').map(Number));
  if (frames.length === 0 || !frames.every(([interlaced]) => interlaced === 1)) return undefined;
  return frames[0]![1] === 1 ? 'tff' : 'bff';
}

/** Timestamps of the packets shown, read without decoding; sorted because B-frames arrive out of order. */
async function probeFrameTimes(
  path: string,
  signal?: AbortSignal,
): Promise<{ frameTimesS: Float64Array; keyFrames: number[]; packetCount: number }> {
  const { stdout } = await runTool(
    ffprobePath(),
    [
      '-v',
      'error',
      '-select_streams',
      'V:0',
      '-show_entries',
      'packet=pts_time,flags',
      '-of',
      'csv=p=0',
      path,
    ],
    signal,
  );
  const all = stdout.split('\n').flatMap((line) => {
    const [time, flags = ''] = line.split(',');
    const t = Number.parseFloat(time ?? '');
    return Number.isFinite(t) ? [{ t, key: flags.startsWith('K'), shown: !flags.includes('D') }] : [];
  });
  // 'D': outside the file's edit list (a video trimmed without re-encoding keeps the frames from
  // the keyframe before its new start, to decode from); players and decoders drop them.
  const packets = all.filter((p) => p.shown);
  // Packets come in decoding order; frames are shown in time order.
  packets.sort((a, b) => a.t - b.t);
  return {
    frameTimesS: Float64Array.from(packets, (p) => p.t),
    keyFrames: packets.flatMap((p, i) => (p.key ? [i] : [])),
    packetCount: all.length,
  };
}
