// What a trial's analysis records of the pose job it came from: app and model versions, backend,
// machine, video, so every printed number can be traced to how its landmarks were made; and the
// notes the pose job leaves for the analysis' reader.
import type { TrialAnalysisView } from '../../shared/api/analysis-types';
import type { PoseResult } from '../pose/pose-result';
import { otherWalkersNotes } from '../pose/other-walkers';
import { droppedFramesNotes } from '../pose/uniform-clock';
import { filterDescription } from '../../shared/filter-cutoff';
import { hdrDescription } from '../media/tone-map';
import { APP_VERSION } from './app-version';

/** `cutoffHz`: the low-pass cutoff the tracks were filtered at (default 6 Hz). */
export function provenance(
  pose: PoseResult,
  heightM: number | null,
  cutoffHz?: number,
): TrialAnalysisView['provenance'] {
  const p = pose.manifest.provenance;
  const slow = pose.manifest.settings.slowMotionFactor;
  const hdr = pose.manifest.settings.hdr;
  const codec = hdr ? `${pose.manifest.video.codec}, ${hdrDescription(hdr)}` : pose.manifest.video.codec;
  return {
    appVersion: APP_VERSION,
    poseAppVersion: p.appVersion,
    landmarkModel: p.landmarkModel.file,
    landmarkModelSha256: p.landmarkModel.sha256,
    personModel: p.personModel.file,
    modelPackage: p.modelPackage,
    backend: p.backend,
    workers: p.workers,
    cpu: p.cpu,
    filter: filterDescription(cutoffHz),
    heightM,
    videoCodec: pose.manifest.settings.interlaced
      ? `${codec}, interlaced: analysed field by field`
      : slow
        ? `${codec}, slow motion: filmed at ${Math.round(pose.manifest.video.fps)} frames/s, stored to play ${slow.toFixed(1)}x slower; analysed on the walk's clock`
        : codec,
    ...(pose.manifest.settings.interlaced ? { interlaced: pose.manifest.settings.interlaced } : {}),
    ...(hdr ? { hdr } : {}),
    ...(slow ? { slowMotionFactor: Math.round(slow * 100) / 100 } : {}),
    videoSizePx: `${pose.manifest.video.widthPx}x${pose.manifest.video.heightPx}`,
    videoFps: pose.manifest.video.fps,
    poseFinishedAt: p.finishedAt ?? null,
  };
}

/** What the pose job tells a reader of its analysis: frames the camera dropped, other walkers. */
export function poseNotes(pose: PoseResult): string[] {
  return [...droppedFramesNotes(pose), ...otherWalkersNotes(pose)];
}
