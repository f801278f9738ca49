// A side camera filed under the wrong side: the Sports2D walker shows the camera her left side, so
// filed as the trial's sagittal-right camera the analysis says the camera's name disagrees with the
// leg it sees. Filed again as sagittal-left, its files, pose folder and analysis move to the new
// name: the pose is not made again, events corrected by hand stay, and the note is gone. With a
// camera already filed under the other name, the two exchange names.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import type { TrialInfo } from '../../../src/shared/api/entities';
import { resolveInsideLab } from '../../../src/main/store/lab-folder';
import { openLab } from '../../../src/main/services/lab-services';
import { saveReport } from '../../../src/main/capture/capture-store';
import type { CaptureReport } from '../../../src/shared/api/ops/capture';
import { analyzeCommand } from '../../../src/main/cli/commands/analyze';
import { analyseInProcess, callLab, createTrialLab, type TrialLab } from '../../helpers/analysed-trial';
import { fakeIo } from '../../helpers/fake-io';
import { sharedDataPath } from '../../helpers/shared-data';

const SIDE_NOTE = /is named as standing/;

const get = (t: TrialLab, camera: string) =>
  callLab<TrialAnalysisView | null>(t.labDir, 'analysis.get', { trialId: t.trial.id, camera });
const trialFiles = async (t: TrialLab) =>
  (await callLab<TrialInfo>(t.labDir, 'trials.get', { id: t.trial.id })).files
    .map((f) => `${f.kind} ${f.camera} ${f.relativePath.split('/').pop()}`)
    .sort();
const trialDir = (t: TrialLab) => join(resolveInsideLab(t.labDir, t.trial.files[0]!.relativePath), '..');
/** Inode of every file of a pose folder, by name: the same after a move, new if posed again. */
const poseInodes = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => statSync(join(dir, f)).isFile())
      .map((f) => [f, statSync(join(dir, f)).ino]),
  );

describe('filing a trial camera under another view', () => {
  it('a side camera filed at the wrong side is filed again: pose and hand edits kept, note gone', async () => {
    const t = await createTrialLab({ cameras: [{ camera: 'sagittal-right' }] });
    expect((await analyseInProcess(t.labDir, t.trial.id)).state).toBe('done');
    const before = (await get(t, 'sagittal-right'))!;
    expect(before.sideDoubt).toBe(true);
    expect(before.warnings[0]).toMatch(SIDE_NOTE);
    expect(before.warnings[0]).toContain("file it as the trial's sagittal-left camera");
    // The command line says how to file it.
    const cli = fakeIo();
    expect(await analyzeCommand.run([t.trial.id], { labDir: t.labDir, io: cli.io })).toBe(0);
    expect(cli.out.join('\n')).toContain('run again with --camera sagittal-right --file-as sagittal-left');

    // An event moved by hand, which the new name keeps.
    const contact = before.events.find((e) => e.side === 'left' && e.kind === 'initial-contact')!;
    await callLab(t.labDir, 'analysis.moveEvent', {
      trialId: t.trial.id,
      camera: 'sagittal-right',
      side: 'left',
      kind: 'initial-contact',
      fromFrame: contact.frame,
      toFrame: contact.frame + 1,
    });
    const dir = trialDir(t);
    const posed = poseInodes(join(dir, 'pose-sagittal-right'));
    // What an attempt killed before its database transaction leaves: copies under the new name,
    // which the trial does not list. They are replaced, not taken for the camera's.
    writeFileSync(join(dir, 'sagittal-left.mp4'), 'half a copy');
    mkdirSync(join(dir, 'pose-sagittal-left'));
    writeFileSync(join(dir, 'pose-sagittal-left', 'manifest.json'), '{}');
    const videoBytes = statSync(join(dir, 'sagittal-right.mp4')).size;

    expect(
      (await analyseInProcess(t.labDir, t.trial.id, { camera: 'sagittal-right', fileAs: 'sagittal-left' }))
        .state,
    ).toBe('done');
    const after = (await get(t, 'sagittal-left'))!;
    expect(after.status).toBe('analysed');
    expect(after.camera).toBe('sagittal-left');
    expect(after.sideDoubt).toBeUndefined();
    expect(after.warnings.filter((w) => SIDE_NOTE.test(w))).toEqual([]);
    expect(after.eventsEditedByHand).toBe(true);
    expect(after.events.some((e) => e.side === 'left' && e.frame === contact.frame + 1)).toBe(true);
    expect(after.cycles.length).toBe(before.cycles.length);
    expect(await get(t, 'sagittal-right')).toBeNull();
    expect(await trialFiles(t)).toEqual(['video sagittal-left sagittal-left.mp4']);
    const trial = await callLab<TrialInfo>(t.labDir, 'trials.get', { id: t.trial.id });
    expect(trial.cameras).toEqual(['sagittal-left']);
    expect(trial.status).toBe('analysed');
    // The pose folder moved with its files (not posed again); nothing is left under the old name.
    expect(poseInodes(join(dir, 'pose-sagittal-left'))).toMatchObject(
      Object.fromEntries(Object.entries(posed).filter(([f]) => !f.endsWith('.json'))),
    );
    expect(readdirSync(dir).filter((f) => f.includes('sagittal-right'))).toEqual([]);
    expect(statSync(join(dir, 'sagittal-left.mp4')).size).toBe(videoBytes);

    // Refused: the name it has, and a view the session's calibration places.
    const same = await analyseInProcess(t.labDir, t.trial.id, {
      camera: 'sagittal-left',
      fileAs: 'sagittal-left',
    });
    expect(same).toEqual({
      state: 'failed',
      message: "The camera is already filed as the trial's sagittal-left camera.",
    });
    await callLab(t.labDir, 'calibration.import', {
      sessionId: t.session.id,
      fileName: 'Calib_demo.toml',
      content: readFileSync(sharedDataPath('sports2d_demo_sideview_walk/Calib_demo.toml'), 'utf8'),
      views: { demo: 'sagittal-right' },
    });
    const calibrated = await analyseInProcess(t.labDir, t.trial.id, {
      camera: 'sagittal-left',
      fileAs: 'sagittal-right',
    });
    expect(calibrated.state).toBe('failed');
    expect(calibrated.message).toMatch(
      /^The session's camera calibration places its sagittal-right camera by its own picture: a calibrated camera's view comes from the calibration, not from its name\./,
    );
    expect(await trialFiles(t)).toEqual(['video sagittal-left sagittal-left.mp4']);
  });

  it('two side cameras filed the wrong way round exchange names', async () => {
    // The walk as filmed (her left side) filed as sagittal-right; its mirror image, as a camera at
    // her right side would see her, filed as sagittal-left.
    const t = await createTrialLab({
      cameras: [{ camera: 'sagittal-right' }, { camera: 'sagittal-left', mirrored: true }],
    });
    expect((await analyseInProcess(t.labDir, t.trial.id)).state).toBe('done');
    for (const camera of ['sagittal-left', 'sagittal-right'])
      expect((await get(t, camera))!.sideDoubt).toBe(true);
    const kneePeakLeft = (v: TrialAnalysisView) =>
      Math.max(
        ...v.curves
          .find((c) => c.variable === 'knee_flexion' && c.side === 'left')!
          .mean.filter((x): x is number => x !== null),
      );
    const walkBefore = kneePeakLeft((await get(t, 'sagittal-right'))!);
    // The sync report names cameras too (as a recording's would).
    const files = t.trial.files;
    const lab = openLab(t.labDir);
    saveReport(lab.db, {
      trialId: t.trial.id,
      method: 'none',
      referenceCamera: 'sagittal-right',
      cameras: files.map((f) => ({
        camera: f.camera,
        relativePath: f.relativePath,
        frameCount: 230,
        expectedFrameCount: 230,
        droppedFrames: 0,
        durationS: 7.7,
        fps: 30,
        widthPx: 1768,
        heightPx: 994,
        startOffsetMs: f.camera === 'sagittal-left' ? 40 : 0,
      })),
      worstOffsetMs: 40,
      worstPairingErrorMs: null,
      totalDroppedFrames: 0,
      durationS: 7.7,
      recovered: false,
      warnings: ['sagittal-left sent no frame timestamps: its offset is unknown and taken as 0.'],
      createdAt: new Date().toISOString(),
    });
    lab.close();

    const cli = fakeIo();
    expect(
      await analyzeCommand.run([t.trial.id, '--camera', 'sagittal-right', '--file-as', 'sagittal-left'], {
        labDir: t.labDir,
        io: cli.io,
      }),
    ).toBe(0);
    console.log(cli.out.join('\n'));
    expect(cli.out.join('\n')).toMatch(/Camera sagittal-right: analysed; it faces the right leg\./);
    for (const camera of ['sagittal-left', 'sagittal-right']) {
      const v = (await get(t, camera))!;
      expect(v.status).toBe('analysed');
      expect(v.sideDoubt).toBeUndefined();
    }
    // The walk as filmed is the sagittal-left camera now, with the same numbers.
    expect(kneePeakLeft((await get(t, 'sagittal-left'))!)).toBeCloseTo(walkBefore, 6);
    expect(await trialFiles(t)).toEqual([
      'video sagittal-left sagittal-left.mp4',
      'video sagittal-right sagittal-right.mp4',
    ]);
    const report = await callLab<CaptureReport>(t.labDir, 'capture.report', { trialId: t.trial.id });
    expect(report.referenceCamera).toBe('sagittal-left');
    expect(
      report.cameras.map((c) => `${c.camera} ${c.relativePath.split('/').pop()} ${c.startOffsetMs}`).sort(),
    ).toEqual(['sagittal-left sagittal-left.mp4 0', 'sagittal-right sagittal-right.mp4 40']);
    expect(report.warnings).toEqual([
      'sagittal-right sent no frame timestamps: its offset is unknown and taken as 0.',
    ]);
    const dir = trialDir(t);
    expect(readdirSync(dir).filter((f) => f.startsWith('refiling-'))).toEqual([]);
    expect(existsSync(join(dir, 'pose-sagittal-left'))).toBe(true);
    expect(existsSync(join(dir, 'pose-sagittal-right'))).toBe(true);
  });
});
