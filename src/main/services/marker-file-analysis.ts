// Analysing a marker file (CLI `gaitlab analyze walk.c3d | walk.trc`): the trajectories of a
// marker-based (or markerless 3D) capture through the same gait code as video landmarks, so a lab
// can hold GaitLab's events, cycles and angles against its motion-capture system's, and a
// researcher can run one pipeline over an archive of C3D files.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { forcePlateContacts } from '../formats/c3d-force-plates';
import { JOINT_ANGLE_FILE_EXTENSIONS } from '../formats/marker-files';
import { markerUnitOf } from '../formats/marker-units';
import { C3DFormatError, readC3D, type C3DFile } from '../formats/c3d-reader';
import { c3dGaitEvents, c3dToTrajectorySet } from '../formats/c3d-trajectories';
import { readTrc, TrcFormatError } from '../formats/trc-reader';
import { trcToTrajectorySet } from '../formats/trc-trajectories';
import { analyseTrajectories, type GaitAnalysis } from '../gait/analyse';
import { matchEvents, type EventMatch } from '../gait/event-agreement';
import { angleAgreement, type AngleAgreement, type ReferenceAngle } from '../gait/angle-agreement';
import { ANGLE_LABELS, type AngleVariable } from '../gait/angles-types';
import { pluginGaitAngles } from '../formats/plugin-gait-angles';
import { DEFAULT_MARKER_MAP, pelvisCandidates, resolveName } from '../gait/marker-map';
import { SIDES, type GaitEvent, type TrajectorySet } from '../gait/types';
import { median } from '../gait/peaks';
import { filterDescription } from '../../shared/filter-cutoff';
import { declaredRateNote } from '../gait/stride-clock';
import {
  likelyUnitOf,
  METRES_PER,
  pelvisAboveFeet,
  PELVIS_ABOVE_FEET_RANGE_M,
  upAxisOfBody,
  type BodyUp,
  type MarkerUnit,
} from '../gait/vertical-axis';
import { APP_VERSION } from './app-version';

/** A marker file that cannot be analysed; the message says why and what to do. */
export class MarkerFileError extends Error {
  override name = 'MarkerFileError';
}

export interface MarkerFileOptions {
  /**
   * 'file': the events stored in the file (a C3D's EVENT group); 'detect': GaitLab's detector, as
   * for video. Default: the file's when it has a contact on each side, else detected.
   */
  events?: 'file' | 'detect';
  /** Treadmill belt speed, m/s (treadmill walking only). */
  beltSpeedMps?: number;
  /** Low-pass cutoff of the trajectories, Hz (default 6; 0: no low-pass). */
  cutoffHz?: number;
  /** Events set by hand (a marker-based trial corrected in review): used instead of both. */
  editedEvents?: readonly GaitEvent[];
  /** Cycles excluded by hand, as `${side}:${index}`. */
  excludedCycles?: readonly string[];
  /** The file's name as the user knows it (an uploaded copy has another); its extension decides the format. */
  displayName?: string;
}

export interface MarkerFileAnalysis {
  name: string;
  format: 'C3D' | 'TRC';
  rateHz: number;
  frameCount: number;
  markerCount: number;
  /** The file's unit (centimetres are analysed as millimetres). */
  unit: MarkerUnit;
  up: 'Y' | 'Z';
  /** The gait events stored in the file (none in a TRC). */
  fileEvents: GaitEvent[];
  /** 'hand': events set in review (`editedEvents`). */
  eventsFrom: 'file' | 'detected' | 'hand';
  /** Whose events the analysis starts from, and hand edits are reset to: the file's or detected. */
  baseEvents: 'file' | 'detected';
  /** The file stores a contact on each side, so its events can be analysed. */
  fileEventsUsable: boolean;
  /** Detected events against the file's, each file event 150 ms or more inside the recording. */
  agreement: EventMatch[] | null;
  /**
   * The events used (the file's or detected) against the force plates' contacts and releases (a
   * C3D with plates a foot stepped on wholly), or null: the physical ground truth where there is one.
   */
  plateAgreement: EventMatch[] | null;
  /**
   * GaitLab's angles against the Plug-in Gait angles a C3D stores (the numbers of the lab's own
   * reports), or null when it stores none.
   */
  modelAngles: AngleAgreement[] | null;
  /** What the numbers can be traced to: the file's bytes, the app, the filter, when. */
  provenance: { fileSha256: string; appVersion: string; filter: string; analysedAt: string };
  analysis: GaitAnalysis;
}

/** Only file events this far inside the recording are compared (the detector needs a margin). */
const AGREEMENT_MARGIN_S = 0.15;

function readSet(
  path: string,
  name: string,
): {
  set: TrajectorySet;
  format: 'C3D' | 'TRC';
  unit: MarkerUnit;
  events: GaitEvent[];
  plates: GaitEvent[];
  modelAngles: ReferenceAngle[];
  sha256: string;
} {
  const ext = extname(name).toLowerCase();
  if ((JOINT_ANGLE_FILE_EXTENSIONS as readonly string[]).includes(ext))
    throw new MarkerFileError(
      `${name} is an OpenSim motion file: it holds joint angles, not marker positions. Analyse the .trc (or .c3d) the angles were computed from.`,
    );
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new MarkerFileError(`${name} cannot be read: ${(err as Error).message}`);
  }
  try {
    if (ext === '.c3d') {
      const u8 = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const file = readC3D(u8);
      const unit = markerUnitOf(file.pointUnits);
      if (!unit)
        throw new MarkerFileError(
          `${name} gives marker coordinates in "${file.pointUnits}" (POINT:UNITS): GaitLab reads millimetres, centimetres or metres.`,
        );
      refuseCutShort(name, file.frameCount, file.declaredFrameCount);
      return {
        set: c3dToTrajectorySet(file),
        format: 'C3D',
        unit,
        events: c3dGaitEvents(file),
        plates: plateEvents(u8, file),
        modelAngles: pluginGaitAngles(file),
        sha256: sha256(bytes),
      };
    }
    const file = readTrc(bytes.toString('utf8'));
    const unit = markerUnitOf(file.units);
    if (!unit)
      throw new MarkerFileError(
        `${name} gives marker coordinates in "${file.units}" (its Units column): GaitLab reads millimetres, centimetres or metres.`,
      );
    if (file.declaredFrameCount !== undefined) refuseCutShort(name, file.frameCount, file.declaredFrameCount);
    return {
      set: trcToTrajectorySet(file),
      format: 'TRC',
      unit,
      events: [],
      plates: [],
      modelAngles: [],
      sha256: sha256(bytes),
    };
  } catch (err) {
    // A header cut off before its parameters end reads past the bytes there are.
    if (err instanceof RangeError)
      throw new MarkerFileError(
        `${name} ends inside its own header: the file is cut short (an interrupted copy or export?). Copy or export it again.`,
      );
    if (err instanceof C3DFormatError || err instanceof TrcFormatError)
      throw new MarkerFileError(
        `${name} is not a readable ${ext === '.c3d' ? 'C3D' : 'TRC'} file (${err.message}). Export it again from the motion-capture software.`,
      );
    throw err;
  }
}

/**
 * Each force-plate contact as an initial contact and a foot off (the plate does not know which
 * foot: matched to either side). None when the plates cannot be read: they only add a check.
 */
function plateEvents(bytes: Uint8Array, file: C3DFile): GaitEvent[] {
  let contacts: ReturnType<typeof forcePlateContacts>;
  try {
    contacts = forcePlateContacts(bytes, file);
  } catch {
    return [];
  }
  const at = (kind: GaitEvent['kind'], frame: number): GaitEvent => ({
    side: 'left',
    kind,
    frame,
    source: 'imported',
  });
  return contacts.flatMap((c) => [at('initial-contact', c.onFrame), at('foot-off', c.offFrame)]);
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function refuseCutShort(name: string, frames: number, declared: number): void {
  if (frames < declared)
    throw new MarkerFileError(
      `${name} holds ${frames} of the ${declared} frames its header declares: the file is cut short (an interrupted copy or export?). Copy or export it again.`,
    );
}

/** Roles the analysis cannot do without, named as a clinician would. */
function missingRoles(set: TrajectorySet): string[] {
  const m = DEFAULT_MARKER_MAP;
  const missing: string[] = [];
  for (const side of SIDES)
    for (const role of ['heel', 'toe'] as const)
      if (!resolveName(set, m[side][role])) missing.push(`${side} ${role}`);
  if (!pelvisCandidates(m).some((c) => resolveName(set, c))) missing.push('pelvis');
  return missing;
}

function knownNamesMessage(name: string, set: TrajectorySet, missing: string[]): string {
  const labels = Object.keys(set.trajectories);
  const shown =
    labels.slice(0, 24).join(', ') + (labels.length > 24 ? `, ... (${labels.length} in all)` : '');
  return (
    `${name} has no markers GaitLab can name as the ${missing.join(', ')}. It reads Plug-in Gait names ` +
    `(LHEE, LTOE, LASI, LPSI, SACR...), Helen Hayes / Motion Analysis names (L.Heel, L.Toe, L.ASIS, ` +
    `V.Sacral...), OpenCap's and BlazePose's. This file's markers: ${labels.length ? shown : 'none'}.`
  );
}

const UNIT_NAMES: Record<MarkerUnit, string> = { mm: 'millimetres', cm: 'centimetres', m: 'metres' };

/**
 * Why the file's coordinates cannot be in the unit it names, or undefined: a unit written wrong
 * (metres labelled mm, millimetres labelled m, centimetres labelled either) would give walking
 * speeds of 1400 m/s or 1 mm/s.
 */
function unitMessage(
  name: string,
  format: 'C3D' | 'TRC',
  body: BodyUp,
  declared: MarkerUnit,
): string | undefined {
  const [lo, hi] = PELVIS_ABOVE_FEET_RANGE_M;
  const h = body.pelvisAboveFeetM;
  // Too low a pelvis with no unit to explain it is a body lying down or unknown markers (said below).
  if (h >= lo && h <= hi) return undefined;
  const likely = likelyUnitOf(body, declared);
  if (!likely && h < lo) return undefined;
  const scale = 1 / METRES_PER[declared];
  const stands = `${name} gives its coordinates in ${declared}, so its pelvis would stand ${(h * scale).toPrecision(3)} ${declared} above its feet, where a person's stands ${+(lo * scale).toPrecision(3)}-${+(hi * scale).toPrecision(3)} ${declared} above them.`;
  const fix = `correct the unit in the file (${format === 'TRC' ? 'Units, in its header' : 'its POINT:UNITS parameter'}) and try again.`;
  return likely
    ? `${stands} Its numbers look like ${UNIT_NAMES[likely]}: ${fix}`
    : `${stands} Check that it holds a person walking, in mm, cm or m: ${fix}`;
}

export function analyseMarkerFile(path: string, options: MarkerFileOptions = {}): MarkerFileAnalysis {
  const name = options.displayName ?? basename(path);
  const read = readSet(path, name);
  let set = read.set;
  const missing = missingRoles(set);
  if (missing.length > 0) throw new MarkerFileError(knownNamesMessage(name, set, missing));
  const body = pelvisAboveFeet(set);
  const wrongUnit = body && unitMessage(name, read.format, body, read.unit);
  if (wrongUnit) throw new MarkerFileError(wrongUnit);
  const up = upAxisOfBody(set, body);
  if (!up)
    throw new MarkerFileError(
      `Which way is up in ${name} could not be told: the pelvis markers do not stand above the heels and toes along its Y or Z axis. Check that the file holds a standing or walking subject.`,
    );
  set = { ...set, convention: up };

  const hasFileEvents = SIDES.every((side) =>
    read.events.some((e) => e.side === side && e.kind === 'initial-contact'),
  );
  if (options.events === 'file' && !hasFileEvents && !options.editedEvents)
    throw new MarkerFileError(
      `${name} has no gait events for both feet${read.events.length ? ` (${read.events.length} stored)` : ''}: analyse it with --events detect.`,
    );
  const useFile = options.events === 'file' || (options.events !== 'detect' && hasFileEvents);
  const edited = options.editedEvents ?? null;
  const result = analyseTrajectories(set, {
    ...(edited ? { events: edited } : useFile ? { events: read.events } : {}),
    ...(options.beltSpeedMps !== undefined ? { treadmillBeltSpeedMps: options.beltSpeedMps } : {}),
    ...(options.cutoffHz !== undefined ? { preprocess: { cutoffHz: options.cutoffHz } } : {}),
    ...(options.excludedCycles?.length ? { cycles: { excluded: options.excludedCycles } } : {}),
  });
  if (!result.ok) {
    const rate = declaredRateNote(set);
    throw new MarkerFileError(`${name}: ${result.error.message}${rate ? ` ${rate}` : ''}`);
  }
  const agreement =
    (edited || !useFile) && read.events.length > 0
      ? matchEvents(read.events, result.analysis.events, set.rateHz, set.frameCount, {
          marginS: AGREEMENT_MARGIN_S,
        })
      : null;
  const modelAngles = angleAgreement(result.analysis.angles, read.modelAngles);
  const plateAgreement =
    read.plates.length > 0
      ? matchEvents(read.plates, result.analysis.events, set.rateHz, set.frameCount, {
          marginS: AGREEMENT_MARGIN_S,
          anySide: true,
        })
      : null;
  return {
    name,
    format: read.format,
    rateHz: set.rateHz,
    frameCount: set.frameCount,
    markerCount: Object.keys(set.trajectories).length,
    unit: read.unit,
    up: up === 'lab-y-up' ? 'Y' : 'Z',
    fileEvents: read.events,
    eventsFrom: edited ? 'hand' : useFile ? 'file' : 'detected',
    baseEvents: useFile ? 'file' : 'detected',
    fileEventsUsable: hasFileEvents,
    agreement,
    plateAgreement: plateAgreement?.length ? plateAgreement : null,
    modelAngles: modelAngles.length ? modelAngles : null,
    provenance: {
      fileSha256: read.sha256,
      appVersion: APP_VERSION,
      filter: filterDescription(options.cutoffHz),
      analysedAt: new Date().toISOString(),
    },
    analysis: result.analysis,
  };
}

/**
 * One line: how far the events lie from a reference, e.g. "Detected events" against "the file's
 * 11" (only reference events 150 ms or more inside the recording are counted).
 */
export function agreementSummary(
  matches: readonly EventMatch[],
  rateHz: number,
  events: string,
  reference: string,
): string {
  const abs = matches.map((m) => Math.abs(m.errorMs));
  const frameMs = 1000 / rateHz;
  const finite = abs.filter(Number.isFinite).sort((a, b) => a - b);
  const within = (ms: number) => abs.filter((e) => e <= ms).length;
  const unmatched = abs.length - finite.length;
  return (
    `${events} against ${reference} (those 150 ms or more inside the recording): ` +
    `${within(17)} within 17 ms, ${within(34)} within 34 ms (one frame here is ${frameMs.toFixed(1)} ms); ` +
    `median ${finite.length ? median(finite).toFixed(1) : '-'} ms, largest ${finite.length ? finite[finite.length - 1]!.toFixed(1) : '-'} ms` +
    `${unmatched ? `; ${unmatched} without an event of its kind` : ''}.`
  );
}

/** An angle as a sentence names it: "Pelvic tilt, anterior (+)" -> "pelvic tilt". */
const jointName = (v: AngleVariable): string => ANGLE_LABELS[v].split(' (')[0]!.split(',')[0]!.toLowerCase();

/**
 * One line: GaitLab's angles against the file's Plug-in Gait angles, per joint, left / right, e.g.
 * "knee flexion 0.9 / 0.8 deg" (root mean square difference over the frames both have).
 */
export function modelAngleSummary(agreements: readonly AngleAgreement[]): string {
  const variables = [...new Set(agreements.map((a) => a.variable))];
  const value = (v: string, side: string) => {
    const a = agreements.find((x) => x.variable === v && x.side === side);
    return a ? a.rmseDeg.toFixed(1) : '-';
  };
  const parts = variables.map((v) => `${jointName(v)} ${value(v, 'left')} / ${value(v, 'right')}`);
  const frames = Math.max(...agreements.map((a) => a.frames));
  // A difference that is mostly a constant offset is another definition of zero (Plug-in Gait
  // takes the foot's and the knee's offsets from its static trial), not another movement.
  const offsets = agreements.filter((a) => a.rmseDeg >= 3 && Math.abs(a.biasDeg) >= 0.8 * a.rmseDeg);
  const offsetText = offsets.length
    ? ` Mostly a constant offset (another definition of the neutral position): ${offsets
        .map(
          (a) => `${a.side} ${jointName(a.variable)} ${a.biasDeg > 0 ? '+' : ''}${a.biasDeg.toFixed(1)} deg`,
        )
        .join(', ')}.`
    : '';
  return `GaitLab's angles against the file's Plug-in Gait angles (RMSE, left / right, over up to ${frames} frames): ${parts.join(', ')} deg.${offsetText}`;
}
