// Camera calibration of a session: imported from a file (Pose2Sim / Sports2D / caliscope TOML),
// each calibrated camera assigned to a trial camera (view). With two or more calibrated cameras a
// trial is triangulated to 3D; one calibrated side camera measures metres on the floor.
import { z } from 'zod';
import type { CalibrationPreview, SessionCalibrationInfo } from '../calibration-types';
import { op } from '../op';
import { CAMERA_VIEWS } from './capture';

/** Calibration files are a few kilobytes; anything this large is not one. */
export const MAX_CALIBRATION_FILE_CHARS = 1_000_000;

const id = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'Not a valid record id.');
const fileName = z.string().trim().min(1, 'Give the file name.').max(260);
const content = z
  .string()
  .min(1, 'The calibration file is empty.')
  .max(MAX_CALIBRATION_FILE_CHARS, 'This file is too large to be a camera calibration.');
const view = z.enum(CAMERA_VIEWS, {
  error: 'Choose a view: sagittal left, sagittal right, frontal or posterior.',
});

export const calibrationOperations = {
  /** Reads a calibration file without storing it: its cameras and what the checks found. */
  'calibration.preview': op<CalibrationPreview>()(z.object({ fileName, content }).strict()),
  /**
   * Stores the calibration for the session, replacing any earlier one. `views` maps the file's
   * camera names to the trial cameras they calibrate; cameras left out are not used.
   */
  'calibration.import': op<SessionCalibrationInfo>()(
    z
      .object({
        sessionId: id,
        fileName,
        content,
        views: z
          .record(z.string().trim().min(1).max(120), view)
          .refine((v) => Object.keys(v).length > 0, 'Assign at least one calibrated camera to a view.')
          .refine(
            (v) => new Set(Object.values(v)).size === Object.values(v).length,
            'Two calibrated cameras cannot be the same view.',
          ),
      })
      .strict(),
  ),
  'calibration.get': op<SessionCalibrationInfo | null>()(z.object({ sessionId: id }).strict()),
  'calibration.remove': op<null>()(z.object({ sessionId: id }).strict()),
} as const;
