// A session's camera calibration on disk: patients/<patient>/sessions/<session>/calibration/ holds
// the file as imported (source.toml, for provenance and re-reading) and calibration.json, what
// GaitLab uses: which calibrated camera is which trial camera, the cameras' parameters, and what
// the import checks found. The analysis reads calibration.json only, through readSessionCalibration.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import type {
  CalibrationCameraInfo,
  CalibrationPreview,
  SessionCalibrationInfo,
} from '../../shared/api/calibration-types';
import { ApiError } from '../../shared/api/envelope';
import { CAMERA_VIEWS, CAMERA_VIEW_LABELS, type CameraView } from '../../shared/api/ops/capture';
import { CalibrationFormatError, readCalibrationToml } from '../formats/calibration-toml';
import { resolveInsideLab, sessionDirRelative } from '../store/lab-folder';
import { writeFileAtomic } from '../store/atomic-file';
import type { LabContext } from '../services/lab-context';
import { cameraPlacement, checkCalibration } from './calibration/calibration-checks';
import type { CameraCalibration } from './calibration/camera-model';

/** Version of calibration.json's layout; a newer one is refused rather than misread. */
export const CALIBRATION_FORMAT_VERSION = 1;
export const CALIBRATION_SOURCE_FILE = 'source.toml';
export const CALIBRATION_JSON_FILE = 'calibration.json';

type CalibrationFormat = CalibrationPreview['format'];

/** calibration.json */
export interface StoredCalibration {
  formatVersion: number;
  /** The name of the file the user imported (its text is source.toml). */
  fileName: string;
  format: CalibrationFormat;
  importedAt: string;
  /** sha256 of source.toml: tells whether the source beside the json is the one it was made from. */
  sourceSha256: string;
  /** Camera name in the file -> the trial camera (view) it calibrates. */
  views: Partial<Record<string, CameraView>>;
  /** Every camera of the file, in the file's order: assigned ones and the others. */
  cameras: CameraCalibration[];
  /** checkCalibration of the assigned cameras. */
  floorAtOrigin: boolean;
  notes: string[];
}

/** The calibration folder of a session, relative to the lab folder. */
export function calibrationDirRelative(session: { id: string; patientId: string }): string {
  return `${sessionDirRelative(session.patientId, session.id)}/calibration`;
}

const finite = z.number().refine(Number.isFinite, 'not a finite number');
const pair = z.tuple([finite, finite]);
const storedSchema = z.object({
  formatVersion: z.literal(CALIBRATION_FORMAT_VERSION),
  fileName: z.string(),
  format: z.enum(['pose2sim', 'caliscope']),
  importedAt: z.string(),
  sourceSha256: z.string(),
  views: z.record(z.string(), z.enum(CAMERA_VIEWS)),
  cameras: z.array(
    z.object({
      name: z.string().min(1),
      imageSizePx: pair,
      focalPx: pair,
      principalPointPx: pair,
      distortion: z.object({ k1: finite, k2: finite, p1: finite, p2: finite, k3: finite }),
      rotation: z.array(finite).length(9),
      translationM: z.tuple([finite, finite, finite]),
    }),
  ),
  floorAtOrigin: z.boolean(),
  notes: z.array(z.string()),
});

function cameraInfo(cam: CameraCalibration): Omit<CalibrationCameraInfo, 'view'> {
  const p = cameraPlacement(cam);
  return {
    name: cam.name,
    imageSizePx: [cam.imageSizePx[0], cam.imageSizePx[1]],
    focalPx: [cam.focalPx[0], cam.focalPx[1]],
    positionM: p.positionM,
    tiltDownDeg: p.tiltDownDeg,
  };
}

function readFile(content: string): ReturnType<typeof readCalibrationToml> {
  const file = readCalibrationToml(content);
  // Cameras are assigned to views by name: two with one name could not be told apart.
  const names = file.cameras.map((c) => c.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length)
    throw new CalibrationFormatError(
      `The file names two cameras "${twice[0]}": give each camera its own name in the file.`,
    );
  return file;
}

/** A calibration file's cameras and what the checks found, without storing anything. */
export function previewCalibration(fileName: string, content: string): CalibrationPreview {
  const file = readFile(content);
  const check = checkCalibration(file.cameras);
  return {
    fileName,
    format: file.format,
    cameras: file.cameras.map(cameraInfo),
    floorAtOrigin: check.floorAtOrigin,
    notes: check.notes,
  };
}

/**
 * What would be stored for `views` (file camera name -> view). Throws CalibrationFormatError for
 * a file that cannot be used, ApiError for a view assignment that does not fit the file.
 */
export function buildStoredCalibration(
  fileName: string,
  content: string,
  views: Partial<Record<string, CameraView>>,
  now = new Date(),
): StoredCalibration {
  const file = readFile(content);
  const names = file.cameras.map((c) => c.name);
  const unknown = Object.keys(views).filter((k) => !names.includes(k));
  if (unknown.length) {
    const message = `${unknown.map((n) => `"${n}"`).join(', ')} ${unknown.length === 1 ? 'is not a camera' : 'are not cameras'} of ${fileName}: its cameras are ${names.join(', ')}.`;
    throw new ApiError({ code: 'invalid-input', message, fields: { views: message } });
  }
  // The checks that matter are those of the cameras trials will use: an unused camera mounted
  // elsewhere says nothing about the floor under the used ones.
  const used = file.cameras.filter((c) => views[c.name] !== undefined);
  const check = checkCalibration(used);
  const notes = [...check.notes];
  if (used.length === 1) {
    const view = views[used[0]!.name]!;
    if (!view.startsWith('sagittal-'))
      notes.push(
        `Only the ${CAMERA_VIEW_LABELS[view].toLowerCase()} camera is calibrated: distances on the floor are measured from one side camera (sagittal left or right), and 3D needs two or more calibrated cameras.`,
      );
    else if (!check.floorAtOrigin)
      notes.push(
        'With one calibrated camera and the origin not on the floor, this calibration measures nothing: distances come from the patient’s height or floor marks. Calibrate with the origin on the floor, or assign two or more cameras for 3D.',
      );
  }
  return {
    formatVersion: CALIBRATION_FORMAT_VERSION,
    fileName,
    format: file.format,
    importedAt: now.toISOString(),
    sourceSha256: createHash('sha256').update(content, 'utf8').digest('hex'),
    views: Object.fromEntries(file.cameras.flatMap((c) => (views[c.name] ? [[c.name, views[c.name]]] : []))),
    cameras: file.cameras,
    floorAtOrigin: check.floorAtOrigin,
    notes,
  };
}

/** The UI's view of a stored calibration. */
export function calibrationInfo(sessionId: string, doc: StoredCalibration): SessionCalibrationInfo {
  return {
    sessionId,
    fileName: doc.fileName,
    format: doc.format,
    importedAt: doc.importedAt,
    cameras: doc.cameras.map((c) => ({ ...cameraInfo(c), view: doc.views[c.name] ?? null })),
    floorAtOrigin: doc.floorAtOrigin,
    notes: doc.notes,
  };
}

function paths(labRoot: string, dirRelative: string) {
  return {
    dir: resolveInsideLab(labRoot, dirRelative),
    source: resolveInsideLab(labRoot, `${dirRelative}/${CALIBRATION_SOURCE_FILE}`),
    json: resolveInsideLab(labRoot, `${dirRelative}/${CALIBRATION_JSON_FILE}`),
  };
}

/**
 * Stores (or replaces) a session's calibration. The source is written first and the json last,
 * each atomically: a crash in between leaves the previous json, which still describes cameras
 * GaitLab checked, never a json whose source is missing or older than itself.
 */
export function writeSessionCalibration(
  labRoot: string,
  dirRelative: string,
  content: string,
  doc: StoredCalibration,
): void {
  const p = paths(labRoot, dirRelative);
  writeFileAtomic(p.source, content);
  writeFileAtomic(p.json, `${JSON.stringify(doc, null, 2)}\n`);
}

/** The stored calibration, or null when the session has none; a damaged one is an ApiError. */
export function readStoredCalibration(labRoot: string, dirRelative: string): StoredCalibration | null {
  const p = paths(labRoot, dirRelative);
  if (!existsSync(p.json)) return null;
  const damaged = (why: string): never => {
    throw new ApiError({
      code: 'failed',
      message: `The camera calibration of this session cannot be read (${dirRelative}/${CALIBRATION_JSON_FILE}: ${why}). Import the calibration file again, or remove the calibration.`,
    });
  };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(p.json, 'utf8'));
  } catch (err) {
    return damaged(err instanceof Error ? err.message : String(err));
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > CALIBRATION_FORMAT_VERSION)
    throw new ApiError({
      code: 'failed',
      message: `The camera calibration of this session was stored by a newer GaitLab (format ${version}): open the lab with that version.`,
    });
  const parsed = storedSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return damaged(`${issue?.path.join('.') || 'content'}: ${issue?.message ?? 'unexpected content'}`);
  }
  const doc = parsed.data;
  const names = new Set(doc.cameras.map((c) => c.name));
  const stray = Object.keys(doc.views).find((n) => !names.has(n));
  if (stray !== undefined) return damaged(`view of an unknown camera "${stray}"`);
  return doc;
}

/** Deletes a session's calibration; false when it had none. */
export function removeSessionCalibration(labRoot: string, dirRelative: string): boolean {
  const p = paths(labRoot, dirRelative);
  if (!existsSync(p.dir)) return false;
  // The json first: whatever a crash leaves behind then reads as "no calibration".
  rmSync(p.json, { force: true });
  rmSync(p.dir, { recursive: true, force: true });
  return true;
}

/**
 * A session's calibration for the analysis: the info the UI shows and each assigned camera by its
 * view. Null when the session has none; an ApiError when the session is unknown or the stored
 * calibration is damaged.
 */
export function readSessionCalibration(
  ctx: Pick<LabContext, 'layout' | 'sessions'>,
  sessionId: string,
): { info: SessionCalibrationInfo; byView: Map<CameraView, CameraCalibration> } | null {
  const session = ctx.sessions.get(sessionId);
  if (!session)
    throw new ApiError({
      code: 'not-found',
      message: 'The session was not found. It may have been removed from this lab.',
    });
  const doc = readStoredCalibration(ctx.layout.root, calibrationDirRelative(session));
  if (!doc) return null;
  const byView = new Map<CameraView, CameraCalibration>();
  for (const cam of doc.cameras) {
    const view = doc.views[cam.name];
    if (view) byView.set(view, cam);
  }
  return { info: calibrationInfo(sessionId, doc), byView };
}
