// `gaitlab analyze` as a user runs it (the built CLI): the Sports2D demo walk end to end, and clear
// answers for a video with nobody in it and a subject who does not walk.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_CLI, REPO_ROOT } from '../../helpers/serve-process';
import { sharedDataPath } from '../../helpers/shared-data';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-analyze-'));

const README_ANALYZE_EXAMPLE =
  '`gaitlab analyze` on `../shared/data/sports2d_demo_sideview_walk/demo.mp4 --height 1.65` prints:';

/** The lines of the README's code block that follows `intro`. */
function readmeExample(intro: string): string[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(intro);
  expect(at, `README has "${intro}"`).toBeGreaterThan(-1);
  const block = /```\n([\s\S]*?)\n```/.exec(readme.slice(at))!;
  return block[1]!.split('\n');
}

function analyze(args: string[]) {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run npm run build first.`);
  // A fresh pose cache per test run: the numbers come from this run's pose estimation.
  const r = spawnSync(process.execPath, [BUILT_CLI, 'analyze', ...args], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: work },
    timeout: 600_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gaitlab analyze', () => {
  it('analyses the Sports2D demo walk into cycles, knee angles, cadence and speed', () => {
    const csv = join(work, 'demo.csv');
    const json = join(work, 'demo.json');
    const r = analyze([
      sharedDataPath('sports2d_demo_sideview_walk/demo.mp4'),
      '--height',
      '1.65',
      '--out',
      csv,
      '--json',
      json,
    ]);
    console.log(r.stdout);
    expect(r.code, r.stderr).toBe(0);
    const view = JSON.parse(readFileSync(json, 'utf8')) as TrialAnalysisView;
    for (const side of ['left', 'right'] as const) {
      expect(
        view.cycles.filter((c) => c.side === side && !c.excluded).length,
        `${side} cycles`,
      ).toBeGreaterThanOrEqual(3);
    }
    // She leaves the picture on the left: the last left contact (about frame 188) is made with the
    // toe 11-32 px from the edge while the shoe is visibly cut off, and the landmarks stay inside
    // it. That cycle is noted (not excluded: the curves of most of it are sound) and its lengths are
    // not measured; they made the left step 0.65 +- 0.15 m (asymmetry -18.5 %) before.
    const atEdge = view.cycles.filter((c) => c.flags.includes('foot-at-picture-edge'));
    const lastLeft = view.cycles.filter((c) => c.side === 'left').sort((a, b) => b.endFrame - a.endFrame)[0]!;
    expect(atEdge).toContainEqual(lastLeft);
    expect(atEdge.every((c) => c.side === 'left' && !c.excluded)).toBe(true);
    expect(view.warnings.join(' ')).toMatch(/Left cycle 3: the left foot is at the picture's edge/);
    const step = view.parameters.find((p) => p.parameter === 'stepLengthM')!;
    expect(step.left.n).toBe(view.cycles.filter((c) => c.side === 'left' && !c.excluded).length - 1);
    expect(Math.abs(step.asymmetryPct!)).toBeLessThan(10);
    // Her left side faces the camera: the right leg is the far one, half hidden behind the left
    // (its knee's swing peak reads about 43 deg against 76 near side). Its cycles and leg curves
    // say so, and so does the summary; the left leg and the trunk are not marked.
    expect(view.cycles.filter((c) => c.side === 'right').every((c) => c.flags.includes('far-side'))).toBe(
      true,
    );
    expect(view.cycles.some((c) => c.side === 'left' && c.flags.includes('far-side'))).toBe(false);
    const curve = (v: string, s: string) => view.curves.find((c) => c.variable === v && c.side === s)!;
    expect(curve('knee_flexion', 'right').farSide).toBe(true);
    expect(curve('knee_flexion', 'left').farSide).toBe(false);
    expect(curve('trunk_tilt', 'right').farSide).toBe(false);
    expect(r.stdout).toMatch(/Right knee flexion: .* \(far leg from the camera: low confidence\)\./);
    expect(r.stdout).toMatch(/Walking pass 1: the right leg was the far one from the camera/);
    // Before frame 38 she is behind the tree, after 199 out of the picture: nothing to review there.
    expect(r.stdout).toMatch(
      /Low pose confidence on \d+ of 230 frames, none inside the walking passes \(the subject entering or leaving the view\)\./,
    );
    // The reference plot (Sports2D's Demo_plots.png) is of the LEFT knee: swing peaks about
    // 70-85 deg, stance minima about 5-15 deg; the ranges are 60-90 and 0-20 deg.
    const num = (re: RegExp) => {
      const m = re.exec(r.stdout);
      expect(m, `${re} in\n${r.stdout}`).not.toBeNull();
      return Number(m![1]);
    };
    const swingPeak = num(/Left knee flexion: peak in swing ([\d.-]+) ± [\d.]+ deg/);
    const stanceMin = num(/Left knee flexion: .*minimum in stance ([\d.-]+) ± [\d.]+ deg/);
    const cadence = num(/Left cadence: ([\d.]+) ± [\d.]+ steps\/min/);
    const speed = num(/Left cadence: .*speed: ([\d.]+) ± [\d.]+ m\/s/);
    expect(swingPeak).toBeGreaterThanOrEqual(60);
    expect(swingPeak).toBeLessThanOrEqual(90);
    expect(stanceMin).toBeGreaterThanOrEqual(0);
    expect(stanceMin).toBeLessThanOrEqual(20);
    // Plausible adult walking: cadence 80-140 steps/min, speed 0.6-2 m/s from the 1.65 m height.
    expect(cadence).toBeGreaterThan(80);
    expect(cadence).toBeLessThan(140);
    expect(speed).toBeGreaterThan(0.6);
    expect(speed).toBeLessThan(2);
    expect(r.stdout).toMatch(
      /Right cadence: [\d.]+ ± [\d.]+ steps\/min \(n = \d+\); speed: [\d.]+ ± [\d.]+ m\/s/,
    );
    expect(r.stdout).toMatch(/Scale: subject height 1\.65 m/);
    // The README shows this run's summary as what the command prints: it must be what it prints.
    const printed = r.stdout
      .trim()
      .split('\n')
      .filter((l) => !/^(Tidy CSV|JSON): /.test(l));
    expect(printed, 'the README example of gaitlab analyze on the demo walk is out of date').toEqual(
      readmeExample(README_ANALYZE_EXAMPLE),
    );
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('trial,side,cycle,percent,variable,value,unit');
    expect(lines.some((l) => /^demo\.mp4,left,\d+,50,knee_flexion,[\d.-]+,deg$/.test(l))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/NaN/);
  });

  it('filters at the cutoff it is given (--cutoff), and says so; refuses one the frame rate cannot carry', () => {
    // The same pose job (cached from the run above): only the filter differs.
    const demo = sharedDataPath('sports2d_demo_sideview_walk/demo.mp4');
    const peak = (stdout: string) => Number(/Left knee flexion: peak in swing ([\d.-]+)/.exec(stdout)![1]);
    const json = join(work, 'demo-3hz.json');
    const usual = analyze([demo, '--height', '1.65']);
    const smooth = analyze([demo, '--height', '1.65', '--cutoff', '3', '--json', json]);
    expect(smooth.code, smooth.stderr).toBe(0);
    expect(smooth.stdout).toContain(
      'Filter: zero-lag 4th-order Butterworth low-pass, 3 Hz (--cutoff; the default is 6 Hz).',
    );
    expect(usual.stdout).not.toContain('Filter:');
    // A 3 Hz low-pass rounds off the swing peak, a fast event.
    expect(peak(smooth.stdout)).toBeLessThan(peak(usual.stdout) - 1);
    const view = JSON.parse(readFileSync(json, 'utf8')) as TrialAnalysisView;
    expect(view.provenance.filter).toBe('zero-lag 4th-order Butterworth low-pass, 3 Hz');
    const tooHigh = analyze([demo, '--cutoff', '20']);
    expect(tooHigh.code).toBe(1);
    expect(tooHigh.stderr).toMatch(
      /A low-pass cutoff of 20 Hz cannot filter a recording at 30 frames\/s: it must lie above 0 and below half the frame rate \(15 Hz\)\./,
    );
  });

  it('says clearly that nobody is in view, and writes no numbers', () => {
    const empty = join(work, 'empty.mp4');
    const ff = spawnSync('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'color=c=0x556b2f:s=640x360:r=30:d=3',
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      '-y',
      empty,
    ]);
    expect(ff.status).toBe(0);
    const csv = join(work, 'empty.csv');
    const r = analyze([empty, '--height', '1.65', '--out', csv]);
    console.log(r.stdout, r.stderr);
    expect(r.code).toBe(1);
    expect(`${r.stdout}${r.stderr}`).toMatch(/nobody|no person|no one/i);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/NaN/);
    expect(existsSync(csv)).toBe(false);
  });

  it('says clearly that a subject who does not walk has no gait cycles', () => {
    const r = analyze([sharedDataPath('pose2sim_demo_balancing/videos/cam01.mp4'), '--height', '1.75']);
    console.log(r.stdout, r.stderr);
    expect(r.code).toBe(1);
    expect(`${r.stdout}${r.stderr}`).toMatch(/standing still|no (complete )?gait cycle|not walk/i);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/NaN/);
  });

  it('refuses a height given in centimetres', () => {
    const r = analyze([sharedDataPath('sports2d_demo_sideview_walk/demo.mp4'), '--height', '165']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1\.65/);
  });
});
