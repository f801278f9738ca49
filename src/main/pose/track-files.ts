// Plain-text forms of a pose track for the CLI and for people opening results in a spreadsheet.
import { BLAZEPOSE_LANDMARKS, LANDMARK_COUNT } from '../../shared/landmarks';
import type { PoseManifest, PoseTrack } from './pose-result';

const num = (v: number, digits: number): string => (Number.isFinite(v) ? v.toFixed(digits) : '');

/** One row per frame: frame, time_s, then <name>_x, <name>_y, <name>_visibility per landmark (empty = not found). */
export function trackToCsv(track: PoseTrack): string {
  const header = [
    'frame',
    'time_s',
    ...BLAZEPOSE_LANDMARKS.flatMap((n) => [`${n}_x`, `${n}_y`, `${n}_visibility`]),
  ];
  const rows = [header.join(',')];
  for (let f = 0; f < track.frameCount; f++) {
    const cells = [String(f), num(track.timeS[f]!, 6)];
    for (let l = 0; l < LANDMARK_COUNT; l++) {
      const i = f * LANDMARK_COUNT + l;
      cells.push(num(track.xPx[i]!, 2), num(track.yPx[i]!, 2), num(track.visibility[i]!, 4));
    }
    rows.push(cells.join(','));
  }
  return rows.join('\n') + '\n';
}

export function trackToJson(track: PoseTrack, manifest: PoseManifest): string {
  const frames = [];
  for (let f = 0; f < track.frameCount; f++) {
    const landmarks = [];
    const world = [];
    for (let l = 0; l < LANDMARK_COUNT; l++) {
      const i = f * LANDMARK_COUNT + l;
      const x = track.xPx[i]!;
      landmarks.push(
        Number.isFinite(x)
          ? [
              +x.toFixed(2),
              +track.yPx[i]!.toFixed(2),
              +track.visibility[i]!.toFixed(4),
              +track.presence[i]!.toFixed(4),
            ]
          : null,
      );
      const w = track.worldM.subarray(i * 3, i * 3 + 3);
      world.push(Number.isFinite(w[0]!) ? Array.from(w, (v) => +v.toFixed(4)) : null);
    }
    frames.push({
      frame: f,
      time_s: +track.timeS[f]!.toFixed(6),
      confidence: +track.confidence[f]!.toFixed(4),
      landmarks,
      world_m: world,
    });
  }
  return JSON.stringify({
    units:
      'landmarks: pixels of the displayed frame, x right, y down, as [x, y, visibility, presence] or null when not found ' +
      '(visibility: likelihood the landmark is seen, not hidden; presence: likelihood it lies inside the frame; 0-1); ' +
      "confidence: the pose model's confidence that a person is in view, 0-1 (0: nobody found); " +
      'world_m: metres, origin between the hips, as [x, y, z] or null',
    fps: track.fps,
    width_px: track.widthPx,
    height_px: track.heightPx,
    landmark_names: BLAZEPOSE_LANDMARKS,
    low_confidence_frames: manifest.lowConfidenceFrames,
    // Where the file is damaged, the frames whose picture its decoder patched.
    ...(manifest.damagedFrames
      ? {
          damaged_picture_frames: manifest.damagedFrames.frames,
          decoder_message: manifest.damagedFrames.message,
        }
      : {}),
    provenance: manifest.provenance,
    settings: manifest.settings,
    frames,
  });
}
