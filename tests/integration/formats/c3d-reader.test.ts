// The C3D reader on real files from several writers and all three processor formats.
import { describe, expect, it } from 'vitest';
import {
  c3dParameter,
  findC3DPoint,
  readC3D,
  readC3DAnalogChannel,
} from '../../../src/main/formats/c3d-reader';
import { forcePlateContacts } from '../../../src/main/formats/c3d-force-plates';
import { c3dGaitEvents } from '../../../src/main/formats/c3d-trajectories';
import { readSharedBytes, readSharedText } from '../../helpers/shared-data';

const B = 'btkdata_c3d_plugingait';

describe('C3D: one trial in six encodings', () => {
  const variants = [
    ['Eb015pi.c3d', 'intel', false],
    ['Eb015pr.c3d', 'intel', true],
    ['Eb015si.c3d', 'mips', false],
    ['Eb015sr.c3d', 'mips', true],
    ['Eb015vi.c3d', 'dec', false],
    ['Eb015vr.c3d', 'dec', true],
  ] as const;
  const files = variants.map(([name]) =>
    readC3D(readSharedBytes(`${B}/c3d_org_sample01_format_variants/${name}`)),
  );

  it.each(variants.map((v, i) => [v[0], v[1], v[2], i] as const))(
    '%s reads as %s, float=%s',
    (_name, processor, float, i) => {
      const f = files[i]!;
      expect(f.processor).toBe(processor);
      expect(f.floatData).toBe(float);
      expect(f.pointRateHz).toBe(50);
      expect(f.frameCount).toBe(450);
      expect(f.points.length).toBe(26);
      // Point 0 at frame index 100 (0-based), per the data set's README.
      const p = f.points[0]!;
      expect(p.x[100]).toBeCloseTo(250.67, 1);
      expect(p.y[100]).toBeCloseTo(227.25, 1);
      expect(p.z[100]).toBeCloseTo(35.33, 1);
    },
  );

  it('gives identical coordinates for every point and frame in all six encodings', () => {
    const ref = files[0]!;
    let maxDiff = 0;
    for (const f of files.slice(1)) {
      expect(f.points.map((p) => p.label)).toEqual(ref.points.map((p) => p.label));
      f.points.forEach((p, k) => {
        const q = ref.points[k]!;
        for (let i = 0; i < f.frameCount; i++) {
          for (const axis of ['x', 'y', 'z'] as const) {
            const a = p[axis][i]!;
            const b = q[axis][i]!;
            expect(Number.isNaN(a)).toBe(Number.isNaN(b));
            if (!Number.isNaN(a)) maxDiff = Math.max(maxDiff, Math.abs(a - b));
          }
        }
      });
    }
    console.log(`six encodings: max coordinate difference ${maxDiff.toFixed(4)} mm`);
    // Integer files are quantised by POINT:SCALE; float files carry the same values.
    expect(maxDiff).toBeLessThan(0.1);
  });

  it('reads the same analog force and the same plate contacts in all six encodings', () => {
    const bytes = variants.map(([name]) => readSharedBytes(`${B}/c3d_org_sample01_format_variants/${name}`));
    const contacts = files.map((f, i) => forcePlateContacts(bytes[i]!, f));
    console.log(`six encodings, force plates: ${JSON.stringify(contacts[0])}`);
    // Two plates, one whole step each (50 Hz: frames; analog at 4 samples a frame).
    expect(contacts[0]).toEqual([
      { plate: 2, onFrame: 136, offFrame: 248.5 },
      { plate: 1, onFrame: 269.75, offFrame: 366 },
    ]);
    for (const c of contacts.slice(1)) expect(c).toEqual(contacts[0]);
    // The vertical force itself, sample by sample (newtons: a walker's weight is hundreds).
    const fzChannel = (c3dParameter(files[0]!, 'FORCE_PLATFORM', 'CHANNEL')!.value as number[])[2]! - 1;
    const fz = files.map((f, i) => readC3DAnalogChannel(bytes[i]!, f, fzChannel));
    const peak = Math.max(...fz[0]!.map(Math.abs));
    expect(peak).toBeGreaterThan(300);
    for (const other of fz.slice(1)) {
      let worst = 0;
      for (let k = 0; k < other.length; k++) worst = Math.max(worst, Math.abs(other[k]! - fz[0]![k]!));
      expect(worst / peak).toBeLessThan(0.01);
    }
  });
});

function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text.trim().split(/\r?\n/);
  return { header: lines[0]!.split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

describe('C3D: clinical files with events and model angles', () => {
  it('reads the DEC integer Plug-in Gait file (c3d.org sample09) with its events and angles', () => {
    const f = readC3D(readSharedBytes(`${B}/c3d_org_sample09_plugin_gait/PlugInC3D.c3d`));
    expect(f.processor).toBe('dec');
    expect(f.floatData).toBe(false);
    expect(f.pointRateHz).toBe(60);
    expect(f.frameCount).toBe(281);
    expect(f.events.length).toBe(8);
    expect(f.angleLabels).toContain('LKneeAngles');
    const knee = findC3DPoint(f, 'RKneeAngles')!;
    const valid = Array.from(knee.x).filter(Number.isFinite);
    // Crouch-like pattern described in the data set README: 38-82 deg.
    expect(Math.min(...valid)).toBeGreaterThan(30);
    expect(Math.max(...valid)).toBeLessThan(90);
    const events = c3dGaitEvents(f);
    expect(events.filter((e) => e.kind === 'initial-contact').length).toBe(4);
    expect(events.filter((e) => e.kind === 'foot-off').length).toBe(4);
  });

  for (const [rel, csvName, angleSuffix, firstFrame, frames, rate] of [
    [`${B}/PiG_lowerbody/PiG_Motion3_FF.c3d`, 'PiG_Motion3_FF', 'V', 725, 293, 100],
    [`${B}/PiG_fullbody/PiG_Motion-FlatFoot-Full.c3d`, 'PiG_Motion-FlatFoot-Full', '', 148, 315, 100],
    [`${B}/vicon_workstation_functional_walk/FunctionalWalk.c3d`, 'FunctionalWalk', '', 480, 438, 120],
  ] as const) {
    it(`reads ${csvName}: frames, events and angles equal the derived CSV exports`, () => {
      const f = readC3D(readSharedBytes(rel));
      expect(f.firstFrame).toBe(firstFrame);
      expect(f.frameCount).toBe(frames);
      expect(f.pointRateHz).toBe(rate);
      const evCsv = parseCsv(readSharedText(`${B}/derived_csv/${csvName}_events.csv`));
      expect(f.events.length).toBe(evCsv.rows.length);
      evCsv.rows.forEach((r, i) => {
        const e = f.events[i]!;
        expect(e.timeS).toBeCloseTo(Number(r[0]), 3);
        expect(e.context).toBe(r[2]);
        expect(e.label).toBe(r[3]);
      });
      const angCsv = parseCsv(readSharedText(`${B}/derived_csv/${csvName}_angles.csv`));
      let compared = 0;
      let maxDiff = 0;
      for (const label of f.angleLabels) {
        const p = findC3DPoint(f, label)!;
        for (const [axis, arr] of [
          ['X', p.x],
          ['Y', p.y],
          ['Z', p.z],
        ] as const) {
          const col = angCsv.header.indexOf(`${label}_${axis}`);
          expect(col, `${label}_${axis}`).toBeGreaterThan(1);
          angCsv.rows.forEach((row, i) => {
            const cell = row[col] ?? '';
            const v = arr[i]!;
            if (cell === '') {
              expect(Number.isNaN(v)).toBe(true);
            } else {
              maxDiff = Math.max(maxDiff, Math.abs(v - Number(cell)));
              compared++;
            }
          });
        }
        expect(angleSuffix === '' || label.endsWith(angleSuffix)).toBe(true);
      }
      console.log(
        `${csvName}: ${f.angleLabels.length} angle outputs, ${compared} values, max difference ${maxDiff.toExponential(2)} deg; ${f.events.length} events`,
      );
      expect(compared).toBeGreaterThan(1000);
      expect(maxDiff).toBeLessThan(1e-3);
    });
  }

  it('reads the Motion Analysis C3D (DEC) with the same markers as its TRC export', async () => {
    const { readTrc } = await import('../../../src/main/formats/trc-reader');
    const c = readC3D(readSharedBytes(`${B}/trc_samples/Gait.c3d`));
    const t = readTrc(readSharedText(`${B}/trc_samples/Gait.trc`));
    expect(c.processor).toBe('dec');
    expect(c.frameCount).toBe(t.frameCount);
    expect(c.pointRateHz).toBe(t.dataRateHz);
    // The two exports were processed separately (the TRC is gap-filled), so they agree to a few mm.
    const pairs = [
      ['RHEE', 'R.Heel'],
      ['LHEE', 'L.Heel'],
      ['RTOE', 'R.Toe'],
      ['LTOE', 'L.Toe'],
      ['RASI', 'R.ASIS'],
      ['LASI', 'L.ASIS'],
    ] as const;
    const diffs: number[] = [];
    for (const [cl, tl] of pairs) {
      const pc = findC3DPoint(c, cl)!;
      const pt = t.markers.find((m) => m.name === tl)!;
      expect(pc, cl).toBeDefined();
      expect(pt, tl).toBeDefined();
      for (let i = 0; i < c.frameCount; i++) {
        const d = Math.hypot(pc.x[i]! - pt.x[i]!, pc.y[i]! - pt.y[i]!, pc.z[i]! - pt.z[i]!);
        if (Number.isFinite(d)) diffs.push(d);
      }
    }
    diffs.sort((a, b) => a - b);
    const med = diffs[Math.floor(diffs.length / 2)]!;
    const p95 = diffs[Math.floor(diffs.length * 0.95)]!;
    console.log(
      `Gait.c3d vs Gait.trc: ${diffs.length} marker samples, median distance ${med.toFixed(2)} mm, 95th percentile ${p95.toFixed(2)} mm`,
    );
    expect(diffs.length).toBeGreaterThan(600);
    expect(med).toBeLessThan(3);
    expect(p95).toBeLessThan(10);
  });

  it('reads the Workstation static trial stored in DEC float', () => {
    const f = readC3D(readSharedBytes(`${B}/vicon_workstation_functional_walk/FunctionalStatic.c3d`));
    expect(f.processor).toBe('dec');
    expect(f.floatData).toBe(true);
    expect(f.pointRateHz).toBe(120);
    const lasi = findC3DPoint(f, 'LASI')!;
    const valid = Array.from(lasi.z).filter(Number.isFinite);
    expect(valid.length).toBeGreaterThan(100);
    // A standing adult's ASIS is roughly 0.8-1.1 m above the floor.
    expect(valid[0]).toBeGreaterThan(700);
    expect(valid[0]).toBeLessThan(1200);
    expect(c3dParameter(f, 'point', 'units')?.value).toBe('mm');
  });
});
