// A session's camera calibration through the services, on the calibration files of real
// recordings: Pose2Sim's four-camera scene (origin on the floor), Sports2D's one side camera, and
// caliscope's two-camera ChArUco calibration (origin on the board, not on the floor). What is
// stored, what is shown, and what is refused with which message.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalibrationPreview, SessionCalibrationInfo } from '../../../src/shared/api/calibration-types';
import type { LabEvent } from '../../../src/shared/api/events';
import { ApiError } from '../../../src/shared/api/envelope';
import { dispatch } from '../../../src/main/services/dispatch';
import { openLab, type LabServices } from '../../../src/main/services/lab-services';
import { readSessionCalibration } from '../../../src/main/capture/calibration-store';
import { readSharedBytes, readSharedText } from '../../helpers/shared-data';

const P2S = 'pose2sim_demo_balancing/calibration/Calib_scene_recomputed.toml';
const S2D = 'sports2d_demo_sideview_walk/Calib_demo.toml';
const CALISCOPE = 'caliscope_charuco_2cam_calibration/camera_array.toml';
const P2S_VIEWS = {
  int_cam01_img: 'sagittal-left',
  int_cam02_img: 'frontal',
  int_cam03_img: 'sagittal-right',
  int_cam04_img: 'posterior',
} as const;

let dir: string;
let lab: LabServices;
let sessionId: string;
let events: LabEvent[];

async function ok<T>(op: string, input: unknown): Promise<T> {
  const r = await dispatch(lab.handlers, op, input);
  if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
  return r.result as T;
}
async function refused(op: string, input: unknown) {
  const r = await dispatch(lab.handlers, op, input);
  if (r.ok) throw new Error(`${op} should have been refused`);
  return r.error;
}
const calibrationDir = () => {
  const s = lab.sessions.get(sessionId)!;
  return join(dir, 'patients', s.patientId, 'sessions', s.id, 'calibration');
};
const importP2S = () =>
  ok<SessionCalibrationInfo>('calibration.import', {
    sessionId,
    fileName: 'Calib_scene_recomputed.toml',
    content: readSharedText(P2S),
    views: P2S_VIEWS,
  });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gaitlab-calibration-'));
  lab = openLab(dir);
  const p = await ok<{ id: string }>('patients.create', { name: 'Calibration Example', heightM: 1.7 });
  sessionId = (
    await ok<{ id: string }>('sessions.create', {
      patientId: p.id,
      date: '2026-10-01',
      condition: 'barefoot',
    })
  ).id;
  events = [];
  lab.events.subscribe((e) => events.push(e));
});
afterEach(() => {
  lab.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reading a calibration file before importing it', () => {
  it("Pose2Sim's scene: four upright cameras 1.76-2.02 m above an origin on the floor", async () => {
    const p = await ok<CalibrationPreview>('calibration.preview', {
      fileName: 'Calib_scene_recomputed.toml',
      content: readSharedText(P2S),
    });
    expect(p.format).toBe('pose2sim');
    expect(p.floorAtOrigin).toBe(true);
    expect(p.notes).toEqual([]);
    expect(p.cameras.map((c) => c.name)).toEqual(Object.keys(P2S_VIEWS));
    expect(p.cameras.map((c) => Number(c.positionM[2].toFixed(3)))).toEqual([1.892, 1.76, 2.023, 1.934]);
    for (const c of p.cameras) {
      expect(c.imageSizePx).toEqual([1088, 1920]);
      expect(c.focalPx[0]).toBeGreaterThan(1670);
      expect(c.focalPx[0]).toBeLessThan(1691);
      // Mounted high and looking down at the subject.
      expect(c.tiltDownDeg).toBeGreaterThan(0);
      expect(c.tiltDownDeg).toBeLessThan(45);
    }
    expect(await lab.handlers['calibration.get']({ sessionId })).toBeNull();
  });

  it("Sports2D's side camera: one camera 1.71 m high", async () => {
    const p = await ok<CalibrationPreview>('calibration.preview', {
      fileName: 'Calib_demo.toml',
      content: readSharedText(S2D),
    });
    expect(p.format).toBe('pose2sim');
    expect(p.floorAtOrigin).toBe(true);
    expect(p.cameras).toHaveLength(1);
    expect(p.cameras[0]).toMatchObject({ name: 'demo', imageSizePx: [1768, 994] });
    expect(p.cameras[0]!.positionM[2]).toBeCloseTo(1.71, 2);
    // Sports2D places its camera level, 10 m from the walking line.
    expect(p.cameras[0]!.tiltDownDeg).toBeCloseTo(0, 3);
    expect(p.cameras[0]!.positionM[0]).toBeCloseTo(10, 3);
  });

  it("caliscope's two cameras sit below the origin: not a floor, and the note says so", async () => {
    const p = await ok<CalibrationPreview>('calibration.preview', {
      fileName: 'camera_array.toml',
      content: readSharedText(CALISCOPE),
    });
    expect(p.format).toBe('caliscope');
    expect(p.floorAtOrigin).toBe(false);
    expect(p.cameras.map((c) => c.name)).toEqual(['cam_0', 'cam_1']);
    expect(p.cameras[0]!.positionM[2]).toBeCloseTo(-0.15, 2);
    expect(p.cameras[1]!.positionM[2]).toBeCloseTo(-0.04, 2);
    expect(p.notes).toEqual([
      "The cameras stand -0.15, -0.04 m above the calibration's origin: the origin is not on the floor, so a single camera cannot measure distances on the floor with it (two or more cameras still give 3D).",
    ]);
  });
});

describe('importing, replacing and removing a session calibration', () => {
  it('stores the file as imported and what GaitLab uses, and shows it', async () => {
    const info = await importP2S();
    expect(info.sessionId).toBe(sessionId);
    expect(info.fileName).toBe('Calib_scene_recomputed.toml');
    expect(info.floorAtOrigin).toBe(true);
    expect(info.cameras.map((c) => [c.name, c.view])).toEqual(Object.entries(P2S_VIEWS));
    expect(Date.now() - Date.parse(info.importedAt)).toBeLessThan(60_000);
    expect(events).toContainEqual({ type: 'data.changed', entity: 'session', id: sessionId });

    // source.toml is the imported file byte for byte; calibration.json what the analysis reads.
    expect(
      readFileSync(join(calibrationDir(), 'source.toml')).equals(Buffer.from(readSharedBytes(P2S))),
    ).toBe(true);
    const json = JSON.parse(readFileSync(join(calibrationDir(), 'calibration.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(json).toMatchObject({
      formatVersion: 1,
      fileName: 'Calib_scene_recomputed.toml',
      format: 'pose2sim',
      importedAt: info.importedAt,
      views: P2S_VIEWS,
      floorAtOrigin: true,
      notes: [],
    });
    expect(json.cameras).toHaveLength(4);
    expect((json.cameras as Array<{ rotation: number[] }>)[0]!.rotation).toHaveLength(9);

    expect(await ok('calibration.get', { sessionId })).toEqual(info);
    const forAnalysis = readSessionCalibration(lab, sessionId)!;
    expect(forAnalysis.info).toEqual(info);
    expect([...forAnalysis.byView.keys()].sort()).toEqual([
      'frontal',
      'posterior',
      'sagittal-left',
      'sagittal-right',
    ]);
    expect(forAnalysis.byView.get('frontal')!.name).toBe('int_cam02_img');
    expect(forAnalysis.byView.get('frontal')!.translationM[2]).toBeCloseTo(3.2044946, 6);

    // It outlives the lab being closed and opened again.
    lab.close();
    lab = openLab(dir);
    expect(await ok('calibration.get', { sessionId })).toEqual(info);
  });

  it('keeps cameras left "not used" in the file, without a view', async () => {
    const info = await ok<SessionCalibrationInfo>('calibration.import', {
      sessionId,
      fileName: 'Calib_scene_recomputed.toml',
      content: readSharedText(P2S),
      views: { int_cam03_img: 'sagittal-right', int_cam01_img: 'sagittal-left' },
    });
    expect(info.cameras.map((c) => c.view)).toEqual(['sagittal-left', null, 'sagittal-right', null]);
    expect([...readSessionCalibration(lab, sessionId)!.byView.keys()]).toEqual([
      'sagittal-left',
      'sagittal-right',
    ]);
  });

  it('one calibrated side camera (Sports2D) measures the floor; one frontal camera is told it does not', async () => {
    const side = await ok<SessionCalibrationInfo>('calibration.import', {
      sessionId,
      fileName: 'Calib_demo.toml',
      content: readSharedText(S2D),
      views: { demo: 'sagittal-left' },
    });
    expect(side.floorAtOrigin).toBe(true);
    expect(side.notes).toEqual([]);
    expect(side.cameras[0]!.positionM[2]).toBeCloseTo(1.71, 2);

    const front = await ok<SessionCalibrationInfo>('calibration.import', {
      sessionId,
      fileName: 'Calib_demo.toml',
      content: readSharedText(S2D),
      views: { demo: 'frontal' },
    });
    expect(front.notes).toEqual([
      'Only the frontal camera is calibrated: distances on the floor are measured from one side camera (sagittal left or right), and 3D needs two or more calibrated cameras.',
    ]);
  });

  it('caliscope: two cameras stored for 3D with the note that the origin is not the floor', async () => {
    const info = await ok<SessionCalibrationInfo>('calibration.import', {
      sessionId,
      fileName: 'camera_array.toml',
      content: readSharedText(CALISCOPE),
      views: { cam_0: 'sagittal-left', cam_1: 'frontal' },
    });
    expect(info.format).toBe('caliscope');
    expect(info.floorAtOrigin).toBe(false);
    expect(info.notes).toHaveLength(1);
    expect(info.notes[0]).toMatch(/origin is not on the floor/);
    expect(readSessionCalibration(lab, sessionId)!.byView.get('frontal')!.distortion.k3).toBeCloseTo(
      0.08066364623684687,
      12,
    );
  });

  it('replacing overwrites both files; removing deletes the folder', async () => {
    await importP2S();
    const replaced = await ok<SessionCalibrationInfo>('calibration.import', {
      sessionId,
      fileName: 'Calib_demo.toml',
      content: readSharedText(S2D),
      views: { demo: 'sagittal-right' },
    });
    expect(replaced.cameras.map((c) => [c.name, c.view])).toEqual([['demo', 'sagittal-right']]);
    expect(readFileSync(join(calibrationDir(), 'source.toml'), 'utf8')).toBe(readSharedText(S2D));
    expect(await ok('calibration.get', { sessionId })).toEqual(replaced);

    events.length = 0;
    expect(await ok('calibration.remove', { sessionId })).toBeNull();
    expect(existsSync(calibrationDir())).toBe(false);
    expect(await ok('calibration.get', { sessionId })).toBeNull();
    expect(readSessionCalibration(lab, sessionId)).toBeNull();
    expect(events).toEqual([{ type: 'data.changed', entity: 'session', id: sessionId }]);
    // Removing what is not there is not an error.
    expect(await ok('calibration.remove', { sessionId })).toBeNull();
  });
});

describe('refusals', () => {
  const sports2dInMillimetres = () =>
    readSharedText(S2D).replace(
      /^translation = \[(.*)\]$/m,
      (_, values: string) =>
        `translation = [${values
          .split(',')
          .map((v) => String(Number(v) * 1000))
          .join(', ')}]`,
    );

  it('a file that is not TOML, a translation in millimetres, a fisheye lens: the file is at fault', async () => {
    const notToml = await refused('calibration.preview', {
      fileName: 'notes.toml',
      content: 'These are the notes of the session, not a calibration.\n',
    });
    expect(notToml.code).toBe('invalid-input');
    expect(notToml.message).toBe(
      'Not a readable TOML calibration file (Invalid TOML document: illegal character in key): choose the .toml calibration written by Pose2Sim, Sports2D or caliscope.',
    );
    expect(notToml.fields).toEqual({ content: notToml.message });

    const mm = await refused('calibration.preview', {
      fileName: 'mm.toml',
      content: sports2dInMillimetres(),
    });
    expect(mm.message).toBe(
      'Camera "demo" would stand 10735 m from the origin: translations must be in metres (this looks like millimetres, 10.73 m).',
    );
    expect(mm.fields).toEqual({ content: mm.message });

    const fisheye = readSharedText(P2S).replace('fisheye = false', 'fisheye = true');
    const fish = await refused('calibration.import', {
      sessionId,
      fileName: 'fisheye.toml',
      content: fisheye,
      views: P2S_VIEWS,
    });
    expect(fish.message).toBe(
      'Camera "int_cam01_img" is calibrated as a fisheye lens, which GaitLab does not model: calibrate it with the standard (pinhole) model.',
    );
    expect(existsSync(calibrationDir())).toBe(false);
  });

  it('two cameras as one view, and a camera the file does not have: the assignment is at fault', async () => {
    const twice = await refused('calibration.import', {
      sessionId,
      fileName: 'Calib_scene_recomputed.toml',
      content: readSharedText(P2S),
      views: { int_cam01_img: 'sagittal-left', int_cam02_img: 'sagittal-left' },
    });
    expect(twice).toEqual({
      code: 'invalid-input',
      message: 'Two calibrated cameras cannot be the same view.',
      fields: { views: 'Two calibrated cameras cannot be the same view.' },
    });

    const stranger = await refused('calibration.import', {
      sessionId,
      fileName: 'Calib_scene_recomputed.toml',
      content: readSharedText(P2S),
      views: { int_cam01_img: 'sagittal-left', cam05: 'frontal' },
    });
    const message =
      '"cam05" is not a camera of Calib_scene_recomputed.toml: its cameras are int_cam01_img, int_cam02_img, int_cam03_img, int_cam04_img.';
    expect(stranger).toEqual({ code: 'invalid-input', message, fields: { views: message } });

    const none = await refused('calibration.import', {
      sessionId,
      fileName: 'Calib_scene_recomputed.toml',
      content: readSharedText(P2S),
      views: {},
    });
    expect(none.message).toBe('Assign at least one calibrated camera to a view.');
    expect(existsSync(calibrationDir())).toBe(false);
  });

  it('a refused import leaves the earlier calibration as it was', async () => {
    const before = await importP2S();
    const sourceBefore = readFileSync(join(calibrationDir(), 'source.toml'));
    const jsonBefore = readFileSync(join(calibrationDir(), 'calibration.json'));
    events.length = 0;

    await refused('calibration.import', {
      sessionId,
      fileName: 'mm.toml',
      content: sports2dInMillimetres(),
      views: { demo: 'sagittal-left' },
    });
    await refused('calibration.import', {
      sessionId,
      fileName: 'Calib_demo.toml',
      content: readSharedText(S2D),
      views: { cam01: 'sagittal-left' },
    });

    expect(await ok('calibration.get', { sessionId })).toEqual(before);
    expect(readFileSync(join(calibrationDir(), 'source.toml')).equals(sourceBefore)).toBe(true);
    expect(readFileSync(join(calibrationDir(), 'calibration.json')).equals(jsonBefore)).toBe(true);
    expect(events).toEqual([]);
  });

  it('an unknown session, and an archived one until it is restored', async () => {
    const unknown = await refused('calibration.get', { sessionId: 'no-such-session' });
    expect(unknown).toEqual({
      code: 'not-found',
      message: 'The session was not found. It may have been removed from this lab.',
    });
    expect(
      (
        await refused('calibration.import', {
          sessionId: 'no-such-session',
          fileName: 'Calib_demo.toml',
          content: readSharedText(S2D),
          views: { demo: 'sagittal-left' },
        })
      ).code,
    ).toBe('not-found');

    await importP2S();
    await ok('sessions.archive', { id: sessionId });
    const archived = await refused('calibration.import', {
      sessionId,
      fileName: 'Calib_demo.toml',
      content: readSharedText(S2D),
      views: { demo: 'sagittal-left' },
    });
    expect(archived).toEqual({
      code: 'conflict',
      message: 'This session is archived. Restore it before importing a camera calibration.',
    });
    expect((await refused('calibration.remove', { sessionId })).message).toBe(
      'This session is archived. Restore it before removing its camera calibration.',
    );
    // Still readable while archived: its trials' analyses may use it.
    expect((await ok<SessionCalibrationInfo>('calibration.get', { sessionId })).cameras).toHaveLength(4);
    await ok('sessions.restore', { id: sessionId });
    expect(await ok('calibration.remove', { sessionId })).toBeNull();
  });

  it('a damaged calibration.json is an error that says what to do; a missing one is no calibration', async () => {
    await importP2S();
    const json = join(calibrationDir(), 'calibration.json');
    writeFileSync(json, '{"formatVersion": 1, "fileName": "Calib');
    const expected = (why: string) =>
      `The camera calibration of this session cannot be read (patients/${lab.sessions.get(sessionId)!.patientId}/sessions/${sessionId}/calibration/calibration.json: ${why}). Import the calibration file again, or remove the calibration.`;
    const damaged = await refused('calibration.get', { sessionId });
    expect(damaged.code).toBe('failed');
    expect(damaged.message).toMatch(
      /^The camera calibration of this session cannot be read \(.*calibration\.json: /,
    );
    expect(() => readSessionCalibration(lab, sessionId)).toThrow(ApiError);

    writeFileSync(json, JSON.stringify({ formatVersion: 1, fileName: 'x.toml' }));
    expect((await refused('calibration.get', { sessionId })).message).toBe(
      expected('format: Invalid option: expected one of "pose2sim"|"caliscope"'),
    );

    writeFileSync(json, JSON.stringify({ formatVersion: 2 }));
    expect((await refused('calibration.get', { sessionId })).message).toBe(
      'The camera calibration of this session was stored by a newer GaitLab (format 2): open the lab with that version.',
    );

    // A damaged calibration can be replaced or removed from the UI.
    await importP2S();
    rmSync(json);
    expect(await ok('calibration.get', { sessionId })).toBeNull();
    expect(readSessionCalibration(lab, sessionId)).toBeNull();
    expect(await ok('calibration.remove', { sessionId })).toBeNull();
    expect(existsSync(calibrationDir())).toBe(false);
  });
});
