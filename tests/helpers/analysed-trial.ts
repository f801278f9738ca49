// A lab with one patient, one session and one trial whose video is already in place, so review
// tests do not depend on the recording or import UI. The video is copied into a temporary lab,
// never into the repository.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { dispatch } from '../../src/main/services/dispatch';
import { openLab, type LabServices } from '../../src/main/services/lab-services';
import { resolveInsideLab, trialDirRelative } from '../../src/main/store/lab-folder';
import type { PatientInfo, SessionCondition, SessionInfo, TrialInfo } from '../../src/shared/api/entities';
import { followingCameraOptions } from './following-camera';
import { keepPoses, seedPoses } from './pose-seeds';
import { sharedDataPath } from './shared-data';
import { hdrVideoArgs, videoVariant } from './video-variant';

export const DEMO_WALK = 'sports2d_demo_sideview_walk/demo.mp4';
export const DEMO_CAMERA = 'sagittal';

export interface TrialLab {
  labDir: string;
  patient: PatientInfo;
  session: SessionInfo;
  trial: TrialInfo;
  /** With { damagedTrial: true }: a second trial whose "video" cannot be decoded. */
  damaged?: TrialInfo;
}

async function call<T>(lab: LabServices, op: string, input: unknown): Promise<T> {
  const envelope = await dispatch(lab.handlers, op, input);
  if (!envelope.ok) throw new Error(`${op} failed: ${envelope.error.message}`);
  return envelope.result as T;
}

/** One API call on the lab in `labDir`, opened for it and closed again; throws on an error envelope. */
export async function callLab<T>(labDir: string, op: string, input: unknown): Promise<T> {
  const lab = openLab(labDir);
  try {
    return await call<T>(lab, op, input);
  } finally {
    lab.close();
  }
}

/**
 * A camera of the trial: the demo walk as filmed, mirrored (as a camera on her other side sees
 * it), or an empty grey picture (a camera nobody walked in front of).
 */
export interface DemoCamera {
  camera: string;
  mirrored?: boolean;
  nobody?: boolean;
  /** Starts this many seconds into the walk (a camera started later; frame-exact re-encode). */
  startS?: number;
  /** Another recording of ../shared/data to use instead of the demo walk. */
  source?: string;
  /** With `nobody`: the empty picture's size (default 1280x720). */
  nobodySize?: string;
  /** With `nobody`: its length in seconds (default 3; 30 frames/s). */
  nobodyDurationS?: number;
  /** As an iPhone records it: HEVC in a QuickTime .mov (the review's browser cannot play it). */
  hevc?: boolean;
  /** As a phone films HDR: HEVC 10-bit in a .mov, PQ or HLG (tests/helpers/video-variant.ts). */
  hdr?: 'pq' | 'hlg';
  /** An ffmpeg select expression of the frames kept; the others are dropped, the rest keep their times. */
  keepFrames?: string;
  /** As a camera panning with the walker films her: she walks in place in the picture. */
  following?: boolean;
  /** ffmpeg output options that make the picture (tests/helpers/video-variant.ts). */
  variant?: string[];
  /**
   * As a phone whose camera started after its microphone writes it: sound from 0 s, the first
   * frame this many seconds later (an empty edit before the video).
   */
  soundFirstS?: number;
}

/** Creates the lab (closed again on return, so a bridge can open it). */
export async function createTrialLab(
  options: { damagedTrial?: boolean; cameras?: DemoCamera[]; condition?: SessionCondition } = {},
  labDir = mkdtempSync(join(tmpdir(), 'gaitlab-review-')),
): Promise<TrialLab> {
  const video = sharedDataPath(DEMO_WALK);
  const lab = openLab(labDir);
  try {
    const patient = await call<PatientInfo>(lab, 'patients.create', {
      name: 'Ada Walker',
      hospitalId: 'GL-0165',
      dateOfBirth: '2012-03-04',
      diagnosis: 'Spastic hemiplegic CP',
      gmfcsLevel: 1,
      affectedSide: 'left',
      heightM: 1.65,
    });
    const session = await call<SessionInfo>(lab, 'sessions.create', {
      patientId: patient.id,
      date: '2026-11-02',
      condition: options.condition ?? 'barefoot',
      examiner: 'Dr Gait',
    });
    const cameras = options.cameras ?? [{ camera: DEMO_CAMERA }];
    const created = await call<TrialInfo>(lab, 'trials.create', {
      sessionId: session.id,
      name: 'Walk 1',
      cameras: cameras.map((c) => c.camera),
    });
    const trialDir = trialDirRelative(patient.id, session.id, created.id);
    const files = cameras.map(
      ({
        camera,
        mirrored,
        nobody,
        startS,
        source,
        nobodySize,
        nobodyDurationS,
        hevc,
        hdr,
        keepFrames,
        following,
        variant,
        soundFirstS,
      }) => {
        const input = source ? sharedDataPath(source) : video;
        const videoRel = `${trialDir}/${camera}.${hevc || hdr ? 'mov' : 'mp4'}`;
        const target = resolveInsideLab(labDir, videoRel);
        mkdirSync(join(target, '..'), { recursive: true });
        if (nobody)
          execFileSync('ffmpeg', [
            ...`-v error -y -f lavfi -i color=c=gray:s=${nobodySize ?? '1280x720'}:r=30:d=${nobodyDurationS ?? 3}`.split(
              ' ',
            ),
            ...'-c:v libx264 -preset ultrafast -pix_fmt yuv420p'.split(' '),
            target,
          ]);
        else if (keepFrames)
          execFileSync('ffmpeg', [
            ...['-v', 'error', '-y', '-i', input, '-an', '-vf', `select='${keepFrames}'`],
            ...'-fps_mode passthrough -c:v libx264 -preset veryfast -crf 18 -video_track_timescale 90000'.split(
              ' ',
            ),
            target,
          ]);
        else if (soundFirstS !== undefined)
          execFileSync('ffmpeg', [
            ...['-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=300:duration=${8 + soundFirstS}`],
            ...['-itsoffset', String(soundFirstS), '-i', input, '-map', '0:a', '-map', '1:v'],
            ...'-fps_mode passthrough -c:v libx264 -preset ultrafast -crf 18 -c:a aac'.split(' '),
            target,
          ]);
        else if (following || variant)
          videoVariant(dirname(target), basename(target), variant ?? followingCameraOptions(), input);
        else if (hdr) execFileSync('ffmpeg', hdrVideoArgs(input, hdr, target));
        else if (hevc)
          execFileSync('ffmpeg', [
            ...['-v', 'error', '-y', '-i', input],
            ...'-an -c:v libx265 -preset ultrafast -crf 24 -tag:v hvc1 -x265-params log-level=error'.split(
              ' ',
            ),
            target,
          ]);
        else if (startS !== undefined)
          execFileSync('ffmpeg', [
            ...['-v', 'error', '-y', '-i', input, '-ss', String(startS)],
            ...'-c:v libx264 -preset ultrafast -crf 18 -an'.split(' '),
            target,
          ]);
        else if (!mirrored) copyFileSync(input, target);
        else
          execFileSync('ffmpeg', [
            ...['-v', 'error', '-y', '-i', input],
            ...'-vf hflip -c:v libx264 -preset ultrafast -crf 18 -an'.split(' '),
            target,
          ]);
        return { camera, relativePath: videoRel, kind: 'video' as const };
      },
    );
    lab.trials.addFiles(created.id, files, 'recorded');
    const trial = lab.trials.get(created.id)!;
    if (!options.damagedTrial) return { labDir, patient, session, trial };
    // A file that is not a video, as a crashed recorder or a wrong import leaves behind.
    const bad = await call<TrialInfo>(lab, 'trials.create', {
      sessionId: session.id,
      name: 'Walk 2',
      cameras: [DEMO_CAMERA],
    });
    const badRel = `${trialDirRelative(patient.id, session.id, bad.id)}/${DEMO_CAMERA}.mp4`;
    const badPath = resolveInsideLab(labDir, badRel);
    mkdirSync(join(badPath, '..'), { recursive: true });
    writeFileSync(badPath, 'this is not a video\n'.repeat(100));
    lab.trials.addFiles(bad.id, [{ camera: DEMO_CAMERA, relativePath: badRel, kind: 'video' }], 'recorded');
    return { labDir, patient, session, trial, damaged: lab.trials.get(bad.id)! };
  } finally {
    lab.close();
  }
}

/**
 * Runs the trial's analysis in this process (pose from the sources, then gait) and returns the
 * job's final state, for tests that review an analysed trial without waiting on the UI. A video
 * already posed in this test run is not posed again (tests/helpers/pose-seeds.ts).
 */
export async function analyseInProcess(
  labDir: string,
  trialId: string,
  extra: Record<string, unknown> = {},
): Promise<{ state: string; message?: string }> {
  const lab = openLab(labDir);
  try {
    await seedPoses(labDir, lab, trialId);
    try {
      const { jobId } = await call<{ jobId: string }>(lab, 'analysis.start', { trialId, ...extra });
      for (;;) {
        const job = lab.jobs.list().find((j) => j.jobId === jobId);
        if (!job) throw new Error('The analysis job disappeared.');
        if (job.state !== 'running')
          return { state: job.state, ...(job.message ? { message: job.message } : {}) };
        await new Promise((r) => setTimeout(r, 250));
      }
    } finally {
      keepPoses(labDir, lab, trialId);
    }
  } finally {
    lab.close();
  }
}
