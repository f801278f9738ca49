// Patients and sessions from the command line: a record made without a detail the report needs
// (the date of birth) can be completed afterwards, and the report says how.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gaitlabCli } from '../../helpers/gaitlab-cli';
import { localIsoDate } from '../../../src/shared/local-date';

const lab = join(mkdtempSync(join(tmpdir(), 'gaitlab-cli-records-')), 'lab');

const gaitlab = gaitlabCli(lab);
const idOf = (out: string) => (JSON.parse(out) as { id: string }).id;

describe('gaitlab patients edit and sessions edit', () => {
  it('completes a patient after the fact, dates a session today by default, and keeps both dates consistent', () => {
    const patientId = idOf(gaitlab('patients', 'add', '--name', 'Noa Example', '--json').out);
    const made = gaitlab('sessions', 'add', patientId, '--condition', 'barefoot', '--json');
    expect(made.code, made.err).toBe(0);
    const session = JSON.parse(made.out) as { id: string; date: string };
    expect(session.date).toBe(localIsoDate());

    const report = gaitlab('report', session.id, '--out', join(lab, '..', 'r.pdf'));
    expect(report.code).toBe(1);
    expect(report.err).toContain(
      `Enter Noa Example's date of birth first: the report prints the age at each session.\n  gaitlab patients edit ${patientId} --dob YYYY-MM-DD`,
    );

    const wrongDay = gaitlab('patients', 'edit', patientId, '--dob', '2016-02-30');
    expect(wrongDay.code).toBe(1);
    // One line: the field's message is not repeated under the same sentence.
    expect(wrongDay.err.trim()).toBe('gaitlab patients: Date of birth is not a real calendar date.');
    const edited = gaitlab(
      'patients',
      'edit',
      patientId,
      '--dob',
      '2016-02-29',
      '--height',
      '1,12',
      '--gmfcs',
      '2',
    );
    expect(edited.code, edited.err).toBe(0);
    expect(edited.out).toContain(`Changed ${patientId}  Noa Example b.2016-02-29 1.12 m`);
    const cleared = gaitlab('patients', 'edit', patientId, '--gmfcs', '', '--json');
    expect(JSON.parse(cleared.out)).toMatchObject({
      name: 'Noa Example',
      dateOfBirth: '2016-02-29',
      heightM: 1.12,
      gmfcsLevel: null,
    });
    expect(gaitlab('patients', 'edit', patientId).err).toContain('Say what to change');

    const early = gaitlab('sessions', 'edit', session.id, '--date', '2015-12-31');
    expect(early.code).toBe(1);
    expect(early.err).toContain('The session date is before the patient was born.');
    const later = gaitlab('sessions', 'edit', session.id, '--date', '2025-10-01', '--condition', 'AFO');
    expect(later.code, later.err).toBe(0);
    expect(later.out).toMatch(/^Changed \S+ {2}2025-10-01 {2}AFO {2}trials: 0/);
    const late = gaitlab('patients', 'edit', patientId, '--dob', '2025-11-01');
    expect(late.err).toContain(
      'The date of birth is after the session of 2025-10-01 (AFO): check both dates.',
    );

    // With the date of birth in, the report gets as far as the next thing it needs.
    expect(gaitlab('report', session.id, '--out', join(lab, '..', 'r.pdf')).err).toContain(
      'has no analysed trial yet',
    );
  });
});
