// Pose + gait analysis of trials, and the hand corrections a clinician makes in review.
import {
  FLOOR_DISTANCE_MAX_M,
  FLOOR_DISTANCE_MIN_M,
  floorMarksApartPx,
  isPlausibleFloorDistanceM,
  MIN_FLOOR_MARKS_APART_PX,
} from '../../floor-marks';
import { beltSpeedMessage, isPlausibleBeltSpeedMps } from '../../belt-speed';
import { cutoffMessage, isAcceptedCutoffHz } from '../../filter-cutoff';
import { isPictureTurnDeg, type PictureTurnDeg } from '../../picture-fix';
import { z } from 'zod';
import type { PoseTrackView, ScannedPeopleView, TrialAnalysisView } from '../analysis-types';
import { op } from '../op';
import { CAMERA_VIEWS } from './capture';

const id = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'Not a valid record id.');
const camera = z.string().trim().min(1).max(64).optional();
const side = z.enum(['left', 'right'], { error: 'Side must be left or right.' });
const kind = z.enum(['initial-contact', 'foot-off'], { error: 'Event must be initial-contact or foot-off.' });
const frame = z.number().finite().min(0, 'Frame numbers start at 0.').max(10_000_000);
const coordinate = z.number().finite().min(-100_000).max(100_000);
const person = z
  .object({
    box: z
      .object({ x0: coordinate, y0: coordinate, x1: coordinate, y1: coordinate })
      .strict()
      .refine((b) => b.x1 > b.x0 && b.y1 > b.y0, 'The box needs a positive width and height.'),
    frame,
  })
  .strict();

const pointPx = z.tuple([coordinate, coordinate]);
const floor = z
  .object({
    aPx: pointPx,
    bPx: pointPx,
    distanceM: z
      .number()
      .finite()
      .refine(
        isPlausibleFloorDistanceM,
        `The floor distance must be in metres, between ${FLOOR_DISTANCE_MIN_M} and ${FLOOR_DISTANCE_MAX_M} (e.g. 2.5).`,
      ),
  })
  .strict()
  .refine(
    (f) => floorMarksApartPx(f.aPx, f.bPx) >= MIN_FLOOR_MARKS_APART_PX,
    `Mark the two floor points at least ${MIN_FLOOR_MARKS_APART_PX} pixels apart (the ends of the known distance).`,
  );

export const analysisOperations = {
  'analysis.start': op<{ jobId: string }>()(
    z
      .object({
        trialId: id,
        camera,
        heightM: z
          .number()
          .refine((v) => v >= 0.5 && v <= 2.5, 'Height must be in metres, between 0.50 and 2.50 (e.g. 1.32).')
          .nullable()
          .optional(),
        /**
         * Who the patient is when several people are in view (see analysis.people); null returns to
         * the automatic choice (the person who walks). Omitted: as in the last analysis.
         */
        person: person.nullable().optional(),
        /**
         * Two floor marks a known distance apart, in the analysed camera's pixels: distances in
         * measured metres instead of from the height. null returns to the height; omitted: as before.
         */
        floor: floor.nullable().optional(),
        /**
         * Treadmill belt speed, m/s, for every camera of the trial: lengths and speed of treadmill
         * walking. null removes it; omitted: as before.
         */
        beltSpeedMps: z
          .number()
          .refine(isPlausibleBeltSpeedMps, { error: (i) => beltSpeedMessage(i.input as number) })
          .nullable()
          .optional(),
        /**
         * A marker-based trial's gait events: 'file' = those its motion-capture system stored,
         * 'detect' = GaitLab's detector (as for video). Replaces events set by hand. null returns to
         * the file's when it has both feet's; omitted: as before. Refused for a filmed trial.
         */
        markerEvents: z
          .enum(['file', 'detect'], { error: 'Marker events must be "file" or "detect".' })
          .nullable()
          .optional(),
        /**
         * Low-pass cutoff of the trajectories, Hz (0: none), for every camera analysed (and the
         * trial's 3D analysis, from its reference camera). null returns to the default 6 Hz;
         * omitted: as before.
         */
        cutoffHz: z
          .number()
          .refine(isAcceptedCutoffHz, { error: (i) => cutoffMessage(i.input as number) })
          .nullable()
          .optional(),
        /**
         * Turn the camera's picture clockwise by 90, 180 or 270 degrees first (a camera mounted
         * upside down or on its side; see TrialAnalysisView.pictureTurnDeg): its video becomes an
         * upright copy, the recording is kept, and only that camera is analysed.
         */
        turnDeg: z
          .number()
          .refine(isPictureTurnDeg, 'A picture is turned by 90, 180 or 270 degrees clockwise.')
          .transform((v) => v as PictureTurnDeg)
          .optional(),
        /**
         * Mirror the camera's picture back left to right first (a front camera's mirror image, in
         * which the pose model names each leg as the other; see TrialAnalysisView.sideDoubt),
         * before any turn; as turnDeg, an upright copy becomes its video, the recording kept.
         */
        mirror: z.boolean().optional(),
        /**
         * File `camera` under this view first (a side camera that stood at the patient's other
         * side, see TrialAnalysisView.sideDoubt; a side camera filed as the frontal one), exchanging
         * names with a camera filed so; its pose and hand edits are kept, and the trial's cameras are
         * analysed again under their new names. Refused for a camera of the session's calibration.
         */
        fileAs: z
          .enum(CAMERA_VIEWS, { error: `A camera is filed as ${CAMERA_VIEWS.join(', ')}.` })
          .optional(),
      })
      .strict(),
  ),
  /** Who the person scan saw in the analysed video, to choose the patient; null before analysis. */
  'analysis.people': op<ScannedPeopleView | null>()(z.object({ trialId: id, camera }).strict()),
  /** Analyses running now, so a page opened (or reloaded) mid-job can follow their progress. */
  'analysis.jobs': op<Array<{ trialId: string; jobId: string }>>()(
    z.object({ sessionId: id.optional() }).strict(),
  ),
  'analysis.get': op<TrialAnalysisView | null>()(z.object({ trialId: id, camera }).strict()),
  'analysis.poseTrack': op<PoseTrackView | null>()(z.object({ trialId: id, camera }).strict()),
  'analysis.moveEvent': op<TrialAnalysisView>()(
    z.object({ trialId: id, camera, side, kind, fromFrame: frame, toFrame: frame }).strict(),
  ),
  /** An event the detector missed, placed by hand at a frame of the video (or marker file). */
  'analysis.addEvent': op<TrialAnalysisView>()(z.object({ trialId: id, camera, side, kind, frame }).strict()),
  /** Takes away a spurious event: the one of that side and kind nearest `frame` (within 3 frames). */
  'analysis.removeEvent': op<TrialAnalysisView>()(
    z.object({ trialId: id, camera, side, kind, frame }).strict(),
  ),
  'analysis.setEvents': op<TrialAnalysisView>()(
    z
      .object({
        trialId: id,
        camera,
        /** null returns to automatic detection. */
        events: z
          .array(
            z
              .object({ side, kind, frame, source: z.enum(['zeni', 'foot-velocity', 'manual', 'imported']) })
              .strip(),
          )
          .max(10_000)
          .nullable(),
      })
      .strict(),
  ),
  'analysis.setCycleExcluded': op<TrialAnalysisView>()(
    z.object({ trialId: id, camera, side, index: z.number().int().min(0), excluded: z.boolean() }).strict(),
  ),
} as const;
