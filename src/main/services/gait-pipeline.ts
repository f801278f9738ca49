// Pose track + the trial's hand edits -> gait analysis. Shared by the lab services (trials) and the
// CLI (a bare video), so both compute exactly the same numbers.
import type { PoseTrack2D } from '../../shared/landmarks';
import { analyseTrajectories, type AnalysisResult } from '../gait/analyse';
import { poseTrackToTrajectorySet } from '../gait/pose-adapter';
import { validateHeightM } from '../gait/scaling';
import type { GaitEvent } from '../gait/types';
import type { FloorScaleChoice } from '../../shared/api/analysis-types';

export interface GaitRunOptions {
  /** Subject standing height in metres; without it distances and speed are not reported. */
  heightM?: number | null;
  /** Two floor marks a known distance apart: measured metres, used instead of the height. */
  floor?: FloorScaleChoice | null;
  /** Hand-edited events replacing detection. */
  events?: readonly GaitEvent[] | null;
  /** Cycles excluded by hand, as 'left:2'. */
  excludedCycles?: readonly string[];
  view?: 'sagittal' | 'frontal';
}

export class InvalidHeightError extends Error {}

export function runGait(track: PoseTrack2D, options: GaitRunOptions = {}): AnalysisResult {
  if (options.heightM !== undefined && options.heightM !== null) {
    const h = validateHeightM(options.heightM);
    if (!h.ok) throw new InvalidHeightError(h.message);
  }
  return analyseTrajectories(poseTrackToTrajectorySet(track), {
    view: options.view ?? 'sagittal',
    ...(options.floor
      ? {
          scale: {
            kind: 'floor-distance' as const,
            a: options.floor.aPx,
            b: options.floor.bPx,
            distanceM: options.floor.distanceM,
          },
        }
      : options.heightM
        ? { scale: { kind: 'subject-height' as const, heightM: options.heightM } }
        : {}),
    ...(options.events ? { events: options.events } : {}),
    cycles: { excluded: options.excludedCycles ?? [] },
  });
}
