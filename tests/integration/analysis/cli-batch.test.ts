// The researcher's batch path with the CLI alone: patient, session, import a video into a trial,
// analyse the trial, list it; a file that is not a video is refused and nothing is kept.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gaitlabCli } from '../../helpers/gaitlab-cli';
import { keepJob, seedJob } from '../../helpers/pose-seeds';
import { sharedDataPath } from '../../helpers/shared-data';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-batch-'));
const lab = join(work, 'lab');

const gaitlab = gaitlabCli(lab);

describe('batch work from the command line', () => {
  it('imports a video into a new trial, analyses it and lists it as analysed', async () => {
    // Typed with a decimal comma, as most of Europe writes it.
    const p = gaitlab('patients', 'add', '--name', 'Batch Subject', '--height', '1,65', '--json');
    expect(p.code, p.err).toBe(0);
    expect((JSON.parse(p.out) as { heightM: number }).heightM).toBe(1.65);
    const patientId = (JSON.parse(p.out) as { id: string }).id;
    const s = gaitlab(
      'sessions',
      'add',
      patientId,
      '--date',
      '2026-09-01',
      '--condition',
      'barefoot',
      '--json',
    );
    expect(s.code, s.err).toBe(0);
    const sessionId = (JSON.parse(s.out) as { id: string }).id;

    const notVideo = join(work, 'notes.mp4');
    writeFileSync(notVideo, 'not a video\n');
    const refused = gaitlab('trials', 'import', sessionId, notVideo);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/"notes\.mp4" is not a readable video/);
    expect(gaitlab('trials', 'list', sessionId).out.trim()).toBe('No trials.');

    const imported = gaitlab(
      'trials',
      'import',
      sessionId,
      sharedDataPath('sports2d_demo_sideview_walk/demo.mp4'),
      '--name',
      'Walk 1',
      '--json',
    );
    expect(imported.code, imported.err).toBe(0);
    const trialId = (JSON.parse(imported.out) as { trial: { id: string } }).trial.id;
    const trialDir = join(lab, 'patients', patientId, 'sessions', sessionId, 'trials', trialId);
    // The pose is this run's of the same video (tests/helpers/pose-seeds.ts): the batch path is on trial.
    const seeded = (camera: string) =>
      seedJob(join(trialDir, `${camera}.mp4`), join(trialDir, `pose-${camera}`));
    await seeded('sagittal-left');

    const analysed = gaitlab('analyze', trialId, '--out', join(work, 'walk1.csv'));
    console.log(analysed.out);
    expect(analysed.code, analysed.err).toBe(0);
    expect(analysed.out).toMatch(/Left: [3-9] of \d+ cycle\(s\) used\./);
    expect(analysed.out).toMatch(/Scale: subject height 1\.65 m/);
    expect(gaitlab('trials', 'list', sessionId).out).toMatch(
      new RegExp(`${trialId}  Walk 1  analysed  cameras: sagittal-left`),
    );
    expect(readdirSync(trialDir).sort()).toEqual(
      expect.arrayContaining(['analysis-sagittal-left.json', 'pose-sagittal-left', 'sagittal-left.mp4']),
    );

    // A camera on her other side (the walk mirrored) joins the trial: analysing the trial now
    // analyses both, and the summary says which leg the other camera faces.
    const mirrored = join(work, 'right.mp4');
    const ff = spawnSync('ffmpeg', [
      ...['-v', 'error', '-y', '-i', sharedDataPath('sports2d_demo_sideview_walk/demo.mp4')],
      ...'-vf hflip -c:v libx264 -preset ultrafast -crf 18 -an'.split(' '),
      mirrored,
    ]);
    expect(ff.status).toBe(0);
    const second = gaitlab(
      'trials',
      'import',
      sessionId,
      mirrored,
      '--view',
      'sagittal-right',
      '--trial',
      trialId,
    );
    expect(second.code, second.err).toBe(0);
    await seeded('sagittal-right');
    const both = gaitlab('analyze', trialId);
    keepJob(join(trialDir, 'pose-sagittal-right'));
    console.log(both.out);
    expect(both.code, both.err).toBe(0);
    expect(both.out).toMatch(/Right knee flexion: .*\(far leg from the camera: low confidence\)\./);
    expect(both.out).toMatch(
      new RegExp(
        `Camera sagittal-right: analysed; it faces the right leg\\. Its summary: gaitlab analyze ${trialId} --camera sagittal-right`,
      ),
    );
    const right = gaitlab('analyze', trialId, '--camera', 'sagittal-right');
    expect(right.code, right.err).toBe(0);
    expect(right.out).toMatch(/Left knee flexion: .*\(far leg from the camera: low confidence\)\./);
    expect(right.out).not.toMatch(/Right knee flexion: .*far leg/);
    expect(gaitlab('trials', 'list', sessionId).out).toMatch(
      new RegExp(
        `${trialId}  Walk 1  analysed  cameras: sagittal-left, sagittal-right  analysis: sagittal-left analysed; sagittal-right analysed`,
      ),
    );

    // A study's table in one call: the lab trial and a Vicon capture of another subject, one CSV.
    // The height is for the video: the marker file, measured in mm, goes on without it.
    const table = join(work, 'study.csv');
    const study = gaitlab(
      'analyze',
      trialId,
      sharedDataPath('btkdata_c3d_plugingait/vicon_workstation_functional_walk/FunctionalWalk.c3d'),
      '--height',
      '1.65',
      '--out',
      table,
    );
    expect(study.code, study.err).toBe(0);
    expect(study.out).toContain(
      'Note: --height not used for a marker file: its coordinates are measured (mm, cm or m), with no camera or person to choose.',
    );
    expect(study.out).toMatch(new RegExp(`^\\[1/2\\] ${trialId}$`, 'm'));
    expect(study.out).toMatch(/^\[2\/2\] .*FunctionalWalk\.c3d$/m);
    expect(study.out).toMatch(/^Analysed 2 of 2\.$/m);
    const rows = readFileSync(table, 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('trial,side,cycle,percent,variable,value,unit');
    expect(new Set(rows.slice(1).map((r) => r.split(',')[0]))).toEqual(
      new Set(['Walk 1', 'FunctionalWalk.c3d']),
    );
  });

  it("imports a day's files in one call, each a trial of its own, past a refused one", () => {
    const p = gaitlab('patients', 'add', '--name', 'Archive Subject', '--json');
    const patientId = (JSON.parse(p.out) as { id: string }).id;
    const s = gaitlab('sessions', 'add', patientId, '--date', '2026-09-02', '--condition', 'AFO', '--json');
    const sessionId = (JSON.parse(s.out) as { id: string }).id;
    const broken = join(work, 'broken.mp4');
    writeFileSync(broken, 'not a video either\n');
    const r = gaitlab(
      'trials',
      'import',
      sessionId,
      sharedDataPath('sports2d_demo_sideview_walk/demo.mp4'),
      broken,
      sharedDataPath('btkdata_c3d_plugingait/vicon_workstation_functional_walk/FunctionalWalk.c3d'),
      '--view',
      'sagittal-right',
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^Imported \d+\.\d\d s at 30 frames\/s as camera sagittal-right$/m);
    expect(r.out).toMatch(/^Imported C3D markers: 110 trajectories/m);
    expect(r.out).toMatch(/^Imported 2 of 3; refused: .*broken\.mp4\.$/m);
    expect(r.err.trim()).toMatch(/^\S*broken\.mp4: "broken\.mp4" is not a readable video/);
    const list = gaitlab('trials', 'list', sessionId).out.trim().split('\n');
    expect(list.map((l) => l.split(/ {2}/).slice(1).join('  '))).toEqual([
      'demo  recorded  cameras: sagittal-right',
      'FunctionalWalk  analysed  marker-based capture (no video)',
    ]);
    // --name and --trial name one trial.
    const named = gaitlab('trials', 'import', sessionId, broken, broken, '--name', 'Walk');
    expect(named.code).toBe(1);
    expect(named.err.trim()).toBe(
      'gaitlab trials: --name and --trial name one trial: give them with a single file.',
    );

    // A batch goes past a trial whose video was deleted from the lab folder and a file that is not
    // a video (each stopped the whole batch, with a stack trace, before).
    const trials = JSON.parse(gaitlab('trials', 'list', sessionId, '--json').out) as Array<{
      id: string;
      name: string;
    }>;
    const demo = trials.find((t) => t.name === 'demo')!;
    const trialDir = join(lab, 'patients', patientId, 'sessions', sessionId, 'trials', demo.id);
    rmSync(join(trialDir, 'sagittal-right.mp4'));
    const c3d = sharedDataPath('btkdata_c3d_plugingait/vicon_workstation_functional_walk/FunctionalWalk.c3d');
    const batch = gaitlab('analyze', demo.id, broken, c3d);
    expect(batch.code).toBe(1);
    expect(batch.out).toMatch(/^Trial FunctionalWalk\.c3d: /m);
    expect(batch.out).toMatch(new RegExp(`^Analysed 1 of 3; failed: ${demo.id}, .*broken\\.mp4\\.$`, 'm'));
    const missing = `The sagittal-right video of trial "demo" is missing from the lab folder (patients/${patientId}/sessions/${sessionId}/trials/${demo.id}/sagittal-right.mp4): it was moved or deleted outside GaitLab. Put it back there, or import the recording again as a new trial.`;
    const errLines = batch.err.split('\n').filter((l) => !/^(Pose estimation|Finding|Waiting)/.test(l));
    expect(errLines).toContain(missing);
    expect(errLines.some((l) => /broken\.mp4 cannot be read as a video/.test(l))).toBe(true);
    expect(batch.err).not.toMatch(/\n\s+at /);
    expect(gaitlab('trials', 'list', sessionId).out).toContain(
      `demo  failed (The analysis failed: ${missing})`,
    );

    // A marker-based trial's file moved away likewise.
    const capture = trials.find((t) => t.name === 'FunctionalWalk')!;
    const markersRel = `patients/${patientId}/sessions/${sessionId}/trials/${capture.id}/markers.c3d`;
    rmSync(join(lab, markersRel));
    const again = gaitlab('analyze', capture.id);
    expect(again.code).toBe(1);
    expect(again.err.trim()).toBe(
      `Analysis of FunctionalWalk failed: The marker file of trial "FunctionalWalk" is missing from the lab folder (${markersRel}): it was moved or deleted outside GaitLab. Put it back there, or import the recording again as a new trial.`,
    );
  });
});
