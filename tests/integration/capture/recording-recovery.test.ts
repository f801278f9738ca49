// The server half of a recording without a browser: chunks as MediaRecorder sends them, a normal
// stop, and a lab closed mid-recording (as after a kill) that is recovered on the next open.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLab, type LabServices } from '../../../src/main/services/lab-services';
import { dispatch } from '../../../src/main/services/dispatch';
import type { CaptureReport, RecordingStarted, RecoveredTrial } from '../../../src/shared/api/ops/capture';
import { probeVideo } from '../../../src/main/media/probe';
import { makeWebm } from './media-fixtures';

let dir: string;
let lab: LabServices;
let sessionId: string;
let media: string;
/** Made once: encoding is the slow part of these tests. */
let webm4s: Buffer;

beforeAll(() => {
  media = mkdtempSync(join(tmpdir(), 'gaitlab-rec-media-'));
  webm4s = readFileSync(makeWebm(media, 'src.webm', 4));
});
afterAll(() => rmSync(media, { recursive: true, force: true }));

async function ok<T>(op: string, input: unknown): Promise<T> {
  const env = await dispatch(lab.handlers, op, input);
  if (!env.ok) throw new Error(`${op}: ${env.error.message}`);
  return env.result as T;
}

/** Sends a webm as n chunks per camera with frame times on one clock; camera k starts k*10 ms late. */
async function sendChunks(
  trialId: string,
  cameras: string[],
  webm: Buffer,
  chunks: number,
  upTo = chunks,
): Promise<void> {
  const size = Math.ceil(webm.length / chunks);
  for (let seq = 0; seq < upTo; seq++) {
    for (const [k, camera] of cameras.entries()) {
      const frameTimesMs = Array.from(
        { length: 30 },
        (_, i) => 1_700_000_000_000 + k * 10 + (seq * 30 + i) * (1000 / 30),
      );
      await ok('capture.chunk', {
        trialId,
        camera,
        seq,
        dataBase64: webm.subarray(seq * size, (seq + 1) * size).toString('base64'),
        frameTimesMs,
      });
    }
  }
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gaitlab-rec-'));
  lab = openLab(dir);
  const patient = await ok<{ id: string }>('patients.create', { name: 'Rec Test' });
  sessionId = (
    await ok<{ id: string }>('sessions.create', {
      patientId: patient.id,
      date: '2026-10-01',
      condition: 'AFO',
    })
  ).id;
});
afterEach(() => {
  lab.close();
  rmSync(dir, { recursive: true, force: true });
});

const start = (cameras: string[]) =>
  ok<RecordingStarted>('capture.start', {
    sessionId,
    name: 'Walk',
    cameras: cameras.map((view) => ({ view })),
    widthPx: 320,
    heightPx: 180,
    fps: 30,
  });

describe('chunked recording', () => {
  it('stores chunks, remuxes on stop and reports offsets and drops', async () => {
    const webm = webm4s;
    const { trial } = await start(['sagittal-left', 'frontal']);
    expect(trial.status).toBe('recording');
    await sendChunks(trial.id, ['sagittal-left', 'frontal'], webm, 4);
    // A retried upload of a chunk already stored is acknowledged, not appended twice.
    const again = await dispatch(lab.handlers, 'capture.chunk', {
      trialId: trial.id,
      camera: 'frontal',
      seq: 3,
      dataBase64: '',
    });
    expect(again).toMatchObject({ ok: true, result: { stored: false } });
    const report = await ok<CaptureReport>('capture.stop', { trialId: trial.id });
    expect(report.method).toBe('recorded-timestamps');
    expect(report.cameras.map((c) => c.camera)).toEqual(['sagittal-left', 'frontal']);
    expect(report.cameras[1]!.startOffsetMs).toBe(10);
    expect(report.worstOffsetMs).toBe(10);
    for (const c of report.cameras) {
      expect(c.frameCount).toBe(120);
      expect(c.droppedFrames).toBe(0);
      const info = await probeVideo(join(dir, c.relativePath));
      expect(Math.abs(info.durationS - 4)).toBeLessThan(0.05);
    }
    const after = await ok<{ status: string; files: Array<{ kind: string }> }>('trials.get', {
      id: trial.id,
    });
    expect(after.status).toBe('recorded');
    expect(after.files.every((f) => f.kind === 'video')).toBe(true);
    // Late chunks after stop are refused.
    const late = await dispatch(lab.handlers, 'capture.chunk', {
      trialId: trial.id,
      camera: 'frontal',
      seq: 4,
      dataBase64: '',
    });
    expect(late.ok).toBe(false);
  });

  it('recovers a recording left running when the lab was closed abruptly', async () => {
    const webm = webm4s;
    const { trial } = await start(['sagittal-right']);
    await sendChunks(trial.id, ['sagittal-right'], webm, 8, 6); // 6 of 8 chunks: the rest was "in flight"
    lab.close();
    lab = openLab(dir);
    expect((await ok<{ status: string }>('trials.get', { id: trial.id })).status).toBe('recording');
    const { recovered } = await ok<{ recovered: RecoveredTrial[] }>('capture.recover', {});
    expect(recovered).toHaveLength(1);
    expect(recovered[0]!.status).toBe('recorded');
    expect(recovered[0]!.recoveredS).toBeGreaterThan(2.5);
    expect(recovered[0]!.message).toMatch(/Recovered after an interruption: \d\.\d s from 1 camera/);
    const t = await ok<{ status: string; statusMessage: string; files: Array<{ relativePath: string }> }>(
      'trials.get',
      { id: trial.id },
    );
    expect(t.status).toBe('recorded');
    const info = await probeVideo(join(dir, t.files[0]!.relativePath));
    expect(info.durationS).toBeGreaterThan(2.5);
    expect((await ok<CaptureReport>('capture.report', { trialId: trial.id })).recovered).toBe(true);
    // Nothing left to recover the second time.
    expect((await ok<{ recovered: unknown[] }>('capture.recover', {})).recovered).toEqual([]);
    expect(existsSync(join(dir, t.files[0]!.relativePath))).toBe(true);
  });

  it('finalises a recording whose window stopped sending chunks (closed or crashed tab)', async () => {
    const { captureHandlers } = await import('../../../src/main/services/capture-handlers');
    const handlers = captureHandlers(lab, { abandonedAfterMs: 300 });
    const webm = webm4s;
    const started = await handlers['capture.start']({
      sessionId,
      name: 'Tab closed',
      cameras: [{ view: 'frontal', deviceLabel: '' }],
      widthPx: 320,
      heightPx: 180,
      fps: 30,
      mimeType: 'video/webm',
    });
    const size = Math.ceil(webm.length / 3);
    for (let seq = 0; seq < 2; seq++) {
      await handlers['capture.chunk']({
        trialId: started.trial.id,
        camera: 'frontal',
        seq,
        dataBase64: webm.subarray(seq * size, (seq + 1) * size).toString('base64'),
        frameTimesMs: [Date.now()],
      });
    }
    // The watchdog notices the silence and keeps what arrived, without anyone calling recover.
    await expect
      .poll(async () => (await ok<{ status: string }>('trials.get', { id: started.trial.id })).status, {
        timeout: 10_000,
        interval: 200,
      })
      .toBe('recorded');
    const t = await ok<{ statusMessage: string }>('trials.get', { id: started.trial.id });
    expect(t.statusMessage).toMatch(/Recovered after an interruption/);
  });

  it('marks a recording that never wrote anything as failed with a reason', async () => {
    const { trial } = await start(['posterior']);
    lab.close();
    lab = openLab(dir);
    const { recovered } = await ok<{ recovered: RecoveredTrial[] }>('capture.recover', {});
    expect(recovered[0]).toMatchObject({ trialId: trial.id, status: 'failed', recoveredS: 0 });
    expect((await ok<{ statusMessage: string }>('trials.get', { id: trial.id })).statusMessage).toMatch(
      /nothing could be recovered/,
    );
  });
});
