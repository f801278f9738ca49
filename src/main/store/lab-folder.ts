// Where a lab lives on disk, and the guard that keeps every path the UI sends inside it.
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { mkdirSync } from 'node:fs';

export const LAB_ENV_VAR = 'GAITLAB_LAB';
export const DATABASE_FILE = 'gaitlab.sqlite';

/** --lab DIR wins, then GAITLAB_LAB, then ~/GaitLab. */
export function resolveLabDir(cliLab: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = cliLab ?? env[LAB_ENV_VAR] ?? join(homedir(), 'GaitLab');
  return resolve(chosen);
}

export interface LabLayout {
  root: string;
  database: string;
  patientsDir: string;
  tmpDir: string;
}

export function labLayout(root: string): LabLayout {
  return {
    root,
    database: join(root, DATABASE_FILE),
    patientsDir: join(root, 'patients'),
    tmpDir: join(root, 'tmp'),
  };
}

export function ensureLabFolders(layout: LabLayout): void {
  for (const dir of [layout.root, layout.patientsDir, layout.tmpDir]) mkdirSync(dir, { recursive: true });
}

/** Files of one session (its trials, its camera calibration): patients/<patient>/sessions/<session>/ */
export function sessionDirRelative(patientId: string, sessionId: string): string {
  return ['patients', patientId, 'sessions', sessionId].join('/');
}

/** Media of one trial: patients/<patient>/sessions/<session>/trials/<trial>/ */
export function trialDirRelative(patientId: string, sessionId: string, trialId: string): string {
  return `${sessionDirRelative(patientId, sessionId)}/trials/${trialId}`;
}

export class PathOutsideLabError extends Error {
  constructor(requested: string) {
    super(`The path "${requested}" is outside the lab folder and cannot be used.`);
    this.name = 'PathOutsideLabError';
  }
}

/**
 * Resolves a path given relative to the lab folder and refuses anything that would leave it
 * (.., absolute paths, NUL bytes). Symlinks are not followed here: the lab folder is ours.
 */
export function resolveInsideLab(labRoot: string, requested: string): string {
  if (typeof requested !== 'string' || requested.length === 0 || requested.includes('\0')) {
    throw new PathOutsideLabError(String(requested));
  }
  if (isAbsolute(requested) || /^[A-Za-z]:/.test(requested)) throw new PathOutsideLabError(requested);
  const root = resolve(labRoot);
  const full = resolve(root, requested);
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    throw new PathOutsideLabError(requested);
  }
  return full;
}
