import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { resolveInsideLab, resolveLabDir, PathOutsideLabError } from '../../../src/main/store/lab-folder';

describe('lab folder paths', () => {
  const lab = '/data/lab';

  it('resolves relative paths inside the lab', () => {
    expect(resolveInsideLab(lab, 'patients/p1/video.mp4')).toBe(join(lab, 'patients/p1/video.mp4'));
  });

  it.each(['../etc/passwd', 'patients/../../secret', '/etc/passwd', 'C:\\Windows', '', 'a\0b', '.'])(
    'refuses %j',
    (p) => {
      expect(() => resolveInsideLab(lab, p)).toThrow(PathOutsideLabError);
    },
  );

  it('prefers --lab, then GAITLAB_LAB, then the home folder', () => {
    expect(resolveLabDir('/x/cli', { GAITLAB_LAB: '/x/env' })).toBe('/x/cli');
    expect(resolveLabDir(undefined, { GAITLAB_LAB: '/x/env' })).toBe('/x/env');
    expect(resolveLabDir(undefined, {})).toMatch(/GaitLab$/);
  });
});
