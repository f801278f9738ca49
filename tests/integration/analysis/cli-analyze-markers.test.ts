// `gaitlab analyze` on marker files (the built CLI, as a lab runs it on its motion-capture
// archive): Vicon C3D with and without its stored events, a Motion Analysis TRC without hip joint
// centres, OpenCap's Y-up TRC in metres, a Y-up copy of a Z-up walk, and the files it must refuse.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readC3D } from '../../../src/main/formats/c3d-reader';
import { BUILT_CLI } from '../../helpers/serve-process';
import { PIG_SKIN_MARKERS } from '../gait/pig-markers';
import { writeTrcVariant } from '../../helpers/trc-variant';
import { readSharedBytes, sharedDataPath } from '../../helpers/shared-data';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-markers-'));
const B = 'btkdata_c3d_plugingait';
const WALK = `${B}/vicon_workstation_functional_walk/FunctionalWalk.c3d`;

function analyze(args: string[]) {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run npm run build first.`);
  const r = spawnSync(process.execPath, [BUILT_CLI, 'analyze', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface MarkerJson {
  source: {
    format: string;
    up: string;
    unit: string;
    rateHz: number;
    eventsFrom: string;
    fileEvents: unknown[];
    modelAngles: Array<{ variable: string; side: string; rmseDeg: number; biasDeg: number }> | null;
    provenance: Record<string, string>;
  };
  analysis: {
    eventSource: string;
    cycles: Array<{ side: string; excluded: boolean }>;
    angles: Array<{ side: string; variable: string; values: Array<number | null>; landmarks: string[] }>;
    spatiotemporal: {
      bySide: Record<string, { cadenceStepsPerMin: { mean: number }; speedMps: { mean: number } }>;
    };
  };
}

function run(args: string[], stem: string): { stdout: string; json: MarkerJson; csv: string } {
  const json = join(work, `${stem}.json`);
  const csv = join(work, `${stem}.csv`);
  const r = analyze([...args, '--out', csv, '--json', json]);
  expect(r.code, r.stderr).toBe(0);
  console.log(r.stdout);
  return {
    stdout: r.stdout,
    json: JSON.parse(readFileSync(json, 'utf8')) as MarkerJson,
    csv: readFileSync(csv, 'utf8'),
  };
}

/** Knee flexion peak in swing of each side, from the printed summary. */
function kneePeaks(stdout: string): number[] {
  return [...stdout.matchAll(/knee flexion: peak in swing ([\d.]+)/g)].map((m) => Number(m[1]));
}

/**
 * OpenCap's walk (metres, 60 Hz) with its coordinates times `factor`, its Units column saying
 * `unit` and its DataRate and CameraRate `rateHz`.
 */
function opencapIn(unit: string, factor: number, rateHz = 60): string {
  const lines = readFileSync(sharedDataPath('opencap_markerless_walk_trc_mot/walk.trc'), 'utf8').split('\n');
  lines[2] = lines[2]!.replace(/^60\.0\t60\.0\t(222\t63\t)m\t/, `${rateHz}\t${rateHz}\t$1${unit}\t`);
  for (let i = 5; i < lines.length; i++) {
    const cells = lines[i]!.split('\t');
    if (cells.length < 3) continue;
    lines[i] = cells.map((c, k) => (k < 2 || c.trim() === '' ? c : String(Number(c) * factor))).join('\t');
  }
  return lines.join('\n');
}

describe('gaitlab analyze <marker file>', () => {
  it('reads a Vicon C3D with the events stored in it, and writes the same CSV and JSON as for video', () => {
    const { stdout, json, csv } = run([sharedDataPath(WALK)], 'walk');
    expect(stdout).toMatch(
      /^Trial FunctionalWalk\.c3d: overground walking, 1 pass\(es\), events imported with the recording\./,
    );
    // 134 points, of which Plug-in Gait's angles, forces, moments and powers are outputs, not positions.
    expect(stdout).toContain('Markers: C3D, 110 trajectories, 120 Hz, 438 frames, in mm, Z up.');
    expect(stdout).toContain('Events: the 11 stored in the file');
    // Its force plates are the ground truth: Vicon's own events are a frame or less from them here.
    expect(stdout).toMatch(
      /^The file's events against the force plates' 6 contacts and releases \(those 150 ms or more inside the recording\): 6 within 17 ms, 6 within 34 ms/m,
    );
    // 3D data: the frontal plane and the step width too.
    expect(stdout).toMatch(
      /^Left frontal plane over the gait cycle \(mean curve range\): pelvic obliquity.*hip abduction.*knee varus/m,
    );
    expect(stdout).toMatch(
      /^Step width: left 0\.\d\d ± 0\.\d\d m \(n = 2\); right 0\.\d\d ± 0\.\d\d m \(n = 2\)\.$/m,
    );
    // Its angles held against the Plug-in Gait angles Vicon stored (the lab's own reports' numbers).
    const vs =
      /^GaitLab's angles against the file's Plug-in Gait angles \(RMSE, left \/ right, over up to 438 frames\): hip flexion ([\d.]+) \/ ([\d.]+), knee flexion ([\d.]+) \/ ([\d.]+), ankle dorsiflexion [\d.]+ \/ [\d.]+, pelvic tilt [\d.]+ \/ [\d.]+, pelvic obliquity [\d.]+ \/ [\d.]+, hip abduction [\d.]+ \/ [\d.]+ deg\./m.exec(
        stdout,
      );
    expect(vs).not.toBeNull();
    for (const deg of vs!.slice(1).map(Number)) expect(deg).toBeLessThanOrEqual(1.5);
    expect(json.source.modelAngles).toHaveLength(12);
    expect(json.source).toMatchObject({ format: 'C3D', up: 'Z', unit: 'mm', eventsFrom: 'file' });
    // Traceable: the file's own bytes, the app and the filter that made the numbers.
    expect(json.source.provenance).toMatchObject({
      fileSha256: createHash('sha256').update(readSharedBytes(WALK)).digest('hex'),
      appVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
      filter: 'zero-lag 4th-order Butterworth low-pass, 6 Hz',
    });
    expect(json.analysis.eventSource).toBe('imported');
    for (const side of ['left', 'right']) {
      expect(json.analysis.cycles.filter((c) => c.side === side && !c.excluded).length).toBe(2);
      // Vicon's own spatiotemporal output for this walk: 112.5 / 113.4 steps/min, 1.21 / 1.20 m/s.
      const st = json.analysis.spatiotemporal.bySide[side]!;
      expect(Math.abs(st.cadenceStepsPerMin.mean - (side === 'left' ? 112.5 : 113.4))).toBeLessThan(1.5);
      expect(Math.abs(st.speedMps.mean - (side === 'left' ? 1.21 : 1.2))).toBeLessThan(0.03);
    }
    // Angle series are plain arrays (typed arrays would become objects in JSON).
    expect(Array.isArray(json.analysis.angles[0]!.values)).toBe(true);
    expect(csv.split('\n')[0]).toBe('trial,side,cycle,percent,variable,value,unit');
    expect(csv).toContain('FunctionalWalk.c3d,left,1,0,knee_flexion,');
    // Each cycle's spatiotemporal parameters, the means above being theirs.
    for (const side of ['left', 'right']) {
      const cadence = csv
        .split('\n')
        .filter((l) => l.startsWith(`FunctionalWalk.c3d,${side},`) && l.includes(',,cadenceStepsPerMin,'))
        .map((l) => Number(l.split(',')[5]));
      expect(cadence).toHaveLength(2);
      expect((cadence[0]! + cadence[1]!) / 2).toBeCloseTo(
        json.analysis.spatiotemporal.bySide[side]!.cadenceStepsPerMin.mean,
        2,
      );
    }
  });

  it("says when its angles differ from the file's Plug-in Gait angles by a constant offset", () => {
    // c3d.org's crouch-gait sample: Plug-in Gait's ankle zero comes from its static trial's foot
    // offsets; GaitLab's from the heel-toe line. Same movement, another zero.
    const { stdout, json } = run(
      [sharedDataPath(`${B}/c3d_org_sample09_plugin_gait/PlugInC3D.c3d`)],
      'crouch',
    );
    expect(stdout).toMatch(
      /^GaitLab's angles against the file's Plug-in Gait angles .* Mostly a constant offset \(another definition of the neutral position\): left ankle dorsiflexion \+\d+\.\d deg, right ankle dorsiflexion \+\d+\.\d deg\.$/m,
    );
    const ankle = json.source.modelAngles!.filter((a) => a.variable === 'ankle_dorsiflexion');
    for (const a of ankle) expect(Math.sqrt(a.rmseDeg ** 2 - a.biasDeg ** 2)).toBeLessThan(3);
    for (const a of json.source.modelAngles!.filter((x) => x.variable === 'knee_flexion'))
      expect(a.rmseDeg).toBeLessThan(1);
  });

  it("runs GaitLab's detector with --events detect and says how far it lies from the file's events", () => {
    const { stdout, json } = run([sharedDataPath(WALK), '--events', 'detect'], 'walk-detect');
    expect(stdout).toMatch(/events by zeni\./);
    expect(json.analysis.eventSource).toBe('zeni');
    const m =
      /Detected events against the file's (\d+) \(those 150 ms or more inside the recording\): (\d+) within 17 ms, (\d+) within 34 ms/.exec(
        stdout,
      );
    expect(m, stdout).not.toBeNull();
    // The same 11 Vicon events the validation test compares (tests/integration/gait/pig-events.test.ts).
    expect(Number(m![1])).toBe(11);
    expect(Number(m![2])).toBeGreaterThanOrEqual(10);
    expect(Number(m![3])).toBe(11);
    // And against the force plates, as tests/integration/gait/pig-events.test.ts measures them.
    const plates =
      /^Detected events against the force plates' (\d+) contacts and releases .*: (\d+) within 17 ms.*largest ([\d.]+) ms\.$/m.exec(
        stdout,
      );
    expect(plates, stdout).not.toBeNull();
    expect(plates!.slice(1, 3).map(Number)).toEqual([6, 6]);
    expect(Number(plates![3])).toBeLessThan(10);
  });

  it('gives a Motion Analysis TRC without hip joint centres its hip and knee angles, and says how', () => {
    const { stdout, json } = run([sharedDataPath(`${B}/trc_samples/Gait.trc`)], 'gait-trc');
    expect(stdout).toContain('in mm, Z up.');
    expect(stdout).toMatch(
      /Note: The recording has no hip joint centres: they were placed from the pelvis markers by Harrington et al\. \(2007\), from a pelvis 249 mm wide \(ASIS to ASIS\) and 193 mm deep \(mid-ASIS to V\.Sacral\)/,
    );
    const peaks = kneePeaks(stdout);
    expect(peaks.length).toBe(2);
    for (const p of peaks) expect(p).toBeGreaterThan(50);
    const knee = json.analysis.angles.find((a) => a.variable === 'knee_flexion' && a.side === 'left')!;
    expect(knee.landmarks.join(' ')).toMatch(/LHJC\(Harrington: L\.ASIS,R\.ASIS,V\.Sacral\)/);
  });

  it("reads OpenCap's markerless TRC (metres, Y up)", () => {
    const { stdout, json } = run([sharedDataPath('opencap_markerless_walk_trc_mot/walk.trc')], 'opencap');
    expect(stdout).toContain('Markers: TRC, 63 trajectories, 60 Hz, 222 frames, in m, Y up.');
    expect(json.source).toMatchObject({ up: 'Y', unit: 'm', eventsFrom: 'detected' });
    for (const side of ['left', 'right'])
      expect(
        json.analysis.cycles.filter((c) => c.side === side && !c.excluded).length,
      ).toBeGreaterThanOrEqual(2);
  });

  it("reads a TRC in centimetres as the same walk: OpenCap's metres written as cm", () => {
    const trc = join(work, 'walk-cm.trc');
    writeFileSync(trc, opencapIn('cm', 100));
    const cm = run([trc], 'walk-cm');
    expect(cm.stdout).toContain('Markers: TRC, 63 trajectories, 60 Hz, 222 frames, in cm, Y up.');
    expect(cm.json.source.unit).toBe('cm');
    const m = run([sharedDataPath('opencap_markerless_walk_trc_mot/walk.trc')], 'walk-m');
    for (const side of ['left', 'right']) {
      const a = cm.json.analysis.spatiotemporal.bySide[side]!;
      const b = m.json.analysis.spatiotemporal.bySide[side]!;
      expect(a.cadenceStepsPerMin.mean).toBeCloseTo(b.cadenceStepsPerMin.mean, 6);
      expect(a.speedMps.mean).toBeCloseTo(b.speedMps.mean, 6);
    }
    expect(kneePeaks(cm.stdout)).toEqual(kneePeaks(m.stdout));
  });

  it('says when the rate a file declares makes strides nobody walks (240 Hz written for 60)', () => {
    const trc = join(work, 'walk-240hz.trc');
    writeFileSync(trc, opencapIn('m', 1, 240));
    const { stdout, json } = run([trc], 'walk-240hz');
    expect(stdout).toContain('Markers: TRC, 63 trajectories, 240 Hz, 222 frames, in m, Y up.');
    // Strides of 0.44 s are flagged too short: means are not computed, and the note says why.
    expect(json.analysis.cycles.every((c) => c.excluded)).toBe(true);
    expect(stdout).toMatch(
      /^Note: Strides last 0\.4\d s \(2\d\d steps\/min\) at the 240 Hz the file declares, shorter than anyone walks: if the capture ran at another rate, the file's frame rate is wrong/m,
    );
  });

  it('tells up from the body, not the unit: a Y-up copy of the Vicon walk in mm reads as the C3D does', () => {
    // The walk's markers written as a TRC rotated so that Y is up (x, z, -y), as an OpenSim-bound
    // export in millimetres would be; a unit-based guess would take Z for up.
    const file = readC3D(readSharedBytes(WALK));
    const keep = [...PIG_SKIN_MARKERS, 'LFEP', 'RFEP', 'LFEO', 'RFEO', 'LTIO', 'RTIO'];
    const trc = join(work, 'walk-y-up.trc');
    writeTrcVariant(trc, file, keep, ([x, y, z]) => [x, z, -y]);
    const rotated = run([trc], 'walk-y-up');
    expect(rotated.stdout).toContain('in mm, Y up.');
    const original = run([sharedDataPath(WALK), '--events', 'detect'], 'walk-z-up');
    // The file's own events are there to go back to.
    expect(original.stdout).toMatch(
      /^Events: detected by GaitLab, coordinate-based \(Zeni 2008\).*\. --events file uses the 11 stored in the file\.$/m,
    );
    for (const side of ['left', 'right']) {
      const a = rotated.json.analysis.spatiotemporal.bySide[side]!;
      const b = original.json.analysis.spatiotemporal.bySide[side]!;
      expect(a.cadenceStepsPerMin.mean).toBeCloseTo(b.cadenceStepsPerMin.mean, 1);
      expect(a.speedMps.mean).toBeCloseTo(b.speedMps.mean, 2);
    }
    const [l, r] = kneePeaks(rotated.stdout);
    const [l0, r0] = kneePeaks(original.stdout);
    expect(Math.abs(l! - l0!)).toBeLessThan(0.5);
    expect(Math.abs(r! - r0!)).toBeLessThan(0.5);
  });

  it('filters at the cutoff it is given (--cutoff), said in the summary and the provenance', () => {
    const usual = run([sharedDataPath(WALK)], 'walk-6hz');
    const smooth = run([sharedDataPath(WALK), '--cutoff', '3'], 'walk-3hz');
    expect(smooth.stdout).toContain(
      'Filter: zero-lag 4th-order Butterworth low-pass, 3 Hz (--cutoff; the default is 6 Hz).',
    );
    expect(smooth.json.source.provenance.filter).toBe('zero-lag 4th-order Butterworth low-pass, 3 Hz');
    expect(usual.json.source.provenance.filter).toBe('zero-lag 4th-order Butterworth low-pass, 6 Hz');
    // A 3 Hz low-pass rounds off the knee's swing: its angle moves away from the file's Plug-in Gait
    // knee (RMSE 0.8 -> 1.6 deg).
    const rmse = (j: MarkerJson) =>
      j.source.modelAngles!.find((a) => a.variable === 'knee_flexion' && a.side === 'left')!.rmseDeg;
    expect(rmse(smooth.json)).toBeGreaterThan(rmse(usual.json));
    const raw = run([sharedDataPath(WALK), '--cutoff', '0'], 'walk-raw');
    expect(raw.json.source.provenance.filter).toBe('no low-pass filter (gaps filled only)');
    // OpenCap's walk is at 60 Hz: 30 Hz is its Nyquist frequency.
    const r = analyze([sharedDataPath('opencap_markerless_walk_trc_mot/walk.trc'), '--cutoff', '30']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'gaitlab analyze: walk.trc: A low-pass cutoff of 30 Hz cannot filter a recording at 60 frames/s: it must lie above 0 and below half the frame rate (30 Hz).',
    );
    expect(analyze([sharedDataPath(WALK), '--cutoff', '60']).stderr).toMatch(
      /--cutoff: Give the low-pass cutoff in Hz, 0\.5-30 \(the default is 6 Hz\), or 0 for no low-pass filter; "60" is not one\./,
    );
  });

  it('takes numbers as people type them (a decimal comma), and refuses before any work what it cannot use', () => {
    const comma = run([sharedDataPath(WALK), '--cutoff', '3,5'], 'walk-3-5hz');
    expect(comma.json.source.provenance.filter).toBe('zero-lag 4th-order Butterworth low-pass, 3.5 Hz');
    const refused = (args: string[]) => {
      const r = analyze(args);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      return r.stderr.trim();
    };
    // The Sports2D walk would take seconds to pose: each refusal comes first, in one line.
    const video = sharedDataPath('sports2d_demo_sideview_walk/demo.mp4');
    expect(refused([video, '--height', '1.65m'])).toBe(
      'gaitlab analyze: --height: give the height in metres, e.g. 1.65; "1.65m" is not a number.',
    );
    expect(refused([video, '--height', "5'6"])).toBe(
      'gaitlab analyze: --height: give the height in metres, e.g. 1.65; "5\'6" is not a number.',
    );
    const nowhere = join(work, 'no-such-folder', 'walk.csv');
    expect(refused([video, '--out', nowhere])).toBe(
      `gaitlab analyze: --out: the folder ${join(work, 'no-such-folder')} does not exist.`,
    );
    expect(refused([video, '--camera', 'sagittal-left'])).toBe(
      'gaitlab analyze: --camera names a camera of a lab trial; demo.mp4 is one video, analysed as it is.',
    );
    expect(refused([video, '--json', work])).toBe(
      `gaitlab analyze: --json: ${work} is a folder; give the name of a file to write.`,
    );
  });

  it('finds markers named with other separators (L_HEE, R_ASI, L_FEP...): the walk reads as the C3D does', () => {
    const file = readC3D(readSharedBytes(WALK));
    const keep = [...PIG_SKIN_MARKERS, 'LFEP', 'RFEP', 'LFEO', 'RFEO', 'LTIO', 'RTIO'];
    const trc = join(work, 'walk-underscored.trc');
    writeTrcVariant(trc, file, keep, (p) => p);
    const lines = readFileSync(trc, 'utf8').split('\n');
    lines[3] = lines[3]!.replace(/\b([LR])([A-Z]{3})\b/g, '$1_$2');
    writeFileSync(trc, lines.join('\n'));
    expect(lines[3]).toContain('L_HEE\t');
    const renamed = run([trc], 'walk-underscored');
    const original = run([sharedDataPath(WALK), '--events', 'detect'], 'walk-named');
    for (const side of ['left', 'right']) {
      const a = renamed.json.analysis.spatiotemporal.bySide[side]!;
      const b = original.json.analysis.spatiotemporal.bySide[side]!;
      expect(a.cadenceStepsPerMin.mean).toBeCloseTo(b.cadenceStepsPerMin.mean, 1);
      expect(a.speedMps.mean).toBeCloseTo(b.speedMps.mean, 2);
    }
    const knee = renamed.json.analysis.angles.find(
      (a) => a.variable === 'knee_flexion' && a.side === 'left',
    )!;
    expect(knee.landmarks).toEqual(['L_FEP', 'L_FEO', 'L_TIO']);
    const [l, r] = kneePeaks(renamed.stdout);
    const [l0, r0] = kneePeaks(original.stdout);
    expect(Math.abs(l! - l0!)).toBeLessThan(0.5);
    expect(Math.abs(r! - r0!)).toBeLessThan(0.5);
  });

  it('analyses several files in one call into one CSV and one JSON array, carrying on past a refused one', () => {
    // The same walk from a second session's folder: the trial column then names each as given.
    const again = join(work, 'session-2');
    mkdirSync(again, { recursive: true });
    const copy = join(again, 'FunctionalWalk.c3d');
    writeFileSync(copy, readSharedBytes(WALK));
    const targets = [
      sharedDataPath(WALK),
      sharedDataPath(`${B}/c3d_org_sample01_format_variants/Eb015pr.c3d`),
      sharedDataPath(`${B}/trc_samples/Gait.trc`),
      copy,
    ];
    const csv = join(work, 'batch.csv');
    const json = join(work, 'batch.json');
    const r = analyze([...targets, '--out', csv, '--json', json]);
    console.log(r.stdout);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`[2/4] ${targets[1]}`);
    expect(r.stdout).toContain(`Analysed 3 of 4; failed: ${targets[1]}.`);
    expect(r.stdout.match(/^Trial /gm)).toHaveLength(3);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^.*Eb015pr\.c3d: Eb015pr\.c3d has no markers/),
    ]);
    const rows = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(rows.filter((l) => l.startsWith('trial,'))).toHaveLength(1);
    // Every row names its file as given, in the order given (two are called FunctionalWalk.c3d).
    const named = rows.slice(1).map((l) => targets.find((t) => l.startsWith(`${t},`)));
    expect([...new Set(named)]).toEqual([targets[0], targets[2], targets[3]]);
    const parsed = JSON.parse(readFileSync(json, 'utf8')) as MarkerJson[];
    expect(parsed.map((x) => x.source.format)).toEqual(['C3D', 'TRC', 'C3D']);
  });

  it('refuses a floor or a person box for several targets (they name one video)', () => {
    const r = analyze([
      sharedDataPath(WALK),
      sharedDataPath(`${B}/trc_samples/Gait.trc`),
      '--floor',
      '1,2,300,2',
      '--floor-distance',
      '2',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /--floor names one video's pixels or one trial's camera: give it with a single target\./,
    );
  });

  describe('refuses with one sentence, exit code 1 and no output files', () => {
    const walkBytes = readSharedBytes(WALK);
    const cutHeader = join(work, 'cut-header.c3d');
    const cutData = join(work, 'cut-data.c3d');
    writeFileSync(cutHeader, walkBytes.subarray(0, 3000));
    writeFileSync(cutData, walkBytes.subarray(0, 100_000));
    // OpenCap's walk (metres) with its header saying mm: speeds would read 1000 times too slow.
    const metresAsMm = join(work, 'metres-as-mm.trc');
    writeFileSync(metresAsMm, opencapIn('mm', 1));
    // The same walk in centimetres with its header saying mm, and in inches.
    const cmAsMm = join(work, 'cm-as-mm.trc');
    writeFileSync(cmAsMm, opencapIn('mm', 100));
    const inches = join(work, 'inches.trc');
    writeFileSync(inches, opencapIn('in', 39.37));
    const rate600 = join(work, 'walk-600hz.trc');
    writeFileSync(rate600, opencapIn('m', 1, 600));
    const rate6 = join(work, 'walk-6hz.trc');
    writeFileSync(rate6, opencapIn('m', 1, 6));
    const cases: Array<[string, () => string[], RegExp]> = [
      [
        'an OpenSim motion file (angles, not markers)',
        () => [sharedDataPath('opencap_markerless_walk_trc_mot/walk_ik.mot')],
        /walk_ik\.mot is an OpenSim motion file: it holds joint angles, not marker positions\. Analyse the \.trc/,
      ],
      [
        'markers named as no known set',
        () => [sharedDataPath(`${B}/c3d_org_sample01_format_variants/Eb015pr.c3d`)],
        /Eb015pr\.c3d has no markers GaitLab can name as the left heel, left toe, right heel, right toe, pelvis\..*This file's markers: RFT1, RFT2/,
      ],
      [
        'a static trial',
        () => [sharedDataPath(`${B}/vicon_workstation_functional_walk/FunctionalStatic.c3d`)],
        /FunctionalStatic\.c3d: The subject did not walk: .* Record a trial with the subject walking through the capture volume\./,
      ],
      [
        'a C3D cut inside its header',
        () => [cutHeader],
        /cut-header\.c3d ends inside its own header: the file is cut short/,
      ],
      [
        'a C3D cut inside its data',
        () => [cutData],
        /cut-data\.c3d holds 22 of the 438 frames its header declares: the file is cut short/,
      ],
      [
        'a unit written wrong (metres labelled mm)',
        () => [metresAsMm],
        /^gaitlab analyze: metres-as-mm\.trc gives its coordinates in mm, so its pelvis would stand 0\.9\d\d mm above its feet, where a person's stands 250-1600 mm above them\. Its numbers look like metres: correct the unit in the file \(Units, in its header\) and try again\.$/m,
      ],
      [
        'a unit written wrong (centimetres labelled mm)',
        () => [cmAsMm],
        /^gaitlab analyze: cm-as-mm\.trc gives its coordinates in mm, so its pelvis would stand \d\d\.\d mm above its feet, where a person's stands 250-1600 mm above them\. Its numbers look like centimetres: correct the unit in the file \(Units, in its header\) and try again\.$/m,
      ],
      [
        'a unit GaitLab does not read (inches)',
        () => [inches],
        /^gaitlab analyze: inches\.trc gives marker coordinates in "in" \(its Units column\): GaitLab reads millimetres, centimetres or metres\.$/m,
      ],
      [
        'a frame rate written wrong (600 Hz for 60: 0.37 s of recording)',
        () => [rate600],
        /^gaitlab analyze: walk-600hz\.trc: The recording is too short to show walking: 0\.37 s \(222 frames\).* Its heels rise and fall every 0\.11 s at the 600 Hz the file declares, where a walking stride takes 0\.5-4 s: if the capture ran at another rate, correct the rate in the file \(a TRC's DataRate, a C3D's POINT:RATE\) and analyse it again\.$/m,
      ],
      [
        'a frame rate written wrong (6 Hz for 60: strides of 11 s)',
        () => [rate6],
        /^gaitlab analyze: walk-6hz\.trc: No complete gait cycle was found.* Its heels rise and fall every 11 s at the 6 Hz the file declares/m,
      ],
      [
        '--events file on a file without events',
        () => [sharedDataPath(`${B}/trc_samples/Gait.trc`), '--events', 'file'],
        /Gait\.trc has no gait events for both feet: analyse it with --events detect\./,
      ],
      [
        'an option only a video has',
        () => [sharedDataPath(WALK), '--height', '1.7'],
        /--height does not apply to a marker file/,
      ],
    ];
    for (const [label, args, message] of cases) {
      it(label, () => {
        const out = join(work, `refused-${label.replace(/\W+/g, '-')}.csv`);
        const r = analyze([...args(), '--out', out]);
        expect(r.code).toBe(1);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(message);
        expect(r.stdout).toBe('');
        expect(existsSync(out)).toBe(false);
      });
    }
  });
});

describe('a marker file kept in the lab', () => {
  const lab = join(work, 'lab');
  const trialIds = { vicon: '', trc: '' };
  const gaitlab = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BUILT_CLI, '--lab', lab, ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('is imported as a marker-based trial and analysed again by its trial ID with the same numbers', () => {
    const patient = JSON.parse(gaitlab('patients', 'add', '--name', 'Vicon Archive', '--json').stdout) as {
      id: string;
    };
    const session = JSON.parse(
      gaitlab('sessions', 'add', patient.id, '--date', '2019-05-06', '--condition', 'pre-op', '--json')
        .stdout,
    ) as { id: string };
    const imported = gaitlab('trials', 'import', session.id, sharedDataPath(WALK), '--name', 'Vicon walk 1');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(
      /^Imported C3D markers: 110 trajectories, 3\.65 s at 120 Hz; analysed: 2 left and 2 right gait cycles, events from the file\n\S+ {2}Vicon walk 1 {2}analysed {2}marker-based capture \(no video\)$/m,
    );
    const trialId = imported.stdout.split('\n')[1]!.split(' ')[0]!;

    const csv = join(work, 'lab-trial.csv');
    const byId = gaitlab('analyze', trialId, '--out', csv);
    expect(byId.code, byId.stderr).toBe(0);
    expect(byId.stdout).toMatch(
      /^Trial Vicon walk 1: overground walking, 1 pass\(es\), events imported with the recording\./,
    );
    expect(byId.stdout).toMatch(/^Note: The events against the force plates' 6 contacts and releases/m);
    // The same curves as the file analysed on its own, under the trial's name.
    const direct = run([sharedDataPath(WALK)], 'walk-direct');
    expect(readFileSync(csv, 'utf8')).toBe(direct.csv.replaceAll('FunctionalWalk.c3d,', 'Vicon walk 1,'));

    // A session's archive at once: each walk a trial, the static trial refused and said.
    const archive = gaitlab(
      'trials',
      'import',
      session.id,
      sharedDataPath(`${B}/PiG_lowerbody/PiG_Motion3_FF.c3d`),
      sharedDataPath(`${B}/vicon_workstation_functional_walk/FunctionalStatic.c3d`),
      sharedDataPath(`${B}/trc_samples/Gait.trc`),
    );
    expect(archive.code).toBe(1);
    expect(archive.stdout).toMatch(/^Imported 2 of 3; refused: .*FunctionalStatic\.c3d\.$/m);
    expect(archive.stderr.trim()).toMatch(
      /^\S*FunctionalStatic\.c3d: FunctionalStatic\.c3d: The subject did not walk/,
    );
    expect(
      gaitlab('trials', 'list', session.id)
        .stdout.trim()
        .split('\n')
        .map((l) => l.split(/ {2}/)[1]),
    ).toEqual(['Vicon walk 1', 'PiG_Motion3_FF', 'Gait']);

    // The trial keeps a cutoff it is given, and says it in every summary until it is 6 Hz again.
    const cutoff = gaitlab('analyze', trialId, '--cutoff', '8');
    expect(cutoff.code, cutoff.stderr).toBe(0);
    expect(cutoff.stdout).toContain(
      'Filter: zero-lag 4th-order Butterworth low-pass, 8 Hz (--cutoff; the default is 6 Hz).',
    );
    expect(gaitlab('analyze', trialId).stdout).toContain(
      'Filter: zero-lag 4th-order Butterworth low-pass, 8 Hz',
    );
    expect(gaitlab('analyze', trialId, '--cutoff', '6').stdout).not.toContain('Filter:');

    const height = gaitlab('analyze', trialId, '--height', '1.7');
    expect(height.code).toBe(1);
    expect(height.stderr.trim()).toBe(
      'gaitlab analyze: --height does not apply to a marker-based trial: its coordinates are measured (mm, cm or m), with no camera or person to choose.',
    );
    trialIds.vicon = trialId;
    trialIds.trc = gaitlab('trials', 'list', session.id).stdout.trim().split('\n')[2]!.split(' ')[0]!;
  });

  it("takes its events from GaitLab's detector or the file, and keeps the choice", () => {
    const detect = gaitlab('analyze', trialIds.vicon, '--events', 'detect');
    expect(detect.code, detect.stderr).toBe(0);
    expect(detect.stdout).toMatch(
      /^Events: detected by GaitLab, coordinate-based \(Zeni 2008\).*\. --events file returns to the 11 stored in the file \(the trial keeps the choice\)\.$/m,
    );
    expect(detect.stdout).toMatch(/^Note: Detected events against the file's 11 \(those 150 ms/m);
    // Kept: analysed again without --events, still GaitLab's.
    const again = gaitlab('analyze', trialIds.vicon);
    expect(again.stdout).toMatch(/^Events: detected by GaitLab/m);
    const file = gaitlab('analyze', trialIds.vicon, '--events', 'file');
    expect(file.stdout).toMatch(
      /^Events: the 11 stored in the file\. --events detect runs GaitLab's detector \(the trial keeps the choice\)\.$/m,
    );
    // A TRC stores no events: refused, and its analysis is left as it was.
    const trc = gaitlab('analyze', trialIds.trc, '--events', 'file');
    expect(trc.code).toBe(1);
    expect(trc.stderr.trim()).toBe(
      'gaitlab analyze: Gait.trc has no gait events for both feet: analyse it with --events detect. Nothing was changed.',
    );
    expect(gaitlab('analyze', trialIds.trc).stdout).toMatch(
      /^Events: detected by GaitLab, coordinate-based/m,
    );
  });
});
