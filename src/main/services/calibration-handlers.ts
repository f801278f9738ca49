// A session's camera calibration: read a file to choose which calibrated camera is which trial
// camera, store it, show it, remove it. Trials of the session find it through readSessionCalibration.
import { ApiError } from '../../shared/api/envelope';
import type { HandlersFor } from '../../shared/api/op';
import type { calibrationOperations } from '../../shared/api/ops/calibration';
import {
  buildStoredCalibration,
  calibrationDirRelative,
  calibrationInfo,
  previewCalibration,
  readStoredCalibration,
  removeSessionCalibration,
  writeSessionCalibration,
} from '../capture/calibration-store';
import { CalibrationFormatError } from '../formats/calibration-toml';
import type { LabContext } from './lab-context';
import { notFound } from './records-handlers';

/** A file that is not a usable calibration is an input error on the file's content. */
function readingFile<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof CalibrationFormatError)
      throw new ApiError({ code: 'invalid-input', message: err.message, fields: { content: err.message } });
    throw err;
  }
}

export function calibrationHandlers(ctx: LabContext): HandlersFor<typeof calibrationOperations> {
  const requireSession = (id: string) => ctx.sessions.get(id) ?? notFound('The session');
  // As recording and video import: an archived session is read-only until restored.
  const requireOpenSession = (id: string, doing: string) => {
    const session = requireSession(id);
    if (session.archivedAt)
      throw new ApiError({
        code: 'conflict',
        message: `This session is archived. Restore it before ${doing}.`,
      });
    return session;
  };
  const changed = (sessionId: string) =>
    ctx.events.emit({ type: 'data.changed', entity: 'session', id: sessionId });

  return {
    'calibration.preview': ({ fileName, content }) =>
      readingFile(() => previewCalibration(fileName, content)),
    'calibration.import': ({ sessionId, fileName, content, views }) => {
      const session = requireOpenSession(sessionId, 'importing a camera calibration');
      // Everything is checked before anything is written: a refused file leaves the earlier one.
      const doc = readingFile(() => buildStoredCalibration(fileName, content, views));
      writeSessionCalibration(ctx.layout.root, calibrationDirRelative(session), content, doc);
      changed(sessionId);
      return calibrationInfo(sessionId, doc);
    },
    'calibration.get': ({ sessionId }) => {
      const doc = readStoredCalibration(ctx.layout.root, calibrationDirRelative(requireSession(sessionId)));
      return doc ? calibrationInfo(sessionId, doc) : null;
    },
    'calibration.remove': ({ sessionId }) => {
      const session = requireOpenSession(sessionId, 'removing its camera calibration');
      if (removeSessionCalibration(ctx.layout.root, calibrationDirRelative(session))) changed(sessionId);
      return null;
    },
  };
}
