// Analysing a trial: the trial's video -> pose job (resumable, in the trial folder) -> gait analysis
// -> result file + database row. Hand edits re-run only the gait part from the stored pose track.
import { existsSync } from 'node:fs';
import { ApiError } from '../../shared/api/envelope';
import type { PoseTrackView, TrialAnalysisView } from '../../shared/api/analysis-types';
import { isMarkerTrial, type TrialInfo } from '../../shared/api/entities';
import { CHOSEN_BY_HAND_SENTENCE } from '../../shared/failure-advice';
import { walkingAidNote } from '../../shared/walking-aid-note';
import { poseStageText, runPose } from '../pose/run-pose';
import type { WorkerBudget } from '../pose/worker-budget';
import { personToFollow, poseCamerasAtOnce, poseDirOf, trialPoseJob } from './trial-pose';
import { fileClockOf, type PoseResult } from '../pose/pose-result';
import { unsurePersonNote, withUnsureChoice } from '../pose/other-walkers';
import { resultOnUniformClock } from '../pose/uniform-clock';
import type { GaitEvent } from '../gait/types';
import type { AnalysisResult } from '../gait/analyse';
import { endOnPaceSentence } from '../gait/end-on-walk';
import { cameraSideNote } from '../gait/far-side';
import type { AnalysisRepo } from '../store/analysis-repo';
import type { LabContext } from './lab-context';
import { beltSpeedOf, cutoffOf, cutoffOption, floorOf } from './analysis-settings';
import { analysisToView, failedView, type ViewContext } from './analysis-view';
import { poseNotes, provenance } from './pose-provenance';
import {
  readAnalysisPose,
  readStoredView,
  storeAnalysisView,
  storedPoseOf,
  trialDirOf,
} from './analysis-store';
import { InvalidHeightError, runGait } from './gait-pipeline';
import {
  chooseAnalysisVideo,
  defaultAnalysisCameras,
  endedEarlyNote,
  trialVideos,
} from '../capture/trial-videos';
import type { CameraView, TrialVideo } from '../../shared/api/ops/capture';
import type { FloorScaleChoice, PersonChoice } from '../../shared/api/analysis-types';
import { eventsForCamera, isFrontalCamera, type TimedView } from './frontal-events';
import { MARKER_CAPTURE_CAMERA, TRIANGULATED_CAMERA } from '../../shared/api/analysis-types';
import { analyseMarkerTrial, markerTrialGaitAnalysis } from './marker-trial';
import { followPatient, personChosenByHand, PERSON_FOLLOWS } from './follow-patient';
import { ensureReviewCopy } from './review-video';
import { fixTrialVideo } from '../capture/fix-trial-video';
import { refileTrialCamera } from '../capture/refile-camera';
import { readSessionCalibration } from '../capture/calibration-store';
import type { PictureFix, PictureTurnDeg } from '../../shared/picture-fix';
import { missingRecordingMessage } from '../../shared/missing-recording';
import { DiskFullError, isDiskFull } from '../store/disk-full';
import {
  calibratedTrialCameras,
  cameraCalibration,
  reanalyseTriangulated,
  staleTriangulationNote,
  triangulatedGaitAnalysis,
  triangulatedPoseTrackView,
  triangulateTrial,
} from './trial-3d';

export interface AnalysisDeps extends LabContext {
  analyses: AnalysisRepo;
}

export interface AnalyseOptions {
  camera?: string;
  heightM?: number | null;
  /** The patient among several people; null = automatic; undefined = as in the last analysis. */
  person?: PersonChoice | null;
  /** Floor marks for the scale (this camera's pixels); null = from the height; undefined = as before. */
  floor?: FloorScaleChoice | null;
  /** Treadmill belt speed, m/s, for every camera of the trial; null = none; undefined = as before. */
  beltSpeedMps?: number | null;
  /** Low-pass cutoff of the trajectories, Hz (0: none); null = the default 6 Hz; undefined = as before. */
  cutoffHz?: number | null;
  /**
   * A marker-based trial's events: 'file' = those stored in its file, 'detect' = GaitLab's detector;
   * null = the file's when it has both feet's; undefined = as before. Refused for a filmed trial.
   */
  markerEvents?: 'file' | 'detect' | null;
  /**
   * Turn the camera's picture clockwise by this much first (a camera mounted upside down or on its
   * side), after mirroring it back when `mirror` (a front camera's mirror image): its video becomes
   * a fixed copy (capture/fix-trial-video.ts), and the person and floor marks chosen on the old
   * picture are forgotten. Only that camera is then analysed.
   */
  turnDeg?: PictureTurnDeg;
  mirror?: boolean;
  /**
   * File the camera under this view first (it stood at the patient's other side, or is a side
   * camera filed as the frontal one; capture/refile-camera.ts), exchanging names with a camera filed
   * so; its pose and hand edits are kept. The trial is then analysed as a whole.
   */
  fileAs?: CameraView;
  /** Set with `person` when it was chosen by following this other calibrated camera's patient. */
  personFollows?: string;
  /**
   * One step of a trial analysed from several cameras: the trial's status is settled once, when
   * all are done, so it neither flickers to "failed" between cameras nor hides the job's progress.
   */
  partOfTrial?: boolean;
  /** The cores the trial's pose jobs share (default: the process' budget; tests set their own). */
  workerBudget?: WorkerBudget;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, message: string) => void;
}

/** The trial video analysed for `camera`, or by default (a side camera first). */
export function videoOf(deps: AnalysisDeps, trial: TrialInfo, camera?: string): TrialVideo {
  return chooseAnalysisVideo(trialVideos(deps, trial.id), trial.name, camera);
}

/** The trial's analysed side cameras, each with its start offset on the trial's shared clock. */
function sideCameraViews(deps: AnalysisDeps, trial: TrialInfo): TimedView[] {
  return trialVideos(deps, trial.id)
    .filter((v) => !isFrontalCamera(v.camera))
    .flatMap((v) => {
      const view = deps.analyses.get(trial.id, v.camera)?.resultPath
        ? readAnalysis(deps, trial.id, v.camera)
        : null;
      return view ? [{ view, startOffsetMs: v.startOffsetMs }] : [];
    });
}

/**
 * The events a camera's gait analysis starts from: its own hand edits, else for a frontal camera
 * the side cameras' events on its frames (null: detect them; a string: why there are none).
 */
function startingEvents(
  deps: AnalysisDeps,
  trial: TrialInfo,
  camera: string,
  pose: PoseResult,
  edited: GaitEvent[] | null,
): GaitEvent[] | null | string {
  if (edited !== null || !isFrontalCamera(camera)) return edited;
  const sides = sideCameraViews(deps, trial);
  if (!sides.some((s) => s.view.status === 'analysed' && s.view.view === 'sagittal'))
    return `The ${camera} camera takes its gait events from a side camera of the same trial (from the front or back a foot's landing cannot be timed), and no side camera of "${trial.name}" has been analysed: analyse a side camera first, or mark the events by hand on this camera in review.`;
  const offset = trialVideos(deps, trial.id).find((v) => v.camera === camera)?.startOffsetMs ?? 0;
  return eventsForCamera(sides, {
    startOffsetMs: offset,
    startTimeS: pose.track.timeS[0] ?? 0,
    rateHz: pose.track.fps,
    frameCount: pose.track.frameCount,
  });
}

/** The camera's video ended well before the trial's others (endedEarlyNote), said once. */
function endedEarly(deps: AnalysisDeps, trial: TrialInfo, camera: string): string[] {
  const note = endedEarlyNote(trialVideos(deps, trial.id), camera);
  return note ? [note] : [];
}

/** A walker's frame or a crutch in the picture (the session's condition): legs it hides are guessed. */
function walkingAid(deps: AnalysisDeps, trial: TrialInfo): string[] {
  const note = walkingAidNote(deps.sessions.get(trial.sessionId)?.condition);
  return note ? [note] : [];
}

/**
 * Runs gait analysis on a finished pose track with the trial's edits and stores the result. A
 * side camera's new events are passed on to the trial's analysed frontal cameras (`followers`).
 */
function analyseStoredPose(
  deps: AnalysisDeps,
  trial: TrialInfo,
  camera: string,
  videoRelativePath: string,
  pose: PoseResult,
  heightM: number | null,
  options: { setTrialStatus?: boolean; followers?: boolean; notes?: string[] } = {},
): TrialAnalysisView {
  const row = deps.analyses.get(trial.id, camera);
  const edited = (row?.editedEvents as GaitEvent[] | null) ?? null;
  const vc: ViewContext = {
    trialId: trial.id,
    camera,
    videoRelativePath,
    lowConfidenceFrames: pose.manifest.lowConfidenceFrames,
    notes: [
      ...poseNotes(pose),
      ...endedEarly(deps, trial, camera),
      ...walkingAid(deps, trial),
      ...(options.notes ?? []),
    ],
    eventsEditedByHand: edited !== null,
    provenance: provenance(pose, heightM, cutoffOf(row?.settings) ?? undefined),
  };
  let view: TrialAnalysisView;
  try {
    const events = startingEvents(deps, trial, camera, pose, edited);
    if (typeof events === 'string') {
      // No side camera to take events from: still say which way the patient walked, and the cadence.
      const alone = runGait(pose.track, { view: 'frontal', ...cutoffOption(row?.settings) });
      const endOn = alone.ok ? undefined : alone.error.endOn;
      view = failedView(vc, endOn ? `${events} ${endOnPaceSentence(endOn)}` : events);
    } else {
      const result = runGait(pose.track, {
        heightM,
        floor: floorOf(row?.settings),
        beltSpeedMps: beltSpeedOf(row?.settings),
        ...cutoffOption(row?.settings),
        events,
        excludedCycles: row?.excludedCycles ?? [],
        view: isFrontalCamera(camera) ? 'frontal' : 'sagittal',
        calibration: cameraCalibration(deps, trial, camera, pose.track.widthPx, pose.track.heightPx),
      });
      // A side camera's name says which leg it faces: said first when the picture disagrees, after
      // only a doubt on whom the analysis follows (whose legs the side note is about).
      const side = camera === 'sagittal-left' ? 'left' : camera === 'sagittal-right' ? 'right' : null;
      const sideNote = result.ok && side ? cameraSideNote(camera, side, result.analysis.farSides) : null;
      const personNote = result.ok ? unsurePersonNote(pose, result.analysis.cycles) : null;
      const notes = [personNote, sideNote, ...(vc.notes ?? [])].filter((n): n is string => n !== null);
      view = !result.ok
        ? failedView(
            vc,
            // Advice to record the trial again would be wrong when the wrong person was pointed at.
            !result.error.turnDeg && personChosenByHand(deps, trial, camera)
              ? `${result.error.message} ${CHOSEN_BY_HAND_SENTENCE}`
              : withUnsureChoice(result.error, pose),
            { pictureTurnDeg: result.error.turnDeg },
          )
        : {
            ...analysisToView(result.analysis, { ...vc, notes }),
            ...(sideNote ? { sideDoubt: true } : {}),
          };
    }
  } catch (err) {
    if (err instanceof InvalidHeightError)
      throw new ApiError({ code: 'invalid-input', message: err.message, fields: { heightM: err.message } });
    throw err;
  }
  // Other settings (the chosen person) stay as the pose job ran them.
  storeAnalysisView(deps, trialDirOf(deps, trial), view, { ...row?.settings, heightM });
  if (options.setTrialStatus ?? true)
    deps.trials.setStatus(trial.id, view.status === 'analysed' ? 'analysed' : 'failed', view.message);
  if ((options.followers ?? true) && !isFrontalCamera(camera)) refreshFrontalCameras(deps, trial, heightM);
  deps.events.emit({ type: 'data.changed', entity: 'trial', id: trial.id });
  return view;
}

/**
 * The gait part of one camera from the pose job its row names, without running pose: for tests
 * that write a pose job folder themselves (no multi-camera video of a walk exists to pose).
 */
export function analyseCameraFromStoredPose(
  deps: AnalysisDeps,
  trialId: string,
  camera: string,
): TrialAnalysisView {
  const trial = requireTrial(deps, trialId);
  const video = videoOf(deps, trial, camera);
  const row = deps.analyses.get(trialId, video.camera);
  if (!row?.poseDir)
    throw new ApiError({ code: 'conflict', message: `The ${camera} camera has no pose job to analyse.` });
  const pose = readAnalysisPose(deps, row.poseDir);
  const heightM = (row.settings.heightM as number | null | undefined) ?? defaultHeight(deps, trial);
  return analyseStoredPose(deps, trial, video.camera, video.relativePath, pose, heightM);
}

/** Re-runs the gait part of the trial's already analysed frontal cameras with the side cameras' events. */
function refreshFrontalCameras(deps: AnalysisDeps, trial: TrialInfo, heightM: number | null): void {
  for (const v of trialVideos(deps, trial.id).filter((x) => isFrontalCamera(x.camera))) {
    const row = deps.analyses.get(trial.id, v.camera);
    if (!row?.resultPath || row.status === 'analysing') continue;
    const pose = storedPoseOf(deps, trial.id, v.camera);
    if (!pose) continue;
    analyseStoredPose(deps, trial, v.camera, v.relativePath, pose, heightM, {
      setTrialStatus: false,
      followers: false,
    });
  }
}

export function requireTrial(deps: AnalysisDeps, trialId: string): TrialInfo {
  const t = deps.trials.get(trialId);
  if (!t) throw new ApiError({ code: 'not-found', message: 'The trial was not found.' });
  return t;
}

function defaultHeight(deps: AnalysisDeps, trial: TrialInfo): number | null {
  const session = deps.sessions.get(trial.sessionId);
  return session ? (deps.patients.get(session.patientId)?.heightM ?? null) : null;
}

/** What a camera's row and the trial say when an analysis stopped before its end. */
function stoppedMessage(err: unknown, cancelled: boolean): string {
  if (cancelled) return 'The analysis was cancelled. Run it again: it resumes where it stopped.';
  if (isDiskFull(err) && !(err instanceof DiskFullError))
    return 'The analysis failed: the disk holding the lab folder is full. Free some space on it and run the analysis again: it resumes where it stopped.';
  return `The analysis failed: ${err instanceof Error ? err.message : String(err)}`;
}

/** The full pipeline for one camera of a trial. Resumes an interrupted pose job. */
export async function analyseTrial(
  deps: AnalysisDeps,
  trialId: string,
  options: AnalyseOptions = {},
): Promise<TrialAnalysisView> {
  const trial = requireTrial(deps, trialId);
  const video = videoOf(deps, trial, options.camera);
  const heightM = options.heightM ?? defaultHeight(deps, trial);
  const poseRel = poseDirOf(deps, trial, video.camera);
  const previous = deps.analyses.get(trial.id, video.camera);
  const previousPerson = personToFollow(deps, trial.id, video.camera, undefined);
  const person = personToFollow(deps, trial.id, video.camera, options.person);
  // Events corrected and cycles excluded for one person mean nothing for another.
  const personChanged = JSON.stringify(person) !== JSON.stringify(previousPerson);
  const floor = options.floor === undefined ? floorOf(previous?.settings) : options.floor;
  const beltSpeedMps =
    options.beltSpeedMps === undefined ? beltSpeedOf(previous?.settings) : options.beltSpeedMps;
  const cutoffHz = options.cutoffHz === undefined ? cutoffOf(previous?.settings) : options.cutoffHz;
  const personFollows =
    options.person === undefined
      ? (previous?.settings[PERSON_FOLLOWS] ?? null)
      : (options.personFollows ?? null);
  deps.analyses.upsert(trial.id, video.camera, {
    status: 'analysing',
    statusMessage: '',
    poseDir: poseRel,
    settings: { heightM, person, floor, beltSpeedMps, cutoffHz, [PERSON_FOLLOWS]: personFollows },
    ...(personChanged ? { editedEvents: null, excludedCycles: [] } : {}),
  });
  if (!options.partOfTrial) deps.trials.setStatus(trial.id, 'analysing');
  deps.events.emit({ type: 'data.changed', entity: 'trial', id: trial.id });
  try {
    if (!existsSync(video.absolutePath))
      throw new ApiError({
        code: 'not-found',
        message: missingRecordingMessage(trial.name, `${video.camera} video`, video.relativePath),
      });
    const posed = await runPose({
      ...trialPoseJob(deps, trial, video, person),
      ...(options.workerBudget ? { workerBudget: options.workerBudget } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (p) => options.onProgress?.(p.framesDone, p.framesTotal, poseStageText(p.stage)),
    });
    const pose = resultOnUniformClock(posed);
    const copyNote = await ensureReviewCopy(deps, trial, video, {
      codec: pose.manifest.video.codec,
      fps: pose.manifest.video.fps,
      frameCount: pose.manifest.video.frameCount,
      ...(pose.manifest.settings.interlaced ? { interlaced: pose.manifest.settings.interlaced } : {}),
      ...(pose.manifest.settings.hdr ? { hdr: pose.manifest.settings.hdr } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return analyseStoredPose(deps, trial, video.camera, video.relativePath, pose, heightM, {
      setTrialStatus: !options.partOfTrial,
      ...(copyNote ? { notes: [copyNote] } : {}),
    });
  } catch (err) {
    const cancelled = options.signal?.aborted === true;
    const message = stoppedMessage(err, cancelled);
    deps.analyses.upsert(trial.id, video.camera, {
      status: cancelled ? 'cancelled' : 'failed',
      statusMessage: message,
    });
    if (!options.partOfTrial) deps.trials.setStatus(trial.id, cancelled ? 'recorded' : 'failed', message);
    deps.events.emit({ type: 'data.changed', entity: 'trial', id: trial.id });
    throw err instanceof ApiError ? err : new ApiError({ code: cancelled ? 'cancelled' : 'failed', message });
  }
}

/**
 * Analyses a trial as the user asks for it: the named camera, or else every default camera (a side
 * camera, and the one on the other side when recorded) and every camera of the session's
 * calibration, then, with two or more calibrated cameras, the trial in 3D. A person chosen by a box
 * applies to the first camera only (the box is in its pixels). An extra camera that cannot be
 * analysed (nobody walking in its view, say) leaves its own row failed but not the trial, whose
 * status is the first camera's. Returns the first camera's analysis; with camera "3d", the
 * calibrated cameras and the 3D analysis only, which it returns.
 */
export async function analyseTrialCameras(
  deps: AnalysisDeps,
  trialId: string,
  options: AnalyseOptions = {},
): Promise<TrialAnalysisView> {
  const trial = requireTrial(deps, trialId);
  // One analysis of a trial at a time, whichever GaitLab process asks (they share its pose folder).
  const release = deps.analyses.leases.claim(trial.id);
  if (!release)
    throw new ApiError({
      code: 'conflict',
      message: `Trial "${trial.name}" is already being analysed (in GaitLab or by a gaitlab command on this lab). Wait for it to finish, or cancel it there.`,
    });
  try {
    return await analyseClaimedTrial(deps, trialId, options);
  } finally {
    release();
  }
}

async function analyseClaimedTrial(
  deps: AnalysisDeps,
  trialId: string,
  options: AnalyseOptions,
): Promise<TrialAnalysisView> {
  const only3d = options.camera === TRIANGULATED_CAMERA;
  const trial = requireTrial(deps, trialId);
  if (isMarkerTrial(trial)) return reanalyseMarkerTrial(deps, trial, options);
  if (options.markerEvents !== undefined) throw filmedTrialEventsRefusal(trial);
  if (options.fileAs !== undefined) return refileThenAnalyse(deps, trial, options.fileAs, options);
  if (options.turnDeg !== undefined || options.mirror) return fixThenAnalyse(deps, trial, options);
  // Every calibrated camera is analysed too: the 3D analysis needs each one's pose.
  const calibrated = calibratedTrialCameras(deps, trial).videos.map((v) => v.camera);
  // The other cameras keep their own choice of person and floor marks (in one camera's pixels).
  const rest: AnalyseOptions = { ...options, partOfTrial: true };
  delete rest.person;
  delete rest.floor;
  delete rest.camera;
  if (options.camera && !only3d) {
    // One calibrated camera analysed again (another person chosen, say) after the trial was
    // measured in 3D: the others follow its patient and the 3D analysis is made again from the new
    // track, so review and reports do not go on reading points triangulated from the old one. The
    // 3D analysis' hand-edited events are kept (instants of the trial, whichever camera saw them).
    const again = !!deps.analyses.get(trial.id, TRIANGULATED_CAMERA) && calibrated.includes(options.camera);
    if (!again) return analyseTrial(deps, trialId, options);
    return settlingTrialStatus(deps, trial, options, async () => {
      const view = await analyseTrial(deps, trialId, { ...options, partOfTrial: true });
      // A patient chosen by hand on this camera leads the others.
      const leader = personChosenByHand(deps, trial, options.camera!) ? options.camera! : null;
      const threeD = await followAndTriangulate(deps, trial, calibrated, leader, rest);
      return { view, first: view, threeD };
    });
  }
  const cameras = only3d
    ? calibrated
    : [...new Set([...defaultAnalysisCameras(trialVideos(deps, trial.id), trial.name), ...calibrated])];
  if (only3d && cameras.length < 2)
    throw new ApiError({
      code: 'invalid-input',
      message: `3D needs two or more of this trial's cameras in the session's calibration; ${cameras.length ? `only ${cameras[0]} is` : 'none is'}. Import a calibration on the session page.`,
    });
  if (cameras.length === 1) return analyseTrial(deps, trialId, { ...options, camera: cameras[0]! });
  const steps = cameras.length + (calibrated.length >= 2 ? 1 : 0);
  const progress = (k: number) => (d: number, t: number, m: string) =>
    options.onProgress?.(d, t, steps > 1 ? `${m}, camera ${k + 1} of ${cameras.length}` : m);
  return settlingTrialStatus(deps, trial, options, async () => {
    const videos = trialVideos(deps, trial.id);
    await poseCamerasAtOnce(
      deps,
      trial,
      cameras.flatMap((camera, k) => {
        const video = videos.find((v) => v.camera === camera);
        const chosen = k === 0 && !only3d ? options.person : undefined;
        return video ? [{ video, person: personToFollow(deps, trial.id, camera, chosen) }] : [];
      }),
      options,
    );
    const first = await analyseTrial(deps, trialId, {
      ...(only3d ? rest : options),
      partOfTrial: true,
      camera: cameras[0]!,
      onProgress: progress(0),
    });
    for (let k = 1; k < cameras.length; k++) {
      try {
        await analyseTrial(deps, trialId, { ...rest, camera: cameras[k]!, onProgress: progress(k) });
      } catch (err) {
        if (options.signal?.aborted) throw err;
      }
    }
    const threeD =
      calibrated.length >= 2 ? await followAndTriangulate(deps, trial, calibrated, null, rest) : null;
    return { view: only3d && threeD ? threeD : first, first, threeD };
  });
}

/** Turns one camera's picture upright or mirrors it back, then analyses that camera from the copy. */
async function fixThenAnalyse(
  deps: AnalysisDeps,
  trial: TrialInfo,
  options: AnalyseOptions,
): Promise<TrialAnalysisView> {
  if (options.camera === TRIANGULATED_CAMERA)
    throw new ApiError({
      code: 'invalid-input',
      message: 'A picture is turned or mirrored for one camera: name the camera whose video needs it.',
    });
  const camera = videoOf(deps, trial, options.camera).camera;
  if (calibratedTrialCameras(deps, trial).videos.some((v) => v.camera === camera))
    throw new ApiError({
      code: 'conflict',
      message: `The ${camera} camera is in the session's camera calibration, which was made on its picture as recorded: a turned or mirrored picture would not fit it. Calibrate the cameras again with the picture as it should be, or record the trial again with the camera upright.`,
    });
  // The trial shows as analysing (with the job's progress) from the turn on.
  return settlingTrialStatus(deps, trial, options, async () => {
    const fix: PictureFix = { turnDeg: options.turnDeg ?? 0, mirrored: options.mirror === true };
    const message = fix.turnDeg ? 'Turning the picture upright' : 'Mirroring the picture back';
    await fixTrialVideo(deps, trial, camera, fix, {
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (done, total) => options.onProgress?.(done, total, message),
    });
    // A box around the patient and floor marks were drawn on the old picture: back to automatic
    // (and, as for any change of person, events edited for the boxed one are dropped).
    const rest: AnalyseOptions = { ...options, camera, person: null, floor: null, partOfTrial: true };
    delete rest.turnDeg;
    delete rest.mirror;
    const view = await analyseTrial(deps, trial.id, rest);
    return { view, first: view, threeD: null };
  });
}

/** Files one camera under another view, then analyses the trial as a whole under its new names. */
async function refileThenAnalyse(
  deps: AnalysisDeps,
  trial: TrialInfo,
  view: CameraView,
  options: AnalyseOptions,
): Promise<TrialAnalysisView> {
  const oneChange = [
    options.turnDeg !== undefined && 'a turn',
    options.mirror && 'a mirror',
    options.person !== undefined && 'a person',
    options.floor !== undefined && 'floor marks',
  ].filter(Boolean);
  if (!options.camera || options.camera === TRIANGULATED_CAMERA || oneChange.length > 0)
    throw new ApiError({
      code: 'invalid-input',
      message: `Name the one camera to file as the ${view} camera${oneChange.length ? `, without ${oneChange.join(' or ')}: file it first, then analyse it again with the change` : ''}.`,
    });
  const camera = videoOf(deps, trial, options.camera).camera;
  const calibration = readSessionCalibration(deps, trial.sessionId);
  const calibrated = [camera, view].filter((c) => calibration?.byView.has(c as CameraView));
  if (calibrated.length > 0)
    throw new ApiError({
      code: 'conflict',
      message: `The session's camera calibration places its ${calibrated.join(' and ')} camera${calibrated.length > 1 ? 's' : ''} by ${calibrated.length > 1 ? 'their' : 'its'} own picture${calibrated.length > 1 ? 's' : ''}: a calibrated camera's view comes from the calibration, not from its name. Calibrate the cameras again with each one named for where it stood.`,
    });
  return settlingTrialStatus(deps, trial, options, async () => {
    const exchanged = trial.files.some((f) => f.kind === 'video' && f.camera === view);
    options.onProgress?.(0, 1, `Filing the ${camera} camera as ${view}`);
    await refileTrialCamera(deps, trial, trialDirOf(deps, trial), camera, view);
    // Which cameras are side ones may have changed: the trial's default cameras are analysed again
    // (side cameras first: a frontal one takes their events), and every camera whose name moved.
    const defaults = defaultAnalysisCameras(trialVideos(deps, trial.id), trial.name);
    const cameras = [...new Set([...defaults, view, ...(exchanged ? [camera] : [])])];
    const rest: AnalyseOptions = { ...options, partOfTrial: true };
    delete rest.fileAs;
    const views = new Map<string, TrialAnalysisView>();
    for (const [k, c] of cameras.entries()) {
      try {
        const progress = (d: number, t: number, m: string) =>
          options.onProgress?.(d, t, `${m}, camera ${k + 1} of ${cameras.length}`);
        views.set(c, await analyseTrial(deps, trial.id, { ...rest, camera: c, onProgress: progress }));
      } catch (err) {
        if (options.signal?.aborted || c === view) throw err;
      }
    }
    return { view: views.get(view)!, first: views.get(cameras[0]!) ?? views.get(view)!, threeD: null };
  });
}

/**
 * "Re-analyse" of a marker-based trial: its file again, with its hand edits. Only a treadmill belt
 * speed and whose events apply; a camera, person or floor marks belong to video and are refused, not ignored.
 */
function reanalyseMarkerTrial(
  deps: AnalysisDeps,
  trial: TrialInfo,
  options: AnalyseOptions,
): TrialAnalysisView {
  const videoOnly = [
    options.camera !== undefined && options.camera !== MARKER_CAPTURE_CAMERA && 'a camera',
    options.person && 'a person',
    options.floor && 'floor marks',
  ].filter(Boolean);
  if (videoOnly.length > 0)
    throw new ApiError({
      code: 'invalid-input',
      message: `Trial "${trial.name}" is a marker-based capture (no video): ${videoOnly.join(', ')} cannot be chosen for it.`,
    });
  return analyseMarkerTrial(deps, trial, {
    ...(options.beltSpeedMps !== undefined ? { beltSpeedMps: options.beltSpeedMps } : {}),
    ...(options.cutoffHz !== undefined ? { cutoffHz: options.cutoffHz } : {}),
    ...(options.markerEvents !== undefined ? { events: options.markerEvents } : {}),
  });
}

/** Whose events is a choice of marker-based trials: a filmed trial's come from its video. */
export function filmedTrialEventsRefusal(trial: TrialInfo): ApiError {
  return new ApiError({
    code: 'invalid-input',
    message: `Trial "${trial.name}" is filmed: its events are detected from its video (correct them by hand in review). The file's events or GaitLab's detector is a choice for marker-based trials.`,
  });
}

/**
 * Runs a trial's analysis of several cameras with the trial "analysing" throughout, then settles
 * its status once: analysed when its first camera or its 3D analysis is (a trial measured in 3D is
 * analysed even when its first camera alone could not be), else failed with the first camera's
 * reason; cancelled or failed part-way, as a single camera's analysis would leave it.
 */
async function settlingTrialStatus(
  deps: AnalysisDeps,
  trial: TrialInfo,
  options: AnalyseOptions,
  run: () => Promise<{
    view: TrialAnalysisView;
    first: TrialAnalysisView;
    threeD: TrialAnalysisView | null;
  }>,
): Promise<TrialAnalysisView> {
  const settle = (status: 'analysed' | 'failed' | 'recorded', message: string) => {
    deps.trials.setStatus(trial.id, status, message);
    deps.events.emit({ type: 'data.changed', entity: 'trial', id: trial.id });
  };
  deps.trials.setStatus(trial.id, 'analysing');
  try {
    const { view, first, threeD } = await run();
    const analysed = first.status === 'analysed' || threeD?.status === 'analysed';
    settle(analysed ? 'analysed' : 'failed', analysed ? '' : first.message);
    return view;
  } catch (err) {
    const cancelled = options.signal?.aborted === true;
    settle(cancelled ? 'recorded' : 'failed', stoppedMessage(err, cancelled));
    throw err;
  }
}

/**
 * Every calibrated camera follows the patient of one of them (`leader`, or the first whose person
 * was chosen by hand, else the first): a camera on someone else is analysed again on the person
 * standing where that patient stands. Then the trial is triangulated, saying who was re-chosen.
 */
async function followAndTriangulate(
  deps: AnalysisDeps,
  trial: TrialInfo,
  calibrated: readonly string[],
  leader: string | null,
  rest: AnalyseOptions,
): Promise<TrialAnalysisView | null> {
  const lead = leader ?? calibrated.find((c) => personChosenByHand(deps, trial, c)) ?? calibrated[0]!;
  const { steps, notes } = followPatient(deps, trial, lead, calibrated);
  for (const [k, step] of steps.entries()) {
    try {
      await analyseTrial(deps, trial.id, {
        ...rest,
        camera: step.camera,
        person: step.person,
        personFollows: lead,
        onProgress: (d, t, m) =>
          rest.onProgress?.(d, t, `${m}, following the patient (${k + 1} of ${steps.length})`),
      });
      notes.push(step.note);
    } catch (err) {
      if (rest.signal?.aborted) throw err;
    }
  }
  rest.onProgress?.(0, 1, 'Triangulating the calibrated cameras');
  return triangulateTrial(deps, trial, notes);
}

/** The stored analysis view, or null when the trial camera was never analysed. */
export function readAnalysis(deps: AnalysisDeps, trialId: string, camera?: string): TrialAnalysisView | null {
  const trial = requireTrial(deps, trialId);
  // A named camera may have no video (a motion-capture file analysed on its own).
  const cam =
    camera ??
    (trial.files.some((f) => f.kind === 'video')
      ? videoOf(deps, trial).camera
      : isMarkerTrial(trial)
        ? MARKER_CAPTURE_CAMERA
        : undefined);
  if (!cam) return null;
  const row = deps.analyses.get(trialId, cam);
  if (!row?.resultPath) return null;
  const view = readStoredView(deps, row.resultPath);
  if (cam !== TRIANGULATED_CAMERA) return view;
  const stale = staleTriangulationNote(deps, trial);
  return stale ? { ...view, outOfDate: stale, warnings: [stale, ...view.warnings] } : view;
}

/** Applies a hand edit (events or excluded cycles) and re-runs the gait part from the stored pose. */
export function reanalyse(
  deps: AnalysisDeps,
  trialId: string,
  camera: string | undefined,
  edit: (
    current: TrialAnalysisView,
    row: { editedEvents: GaitEvent[] | null; excludedCycles: string[] },
  ) => {
    editedEvents?: GaitEvent[] | null;
    excludedCycles?: string[];
  },
): TrialAnalysisView {
  const trial = requireTrial(deps, trialId);
  if (isMarkerTrial(trial)) {
    const row = deps.analyses.get(trialId, MARKER_CAPTURE_CAMERA);
    const current = readAnalysis(deps, trialId, MARKER_CAPTURE_CAMERA);
    if (!row || !current)
      throw new ApiError({ code: 'conflict', message: `Trial "${trial.name}" has no analysis to edit.` });
    const change = edit(current, {
      editedEvents: (row.editedEvents as GaitEvent[] | null) ?? null,
      excludedCycles: row.excludedCycles,
    });
    deps.analyses.upsert(trialId, MARKER_CAPTURE_CAMERA, change);
    return analyseMarkerTrial(deps, trial);
  }
  const in3d = camera === TRIANGULATED_CAMERA;
  const video = in3d ? null : videoOf(deps, trial, camera);
  const cam = video?.camera ?? TRIANGULATED_CAMERA;
  const row = deps.analyses.get(trialId, cam);
  const current = readAnalysis(deps, trialId, cam);
  if (!row?.poseDir || !current) {
    throw new ApiError({
      code: 'conflict',
      message: `Analyse this trial${in3d ? ' in 3D' : ''} first; events can be edited once it has been analysed.`,
    });
  }
  const change = edit(current, {
    editedEvents: (row.editedEvents as GaitEvent[] | null) ?? null,
    excludedCycles: row.excludedCycles,
  });
  deps.analyses.upsert(trialId, cam, {
    ...(change.editedEvents !== undefined ? { editedEvents: change.editedEvents } : {}),
    ...(change.excludedCycles !== undefined ? { excludedCycles: change.excludedCycles } : {}),
  });
  if (!video) return reanalyseTriangulated(deps, trial);
  const pose = readAnalysisPose(deps, row.poseDir);
  const heightM = (row.settings.heightM as number | null | undefined) ?? defaultHeight(deps, trial);
  return analyseStoredPose(deps, trial, video.camera, video.relativePath, pose, heightM);
}

/** The stored pose track of a trial camera, for skeleton overlays in review. */
export function readPoseTrackView(
  deps: AnalysisDeps,
  trialId: string,
  camera?: string,
): PoseTrackView | null {
  const trial = requireTrial(deps, trialId);
  if (camera === TRIANGULATED_CAMERA) return triangulatedPoseTrackView(deps, trial);
  const cam = camera ?? trial.files.find((f) => f.kind === 'video')?.camera;
  const pose = cam ? storedPoseOf(deps, trialId, cam) : null;
  if (!pose) return null;
  const t = pose.track;
  const r1 = (v: number) => (Number.isFinite(v) ? Math.round(v * 10) / 10 : null);
  const r2 = (v: number) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : 0);
  return {
    fps: t.fps,
    frameCount: t.frameCount,
    widthPx: t.widthPx,
    heightPx: t.heightPx,
    timeS: Array.from(t.timeS),
    xPx: Array.from(t.xPx, r1),
    yPx: Array.from(t.yPx, r1),
    visibility: Array.from(t.visibility, r2),
    confidence: Array.from(t.confidence, r2),
    lowConfidenceFrames: pose.manifest.lowConfidenceFrames,
    ...(pose.droppedFrames?.frames.length ? { droppedFrames: pose.droppedFrames.frames } : {}),
    ...fileClockOf(pose.manifest),
  };
}

/**
 * The gait analysis of a trial camera as the gait module returns it (typed arrays, for the CLI's
 * text summary and tidy CSV): re-run from the stored pose with the stored edits, as review does.
 */
export function trialGaitAnalysis(
  deps: AnalysisDeps,
  trialId: string,
  camera?: string,
): AnalysisResult | null {
  const trial = requireTrial(deps, trialId);
  if (camera === TRIANGULATED_CAMERA) return triangulatedGaitAnalysis(deps, trial);
  if (isMarkerTrial(trial)) return markerTrialGaitAnalysis(deps, trial);
  const video = videoOf(deps, trial, camera);
  const row = deps.analyses.get(trialId, video.camera);
  if (!row?.poseDir) return null;
  const pose = readAnalysisPose(deps, row.poseDir);
  const events = startingEvents(
    deps,
    trial,
    video.camera,
    pose,
    (row.editedEvents as GaitEvent[] | null) ?? null,
  );
  if (typeof events === 'string') return null;
  return runGait(pose.track, {
    heightM: (row.settings.heightM as number | null | undefined) ?? defaultHeight(deps, trial),
    floor: floorOf(row.settings),
    beltSpeedMps: beltSpeedOf(row.settings),
    ...cutoffOption(row.settings),
    events,
    excludedCycles: row.excludedCycles,
    view: isFrontalCamera(video.camera) ? 'frontal' : 'sagittal',
    calibration: cameraCalibration(deps, trial, video.camera, pose.track.widthPx, pose.track.heightPx),
  });
}
