// `gaitlab calibration` from the built command line, as a lab would script it: list a file's
// cameras, import with their views, show, replace, remove; refusals exit 1 with the message.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionCalibrationInfo } from '../../../src/shared/api/calibration-types';
import { gaitlabCli } from '../../helpers/gaitlab-cli';
import { sharedDataPath } from '../../helpers/shared-data';

const P2S = sharedDataPath('pose2sim_demo_balancing/calibration/Calib_scene_recomputed.toml');
const S2D = sharedDataPath('sports2d_demo_sideview_walk/Calib_demo.toml');
const work = mkdtempSync(join(tmpdir(), 'gaitlab-cli-calibration-'));
const lab = join(work, 'lab');

const gaitlab = gaitlabCli(lab, 60_000);

function newSession(): string {
  const p = gaitlab('patients', 'add', '--name', 'Calibration Cli', '--json');
  expect(p.code, p.err).toBe(0);
  const s = gaitlab(
    'sessions',
    'add',
    (JSON.parse(p.out) as { id: string }).id,
    '--date',
    '2026-10-02',
    '--condition',
    'barefoot',
    '--json',
  );
  expect(s.code, s.err).toBe(0);
  return (JSON.parse(s.out) as { id: string }).id;
}

describe('gaitlab calibration', () => {
  it('is listed in gaitlab --help and explains itself', () => {
    expect(gaitlab('--help').out).toMatch(
      /\n {2}calibration +Import, show or remove a session's camera calibration \(Pose2Sim, Sports2D, caliscope TOML\)/,
    );
    const usage = gaitlab('calibration', '--help');
    expect(usage.code).toBe(0);
    expect(usage.out).toContain('gaitlab calibration import SESSION_ID FILE.toml --view CAMERA=VIEW');
  });

  it('lists the cameras of a file given without --view, with an example, and stores nothing', () => {
    const session = newSession();
    const r = gaitlab('calibration', 'import', session, P2S);
    expect(r.code).toBe(1);
    expect(r.out.split('\n').slice(0, 5)).toEqual([
      'Calib_scene_recomputed.toml (Pose2Sim / Sports2D TOML) holds 4 camera(s):',
      '  int_cam01_img  1088x1920 px, at (1.48, -1.96, 1.89) m, 1.89 m above the floor, tilted 22° down',
      '  int_cam02_img  1088x1920 px, at (2.71, 0.72, 1.76) m, 1.76 m above the floor, tilted 18° down',
      '  int_cam03_img  1088x1920 px, at (-3.17, 2.29, 2.02) m, 2.02 m above the floor, tilted 23° down',
      '  int_cam04_img  1088x1920 px, at (-3.76, -1.37, 1.93) m, 1.93 m above the floor, tilted 22° down',
    ]);
    expect(r.err).toBe(
      `gaitlab calibration: Say which trial camera each calibrated camera is (sagittal-left, sagittal-right, frontal, posterior), e.g.\n` +
        `  gaitlab calibration import ${session} ${P2S} --view int_cam01_img=sagittal-left --view int_cam02_img=sagittal-right --view int_cam03_img=frontal --view int_cam04_img=posterior\n`,
    );
    expect(gaitlab('calibration', 'show', session).out).toMatch(/has no camera calibration/);
  });

  it('imports, shows, replaces and removes a calibration', () => {
    const session = newSession();
    const imported = gaitlab(
      'calibration',
      'import',
      session,
      P2S,
      '--view',
      'int_cam01_img=sagittal-left',
      '--view',
      'int_cam03_img=sagittal-right',
    );
    expect(imported.code, imported.err).toBe(0);
    const lines = imported.out.trim().split('\n');
    expect(lines[0]).toMatch(
      new RegExp(
        `^Camera calibration of session ${session}: Calib_scene_recomputed\\.toml \\(Pose2Sim / Sports2D TOML\\), imported \\d{4}-\\d\\d-\\d\\dT`,
      ),
    );
    expect(lines.slice(1)).toEqual([
      '  int_cam01_img  sagittal-left   1088x1920 px, at (1.48, -1.96, 1.89) m, 1.89 m above the floor, tilted 22° down',
      '  int_cam02_img  not used        1088x1920 px, at (2.71, 0.72, 1.76) m, 1.76 m above the floor, tilted 18° down',
      '  int_cam03_img  sagittal-right  1088x1920 px, at (-3.17, 2.29, 2.02) m, 2.02 m above the floor, tilted 23° down',
      '  int_cam04_img  not used        1088x1920 px, at (-3.76, -1.37, 1.93) m, 1.93 m above the floor, tilted 22° down',
      '2 calibrated trial cameras: trials of this session are analysed in 3D.',
    ]);
    expect(gaitlab('calibration', 'show', session).out).toBe(imported.out);
    const json = JSON.parse(gaitlab('calibration', 'show', session, '--json').out) as SessionCalibrationInfo;
    expect(json.cameras.map((c) => c.view)).toEqual(['sagittal-left', null, 'sagittal-right', null]);

    const replaced = gaitlab('calibration', 'import', session, S2D, '--view', 'demo=sagittal-left');
    expect(replaced.code, replaced.err).toBe(0);
    expect(replaced.out.trim().split('\n').slice(1)).toEqual([
      '  demo  sagittal-left  1768x994 px, at (10.00, 3.51, 1.71) m, 1.71 m above the floor, level',
      'One calibrated side camera with the origin on the floor: it measures distances on the floor.',
    ]);

    const removed = gaitlab('calibration', 'remove', session);
    expect(removed.code, removed.err).toBe(0);
    expect(removed.out).toBe(`Removed the camera calibration of session ${session} (Calib_demo.toml).\n`);
    expect(JSON.parse(gaitlab('calibration', 'show', session, '--json').out)).toBeNull();
    expect(gaitlab('calibration', 'remove', session).out).toBe(
      `Session ${session} had no camera calibration.\n`,
    );
  });

  it('refuses with the message and exit code 1, keeping the earlier calibration', () => {
    const session = newSession();
    expect(gaitlab('calibration', 'import', session, S2D, '--view', 'demo=sagittal-right').code).toBe(0);
    const before = gaitlab('calibration', 'show', session, '--json').out;

    const stranger = gaitlab('calibration', 'import', session, P2S, '--view', 'cam01=sagittal-left');
    expect(stranger.code).toBe(1);
    // Said once: the field's message is the same sentence.
    expect(stranger.err).toBe(
      'gaitlab calibration: "cam01" is not a camera of Calib_scene_recomputed.toml: its cameras are int_cam01_img, int_cam02_img, int_cam03_img, int_cam04_img.\n',
    );

    const badView = gaitlab('calibration', 'import', session, P2S, '--view', 'int_cam01_img=side');
    expect(badView.code).toBe(1);
    expect(badView.err).toContain('Choose a view: sagittal left, sagittal right, frontal or posterior.');

    const noEquals = gaitlab('calibration', 'import', session, P2S, '--view', 'int_cam01_img');
    expect(noEquals.err).toBe(
      'gaitlab calibration: --view needs CAMERA=VIEW (e.g. --view cam_01=sagittal-left), got "int_cam01_img".\n',
    );

    const mm = join(work, 'mm.toml');
    writeFileSync(
      mm,
      readFileSync(S2D, 'utf8').replace(
        /^translation = \[(.*)\]$/m,
        (_, v: string) =>
          `translation = [${v
            .split(',')
            .map((x) => String(Number(x) * 1000))
            .join(', ')}]`,
      ),
    );
    const inMm = gaitlab('calibration', 'import', session, mm, '--view', 'demo=sagittal-left');
    expect(inMm.code).toBe(1);
    expect(inMm.err.split('\n')[0]).toBe(
      'gaitlab calibration: Camera "demo" would stand 10735 m from the origin: translations must be in metres (this looks like millimetres, 10.73 m).',
    );

    const missing = gaitlab(
      'calibration',
      'import',
      session,
      join(work, 'nowhere.toml'),
      '--view',
      'a=frontal',
    );
    expect(missing.err).toBe(
      `gaitlab calibration: The calibration file "${join(work, 'nowhere.toml')}" does not exist.\n`,
    );
    expect(existsSync(join(work, 'nowhere.toml'))).toBe(false);

    expect(gaitlab('calibration', 'show', session, '--json').out).toBe(before);
    const unknown = gaitlab('calibration', 'show', 'no-such-session');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe(
      'gaitlab calibration: The session was not found. It may have been removed from this lab.\n',
    );
  });
});
