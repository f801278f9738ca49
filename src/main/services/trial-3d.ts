// A trial seen by two or more cameras of the session's calibration, analysed in 3D: each camera's
// stored pose track, triangulated on the trial clock (capture/calibration), then the gait analysis
// of the 3D landmarks (metres, Z up: both legs seen, frontal-plane angles, step width). Stored as
// the trial's analysis of camera "3d"; its frames are those of the first calibrated camera (the
// side camera when there is one), whose video review shows with the 3D skeleton projected onto it.
import { readFileSync } from 'node:fs';
import { ApiError } from '../../shared/api/envelope';
import {
  TRIANGULATED_CAMERA,
  type PoseTrackView,
  type TrialAnalysisView,
} from '../../shared/api/analysis-types';
import type { TrialInfo } from '../../shared/api/entities';
import type { TrialVideo } from '../../shared/api/ops/capture';
import { BLAZEPOSE_LANDMARKS, LANDMARK_COUNT, type LandmarkName } from '../../shared/landmarks';
import { readSessionCalibration } from '../capture/calibration-store';
import { fitCalibrationToVideo } from '../capture/calibration/calibration-checks';
import { cameraPxToTrackPx, projectPoint, type CameraCalibration } from '../capture/calibration/camera-model';
import {
  triangulateTracks,
  type CalibratedTrack,
  type CameraReprojection,
} from '../capture/calibration/triangulate-tracks';
import { checkSync } from '../capture/calibration/sync-from-landmarks';
import { referenceCamera, type CameraSpanS } from '../capture/calibration/reference-camera';
import { defaultAnalysisCameras, trialVideos } from '../capture/trial-videos';
import { analyseTrajectories, type AnalysisResult } from '../gait/analyse';
import { beltSpeedOf, cutoffOf } from './analysis-settings';
import { filterDescription } from '../../shared/filter-cutoff';
import type { GaitEvent, TrajectorySet } from '../gait/types';
import { damagedCameraNote } from '../gait/damaged-picture';
import { doubtedCameraNote } from '../gait/doubted-pose';
import { fileClockOf, readPoseManifest, type PoseManifest, type PoseResult } from '../pose/pose-result';
import { writeFileAtomic } from '../store/atomic-file';
import { resolveInsideLab } from '../store/lab-folder';
import { analysisToView, failedView, type ViewContext } from './analysis-view';
import { APP_VERSION } from './app-version';
import { provenance } from './pose-provenance';
import { storeAnalysisView, storedPoseOf, trialDirOf } from './analysis-store';
import type { AnalysisDeps } from './trial-analysis';

/** The landmarks triangulated: the body the skeleton draws and the gait analysis reads. */
const TRIANGULATED: readonly LandmarkName[] = BLAZEPOSE_LANDMARKS.filter(
  (name) => name === 'nose' || /shoulder|elbow|wrist|hip|knee|ankle|heel|foot_index/.test(name),
);
const LOWER_LIMB = TRIANGULATED.filter((name) => /hip|knee|ankle|heel|foot_index/.test(name));
const MANIFEST = 'manifest.json';
const POINTS = 'points.f32';
const FORMAT_VERSION = 1;
/**
 * A camera whose points the others agree with less than half the time is probably assigned to the
 * wrong view, moved since the calibration, or out of sync; a median reprojection error above
 * MAX_MEDIAN_ERROR_PX over all cameras means the calibration does not fit this recording at all.
 */
const MIN_USED_SHARE = 0.5;
const MAX_MEDIAN_ERROR_PX = 40;

interface Manifest3d {
  formatVersion: number;
  createdAt: string;
  referenceCamera: string;
  referenceVideo: string;
  calibration: { fileName: string; importedAt: string };
  cameras: Array<{
    camera: string;
    calibrationName: string;
    /** The offset triangulated with; the trial's own when the landmarks did not move it. */
    startOffsetS: number;
    givenOffsetS: number;
    /** The calibration as fitted to this camera's video, for projecting the 3D skeleton onto it. */
    fitted: CameraCalibration;
    /**
     * When the pose job triangulated from finished: another time later means the camera was
     * analysed again (another person chosen, say) and these points are from its earlier track.
     */
    poseFinishedAt?: string;
  }>;
  rateHz: number;
  frameCount: number;
  startTimeS: number;
  landmarks: string[];
  reprojection: CameraReprojection[];
  triangulatedShare: number;
  sideExchanges: number;
  notes: string[];
}

interface Stored3d {
  manifest: Manifest3d;
  set: TrajectorySet;
}

/** The trial's cameras that the session's calibration covers, in analysis order (side camera first). */
export function calibratedTrialCameras(
  deps: AnalysisDeps,
  trial: TrialInfo,
): { videos: TrialVideo[]; byView: Map<string, CameraCalibration>; fileName: string; importedAt: string } {
  const cal = readSessionCalibration(deps, trial.sessionId);
  const all = trialVideos(deps, trial.id);
  if (!cal || all.length === 0) return { videos: [], byView: new Map(), fileName: '', importedAt: '' };
  const order = [...defaultAnalysisCameras(all, trial.name), ...all.map((v) => v.camera)];
  const videos = [...new Set(order)]
    .map((c) => all.find((v) => v.camera === c)!)
    .filter((v) => cal.byView.has(v.camera as never));
  return {
    videos,
    byView: cal.byView as Map<string, CameraCalibration>,
    fileName: cal.info.fileName,
    importedAt: cal.info.importedAt,
  };
}

/** The calibration of one trial camera, fitted to its video, for a single camera's floor scale. */
export function cameraCalibration(
  deps: AnalysisDeps,
  trial: TrialInfo,
  camera: string,
  widthPx: number,
  heightPx: number,
): CameraCalibration | null {
  const cal = readSessionCalibration(deps, trial.sessionId);
  const cam = cal?.byView.get(camera as never);
  if (!cal || !cam || !cal.info.floorAtOrigin) return null;
  const fitted = fitCalibrationToVideo(cam, widthPx, heightPx);
  return fitted.ok ? fitted.camera : null;
}

function writeStored(deps: AnalysisDeps, dirRel: string, stored: Stored3d): void {
  const { set, manifest } = stored;
  const L = manifest.landmarks.length;
  const data = new Float32Array(set.frameCount * L * 4);
  manifest.landmarks.forEach((name, l) => {
    const t = set.trajectories[name]!;
    for (let f = 0; f < set.frameCount; f++) {
      const k = (f * L + l) * 4;
      data[k] = t.x[f]!;
      data[k + 1] = t.y[f]!;
      data[k + 2] = t.z![f]!;
      data[k + 3] = t.confidence?.[f] ?? 0;
    }
  });
  // Points first: a manifest never describes points that are not on disk.
  writeFileAtomic(resolveInsideLab(deps.layout.root, `${dirRel}/${POINTS}`), new Uint8Array(data.buffer));
  writeFileAtomic(resolveInsideLab(deps.layout.root, `${dirRel}/${MANIFEST}`), JSON.stringify(manifest));
}

function readManifest(deps: AnalysisDeps, dirRel: string): Manifest3d {
  const manifest = JSON.parse(
    readFileSync(resolveInsideLab(deps.layout.root, `${dirRel}/${MANIFEST}`), 'utf8'),
  ) as Manifest3d;
  if (manifest.formatVersion !== FORMAT_VERSION)
    throw new ApiError({
      code: 'conflict',
      message: 'The 3D points of this trial are from another version: analyse the trial again.',
    });
  return manifest;
}

function readStored(deps: AnalysisDeps, dirRel: string): Stored3d {
  const manifest = readManifest(deps, dirRel);
  const bytes = readFileSync(resolveInsideLab(deps.layout.root, `${dirRel}/${POINTS}`));
  const data = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const L = manifest.landmarks.length;
  const n = manifest.frameCount;
  const trajectories: TrajectorySet['trajectories'] = {};
  manifest.landmarks.forEach((name, l) => {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const z = new Float64Array(n);
    const confidence = new Float64Array(n);
    for (let f = 0; f < n; f++) {
      const k = (f * L + l) * 4;
      x[f] = data[k]!;
      y[f] = data[k + 1]!;
      z[f] = data[k + 2]!;
      confidence[f] = data[k + 3]!;
    }
    trajectories[name] = { x, y, z, confidence };
  });
  return {
    manifest,
    set: {
      rateHz: manifest.rateHz,
      frameCount: n,
      convention: 'lab-z-up',
      unit: 'm',
      source: 'pose-model',
      trajectories,
      startTimeS: manifest.startTimeS,
    },
  };
}

function lowConfidenceFrames(set: TrajectorySet): number[] {
  const out: number[] = [];
  for (let f = 0; f < set.frameCount; f++) {
    const ok = LOWER_LIMB.every((name) => {
      const t = set.trajectories[name];
      return !!t && Number.isFinite(t.x[f]!) && (t.confidence?.[f] ?? 1) >= 0.5;
    });
    if (!ok) out.push(f);
  }
  return out;
}

const calibrationText = (m: Manifest3d): string =>
  `${m.calibration.fileName} (imported ${m.calibration.importedAt.slice(0, 10)})`;

function provenance3d(
  manifest: Manifest3d,
  reference: PoseResult | null,
  cutoffHz: number | undefined,
): TrialAnalysisView['provenance'] {
  // Metres come from the calibration: the patient's height plays no part, so it is not listed.
  const { heightM: _unused, ...pose } = reference
    ? provenance(reference, null, cutoffHz)
    : { appVersion: APP_VERSION };
  return {
    ...pose,
    /** The trial cameras the points were triangulated from, comma-separated (for review's heading). */
    triangulatedCameras: manifest.cameras.map((c) => c.camera).join(', '),
    landmarks: `triangulated from ${manifest.cameras.length} calibrated cameras (${manifest.cameras.map((c) => c.camera).join(', ')}): weighted DLT, views dropped while the mean reprojection error exceeds 15 px (Pose2Sim's rule)`,
    calibration: calibrationText(manifest),
    reprojectionErrorPx: manifest.reprojection
      .map((r) => `${r.camera} ${r.medianErrorPx.toFixed(1)} (used in ${(100 * r.usedShare).toFixed(0)} %)`)
      .join(', '),
    filter: filterDescription(cutoffHz),
  };
}

/** The treadmill belt speed the trial was analysed with (kept on its cameras' rows). */
function beltSpeedOption(
  deps: AnalysisDeps,
  trial: TrialInfo,
  referenceCamera: string,
): { treadmillBeltSpeedMps?: number } {
  const v = beltSpeedOf(deps.analyses.get(trial.id, referenceCamera)?.settings);
  return v === null ? {} : { treadmillBeltSpeedMps: v };
}

/** The low-pass cutoff the trial was analysed with (kept on its cameras' rows), as gait options. */
function cutoffPreprocess(
  deps: AnalysisDeps,
  trial: TrialInfo,
  referenceCamera: string,
): { preprocess?: { cutoffHz: number } } {
  const v = cutoffOf(deps.analyses.get(trial.id, referenceCamera)?.settings);
  return v === null ? {} : { preprocess: { cutoffHz: v } };
}

/** Analyses stored 3D points with the trial's hand edits, and stores the result. */
function analyseStored(deps: AnalysisDeps, trial: TrialInfo, stored: Stored3d): TrialAnalysisView {
  const row = deps.analyses.get(trial.id, TRIANGULATED_CAMERA);
  const edited = (row?.editedEvents as GaitEvent[] | null) ?? null;
  const { manifest, set } = stored;
  const cutoff = cutoffPreprocess(deps, trial, manifest.referenceCamera);
  const vc: ViewContext = {
    trialId: trial.id,
    camera: TRIANGULATED_CAMERA,
    videoRelativePath: manifest.referenceVideo,
    lowConfidenceFrames: lowConfidenceFrames(set),
    eventsEditedByHand: edited !== null,
    provenance: provenance3d(
      manifest,
      storedPoseOf(deps, trial.id, manifest.referenceCamera),
      cutoff.preprocess?.cutoffHz,
    ),
  };
  const result = analyseTrajectories(set, {
    ...(edited ? { events: edited } : {}),
    cycles: { excluded: row?.excludedCycles ?? [] },
    ...beltSpeedOption(deps, trial, manifest.referenceCamera),
    ...cutoff,
  });
  // What triangulation found (a camera that disagrees) is said first, whatever the gait analysis says.
  const view = result.ok
    ? {
        ...analysisToView(result.analysis, vc),
        // The gait module sees points "in m"; the metres are the calibration's, and say so.
        scale: {
          metresPerUnit: 1,
          method: 'calibration',
          description: `camera calibration ${calibrationText(manifest)}: 3D points in metres`,
        },
        warnings: [...manifest.notes, ...result.analysis.warnings],
      }
    : { ...failedView(vc, result.error.message), warnings: [...manifest.notes] };
  storeAnalysisView(deps, trialDirOf(deps, trial), view);
  deps.events.emit({ type: 'data.changed', entity: 'trial', id: trial.id });
  return view;
}

function fail3d(
  deps: AnalysisDeps,
  trial: TrialInfo,
  referenceVideo: string,
  message: string,
): TrialAnalysisView {
  const view = failedView(
    {
      trialId: trial.id,
      camera: TRIANGULATED_CAMERA,
      videoRelativePath: referenceVideo,
      lowConfidenceFrames: [],
      eventsEditedByHand: false,
      provenance: { appVersion: APP_VERSION },
    },
    message,
  );
  storeAnalysisView(deps, trialDirOf(deps, trial), view);
  deps.events.emit({ type: 'data.changed', entity: 'trial', id: trial.id });
  return view;
}

/** A camera's frames on the trial clock (frame at video time t is the trial's t + startOffsetS). */
function spanOnTrialClock(input: CalibratedTrack): CameraSpanS {
  const times = input.track.timeS;
  const firstS = (times[0] ?? 0) + input.startOffsetS;
  return {
    firstS,
    lastS: times.length > 0 ? times[times.length - 1]! + input.startOffsetS : firstS,
    frameS: input.track.fps > 0 ? 1 / input.track.fps : 0,
  };
}

/**
 * Triangulates the trial's calibrated cameras from their stored pose tracks and analyses the 3D
 * landmarks. Null when fewer than two of the trial's cameras are calibrated (no 3D for this trial).
 */
export async function triangulateTrial(
  deps: AnalysisDeps,
  trial: TrialInfo,
  /** Said first on the 3D analysis (which camera was made to follow the patient, say). */
  before: readonly string[] = [],
): Promise<TrialAnalysisView | null> {
  const cal = calibratedTrialCameras(deps, trial);
  if (cal.videos.length < 2) return null;
  const reference = cal.videos[0]!;
  const notes: string[] = [...before];
  const inputs: Array<CalibratedTrack & { video: TrialVideo; poseFinishedAt: string }> = [];
  for (const video of cal.videos) {
    const pose = storedPoseOf(deps, trial.id, video.camera);
    if (!pose) {
      notes.push(
        `The ${video.camera} camera has no finished pose analysis: analyse it, then the trial again.`,
      );
      continue;
    }
    const fitted = fitCalibrationToVideo(
      cal.byView.get(video.camera)!,
      pose.track.widthPx,
      pose.track.heightPx,
    );
    if (!fitted.ok) {
      notes.push(`The ${video.camera} camera is left out of 3D: ${fitted.message}`);
      continue;
    }
    // A video a few pixels narrower than calibrated (an encoder's crop) is used as is, silently;
    // one scaled from another resolution is said, naming the trial camera.
    if (fitted.note && fitted.camera !== cal.byView.get(video.camera))
      notes.push(`The ${video.camera} camera: ${fitted.note}`);
    inputs.push({
      camera: fitted.camera,
      track: pose.track,
      startOffsetS: video.startOffsetMs / 1000,
      video,
      poseFinishedAt: poseFinishedAt(pose.manifest),
    });
  }
  if (inputs.length < 2)
    return fail3d(
      deps,
      trial,
      reference.relativePath,
      `3D needs two calibrated cameras with their pose analysed; this trial has ${inputs.length}. ${notes.join(' ')}`.trim(),
    );
  const choice = referenceCamera(inputs.map(spanOnTrialClock));
  if (choice.index !== 0) {
    const [followed] = inputs.splice(choice.index, 1);
    notes.push(
      `The 3D follows the ${followed!.video.camera} camera's frames, not the ${inputs[0]!.video.camera} camera's, which filmed ${choice.moreThanFirstS.toFixed(1)} s less of the time the cameras filmed together (unplugged while recording, or started late?).`,
    );
    inputs.unshift(followed!);
  }
  // A camera whose landmarks meet the first camera's best at another offset than the trial's sync
  // says (a clap marked a few frames off, a manual offset typed wrongly) is moved there, and said.
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
  for (const check of await checkSync(inputs, { pause })) {
    if (!check.moved) continue;
    const input = inputs[check.camera]!;
    const shiftMs = 1000 * (check.offsetS - check.givenOffsetS);
    notes.push(
      `The ${input.video.camera} camera's synchronisation was moved by ${shiftMs > 0 ? '+' : ''}${shiftMs.toFixed(0)} ms (${(shiftMs / (1000 / input.track.fps)).toFixed(1)} frames) to where its landmarks meet the ${inputs[0]!.video.camera} camera's (error ${check.errorAtGivenPx.toFixed(1)} -> ${check.errorAtChosenPx.toFixed(1)} px): check the trial's synchronisation.`,
    );
    inputs[check.camera] = { ...input, startOffsetS: check.offsetS };
  }
  const tri = await triangulateTracks(inputs, { landmarks: TRIANGULATED, pause });
  const errors = tri.reprojection.map((r) => r.medianErrorPx).filter(Number.isFinite);
  const best = Math.min(...errors);
  // Seen by fewer than two cameras at once is not a calibration problem: say what it is.
  if (!(tri.triangulatedShare > 0.05) && !(best <= MAX_MEDIAN_ERROR_PX))
    return fail3d(
      deps,
      trial,
      inputs[0]!.video.relativePath,
      `Nobody was seen by two calibrated cameras at the same time (${(100 * tri.triangulatedShare).toFixed(0)} % of the landmarks): check that the subject is in view of at least two of ${inputs.map((i) => i.video.camera).join(', ')}, and that the trial's cameras are synchronised.`,
    );
  if (!(tri.triangulatedShare > 0.05) || !(best <= MAX_MEDIAN_ERROR_PX))
    return fail3d(
      deps,
      trial,
      inputs[0]!.video.relativePath,
      `The calibrated cameras do not see the same body: ${tri.reprojection.map((r) => `${inputs.find((i) => i.camera.name === r.camera)!.video.camera} ${Number.isFinite(r.medianErrorPx) ? `${r.medianErrorPx.toFixed(0)} px` : 'no point'}`).join(', ')} from the 3D points (median). Check that the calibration belongs to this session's cameras, each calibrated camera is assigned to the right view, and the cameras are synchronised.`,
    );
  tri.reprojection.forEach((r, i) => {
    if (r.usedShare < MIN_USED_SHARE)
      notes.push(
        `The ${inputs[i]!.video.camera} camera disagreed with the others for ${(100 * (1 - r.usedShare)).toFixed(0)} % of the points (median ${r.medianErrorPx.toFixed(0)} px off) and was left out there: check its view assignment, that it has not moved since the calibration, and its synchronisation.`,
      );
  });
  tri.doubtedFrames.forEach((frames, i) => {
    const note = doubtedCameraNote(inputs[i]!.video.camera, frames, inputs[i]!.track.confidence);
    if (note) notes.push(note);
  });
  for (const input of inputs) {
    const note = damagedCameraNote(input.video.camera, input.track);
    if (note) notes.push(note);
  }
  const dirRel = `${trialDirOf(deps, trial)}/pose-${TRIANGULATED_CAMERA}`;
  const stored: Stored3d = {
    set: tri.set,
    manifest: {
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      referenceCamera: inputs[0]!.video.camera,
      referenceVideo: inputs[0]!.video.relativePath,
      calibration: { fileName: cal.fileName, importedAt: cal.importedAt },
      cameras: inputs.map((i) => ({
        camera: i.video.camera,
        calibrationName: i.camera.name,
        startOffsetS: i.startOffsetS,
        givenOffsetS: i.video.startOffsetMs / 1000,
        fitted: i.camera,
        poseFinishedAt: i.poseFinishedAt,
      })),
      rateHz: tri.set.rateHz,
      frameCount: tri.set.frameCount,
      startTimeS: tri.set.startTimeS ?? 0,
      landmarks: [...TRIANGULATED],
      reprojection: tri.reprojection.map((r, i) => ({ ...r, camera: inputs[i]!.video.camera })),
      triangulatedShare: tri.triangulatedShare,
      sideExchanges: tri.sideExchanges,
      notes,
    },
  };
  writeStored(deps, dirRel, stored);
  deps.analyses.upsert(trial.id, TRIANGULATED_CAMERA, {
    status: 'analysing',
    statusMessage: '',
    poseDir: dirRel,
    settings: { cameras: inputs.map((i) => i.video.camera) },
  });
  return analyseStored(deps, trial, stored);
}

function storedOf(deps: AnalysisDeps, trial: TrialInfo): Stored3d | null {
  const row = deps.analyses.get(trial.id, TRIANGULATED_CAMERA);
  if (!row?.poseDir) return null;
  try {
    return readStored(deps, row.poseDir);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    return null;
  }
}

const poseFinishedAt = (m: PoseManifest): string => m.provenance.finishedAt ?? m.provenance.startedAt;

/**
 * Why a stored 3D analysis no longer matches what it was made from, or null: the session's
 * calibration replaced or removed, a camera's synchronisation changed, or a camera analysed again
 * (another person chosen, a re-run cancelled half-way) since the trial was triangulated. Its numbers
 * then come from cameras or tracks the lab now describes otherwise, so it is to be analysed again
 * before it is read.
 */
export function staleTriangulationNote(deps: AnalysisDeps, trial: TrialInfo): string | null {
  const row = deps.analyses.get(trial.id, TRIANGULATED_CAMERA);
  if (!row?.poseDir) return null;
  let manifest: Manifest3d;
  try {
    manifest = readManifest(deps, row.poseDir);
  } catch {
    return null;
  }
  const used = manifest.calibration;
  const now = readSessionCalibration(deps, trial.sessionId);
  if (!now)
    return `The session's calibration (${used.fileName}) was removed after this trial was triangulated: these 3D results are from it. Import a calibration and analyse the trial again, or read its cameras one by one.`;
  if (now.info.fileName !== used.fileName || now.info.importedAt !== used.importedAt)
    return `The session's calibration was replaced (${now.info.fileName}, imported ${now.info.importedAt.slice(0, 10)}) after this trial was triangulated with ${used.fileName}: analyse the trial again.`;
  const changed = changedCameras(deps, trial, manifest);
  return changed.length
    ? `Since this trial was triangulated, ${changed.join('; ')}: these 3D results are from before. Analyse the trial again to bring them up to date.`
    : null;
}

/** What changed in the triangulated cameras since (synchronisation, pose track), said per camera. */
function changedCameras(deps: AnalysisDeps, trial: TrialInfo, manifest: Manifest3d): string[] {
  const videos = trialVideos(deps, trial.id);
  const ms = (s: number) => `${s > 0 ? '+' : ''}${(1000 * s).toFixed(0)} ms`;
  const out: string[] = [];
  for (const c of manifest.cameras) {
    const offsetMs = videos.find((v) => v.camera === c.camera)?.startOffsetMs;
    if (offsetMs !== undefined && Math.abs(offsetMs / 1000 - c.givenOffsetS) > 5e-4)
      out.push(
        `the ${c.camera} camera's synchronisation changed (${ms(c.givenOffsetS)} -> ${ms(offsetMs / 1000)})`,
      );
    // 3D analyses stored before cameras' pose runs were recorded cannot tell; they are left be.
    if (c.poseFinishedAt === undefined) continue;
    const poseDir = deps.analyses.get(trial.id, c.camera)?.poseDir;
    const pose = poseDir ? readPoseManifest(resolveInsideLab(deps.layout.root, poseDir)) : undefined;
    if (!pose) out.push(`the ${c.camera} camera's pose analysis was removed`);
    else if (pose.status !== 'complete')
      out.push(`the ${c.camera} camera is being analysed again (not finished)`);
    else if (poseFinishedAt(pose) !== c.poseFinishedAt)
      out.push(
        `the ${c.camera} camera was analysed again (${poseFinishedAt(pose).slice(0, 16).replace('T', ' ')} UTC)`,
      );
  }
  return out;
}

/** Re-runs the 3D gait analysis from the stored points after a hand edit. */
export function reanalyseTriangulated(deps: AnalysisDeps, trial: TrialInfo): TrialAnalysisView {
  const stored = storedOf(deps, trial);
  if (!stored)
    throw new ApiError({
      code: 'conflict',
      message: 'Analyse this trial in 3D first; events can be edited once it has been analysed.',
    });
  return analyseStored(deps, trial, stored);
}

/** The gait module's result for the stored 3D points with the trial's edits (the CLI's summary and CSV). */
export function triangulatedGaitAnalysis(deps: AnalysisDeps, trial: TrialInfo): AnalysisResult | null {
  const stored = storedOf(deps, trial);
  if (!stored) return null;
  const row = deps.analyses.get(trial.id, TRIANGULATED_CAMERA);
  const edited = (row?.editedEvents as GaitEvent[] | null) ?? null;
  return analyseTrajectories(stored.set, {
    ...(edited ? { events: edited } : {}),
    cycles: { excluded: row?.excludedCycles ?? [] },
    ...beltSpeedOption(deps, trial, stored.manifest.referenceCamera),
    ...cutoffPreprocess(deps, trial, stored.manifest.referenceCamera),
  });
}

/**
 * The 3D skeleton projected onto the reference camera's video, as a pose track view, so review
 * draws what the 3D analysis measured on the picture it shows.
 */
export function triangulatedPoseTrackView(deps: AnalysisDeps, trial: TrialInfo): PoseTrackView | null {
  const stored = storedOf(deps, trial);
  if (!stored) return null;
  const { manifest, set } = stored;
  const ref = manifest.cameras.find((c) => c.camera === manifest.referenceCamera)!;
  const pose = storedPoseOf(deps, trial.id, manifest.referenceCamera);
  const n = set.frameCount;
  const xPx: Array<number | null> = new Array<number | null>(n * LANDMARK_COUNT).fill(null);
  const yPx: Array<number | null> = new Array<number | null>(n * LANDMARK_COUNT).fill(null);
  const visibility = new Array<number>(n * LANDMARK_COUNT).fill(0);
  const confidence = new Array<number>(n).fill(0);
  for (const name of manifest.landmarks) {
    const t = set.trajectories[name]!;
    const l = BLAZEPOSE_LANDMARKS.indexOf(name as LandmarkName);
    for (let f = 0; f < n; f++) {
      const p: [number, number, number] = [t.x[f]!, t.y[f]!, t.z![f]!];
      if (!Number.isFinite(p[0])) continue;
      const [u, v] = cameraPxToTrackPx(...projectPoint(ref.fitted, p));
      const k = f * LANDMARK_COUNT + l;
      xPx[k] = Math.round(u * 10) / 10;
      yPx[k] = Math.round(v * 10) / 10;
      visibility[k] = Math.round((t.confidence?.[f] ?? 0) * 100) / 100;
    }
  }
  for (let f = 0; f < n; f++) {
    const c = LOWER_LIMB.map((name) => set.trajectories[name]?.confidence?.[f] ?? 0);
    confidence[f] = Math.round((c.reduce((a, b) => a + b, 0) / c.length) * 100) / 100;
  }
  return {
    fps: manifest.rateHz,
    frameCount: n,
    widthPx: pose?.track.widthPx ?? ref.fitted.imageSizePx[0],
    heightPx: pose?.track.heightPx ?? ref.fitted.imageSizePx[1],
    timeS: pose ? Array.from(pose.track.timeS) : Array.from({ length: n }, (_, f) => f / manifest.rateHz),
    xPx,
    yPx,
    visibility,
    confidence,
    lowConfidenceFrames: lowConfidenceFrames(set),
    // Drawn on the reference camera's video: its player's clock.
    ...(pose ? fileClockOf(pose.manifest) : {}),
  };
}
