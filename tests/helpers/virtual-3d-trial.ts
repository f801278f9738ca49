// A lab trial analysed in 3D from real marker data: the Plug-in Gait walk seen by three virtual
// calibrated cameras. No multi-camera video of a walk exists in the test data, so each camera's
// pose job folder is written here as the pose engine writes it, with the markers' projections as
// landmarks; everything after pose (calibration import, each camera's 2D analysis,
// triangulation, the 3D gait analysis) is the lab's own code. The videos are grey: review shows
// the projected skeleton on an empty picture.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  cameraPxToTrackPx,
  projectPoint,
  type CameraCalibration,
  type Vec3,
} from '../../src/main/capture/calibration/camera-model';
import { readC3D, type C3DFile } from '../../src/main/formats/c3d-reader';
import { c3dToTrajectorySet } from '../../src/main/formats/c3d-trajectories';
import type { TrajectorySet } from '../../src/main/gait/types';
import { probeVideo } from '../../src/main/media/probe';
import { ALIGN_POINTS, POINTS, RECORD, writeRecord } from '../../src/main/pose/frame-record';
import type { PoseManifest } from '../../src/main/pose/pose-result';
import { FORMAT_VERSION, MANIFEST_FILE, TIMES_FILE, writeChunk } from '../../src/main/pose/storage';
import { trialDirOf } from '../../src/main/services/analysis-store';
import { openLab } from '../../src/main/services/lab-services';
import { APP_VERSION } from '../../src/main/services/app-version';
import { analyseCameraFromStoredPose, type AnalysisDeps } from '../../src/main/services/trial-analysis';
import { triangulateTrial } from '../../src/main/services/trial-3d';
import { AnalysisRepo } from '../../src/main/store/analysis-repo';
import { resolveInsideLab } from '../../src/main/store/lab-folder';
import { BLAZEPOSE_LANDMARKS } from '../../src/shared/landmarks';
import { callLab, createTrialLab, type TrialLab } from './analysed-trial';
import { readSharedBytes } from './shared-data';
import { camerasAroundWalk, gaussianNoise, PIG_AS_LANDMARKS } from './virtual-camera';

export const VIRTUAL_3D_WALK = 'btkdata_c3d_plugingait/PiG_fullbody/PiG_Motion-FlatFoot-Full.c3d';
/** The trial cameras, in the order they are analysed (side cameras first: the frontal one takes their events). */
export const VIRTUAL_3D_CAMERAS = ['sagittal-left', 'sagittal-right', 'frontal'] as const;
export type Virtual3dCamera = (typeof VIRTUAL_3D_CAMERAS)[number];
export const VIRTUAL_3D_CALIBRATION_FILE = 'virtual-cameras.toml';
const VIDEO_FPS = 30;
const CHUNK_FRAMES = 64;
const LANDMARK_NOISE_PX = 0.5;
const CONFIDENCE = 0.95;
/** The pose model's confidence that a person is in view: as sure as on a person in full view. */
const PERSON_SCORE = 0.99;

/** Frames of one camera where its pose model doubts the person and guesses every landmark off. */
export interface VirtualDoubt {
  camera: Virtual3dCamera;
  frames: readonly number[];
  /** Person confidence there (below 0.9). */
  score: number;
  /** How far right the guessed landmarks lie, px. */
  offsetPx: number;
}

/** The walk and the calibrated cameras that film it, by trial camera. */
export function virtual3dWalk(): {
  c3d: C3DFile;
  set: TrajectorySet;
  cameras: Record<Virtual3dCamera, CameraCalibration>;
} {
  const c3d = readC3D(readSharedBytes(VIRTUAL_3D_WALK));
  const set = c3dToTrajectorySet(c3d);
  const { left, right, end } = camerasAroundWalk(set);
  return { c3d, set, cameras: { 'sagittal-left': left, 'sagittal-right': right, frontal: end } };
}

/** Rodrigues vector (axis * angle) of a row-major rotation matrix: the inverse of rodriguesToMatrix. */
export function matrixToRodrigues(R: readonly number[]): [number, number, number] {
  const cos = Math.min(1, Math.max(-1, (R[0]! + R[4]! + R[8]! - 1) / 2));
  const theta = Math.acos(cos);
  if (theta < 1e-12) return [0, 0, 0];
  if (Math.PI - theta > 1e-4) {
    const s = 2 * Math.sin(theta);
    return [((R[7]! - R[5]!) / s) * theta, ((R[2]! - R[6]!) / s) * theta, ((R[3]! - R[1]!) / s) * theta];
  }
  // Near half a turn the antisymmetric part vanishes; the axis is read from R = 2 a a^T - I,
  // from its largest diagonal entry, its sign from the small antisymmetric remainder.
  const d = [R[0]!, R[4]!, R[8]!];
  const i = d.indexOf(Math.max(...d));
  const a = [0, 0, 0];
  a[i] = Math.sqrt(Math.max(0, (d[i]! + 1) / 2));
  for (let j = 0; j < 3; j++) if (j !== i) a[j] = (R[3 * i + j]! + R[3 * j + i]!) / (4 * a[i]!);
  const anti = [R[7]! - R[5]!, R[2]! - R[6]!, R[3]! - R[1]!];
  const sign = anti[0]! * a[0]! + anti[1]! * a[1]! + anti[2]! * a[2]! < 0 ? -1 : 1;
  return [a[0]! * theta * sign, a[1]! * theta * sign, a[2]! * theta * sign];
}

/** A calibration file as Pose2Sim writes it (`[cam_01]` tables, Rodrigues rotation, metres). */
export function pose2simToml(cameras: readonly CameraCalibration[]): string {
  // Full precision: the file is read back to 1e-6, and integers are written as TOML floats.
  const num = (v: number): string => (Number.isInteger(v) ? `${v}.0` : String(v));
  const list = (vs: readonly number[]): string => `[ ${vs.map(num).join(', ')}]`;
  return cameras
    .map((c, i) => {
      const [fx, fy] = c.focalPx;
      const [cx, cy] = c.principalPointPx;
      const { k1, k2, p1, p2, k3 } = c.distortion;
      return [
        `[cam_${String(i + 1).padStart(2, '0')}]`,
        `name = "${c.name}"`,
        `size = ${list(c.imageSizePx)}`,
        `matrix = [ ${list([fx, 0, cx])}, ${list([0, fy, cy])}, ${list([0, 0, 1])}]`,
        `distortions = ${list(k3 === 0 ? [k1, k2, p1, p2] : [k1, k2, p1, p2, k3])}`,
        `rotation = ${list(matrixToRodrigues(c.rotation))}`,
        `translation = ${list(c.translationM)}`,
        'fisheye = false',
        '',
      ].join('\n');
    })
    .join('\n');
}

/** A marker's position in metres at fractional C3D frame `f` (linear between frames), or undefined. */
function markerAt(set: TrajectorySet, marker: string, f: number): Vec3 | undefined {
  const t = set.trajectories[marker];
  if (!t || f < 0 || f > set.frameCount - 1) return undefined;
  const i = Math.min(Math.floor(f), set.frameCount - 2);
  const w = f - i;
  const toM = set.unit === 'mm' ? 1 / 1000 : 1;
  const lerp = (a: ArrayLike<number>) => (a[i]! * (1 - w) + a[i + 1]! * w) * toM;
  const p: Vec3 = [lerp(t.x), lerp(t.y), lerp(t.z!)];
  return p.every(Number.isFinite) ? p : undefined;
}

const mean = (a: Vec3, b: Vec3): Vec3 => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];

/**
 * Writes `cam`'s view of the walk into `outDir` as a finished pose job of `videoPath`: each video
 * frame shows the markers at its presentation time (video time 0 = the C3D's first frame).
 */
export async function writePoseJob(
  outDir: string,
  videoPath: string,
  cam: CameraCalibration,
  set: TrajectorySet,
  seed: number,
  doubt?: Pick<VirtualDoubt, 'frames' | 'score' | 'offsetPx'>,
): Promise<void> {
  const info = await probeVideo(videoPath);
  const n = info.frameCount;
  const gauss = gaussianNoise(seed);
  const index = (name: string) => BLAZEPOSE_LANDMARKS.indexOf(name as never);
  mkdirSync(outDir, { recursive: true });
  const chunks: string[] = [];
  const lowConfidenceFrames: number[] = [];
  let framesWithoutPerson = 0;
  const records = new Float32Array(CHUNK_FRAMES * RECORD.floats);
  for (let first = 0; first < n; first += CHUNK_FRAMES) {
    const count = Math.min(CHUNK_FRAMES, n - first);
    for (let k = 0; k < count; k++) {
      const frame = first + k;
      const f = info.frameTimesS[frame]! * set.rateHz;
      const lm = {
        xPx: new Float32Array(ALIGN_POINTS).fill(NaN),
        yPx: new Float32Array(ALIGN_POINTS).fill(NaN),
        zPx: new Float32Array(POINTS).fill(NaN),
        visibility: new Float32Array(POINTS),
        presence: new Float32Array(POINTS),
        world: new Float32Array(3 * POINTS).fill(NaN),
        score: doubt?.frames.includes(frame) ? doubt.score : PERSON_SCORE,
      };
      const at = new Map<string, Vec3>();
      for (const [landmark, marker] of Object.entries(PIG_AS_LANDMARKS)) {
        const p = markerAt(set, marker, f);
        if (p) at.set(landmark, p);
      }
      const guessedPx = doubt?.frames.includes(frame) ? doubt.offsetPx : 0;
      const put = (l: number, p: Vec3, noisy: boolean) => {
        const [u, v] = cameraPxToTrackPx(...projectPoint(cam, p));
        lm.xPx[l] = u + guessedPx + (noisy ? LANDMARK_NOISE_PX * gauss() : 0);
        lm.yPx[l] = v + (noisy ? LANDMARK_NOISE_PX * gauss() : 0);
      };
      for (const [landmark, p] of at) {
        const l = index(landmark);
        put(l, p, true);
        lm.visibility[l] = CONFIDENCE;
        lm.presence[l] = CONFIDENCE;
      }
      const [lh, rh, ls, rs] = ['left_hip', 'right_hip', 'left_shoulder', 'right_shoulder'].map((l) =>
        at.get(l),
      );
      // BlazePose's two alignment points: the body's centre and a point above it.
      if (lh && rh) put(POINTS, mean(lh, rh), false);
      if (ls && rs) put(POINTS + 1, mean(ls, rs), false);
      const xs = [...lm.xPx].filter(Number.isFinite);
      const ys = [...lm.yPx].filter(Number.isFinite);
      const seen = xs.length > 0;
      const roi = seen
        ? {
            centerXPx: (Math.min(...xs) + Math.max(...xs)) / 2,
            centerYPx: (Math.min(...ys) + Math.max(...ys)) / 2,
            sizePx: 1.25 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)),
            rotationRad: 0,
          }
        : undefined;
      writeRecord(records, k * RECORD.floats, seen ? lm : undefined, roi);
      if (!seen) {
        framesWithoutPerson++;
        lowConfidenceFrames.push(frame);
      }
    }
    chunks.push(writeChunk(outDir, first, records, count));
  }
  writeFileSync(join(outDir, TIMES_FILE), new Uint8Array(info.frameTimesS.slice(0, n).buffer));
  const video = statSync(info.path);
  const now = new Date().toISOString();
  const manifest: PoseManifest = {
    formatVersion: FORMAT_VERSION,
    status: 'complete',
    source: { path: resolve(info.path), bytes: video.size, modifiedMs: Math.round(video.mtimeMs) },
    video: {
      codec: info.codec,
      widthPx: info.widthPx,
      heightPx: info.heightPx,
      rotationDeg: info.rotationDeg,
      fps: info.fps,
      frameCount: info.frameCount,
    },
    settings: {
      model: 'blazepose-full',
      person: { kind: 'moving' },
      minConfidence: 0.5,
      chunkFrames: CHUNK_FRAMES,
      scanIntervalS: 1,
      scanLongSidePx: 384,
      refineWithHeatmap: false,
      smoothingHz: 8,
      trackingLagFrames: 2,
      frameCount: n,
    },
    // Says where the landmarks came from, so a reader of the analysis' provenance is not misled.
    provenance: {
      app: 'gaitlab',
      appVersion: APP_VERSION,
      landmarkModel: {
        file: `Plug-in Gait markers of ${VIRTUAL_3D_WALK.split('/').pop()!} projected onto ${cam.name}`,
        sha256: '',
      },
      personModel: { file: 'none (virtual camera)', sha256: '' },
      modelPackage: 'none: landmarks projected by a test fixture',
      backend: 'none',
      workers: 0,
      cpu: 'none',
      cores: 0,
      startedAt: now,
      finishedAt: now,
    },
    frames: n,
    chunks,
    lowConfidenceFrames,
    framesWithoutPerson,
  };
  writeFileSync(join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
}

/**
 * A lab whose one trial (three grey 1920x1080 videos: sagittal-left, sagittal-right, frontal) is
 * calibrated, posed from the Plug-in Gait walk's markers, analysed camera by camera and in 3D,
 * and marked analysed, as analysing the trial in the app would leave it.
 */
export async function createVirtual3dTrialLab(options: { doubt?: VirtualDoubt } = {}): Promise<TrialLab> {
  const { set, cameras } = virtual3dWalk();
  // Every instant of the walk on the video's clock: its last frame at or before the C3D's last.
  const frames = Math.floor(((set.frameCount - 1) / set.rateHz) * VIDEO_FPS + 1e-9) + 1;
  const made = await createTrialLab({
    cameras: VIRTUAL_3D_CAMERAS.map((camera) => ({
      camera,
      nobody: true,
      nobodySize: `${cameras[camera].imageSizePx[0]}x${cameras[camera].imageSizePx[1]}`,
      nobodyDurationS: frames / VIDEO_FPS,
    })),
  });
  const { labDir, session } = made;
  await callLab(labDir, 'calibration.import', {
    sessionId: session.id,
    fileName: VIRTUAL_3D_CALIBRATION_FILE,
    content: pose2simToml(VIRTUAL_3D_CAMERAS.map((c) => cameras[c])),
    views: Object.fromEntries(VIRTUAL_3D_CAMERAS.map((c) => [cameras[c].name, c])),
  });
  const lab = openLab(labDir);
  try {
    const deps: AnalysisDeps = { ...lab, analyses: new AnalysisRepo(lab.db) };
    const trial = lab.trials.get(made.trial.id)!;
    for (const [k, camera] of VIRTUAL_3D_CAMERAS.entries()) {
      const video = trial.files.find((f) => f.camera === camera)!;
      const poseDir = `${trialDirOf(deps, trial)}/pose-${camera}`;
      await writePoseJob(
        resolveInsideLab(labDir, poseDir),
        resolveInsideLab(labDir, video.relativePath),
        cameras[camera],
        set,
        k + 1,
        options.doubt?.camera === camera ? options.doubt : undefined,
      );
      deps.analyses.upsert(trial.id, camera, {
        status: 'analysing',
        statusMessage: '',
        poseDir,
        settings: { heightM: null, person: null, floor: null },
      });
      const view = analyseCameraFromStoredPose(deps, trial.id, camera);
      if (view.status !== 'analysed')
        throw new Error(`The ${camera} camera's analysis failed: ${view.message}`);
    }
    const threeD = await triangulateTrial(deps, trial);
    if (threeD?.status !== 'analysed')
      throw new Error(`The 3D analysis failed: ${threeD?.message ?? 'fewer than two calibrated cameras'}`);
    lab.trials.setStatus(trial.id, 'analysed');
    return { ...made, trial: lab.trials.get(trial.id)! };
  } finally {
    lab.close();
  }
}
