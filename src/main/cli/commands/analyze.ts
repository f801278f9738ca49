// gaitlab analyze <video|marker file|trial-id>...: gait analysis, a summary on screen, a tidy CSV on disk.
import { CAMERA_VIEWS, type CameraView } from '../../../shared/api/ops/capture';
import { viewToFileAs } from '../../../shared/camera-filing';
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliContext } from '../command';
import { isForTheUser, UserError } from '../command';
import { ModelError } from '../../pose/model-store';
import { parsePersonBox } from '../person-option';
import { parseFloorScale } from '../floor-option';
import { parseCutoffHz } from '../cutoff-option';
import { parseTurnDeg } from '../turn-option';
import type { PictureTurnDeg } from '../../../shared/picture-fix';
import { numberOption } from '../number-option';
import { outputFile, writeOutputFile } from '../output-file';
import { DEFAULT_CUTOFF_HZ, filterDescription } from '../../../shared/filter-cutoff';
import { beltSpeedMessage, isPlausibleBeltSpeedMps } from '../../../shared/belt-speed';
import { poseProgressLine, stepProgressBar } from '../progress-bar';
import { validateHeightM } from '../../gait/scaling';
import { analyseVideoFile, poseVideoFilesAtOnce } from '../../services/video-analysis';
import { peopleInViewLines } from '../../pose/people-in-view';
import { resolveInsideLab } from '../../store/lab-folder';
import {
  agreementSummary,
  analyseMarkerFile,
  MarkerFileError,
  modelAngleSummary,
  type MarkerFileAnalysis,
} from '../../services/marker-file-analysis';
import { isMotionCaptureFileName } from '../../formats/marker-files';
import { openLab } from '../../services/lab-services';
import { analyseTrialCameras, readAnalysis, trialGaitAnalysis } from '../../services/trial-analysis';
import { isMarkerTrial } from '../../../shared/api/entities';
import { AnalysisRepo } from '../../store/analysis-repo';
import type { GaitAnalysis } from '../../gait/analyse';
import { textSummary } from '../../gait/summary';
import { tidyCsv } from '../../gait/tidy-csv';
import {
  MARKER_CAPTURE_CAMERA,
  TRIANGULATED_CAMERA,
  type FloorScaleChoice,
  type PersonChoice,
  type TrialAnalysisView,
} from '../../../shared/api/analysis-types';
import { farLegs } from '../../../shared/far-legs';
import { lowConfidenceNote } from '../../../shared/analysis-notes';

/** The leg a camera saw as the near one, when it saw exactly one leg as the far one. */
function nearLegs(view: TrialAnalysisView): string[] {
  const far = farLegs(view);
  return far.length === 1 ? ['left', 'right'].filter((s) => s !== far[0]) : [];
}

/** The options of one call, checked once and applied to every target. */
interface AnalyzeOptions {
  heightM: number | null;
  floor: FloorScaleChoice | null | undefined;
  beltSpeedMps: number | null | undefined;
  person: PersonChoice | null | undefined;
  camera: string | undefined;
  events: 'file' | 'detect' | undefined;
  /** Low-pass cutoff, Hz (a lab trial keeps it). */
  cutoffHz: number | undefined;
  /** Turn the picture clockwise first (a lab trial's camera keeps it). */
  turnDeg: PictureTurnDeg | undefined;
  /** Mirror the picture back first (before the turn; a lab trial's camera keeps it). */
  mirror: boolean;
  /** File the trial's --camera under this view first (it stood at the patient's other side). */
  fileAs: CameraView | undefined;
  /** Options given on the command line, by name (a marker file refuses a video's). */
  given: string[];
  /** Several targets: a video's option is skipped for a marker file, with a note, not refused. */
  batch: boolean;
}

// What only a video or a video trial has: refused for a marker file or a marker-based trial.
const VIDEO_ONLY_OPTIONS = [
  'height',
  'camera',
  'person-box',
  'person-auto',
  'floor',
  'floor-distance',
  'floor-none',
  'belt-speed-none',
  'turn',
  'mirror',
  'file-as',
];

/**
 * Refuses the video options given for marker data (single target), or notes that they are not
 * used for it (a batch of videos and marker files, where they are meant for the videos).
 */
function videoOptionsForMarkers(o: AnalyzeOptions, ctx: CliContext, what: string): void {
  const given = o.given.filter((k) => VIDEO_ONLY_OPTIONS.includes(k));
  if (given.length === 0) return;
  const reason = `its coordinates are measured (mm, cm or m), with no camera or person to choose`;
  if (!o.batch) throw new UserError(`--${given[0]} does not apply to ${what}: ${reason}.`);
  ctx.io.out(`Note: ${given.map((k) => `--${k}`).join(', ')} not used for ${what}: ${reason}.`);
}

/** Whose events a marker file's or marker-based trial's numbers come from, and how to choose the others. */
function eventsLine(e: {
  base: 'file' | 'detected';
  fileEventCount: number;
  fileEventsUsable: boolean;
  eventMethod: string;
  hand: boolean;
  /** A marker-based trial of the lab, which keeps the choice; else a file given by path. */
  trial: boolean;
}): string {
  const fileEvents = `the ${e.fileEventCount} stored in the file`;
  const base = e.base === 'file' ? fileEvents : `detected by GaitLab, ${e.eventMethod}`;
  const other =
    e.base === 'file'
      ? " --events detect runs GaitLab's detector"
      : e.fileEventsUsable
        ? ` --events file ${e.trial ? 'returns to' : 'uses'} ${fileEvents}`
        : '';
  const keeps =
    other && e.trial
      ? `${other} (the trial keeps the choice${e.hand ? '; it replaces the hand edits' : ''}).`
      : other
        ? `${other}.`
        : '';
  return `Events: ${e.hand ? `set or moved by hand in review, starting from ${base}` : base}.${keeps}`;
}

function markerTrialEventsLine(view: TrialAnalysisView): string {
  const p = view.provenance;
  return eventsLine({
    base: p.baseEvents === 'file' ? 'file' : 'detected',
    fileEventCount: Number(p.fileEventCount),
    fileEventsUsable: p.fileEventsUsable === true,
    eventMethod: String(p.eventMethod),
    hand: p.eventsFrom === 'hand',
    trial: true,
  });
}

/** Said when the filter is not the default one, so a summary is never read as the usual 6 Hz. */
function filterLine(description: unknown): string | null {
  return typeof description !== 'string' || description === filterDescription()
    ? null
    : `Filter: ${description} (--cutoff; the default is ${DEFAULT_CUTOFF_HZ} Hz).`;
}

/** A target that names a video file (not a marker file, not a trial ID). */
function isVideoFileTarget(target: string): boolean {
  return !isMotionCaptureFileName(target) && existsSync(target) && statSync(target).isFile();
}

/** What one target gave: its summary is already printed; the files are written by the caller. */
type TargetOutcome = { ok: true; trial: string; analysis: GaitAnalysis; json: unknown } | { ok: false };

// Typed arrays (angle series) as plain arrays; missing samples (NaN) become null.
const plainArrays = (_: string, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v);

function analyseMarkerTarget(target: string, o: AnalyzeOptions, ctx: CliContext): TargetOutcome {
  if (!existsSync(target)) throw new UserError(`No such file: ${target}`);
  videoOptionsForMarkers(o, ctx, 'a marker file');
  let result: MarkerFileAnalysis;
  try {
    result = analyseMarkerFile(target, {
      ...(o.events ? { events: o.events } : {}),
      ...(o.beltSpeedMps ? { beltSpeedMps: o.beltSpeedMps } : {}),
      ...(o.cutoffHz !== undefined ? { cutoffHz: o.cutoffHz } : {}),
    });
  } catch (err) {
    if (err instanceof MarkerFileError) throw new UserError(err.message);
    throw err;
  }
  ctx.io.out(textSummary(result.name, result.analysis).trimEnd());
  const filter = filterLine(result.provenance.filter);
  if (filter) ctx.io.out(filter);
  ctx.io.out(
    `Markers: ${result.format}, ${result.markerCount} trajectories, ${result.rateHz} Hz, ${result.frameCount} frames, in ${result.unit}, ${result.up} up.`,
  );
  ctx.io.out(
    eventsLine({
      base: result.baseEvents,
      fileEventCount: result.fileEvents.length,
      fileEventsUsable: result.fileEventsUsable,
      eventMethod: result.analysis.eventMethod,
      hand: false,
      trial: false,
    }),
  );
  if (result.agreement)
    ctx.io.out(
      agreementSummary(
        result.agreement,
        result.rateHz,
        'Detected events',
        `the file's ${result.agreement.length}`,
      ),
    );
  if (result.plateAgreement)
    ctx.io.out(
      agreementSummary(
        result.plateAgreement,
        result.rateHz,
        result.eventsFrom === 'file' ? "The file's events" : 'Detected events',
        `the force plates' ${result.plateAgreement.length} contacts and releases`,
      ),
    );
  if (result.modelAngles) ctx.io.out(modelAngleSummary(result.modelAngles));
  const { analysis, ...source } = result;
  return {
    ok: true,
    trial: result.name,
    analysis,
    json: { source, analysis },
  };
}

/** What to add to the command to analyse a turned picture upright. */
function turnAdvice(view: TrialAnalysisView, trial: boolean): string {
  const turn = `--turn ${view.pictureTurnDeg}`;
  return trial
    ? `Run again with --camera ${view.camera} ${turn} to turn the ${view.camera} camera's picture upright (the recording is kept) and analyse it.`
    : `Run again with ${turn} to analyse it turned upright.`;
}

async function analyseVideoOrTrial(
  target: string,
  o: AnalyzeOptions,
  ctx: CliContext,
): Promise<TargetOutcome> {
  const { heightM, floor, beltSpeedMps, person } = o;
  let view: TrialAnalysisView;
  // The trial's other analysed cameras, said after the summary.
  const otherCameras: string[] = [];
  // The people in the analysed video, with the --person-box of each (review has its chooser).
  let people: string[] = [];
  let analysis: GaitAnalysis | null = null;
  let trialName: string;
  // A lab trial's cameras, for the view a camera filed wrongly is offered.
  let trialCameras: string[] = [];
  if (existsSync(target)) {
    if (o.events !== undefined)
      throw new UserError(
        '--events applies to marker files (C3D, TRC) and marker-based trials; a video is analysed with detected events.',
      );
    if (o.camera !== undefined)
      throw new UserError(
        `--camera names a camera of a lab trial; ${basename(target)} is one video, analysed as it is.`,
      );
    if (o.fileAs !== undefined)
      throw new UserError(
        `--file-as files a camera of a lab trial under another view; ${basename(target)} is one video, not filed in the lab.`,
      );
    trialName = basename(target);
    let poseDir: string;
    ({ view, analysis, poseDir } = await analyseVideoFile(target, {
      heightM,
      ...(o.turnDeg ? { turnDeg: o.turnDeg } : {}),
      ...(o.mirror ? { mirror: true } : {}),
      ...(floor ? { floor } : {}),
      ...(beltSpeedMps ? { beltSpeedMps } : {}),
      ...(person ? { person } : {}),
      ...(o.cutoffHz !== undefined ? { cutoffHz: o.cutoffHz } : {}),
      signal: ctx.io.signal,
      onProgress: (p) => ctx.io.progress(poseProgressLine(p)),
    }));
    people = peopleInViewLines(poseDir);
  } else if (/^[A-Za-z0-9_-]{6,64}$/.test(target)) {
    const services = openLab(ctx.labDir);
    try {
      const trial = services.trials.get(target);
      if (!trial)
        throw new UserError(`"${target}" is neither a video file nor a trial of the lab ${ctx.labDir}.`);
      trialName = trial.name;
      trialCameras = trial.files.filter((f) => f.kind === 'video').map((f) => f.camera);
      const markerBased = isMarkerTrial(trial);
      if (markerBased) videoOptionsForMarkers(o, ctx, 'a marker-based trial');
      const bar = stepProgressBar();
      const deps = { ...services, analyses: new AnalysisRepo(services.db) };
      const threeDBefore = deps.analyses.get(trial.id, TRIANGULATED_CAMERA)?.updatedAt;
      const analysedFirst = await analyseTrialCameras(deps, trial.id, {
        ...(o.camera && !markerBased ? { camera: o.camera } : {}),
        ...(heightM !== null ? { heightM } : {}),
        ...(person !== undefined && !markerBased ? { person } : {}),
        ...(floor !== undefined && !markerBased ? { floor } : {}),
        ...(beltSpeedMps !== undefined ? { beltSpeedMps } : {}),
        ...(o.events !== undefined ? { markerEvents: o.events } : {}),
        ...(o.cutoffHz !== undefined ? { cutoffHz: o.cutoffHz } : {}),
        ...(o.turnDeg && !markerBased ? { turnDeg: o.turnDeg } : {}),
        ...(o.mirror && !markerBased ? { mirror: true } : {}),
        ...(o.fileAs && !markerBased ? { fileAs: o.fileAs } : {}),
        signal: ctx.io.signal,
        onProgress: (d, t, m) => ctx.io.progress(`${m.padEnd(20)} ${bar(d, t, m)}`),
      });
      // A trial triangulated from calibrated cameras is summarised in 3D (both legs, both planes).
      const threeD = o.camera ? null : readAnalysis(deps, trial.id, TRIANGULATED_CAMERA);
      view = threeD?.status === 'analysed' ? threeD : analysedFirst;
      const result = view.status === 'analysed' ? trialGaitAnalysis(deps, trial.id, view.camera) : null;
      analysis = result?.ok ? result.analysis : null;
      const poseDir = deps.analyses.get(trial.id, view.camera)?.poseDir;
      if (poseDir) people = peopleInViewLines(resolveInsideLab(services.layout.root, poseDir));
      // One calibrated camera analysed again re-made the trial's 3D analysis (the others follow its patient).
      const threeDAfter = deps.analyses.get(trial.id, TRIANGULATED_CAMERA)?.updatedAt;
      if (o.camera && o.camera !== TRIANGULATED_CAMERA && threeDAfter !== threeDBefore)
        otherCameras.push(
          `The trial's 3D analysis was made again from its calibrated cameras: gaitlab analyze ${trial.id} --camera ${TRIANGULATED_CAMERA}`,
        );
      // Filed under another view, the trial's cameras were all analysed again.
      if (!o.camera || o.fileAs) {
        for (const r of deps.analyses.listForTrial(trial.id).filter((x) => x.camera !== view.camera)) {
          const other = r.status === 'analysed' ? readAnalysis(deps, trial.id, r.camera) : null;
          const near = other ? nearLegs(other) : [];
          otherCameras.push(
            `Camera ${r.camera}: ${r.status}${r.statusMessage ? ` (${r.statusMessage})` : ''}${
              near.length === 1 ? `; it faces the ${near[0]} leg` : ''
            }. Its summary: gaitlab analyze ${trial.id} --camera ${r.camera}`,
          );
        }
      }
    } finally {
      services.close();
    }
  } else {
    throw new UserError(`No such file: ${target}`);
  }
  ctx.io.progress('');
  if (!analysis) {
    ctx.io.err(`Analysis of ${trialName} failed: ${view.message}`);
    if (view.pictureTurnDeg) ctx.io.out(turnAdvice(view, !existsSync(target)));
    // Another person may have been followed; the other cameras and the 3D analysis may have
    // worked: say how to choose and where to read them.
    for (const line of [...people, ...otherCameras]) ctx.io.out(line);
    return { ok: false };
  }
  ctx.io.out(textSummary(trialName, analysis).trimEnd());
  const filter = filterLine(view.provenance.filter);
  if (filter) ctx.io.out(filter);
  if (view.camera === MARKER_CAPTURE_CAMERA) ctx.io.out(markerTrialEventsLine(view));
  // How the video was read, when not frame by frame on its own clock, or not as decoded (its codec line says).
  if (view.provenance.interlaced || view.provenance.slowMotionFactor || view.provenance.hdr)
    ctx.io.out(`Video: ${view.provenance.videoCodec}.`);
  // What the trial's analysis adds to the gait module's warnings (a 3D camera that disagreed).
  for (const w of view.warnings.filter((x) => !analysis.warnings.includes(x))) ctx.io.out(`Note: ${w}`);
  const fileAs = viewToFileAs(view, trialCameras);
  if (view.sideDoubt)
    ctx.io.out(
      `If the camera stood at the patient's other side, run again with --camera ${view.camera} --file-as ${fileAs} to file it so (its pose and hand edits are kept) and analyse the trial. If the video is a mirror image, run again with --camera ${view.camera} --mirror to mirror its picture back (the recording is kept) and analyse it.`,
    );
  else if (fileAs)
    ctx.io.out(
      `If it is a side camera, run again with --camera ${view.camera} --file-as ${fileAs} to file it as one (its pose and hand edits are kept) and analyse the trial.`,
    );
  const low = lowConfidenceNote(view);
  if (low) ctx.io.out(low);
  for (const line of [...people, ...otherCameras]) ctx.io.out(line);
  return { ok: true, trial: trialName, analysis, json: view };
}

function parseFileAs(text: string, camera: string | undefined): CameraView {
  if (!(CAMERA_VIEWS as readonly string[]).includes(text))
    throw new UserError(`--file-as: give ${CAMERA_VIEWS.join(', ')}, not "${text}".`);
  if (camera === undefined)
    throw new UserError(`--file-as needs --camera NAME: the trial camera to file as ${text}.`);
  return text as CameraView;
}

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary:
    'Gait analysis of a video file (with pose estimation), a marker file (C3D, TRC) or a lab trial; summary + tidy CSV',
  usage: `gaitlab analyze <video-file | marker-file.c3d|.trc | trial-id> [more ...] [--height METRES] [--floor x0,y0,x1,y1 --floor-distance METRES | --floor-none]
                [--belt-speed M/S | --belt-speed-none] [--camera NAME] [--person-box x0,y0,x1,y1@frame | --person-auto]
                [--events file|detect] [--cutoff HZ] [--turn 90|180|270] [--mirror] [--file-as VIEW]
                [--out results.csv] [--json results.json]

Runs markerless pose estimation (BlazePose, offline) and the gait analysis: events, cycles, joint
angles, spatiotemporal parameters. Prints a summary (cycles per side, cadence, speed, knee flexion
peak in swing and minimum in stance; from 3D data also frontal-plane ranges and step width) and
writes a tidy CSV: trial, side, cycle, percent, variable, value, unit.
  --height METRES  patient standing height in metres (e.g. 1.65), for distances and speed;
                   for a lab trial the patient's recorded height is used by default
  --floor x0,y0,x1,y1 --floor-distance METRES
                   two marks on the floor (video pixels, e.g. the ends of a tape line along the
                   walkway at the walking line) and the distance between them: distances in
                   measured metres instead of from the height; a lab trial keeps them
  --floor-none     a lab trial: back to the scale from the height
  --belt-speed M/S treadmill walking: the belt speed in metres per second (a console showing 3.6 km/h
                   runs at 1.0 m/s); speed, stride and step length are then belt speed x time.
                   A lab trial keeps it for all its cameras
  --belt-speed-none  a lab trial: forget the belt speed
  --camera NAME    camera of the trial to analyse (default: sagittal-left, else sagittal-right, else the first);
                   3d: the trial triangulated from the session's calibrated cameras (see gaitlab calibration).
                   Without --camera a trial is analysed from every default and calibrated camera, and
                   summarised in 3D when two or more of its cameras are calibrated
  --person-box x0,y0,x1,y1@frame
                   follow the person inside this box (video pixels) at that frame, when several
                   people are in view; a lab trial keeps the choice for later analyses, and its
                   other calibrated cameras follow whoever stands at the same place on the floor.
                   With two or more people in view, the output lists each with its --person-box
  --person-auto    a lab trial: back to the automatic choice (the person who walks)
  --cutoff HZ      low-pass cutoff of the landmark or marker tracks, Hz (default 6: zero-lag 4th-order
                   Butterworth; 0.5-30, or 0 for none); said in the summary and the provenance.
                   A lab trial keeps it for the cameras analysed (--cutoff 6 returns to the default)
  --turn DEG       turn the picture DEG degrees clockwise first (90, 180 or 270), for a camera
                   mounted upside down or on its side, as the analysis advises when it finds the
                   subject turned: a video file is analysed from an upright copy in the cache
                   (--person-box and --floor then name its pixels); a lab trial's camera (--camera,
                   else the default one) gets an upright copy as its video, the recording kept,
                   and forgets the person and floor marks chosen on the old picture
  --mirror         mirror the picture back left to right first (before --turn), for a front
                   camera's mirror image, in which the pose model names each leg as the other (a lab
                   camera whose name disagrees with the leg it sees says so), as --turn otherwise
  --file-as VIEW   a lab trial: file its --camera as the sagittal-left, sagittal-right, frontal or
                   posterior camera first (it stood at the patient's other side, or a side camera
                   was filed as the frontal one), exchanging names with the camera filed so; its
                   pose, person, floor marks and hand edits are kept, and the trial's cameras are
                   analysed again under their new names. Refused for a calibrated camera
  --out FILE       tidy CSV output
  --json FILE      the full analysis as JSON
An interrupted run resumes where it stopped.

A marker file (C3D, or TRC from OpenSim, OpenCap, Pose2Sim or Motion Analysis) skips pose estimation:
its trajectories go through the same gait analysis (coordinates in its own mm, cm or m; hip joint centres
from the pelvis markers when it has none).
  --events file    the gait events stored in the file (default when it has them)
  --events detect  GaitLab's own detector, as for video; compared with the file's events when it has them
                   A marker-based lab trial keeps the choice; another source replaces events set by hand

Several videos, marker files or trials in one call are analysed one after another into one tidy CSV
(its trial column tells them apart) and one JSON array; one that fails is reported and the others
go on (exit code 1 if any failed). On a computer with 4 or more cores the videos' pose estimation
runs a few at a time ahead of their analysis (a trial's cameras likewise). --floor, --person-box,
--camera, --turn, --mirror and --file-as name one video's pixels or one trial's camera: they take a
single target.`,
  run: async (argv, ctx) => {
    const parseBeltSpeed = (text: string): number => {
      const v = numberOption('belt-speed', text, 'the belt speed in metres per second, e.g. 0.8');
      if (!isPlausibleBeltSpeedMps(v)) throw new UserError(`--belt-speed: ${beltSpeedMessage(v)}`);
      return v;
    };
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        height: { type: 'string' },
        camera: { type: 'string' },
        'person-box': { type: 'string' },
        'person-auto': { type: 'boolean' },
        floor: { type: 'string' },
        'floor-distance': { type: 'string' },
        'floor-none': { type: 'boolean' },
        'belt-speed': { type: 'string' },
        'belt-speed-none': { type: 'boolean' },
        events: { type: 'string' },
        cutoff: { type: 'string' },
        turn: { type: 'string' },
        mirror: { type: 'boolean' },
        'file-as': { type: 'string' },
        out: { type: 'string' },
        json: { type: 'string' },
      },
      allowPositionals: true,
    });
    if (positionals.length === 0)
      throw new UserError(`Give a video file, a marker file or a trial ID.\n\n${analyzeCommand.usage}`);
    let heightM: number | null = null;
    if (values.height !== undefined) {
      const h = validateHeightM(numberOption('height', values.height, 'the height in metres, e.g. 1.65'));
      if (!h.ok) throw new UserError(h.message);
      heightM = h.heightM;
    }
    const floorMarks = parseFloorScale(values.floor, values['floor-distance']);
    if (floorMarks && values['floor-none']) throw new UserError('Give --floor or --floor-none, not both.');
    if (values['belt-speed'] !== undefined && values['belt-speed-none'])
      throw new UserError('Give --belt-speed or --belt-speed-none, not both.');
    if (values['person-box'] !== undefined && values['person-auto'])
      throw new UserError('Give --person-box or --person-auto, not both.');
    if (values.events !== undefined && values.events !== 'file' && values.events !== 'detect')
      throw new UserError(`--events: give "file" or "detect", not "${values.events}".`);
    const given = Object.keys(values).filter((k) => values[k as keyof typeof values] !== undefined);
    if (positionals.length > 1) {
      const single = given.find((k) =>
        ['floor', 'person-box', 'camera', 'turn', 'mirror', 'file-as'].includes(k),
      );
      if (single)
        throw new UserError(
          `--${single} names one video's pixels or one trial's camera: give it with a single target.`,
        );
    }
    const o: AnalyzeOptions = {
      heightM,
      floor: floorMarks ?? (values['floor-none'] ? null : undefined),
      beltSpeedMps:
        values['belt-speed'] !== undefined
          ? parseBeltSpeed(values['belt-speed'])
          : values['belt-speed-none']
            ? null
            : undefined,
      person:
        values['person-box'] !== undefined
          ? parsePersonBox(values['person-box'])
          : values['person-auto']
            ? null
            : undefined,
      camera: values.camera,
      events: values.events as AnalyzeOptions['events'],
      cutoffHz: values.cutoff !== undefined ? parseCutoffHz(values.cutoff) : undefined,
      turnDeg: values.turn !== undefined ? parseTurnDeg(values.turn) : undefined,
      mirror: values.mirror === true,
      fileAs: values['file-as'] !== undefined ? parseFileAs(values['file-as'], values.camera) : undefined,
      given,
      batch: positionals.length > 1,
    };
    // Checked before any work: a long analysis must not end on a folder that is not there.
    const csvOut = values.out !== undefined ? outputFile('out', values.out) : undefined;
    const jsonOut = values.json !== undefined ? outputFile('json', values.json) : undefined;
    const one = (target: string): Promise<TargetOutcome> =>
      isMotionCaptureFileName(target)
        ? Promise.resolve(analyseMarkerTarget(target, o, ctx))
        : analyseVideoOrTrial(target, o, ctx);

    if (positionals.length === 1) {
      const r = await one(positionals[0]!);
      if (!r.ok) return 1;
      if (csvOut) {
        writeOutputFile(csvOut, tidyCsv(r.trial, r.analysis));
        ctx.io.out(`Tidy CSV: ${values.out}`);
      }
      if (jsonOut) {
        writeOutputFile(jsonOut, JSON.stringify(r.json, plainArrays, 1));
        ctx.io.out(`JSON: ${values.json}`);
      }
      return 0;
    }

    // Several targets: each in turn, a failure said and the others carried on. On a computer with
    // workers for more than one tracking pass, the video files are posed a few at a time ahead.
    const videoFiles = o.events === undefined ? positionals.filter(isVideoFileTarget) : [];
    const bar = stepProgressBar();
    const posed = poseVideoFilesAtOnce(videoFiles, {
      signal: ctx.io.signal,
      onProgress: (d, t, m) => ctx.io.progress(`${m}  ${bar(d, t, m)}`),
    });
    const done: Array<Extract<TargetOutcome, { ok: true }> & { target: string }> = [];
    const failed: string[] = [];
    for (const [i, target] of positionals.entries()) {
      if (i > 0) ctx.io.out('');
      ctx.io.out(`[${i + 1}/${positionals.length}] ${target}`);
      try {
        const k = videoFiles.indexOf(target);
        if (posed && k >= 0) await posed[k];
        const r = await one(target);
        if (r.ok) done.push({ ...r, target });
        else failed.push(target);
      } catch (err) {
        // A file or trial that cannot be analysed is that target's failure; missing models, a
        // cancel or a fault in GaitLab itself stop the batch.
        if (!isForTheUser(err) || err instanceof ModelError || ctx.io.signal.aborted) throw err;
        ctx.io.progress('');
        ctx.io.err(err.message.includes(target) ? err.message : `${target}: ${err.message}`);
        failed.push(target);
      }
    }
    ctx.io.out('');
    ctx.io.out(
      `Analysed ${done.length} of ${positionals.length}${failed.length ? `; failed: ${failed.join(', ')}` : ''}.`,
    );
    if (done.length > 0 && csvOut) {
      // One header; the trial column tells the rows apart (as given, when two share a name:
      // walk.c3d of two sessions, or two sessions' "Walk 1").
      const names = done.map((r) => r.trial);
      const clash = new Set(names).size < names.length;
      const csvs = done.map((r) => tidyCsv(clash ? r.target : r.trial, r.analysis).trimEnd());
      const rows = csvs.map((csv, k) => (k === 0 ? csv : csv.slice(csv.indexOf('\n') + 1)));
      writeOutputFile(csvOut, rows.join('\n') + '\n');
      ctx.io.out(`Tidy CSV: ${values.out}`);
    }
    if (done.length > 0 && jsonOut) {
      writeOutputFile(
        jsonOut,
        JSON.stringify(
          done.map((r) => r.json),
          plainArrays,
          1,
        ),
      );
      ctx.io.out(`JSON: ${values.json}`);
    }
    return failed.length > 0 ? 1 : 0;
  },
};
