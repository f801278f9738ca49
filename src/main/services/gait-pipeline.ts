// Pose track + the trial's hand edits -> gait analysis. Shared by the lab services (trials) and the
// CLI (a bare video), so both compute exactly the same numbers.
import type { PoseTrack2D } from '../../shared/landmarks';
import { analyseTrajectories, type AnalysisResult } from '../gait/analyse';
import { poseTrackToTrajectorySet } from '../gait/pose-adapter';
import { validateHeightM } from '../gait/scaling';
import { contactPointsPx } from '../gait/floor-contacts';
import type { GaitEvent, Side, TrajectorySet } from '../gait/types';
import type { FloorScaleChoice } from '../../shared/api/analysis-types';
import type { CameraCalibration } from '../capture/calibration/camera-model';
import {
  calibratedFloorScale,
  MAX_OBLIQUITY_DEG,
  type FloorContact,
} from '../capture/calibration/floor-scale';

export interface GaitRunOptions {
  /** Subject standing height in metres; without it distances and speed are not reported. */
  heightM?: number | null;
  /** Two floor marks a known distance apart: measured metres, used instead of the height. */
  floor?: FloorScaleChoice | null;
  /** Treadmill belt speed, m/s: on a treadmill, lengths and speed come from it. */
  beltSpeedMps?: number | null;
  /** Low-pass cutoff of the landmark tracks, Hz (default 6; 0: no low-pass). */
  cutoffHz?: number;
  /** Hand-edited events replacing detection. */
  events?: readonly GaitEvent[] | null;
  /** Cycles excluded by hand, as 'left:2'. */
  excludedCycles?: readonly string[];
  view?: 'sagittal' | 'frontal';
  /**
   * The camera's calibration (fitted to the video), when the session has one with the floor at its
   * origin: a side camera then measures metres on the floor, unless floor marks were given.
   */
  calibration?: CameraCalibration | null;
}

/** The calibrated scale and the height scale disagreeing by more than this means one of them is wrong. */
const SCALE_DISAGREEMENT = 0.2;

export class InvalidHeightError extends Error {}

export function runGait(track: PoseTrack2D, options: GaitRunOptions = {}): AnalysisResult {
  if (options.heightM !== undefined && options.heightM !== null) {
    const h = validateHeightM(options.heightM);
    if (!h.ok) throw new InvalidHeightError(h.message);
  }
  const set = poseTrackToTrajectorySet(track);
  const common = {
    view: options.view ?? 'sagittal',
    ...(options.events ? { events: options.events } : {}),
    cycles: { excluded: options.excludedCycles ?? [] },
    ...(options.beltSpeedMps ? { treadmillBeltSpeedMps: options.beltSpeedMps } : {}),
    ...(options.cutoffHz !== undefined ? { preprocess: { cutoffHz: options.cutoffHz } } : {}),
  } as const;
  const heightScale = options.heightM
    ? { scale: { kind: 'subject-height' as const, heightM: options.heightM } }
    : {};
  if (options.floor)
    return analyseTrajectories(set, {
      ...common,
      scale: {
        kind: 'floor-distance' as const,
        a: options.floor.aPx,
        b: options.floor.bPx,
        distanceM: options.floor.distanceM,
      },
    });
  const byHeight = analyseTrajectories(set, { ...common, ...heightScale });
  if (!options.calibration || common.view !== 'sagittal' || !byHeight.ok) return byHeight;
  return withCalibratedScale(set, options.calibration, byHeight.analysis, (scale) =>
    analyseTrajectories(set, { ...common, scale }),
  );
}

/**
 * Re-runs the analysis with metres from the calibration, measured where the feet land (the lower
 * in the picture of heel and toe at each initial contact); keeps the first result, with a warning
 * saying why, when the calibration cannot measure this walk.
 */
function withCalibratedScale(
  set: TrajectorySet,
  calibration: CameraCalibration,
  first: Extract<AnalysisResult, { ok: true }>['analysis'],
  rerun: (scale: { kind: 'calibration'; metresPerUnit: number }) => AnalysisResult,
): AnalysisResult {
  const foot = (side: Side) => ({
    heel: set.trajectories[`${side}_heel`]!,
    toe: set.trajectories[`${side}_foot_index`]!,
  });
  const contacts: FloorContact[] = contactPointsPx(first.events, {
    left: foot('left'),
    right: foot('right'),
  });
  const measured = calibratedFloorScale(calibration, contacts);
  if (!measured.ok)
    return {
      ok: true,
      analysis: {
        ...first,
        warnings: [...first.warnings, `The calibration was not used: ${measured.message}`],
      },
    };
  const result = rerun({ kind: 'calibration', metresPerUnit: measured.metresPerPx });
  if (!result.ok) return result;
  const a = result.analysis;
  const warnings = [...a.warnings];
  if (measured.obliquityDeg > MAX_OBLIQUITY_DEG)
    warnings.push(
      `The walking line is turned ${measured.obliquityDeg.toFixed(0)} deg from this camera's picture: one scale does not hold along it, so distances near the ends of the walkway are off by several per cent. Place the camera square to the walkway.`,
    );
  if (first.scale?.method === 'subject-height') {
    const ratio = measured.metresPerPx / first.scale.metresPerUnit;
    if (Math.abs(ratio - 1) > SCALE_DISAGREEMENT)
      warnings.push(
        `Distances from the calibration are ${Math.abs(100 * (ratio - 1)).toFixed(0)} % ${ratio > 1 ? 'larger' : 'smaller'} than the patient's height makes them: check that the calibration belongs to this camera and recording, and the height.`,
      );
  }
  return {
    ok: true,
    analysis: {
      ...a,
      scale: a.scale && { ...a.scale, description: measured.description },
      warnings,
    },
  };
}
