// Importing existing videos into a trial and synchronising them by clap, flash or hand-entered
// offsets; damaged and fake files are refused and leave nothing behind.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLab, type LabServices } from '../../../src/main/services/lab-services';
import { dispatch } from '../../../src/main/services/dispatch';
import type { CameraView, CaptureReport, ImportedVideo } from '../../../src/shared/api/ops/capture';
import { sharedDataPath } from '../../helpers/shared-data';
import { FIXTURE_FPS, makeClapFlashVideo, makeWebm } from './media-fixtures';
import { hdrVideoArgs } from '../../helpers/video-variant';

let dir: string;
let media: string;
let lab: LabServices;
let sessionId: string;
let clipA: string;
let clipB: string;
const FRAME_MS = 1000 / FIXTURE_FPS;

async function ok<T>(op: string, input: unknown): Promise<T> {
  // As the command line calls it: capture.import.file is refused to the UI transports.
  const env = await dispatch(lab.handlers, op, input, 'cli');
  if (!env.ok) throw new Error(`${op}: ${env.error.message}`);
  return env.result as T;
}

function filesUnder(root: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(root, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(join(e.parentPath, e.name));
  return out.filter((f) => !/gaitlab\.sqlite/.test(f));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gaitlab-import-'));
  media = mkdtempSync(join(tmpdir(), 'gaitlab-media-'));
  lab = openLab(dir);
  clipA = makeClapFlashVideo(media, 'side.mp4', 2.0);
  clipB = makeClapFlashVideo(media, 'front.mp4', 3.3);
  const patient = await ok<{ id: string }>('patients.create', { name: 'Import Test' });
  sessionId = (
    await ok<{ id: string }>('sessions.create', {
      patientId: patient.id,
      date: '2026-10-01',
      condition: 'barefoot',
    })
  ).id;
});

afterAll(() => {
  lab?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(media, { recursive: true, force: true });
});

describe('video import and sync', () => {
  let trialId: string;

  it('imports two files into one trial as recorded videos', async () => {
    const a = await ok<ImportedVideo>('capture.import.file', {
      path: clipA,
      sessionId,
      trialName: 'Walk 1',
      view: 'sagittal-left',
    });
    trialId = a.trial.id;
    const b = await ok<ImportedVideo>('capture.import.file', {
      path: clipB,
      sessionId,
      trialId,
      view: 'frontal',
    });
    expect(b.trial.status).toBe('recorded');
    expect(b.trial.files.map((f) => [f.camera, f.kind])).toEqual([
      ['frontal', 'video'],
      ['sagittal-left', 'video'],
    ]);
    expect(a.hasAudio).toBe(true);
    expect(Math.abs(a.durationS - 6)).toBeLessThan(0.1);
    for (const f of b.trial.files) expect(existsSync(join(dir, f.relativePath))).toBe(true);
    // A local-path import copies: the clinician's original stays where it was.
    expect(existsSync(clipA)).toBe(true);
  });

  it('synchronises by the clap within one frame', async () => {
    const report = await ok<CaptureReport>('capture.sync', {
      trialId,
      method: 'clap',
      referenceCamera: 'sagittal-left',
    });
    const front = report.cameras.find((c) => c.camera === 'frontal')!;
    // The clap is at 2.0 s in the side video and 3.3 s in the front one: front started 1.3 s earlier.
    expect(Math.abs(front.startOffsetMs - -1300)).toBeLessThan(FRAME_MS);
    expect(report.worstOffsetMs).toBeCloseTo(Math.abs(front.startOffsetMs), 5);
    expect(report.warnings).toEqual([]);
    expect(await ok('capture.report', { trialId })).toEqual(report);
  });

  it('synchronises by the flash within one frame', async () => {
    const report = await ok<CaptureReport>('capture.sync', {
      trialId,
      method: 'flash',
      referenceCamera: 'sagittal-left',
    });
    const front = report.cameras.find((c) => c.camera === 'frontal')!;
    expect(Math.abs(front.startOffsetMs - -1300)).toBeLessThanOrEqual(FRAME_MS);
  });

  it('synchronises a phone filming HDR (PQ) with an SDR camera by the flash within one frame', async () => {
    // The front clip (flash at 3.3 s) as a phone films HDR: its flash is dimmer in grey levels.
    const hdr = join(media, 'front-hdr.mov');
    execFileSync('ffmpeg', hdrVideoArgs(clipB, 'pq', hdr));
    let hdrTrial: string | undefined;
    for (const [path, view] of [
      [clipA, 'sagittal-left'],
      [hdr, 'frontal'],
    ] as const) {
      const imported = await ok<ImportedVideo>('capture.import.file', {
        path,
        sessionId,
        view,
        ...(hdrTrial ? { trialId: hdrTrial } : { trialName: 'SDR side, HDR front' }),
      });
      hdrTrial = imported.trial.id;
    }
    const report = await ok<CaptureReport>('capture.sync', {
      trialId: hdrTrial,
      method: 'flash',
      referenceCamera: 'sagittal-left',
    });
    const front = report.cameras.find((c) => c.camera === 'frontal')!;
    expect(Math.abs(front.startOffsetMs - -1300)).toBeLessThanOrEqual(FRAME_MS);
  });

  it('keeps a hand-entered offset and exposes it to analysis', async () => {
    await ok('capture.sync', {
      trialId,
      method: 'manual',
      referenceCamera: 'sagittal-left',
      offsetsMs: { frontal: -1250 },
    });
    const videos = await ok<Array<{ camera: string; startOffsetMs: number; absolutePath: string }>>(
      'capture.videos',
      { trialId },
    );
    expect(videos.find((v) => v.camera === 'frontal')?.startOffsetMs).toBe(-1250);
    for (const v of videos) expect(existsSync(v.absolutePath)).toBe(true);
  });

  it('refuses the same file, or a copy of it, as a second camera of the trial', async () => {
    const before = filesUnder(dir).sort();
    const copy = join(media, 'side copy.mp4');
    copyFileSync(clipA, copy);
    for (const path of [clipA, copy]) {
      const env = await dispatch(
        lab.handlers,
        'capture.import.file',
        { path, sessionId, trialId, view: 'sagittal-right' },
        'cli',
      );
      expect(env.ok).toBe(false);
      if (env.ok) continue;
      expect(env.error.code).toBe('conflict');
      const name = path === clipA ? 'side.mp4' : 'side copy.mp4';
      expect(env.error.message).toBe(
        `"${name}" is the same file as the sagittal-left video of trial "Walk 1": each camera records its own. Import the sagittal-right camera's file. Nothing was imported.`,
      );
    }
    expect(filesUnder(dir).sort()).toEqual(before);
    const trial = await ok<{ files: Array<{ camera: string }> }>('trials.get', { id: trialId });
    expect(trial.files.map((f) => f.camera).sort()).toEqual(['frontal', 'sagittal-left']);
  });

  it('a silent clip alone in its trial needs no clap; a silent camera among others is named, not its path', async () => {
    const silent = makeWebm(media, 'silent.webm', 2);
    const imported = await ok<ImportedVideo>('capture.import.file', {
      path: silent,
      sessionId,
      trialName: 'Silent walk',
      view: 'sagittal-right',
    });
    expect(imported.hasAudio).toBe(false);
    const alone = await ok<CaptureReport>('capture.sync', { trialId: imported.trial.id, method: 'clap' });
    expect(alone.method).toBe('none');
    expect(alone.cameras.map((c) => c.startOffsetMs)).toEqual([0]);
    await ok<ImportedVideo>('capture.import.file', {
      path: clipA,
      sessionId,
      trialId: imported.trial.id,
      view: 'frontal',
    });
    const env = await dispatch(
      lab.handlers,
      'capture.sync',
      { trialId: imported.trial.id, method: 'clap', referenceCamera: 'frontal' },
      'cli',
    );
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.message).toBe(
        'The sagittal-right video has no sound track, so it cannot be synchronised by a clap. Use the flash or a manual offset.',
      );
    }
  });

  it('refuses a corrupt video and a text file named .mp4, leaving no file and no row', async () => {
    const truncated = join(media, 'corrupt.mp4');
    const bytes = readFileSync(clipA);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 3)));
    const fake = join(media, 'notes.mp4');
    writeFileSync(fake, 'Patient walked 10 m twice.\n');
    const before = filesUnder(dir).sort();
    const trialsBefore = await ok<unknown[]>('trials.list', { sessionId });

    const corrupt = await dispatch(
      lab.handlers,
      'capture.import.file',
      {
        path: truncated,
        sessionId,
        trialName: 'Broken',
        view: 'posterior',
      },
      'cli',
    );
    expect(corrupt.ok).toBe(false);
    if (!corrupt.ok)
      expect(corrupt.error.message).toMatch(/"corrupt\.mp4" is not a readable video.*Nothing was imported/);
    const text = await dispatch(
      lab.handlers,
      'capture.import.file',
      {
        path: fake,
        sessionId,
        trialId,
        view: 'posterior',
      },
      'cli',
    );
    expect(text.ok).toBe(false);
    if (!text.ok) expect(text.error.message).toMatch(/"notes\.mp4" is not a readable video/);
    const odd = await dispatch(
      lab.handlers,
      'capture.import.file',
      {
        path: join(media, 'x.txt'),
        sessionId,
        trialId,
        view: 'posterior',
      },
      'cli',
    );
    expect(odd.ok).toBe(false);
    if (!odd.ok) expect(odd.error.message).toMatch(/not a video file GaitLab can import/);
    // A Vicon capture is a trial of its own: added to a trial of videos, it is refused as such.
    const c3d = await dispatch(
      lab.handlers,
      'capture.import.file',
      {
        path: sharedDataPath('btkdata_c3d_plugingait/vicon_workstation_functional_walk/FunctionalWalk.c3d'),
        sessionId,
        trialId,
        view: 'posterior',
      },
      'cli',
    );
    expect(c3d.ok).toBe(false);
    if (!c3d.ok)
      expect(c3d.error.message).toBe(
        '"FunctionalWalk.c3d" is a motion-capture file: it becomes a trial of its own (markers, no video), so it cannot be added to a trial of videos. Import it as a new trial.',
      );

    expect(filesUnder(dir).sort()).toEqual(before);
    expect(await ok<unknown[]>('trials.list', { sessionId })).toEqual(trialsBefore);
    const trial = await ok<{ files: unknown[] }>('trials.get', { id: trialId });
    expect(trial.files).toHaveLength(2);
  });

  it('imports a file uploaded in chunks, and refuses a damaged upload the same way', async () => {
    // A third camera's own file (the trial refuses a file one of its cameras already holds).
    const bytes = readFileSync(makeClapFlashVideo(media, 'back.mp4', 2.6));
    const upload = async (name: string, data: Buffer) => {
      const { uploadId } = await ok<{ uploadId: string }>('capture.import.begin', {
        fileName: name,
        sizeBytes: data.length,
      });
      const part = 64 * 1024;
      for (let seq = 0; seq * part < data.length; seq++) {
        await ok('capture.import.chunk', {
          uploadId,
          seq,
          dataBase64: data.subarray(seq * part, (seq + 1) * part).toString('base64'),
        });
      }
      return uploadId;
    };
    const uploadId = await upload('posterior cam.mp4', bytes);
    const imported = await ok<ImportedVideo>('capture.import.finish', {
      uploadId,
      sessionId,
      trialId,
      view: 'posterior',
    });
    expect(imported.frameCount).toBeGreaterThan(170);
    const before = filesUnder(dir).sort();
    const badId = await upload('broken.mp4', bytes.subarray(0, 5000));
    const bad = await dispatch(lab.handlers, 'capture.import.finish', {
      uploadId: badId,
      sessionId,
      trialName: 'Bad',
      view: 'frontal',
    });
    expect(bad.ok).toBe(false);
    expect(filesUnder(dir).sort()).toEqual(before);
  });

  it("imports camcorders' AVCHD .mts and HDV .m2t, a webcam's Motion JPEG .avi and an old lab system's WMV, and synchronises them by the clap and by the flash", async () => {
    const ffmpeg = (...args: string[]): void => void execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
    // Side clips: the clap at 2.0 s; front and back: at 3.3 s (they started 1.3 s earlier).
    const files: Array<{ view: CameraView; name: string; from: string; args: string[]; offsetMs: number }> = [
      {
        view: 'sagittal-left',
        name: 'camcorder.MTS',
        from: clipA,
        args: ['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'ac3', '-f', 'mpegts'],
        offsetMs: 0,
      },
      {
        view: 'sagittal-right',
        name: 'hdv.m2t',
        from: clipA,
        args: ['-c:v', 'mpeg2video', '-q:v', '4', '-c:a', 'mp2', '-f', 'mpegts'],
        offsetMs: 0,
      },
      {
        view: 'frontal',
        name: 'webcam.avi',
        from: clipB,
        args: ['-c:v', 'mjpeg', '-q:v', '5', '-c:a', 'pcm_s16le'],
        offsetMs: -1300,
      },
      {
        view: 'posterior',
        name: 'lab-system.wmv',
        from: clipB,
        // PCM sound: ffmpeg's own WMA encoder loses its first 2048 samples while its ASF writer
        // delays the picture by them, so its files are out of sync by ~86 ms in any player.
        args: ['-c:v', 'wmv2', '-q:v', '4', '-c:a', 'pcm_s16le'],
        offsetMs: -1300,
      },
    ];
    let trialId: string | undefined;
    for (const f of files) {
      const path = join(media, f.name);
      ffmpeg('-i', f.from, ...f.args, path);
      const imported = await ok<ImportedVideo>('capture.import.file', {
        path,
        sessionId,
        view: f.view,
        ...(trialId ? { trialId } : { trialName: 'Camcorders, webcam and lab system' }),
      });
      trialId = imported.trial.id;
      expect(
        imported.relativePath.endsWith(`/${f.view}${f.name.slice(f.name.lastIndexOf('.')).toLowerCase()}`),
      ).toBe(true);
      expect(imported.hasAudio).toBe(true);
      expect(imported.frameCount).toBe(6 * FIXTURE_FPS);
    }
    for (const method of ['clap', 'flash'] as const) {
      const report = await ok<CaptureReport>('capture.sync', {
        trialId,
        method,
        referenceCamera: 'sagittal-left',
      });
      for (const f of files.slice(1)) {
        const offset = report.cameras.find((c) => c.camera === f.view)!.startOffsetMs;
        console.log(
          `${method}: ${f.name} starts ${offset.toFixed(1)} ms from the .MTS (expected ${f.offsetMs})`,
        );
        expect(Math.abs(offset - f.offsetMs), `${method}, ${f.name}`).toBeLessThanOrEqual(FRAME_MS);
      }
    }
  });
});
