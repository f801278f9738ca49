// Frames of a damaged video file that its decoder patched (media/decode-damage.ts): the picture
// there is partly made up from the frames around it, and a pose on it partly the model's guess
// (the Sports2D walk with one keyframe overwritten: her ghost and herself on 60 frames, the left
// knee's minimum in stance moved by 5 deg). Set aside like the frames the model doubts.
import { frameRunsText } from '../../shared/analysis-notes';
import { frameRuns } from '../../shared/frame-runs';
import type { PoseTrack2D } from '../../shared/landmarks';
import type { TrajectorySet } from './types';

/** How the note below starts (the report picks it out by it). */
export const DAMAGED_PICTURE_NOTE_START = 'The video file is damaged at frame';

/** What a reader is told of the damaged frames, or null when there are none. */
export function damagedPictureNote(
  set: Pick<TrajectorySet, 'damagedPicture' | 'rateHz' | 'startTimeS'>,
): string | null {
  const d = set.damagedPicture;
  if (!d || d.frames.length === 0) return null;
  const t0 = set.startTimeS ?? 0;
  const first = d.frames[0]!;
  const last = d.frames[d.frames.length - 1]!;
  const [from, to] = [(t0 + first / set.rateHz).toFixed(2), (t0 + last / set.rateHz).toFixed(2)];
  const when = frameRuns(d.frames).length > 1 ? `between ${from} and ${to} s` : `${from}-${to} s`;
  return `${DAMAGED_PICTURE_NOTE_START}${d.frames.length > 1 ? 's' : ''} ${frameRunsText(d.frames)} (${when}): its decoder could not read them whole, and patched their pictures from the frames around them or gave none (ffmpeg: "${d.decoderMessage}"), so the landmarks there stand on a damaged picture or on none. They are not used (bridged from the frames around, or left out) and the frames are shaded as low confidence. If the camera or phone still holds the original, copy it again.`;
}

/** A track's damaged frames as a list, with the decoder's complaint; undefined when the video decoded cleanly. */
export function damagedPictureOf(
  track: Pick<PoseTrack2D, 'damagedPicture'>,
): { frames: number[]; decoderMessage: string } | undefined {
  const d = track.damagedPicture;
  if (!d) return undefined;
  const frames: number[] = [];
  d.perFrame.forEach((v, f) => {
    if (v) frames.push(f);
  });
  return { frames, decoderMessage: d.decoderMessage };
}

/**
 * The note of a calibrated trial one of whose cameras' video files is damaged (frames of that
 * camera's video), or null: those frames weigh nothing in the triangulation.
 */
export function damagedCameraNote(camera: string, track: Pick<PoseTrack2D, 'damagedPicture'>): string | null {
  const d = damagedPictureOf(track);
  if (!d || d.frames.length === 0) return null;
  return `The ${camera} camera's video file is damaged at its frame${d.frames.length > 1 ? 's' : ''} ${frameRunsText(d.frames)} (its decoder could not read them whole; ffmpeg: "${d.decoderMessage}"): its landmarks there are not used, and the other cameras place the points where two of them see them.`;
}

/** 1 at each of `frames`, 0 elsewhere, over `frameCount` frames. */
export function framesMask(frames: readonly number[], frameCount: number): Uint8Array {
  const mask = new Uint8Array(frameCount);
  for (const f of frames) if (f >= 0 && f < frameCount) mask[f] = 1;
  return mask;
}
