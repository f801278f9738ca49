// Which files hold motion-capture data rather than video, told by their name: `gaitlab analyze`
// reads them, and a trial's video import points there instead of calling them "not a video".

import { extensionOf, IMPORTABLE_MARKER_EXTENSIONS } from '../../shared/api/ops/capture';

/** Marker files `gaitlab analyze` reads (and import takes as marker-based trials). */
export const MARKER_FILE_EXTENSIONS = IMPORTABLE_MARKER_EXTENSIONS;
/** OpenSim's joint-angle tables: motion-capture results, but no markers to analyse. */
export const JOINT_ANGLE_FILE_EXTENSIONS = ['.mot'] as const;

/** A marker file, or a joint-angle file (which is recognised to say what to give instead). */
export function isMotionCaptureFileName(name: string): boolean {
  const ext = extensionOf(name);
  return ([...MARKER_FILE_EXTENSIONS, ...JOINT_ANGLE_FILE_EXTENSIONS] as readonly string[]).includes(ext);
}
