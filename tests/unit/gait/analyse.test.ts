import { describe, expect, it } from 'vitest';
import { strideClockNote } from '../../../src/main/gait/stride-clock';
import type { GaitCycle } from '../../../src/main/gait/cycles';
import { analyseTrajectories } from '../../../src/main/gait/analyse';
import { addEvent, removeEvent } from '../../../src/main/gait/gait-events';
import { poseTrackToTrajectorySet } from '../../../src/main/gait/pose-adapter';
import { textSummary } from '../../../src/main/gait/summary';
import { TIDY_CSV_COLUMNS, tidyCsv } from '../../../src/main/gait/tidy-csv';
import type { TrajectorySet } from '../../../src/main/gait/types';
import { cleanTrajectory } from '../../../src/main/gait/preprocess';
import { LENGTHS_FROM_STEPS } from '../../../src/shared/analysis-notes';
import {
  concatWalks,
  syntheticFrontalWalk,
  syntheticJumpingJacks,
  syntheticKneeDeg,
  syntheticWalk,
  toPoseTrack,
} from './synthetic-walker';

function ok(set: TrajectorySet, opts: Parameters<typeof analyseTrajectories>[1] = {}) {
  const r = analyseTrajectories(set, opts);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.analysis;
}

describe('analyseTrajectories on a synthetic side-camera walker', () => {
  for (const direction of [1, -1] as const) {
    it(`walking ${direction > 0 ? 'right' : 'left'}: direction, cycles, cadence, speed and knee pattern`, () => {
      const a = ok(syntheticWalk({ direction }), { scale: { kind: 'calibration', metresPerUnit: 1 / 300 } });
      expect(a.passes.length).toBe(1);
      expect(a.passes[0]!.direction).toBe(direction);
      expect(a.mode).toBe('overground');
      for (const side of ['left', 'right'] as const) {
        const used = a.cycles.filter((c) => c.side === side && !c.excluded);
        expect(used.length).toBeGreaterThanOrEqual(3);
        const st = a.spatiotemporal.bySide[side];
        expect(st.cadenceStepsPerMin.mean).toBeCloseTo(120 / 1.1, 0);
        expect(st.strideTimeS.mean).toBeCloseTo(1.1, 1);
        expect(st.speedMps.mean).toBeCloseTo(1.2, 1);
        expect(st.strideLengthM.mean).toBeCloseTo(1.32, 1);
        const knee = a.curves.find((c) => c.side === side && c.variable === 'knee_flexion')!;
        expect(knee.view).toBe('sagittal-camera');
        expect(knee.landmarks).toEqual([`${side}_hip`, `${side}_knee`, `${side}_ankle`]);
        expect(knee.mean.length).toBe(51);
        // Flexion positive with a ~60 deg swing peak whichever way the subject walks.
        expect(Math.max(...knee.mean)).toBeGreaterThan(50);
        expect(Math.max(...knee.mean)).toBeLessThan(65);
        expect(Math.min(...knee.mean)).toBeGreaterThan(0);
        const trunk = a.angles.find((x) => x.variable === 'trunk_tilt' && x.side === side)!;
        expect(trunk.values[30]).toBeCloseTo((Math.atan2(0.05, 0.5) * 180) / Math.PI, 1);
      }
      expect(a.curves.every((c) => c.unit === 'deg' && c.mean.every(Number.isFinite))).toBe(true);
    });
  }

  it('gives the same knee curve for both walking directions', () => {
    const r = ok(syntheticWalk({ direction: 1 }));
    const l = ok(syntheticWalk({ direction: -1 }));
    const kr = r.curves.find((c) => c.side === 'left' && c.variable === 'knee_flexion')!.mean;
    const kl = l.curves.find((c) => c.side === 'left' && c.variable === 'knee_flexion')!.mean;
    const diff = Math.max(...kr.map((v, i) => Math.abs(v - kl[i]!)));
    expect(diff).toBeLessThan(1);
  });

  it('knee time series equals the generating curve (no sign flip, no lag)', () => {
    const set = syntheticWalk({ direction: -1, fps: 60 });
    const a = ok(set);
    const knee = a.angles.find((x) => x.variable === 'knee_flexion' && x.side === 'left')!;
    let maxErr = 0;
    for (let i = 30; i < set.frameCount - 30; i++) {
      const phase = (i / 60 / 1.1) % 1;
      maxErr = Math.max(maxErr, Math.abs(knee.values[i]! - syntheticKneeDeg(phase)));
    }
    // 6 Hz smoothing rounds the sharp swing peak slightly.
    expect(maxErr).toBeLessThan(4);
  });

  it('runs from a PoseTrack2D through the adapter', () => {
    const set = poseTrackToTrajectorySet(toPoseTrack(syntheticWalk({ direction: 1 })));
    expect(set.convention).toBe('image-y-down');
    expect(set.trajectories.left_heel).toBeDefined();
    const a = ok(set, { scale: { kind: 'subject-height', heightM: 1.75 } });
    expect(a.cycles.filter((c) => !c.excluded).length).toBeGreaterThanOrEqual(6);
    expect(a.scale?.method).toBe('subject-height');
    expect(a.spatiotemporal.bySide.left.speedMps.mean).toBeGreaterThan(0.8);
  });

  it('has no step width from a single camera', () => {
    const a = ok(syntheticWalk(), { scale: { kind: 'calibration', metresPerUnit: 1 / 300 } });
    expect(a.spatiotemporal.bySide.left.stepWidthM.n).toBe(0);
  });

  it('reports no distances for pixel data without a scale, and says why', () => {
    const a = ok(syntheticWalk());
    expect(a.spatiotemporal.bySide.left.speedMps.n).toBe(0);
    expect(a.spatiotemporal.perCycle[0]!.speedMps).toBeNull();
    expect(a.warnings.join(' ')).toMatch(/scale/i);
  });

  it('refuses a height in centimetres with a suggestion', () => {
    const r = analyseTrajectories(syntheticWalk(), { scale: { kind: 'subject-height', heightM: 175 } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-scale');
      expect(r.error.message).toContain('1.75');
    }
  });

  it('recognises a treadmill (pelvis still, feet cycling)', () => {
    const a = ok(syntheticWalk({ treadmill: true }), { treadmillBeltSpeedMps: 1.1 });
    expect(a.mode).toBe('treadmill');
    expect(a.passes[0]!.direction).toBe(1);
    expect(a.cycles.filter((c) => c.side === 'left' && !c.excluded).length).toBeGreaterThanOrEqual(3);
    expect(a.spatiotemporal.bySide.left.speedMps.mean).toBeCloseTo(1.1, 5);
    expect(a.treadmillBeltSpeedMps).toBe(1.1);
    expect(a.warnings.some((w) => /belt speed/.test(w))).toBe(false);
  });

  it('on a treadmill without the belt speed, measures steps at their contacts and says how', () => {
    const calibrated = { scale: { kind: 'calibration' as const, metresPerUnit: 1 / 300 } };
    const a = ok(syntheticWalk({ treadmill: true }), calibrated);
    const over = ok(syntheticWalk(), calibrated);
    expect(a.treadmillBeltSpeedMps).toBeNull();
    const l = a.spatiotemporal.bySide.left;
    expect(l.cadenceStepsPerMin.n).toBeGreaterThanOrEqual(3);
    // The same legs walking across the picture make the same steps.
    expect(l.stepLengthM.mean).toBeCloseTo(over.spatiotemporal.bySide.left.stepLengthM.mean, 2);
    for (const c of a.spatiotemporal.perCycle.filter((x) => x.strideLengthM !== null)) {
      const opposite = a.spatiotemporal.perCycle.find((x) => x.side !== c.side)!;
      expect(c.strideLengthM!).toBeCloseTo(c.stepLengthM! + opposite.stepLengthM!, 2);
      expect(c.speedMps!).toBeCloseTo(c.strideLengthM! / c.strideTimeS!, 9);
    }
    expect(l.speedMps.n).toBeGreaterThanOrEqual(3);
    expect(a.warnings.find((w) => w.startsWith('The patient stays in one place in the picture'))).toBe(
      `The patient stays in one place in the picture: walking on a treadmill, or a camera that pans to follow the patient. The floor moves through the picture, so ${LENGTHS_FROM_STEPS} (on a treadmill, relative to the belt). On a treadmill, enter the belt speed from its console for speed and lengths from the belt.`,
    );
    expect(textSummary('t', a)).toMatch(/^Scale: calibration/m);
  });

  it('refuses a belt speed in km/h, and ignores one given for walking across the picture', () => {
    const r = analyseTrajectories(syntheticWalk({ treadmill: true }), { treadmillBeltSpeedMps: 4 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/4 looks like km\/h, which is 1\.11 m\/s/);
    const over = ok(syntheticWalk(), { treadmillBeltSpeedMps: 1.1 });
    expect(over.mode).toBe('overground');
    expect(over.treadmillBeltSpeedMps).toBeNull();
    expect(over.warnings).toContain(
      'A treadmill belt speed was given, but the patient walks across the picture (overground): it was not used.',
    );
  });

  it('re-runs from hand-edited events, and drops cycles excluded by hand', () => {
    const first = ok(syntheticWalk());
    const ic = first.events.filter((e) => e.side === 'left' && e.kind === 'initial-contact');
    const edited = removeEvent(first.events, 'left', 'initial-contact', ic[1]!.frame);
    const again = ok(syntheticWalk(), {
      events: addEvent(edited, 'left', 'initial-contact', ic[1]!.frame + 1),
    });
    expect(again.eventSource).toBe('manual');
    expect(
      again.events.some((e) => e.source === 'manual' && Math.abs(e.frame - ic[1]!.frame - 1) < 1e-9),
    ).toBe(true);
    const excluded = ok(syntheticWalk(), { cycles: { excluded: ['left:0'] } });
    const c0 = excluded.cycles.find((c) => c.side === 'left' && c.index === 0)!;
    expect(c0.excluded).toBe(true);
    expect(c0.flags).toContain('excluded-by-user');
    const knee = excluded.curves.find((c) => c.side === 'left' && c.variable === 'knee_flexion')!;
    expect(knee.includedCycles).toBe(excluded.cycles.filter((c) => c.side === 'left' && !c.excluded).length);
  });

  it('formats a tidy CSV and a text summary with units', () => {
    const a = ok(syntheticWalk(), { scale: { kind: 'calibration', metresPerUnit: 1 / 300 } });
    const csv = tidyCsv('trial 1, barefoot', a);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(TIDY_CSV_COLUMNS.join(','));
    expect(lines[1]).toMatch(/^"trial 1, barefoot",(left|right),1,0,[a-z_]+,-?\d+\.\d{3},deg$/);
    const perCycle = a.curves.reduce((n, c) => n + c.cycles.filter((x) => !x.excluded).length * 51, 0);
    const curveRows = lines.slice(1).filter((l) => !/,,[A-Za-z]+,/.test(l));
    expect(curveRows.length).toBe(perCycle);
    // Each included cycle's spatiotemporal parameters: percent empty, the unit named.
    const first = a.spatiotemporal.perCycle[0]!;
    expect(lines).toContain(
      `"trial 1, barefoot",${first.side},${first.cycleIndex + 1},,strideTimeS,${first.strideTimeS!.toFixed(3)},s`,
    );
    expect(lines).toContain(
      `"trial 1, barefoot",${first.side},${first.cycleIndex + 1},,strideLengthM,${first.strideLengthM!.toFixed(3)},m`,
    );
    expect(lines.filter((l) => l.includes(',,stancePct,') && l.endsWith(',% cycle')).length).toBe(
      a.spatiotemporal.perCycle.length,
    );
    expect(lines.length - 1 - curveRows.length).toBe(
      a.spatiotemporal.perCycle.reduce(
        (n, c) => n + Object.values(c).filter((v) => typeof v === 'number' && Number.isFinite(v)).length - 1,
        0,
      ),
    );
    const text = textSummary('T1', a);
    expect(text).toMatch(/Left: \d+ of \d+ cycle\(s\) used/);
    expect(text).toMatch(/Left cadence: \d+ ± \d+ steps\/min/);
    expect(text).toMatch(/speed: 1\.\d\d ± \d\.\d\d m\/s/);
    expect(text).toMatch(
      /Right knee flexion: peak in swing \d+\.\d ± \d+\.\d deg .*minimum in stance \d+\.\d ± \d+\.\d deg/,
    );
    console.log(text);
  });
});

describe('walking passes', () => {
  it('walk right, stop and turn, walk back left: two passes, opposite directions, same knee pattern', () => {
    const out = syntheticWalk({ direction: 1, seconds: 5, startXPx: 100 });
    const endX = 100 + 5 * 1.2 * 300;
    const turn = syntheticWalk({ standing: true, seconds: 1.5, startXPx: endX });
    const back = syntheticWalk({ direction: -1, seconds: 5, startXPx: endX });
    const a = ok(concatWalks([out, turn, back]), { scale: { kind: 'calibration', metresPerUnit: 1 / 300 } });
    expect(a.passes.map((p) => p.direction)).toEqual([1, -1]);
    // The standing/turning part lies between the passes.
    expect(a.passes[0]!.endFrame).toBeLessThanOrEqual(5 * 30 + 10);
    expect(a.passes[1]!.startFrame).toBeGreaterThanOrEqual(6.5 * 30 - 10);
    for (const pass of a.passes) {
      const cycles = a.cycles.filter((c) => c.passIndex === pass.index && !c.excluded);
      expect(cycles.length).toBeGreaterThanOrEqual(4);
    }
    // An event placed by hand while turning starts no cycle, and the analysis says so.
    const stray = ok(concatWalks([out, turn, back]), {
      events: addEvent(a.events, 'right', 'initial-contact', 5.7 * 30),
    });
    expect(stray.warnings.join(' ')).toMatch(
      /1 event\(s\) lie outside the walking passes.*right initial-contact at 5\.70 s/,
    );
    expect(stray.cycles.length).toBe(a.cycles.length);
    const knee = a.curves.find((c) => c.side === 'right' && c.variable === 'knee_flexion')!;
    expect(Math.max(...knee.mean)).toBeGreaterThan(50);
    expect(Math.min(...knee.mean)).toBeGreaterThan(0);
    expect(a.spatiotemporal.bySide.right.speedMps.mean).toBeCloseTo(1.2, 1);
  });
});

describe('other views and gaits', () => {
  it('a toe walker (equinus) still gets one contact per stride', () => {
    const normal = ok(syntheticWalk());
    const toe = ok(syntheticWalk({ toeWalking: true }));
    for (const side of ['left', 'right'] as const) {
      const a = normal.events
        .filter((e) => e.side === side && e.kind === 'initial-contact')
        .map((e) => e.frame);
      const b = toe.events.filter((e) => e.side === side && e.kind === 'initial-contact').map((e) => e.frame);
      expect(b.length).toBe(a.length);
      b.forEach((f, k) => expect(Math.abs(f - a[k]!)).toBeLessThan(3));
      const ankle = toe.curves.find((c) => c.side === side && c.variable === 'ankle_dorsiflexion')!.mean;
      const ankleNormal = normal.curves.find(
        (c) => c.side === side && c.variable === 'ankle_dorsiflexion',
      )!.mean;
      // 30 deg more plantarflexed throughout the cycle.
      const shift = ankle.map((v, k) => v - ankleNormal[k]!);
      expect(shift.reduce((x, y) => x + y, 0) / shift.length).toBeCloseTo(-30, 0);
    }
  });

  it('a frontal camera gives frontal-plane angles from events given by the side camera', () => {
    const side = ok(syntheticWalk());
    const r = analyseTrajectories(syntheticFrontalWalk(), { view: 'frontal', events: side.events });
    if (!r.ok) throw new Error(r.error.message);
    const a = r.analysis;
    expect(a.angles.every((x) => x.view === 'frontal-camera')).toBe(true);
    for (const s of ['left', 'right'] as const) {
      const hip = a.curves.find((c) => c.side === s && c.variable === 'hip_abduction')!;
      expect(hip.landmarks[0]).toBe(`${s}_hip`);
      // Abducted in swing (+5), adducted in stance (-3): not mirrored between sides.
      expect(Math.max(...hip.mean)).toBeCloseTo(5, 0);
      expect(Math.min(...hip.mean)).toBeCloseTo(-3, 0);
      const obl = a.curves.find((c) => c.side === s && c.variable === 'pelvic_obliquity')!;
      expect(Math.max(...obl.mean.map(Math.abs))).toBeLessThan(0.5);
    }
    expect(a.spatiotemporal.bySide.left.strideLengthM.n).toBe(0);
    // Walking away from the camera: same signs.
    const away = analyseTrajectories(syntheticFrontalWalk({ away: true }), {
      view: 'frontal',
      events: side.events,
    });
    if (!away.ok) throw new Error(away.error.message);
    const hipAway = away.analysis.curves.find((c) => c.side === 'left' && c.variable === 'hip_abduction')!;
    expect(Math.max(...hipAway.mean)).toBeCloseTo(5, 0);
    expect(Math.min(...hipAway.mean)).toBeCloseTo(-3, 0);
    expect(a.spatiotemporal.bySide.left.cadenceStepsPerMin.mean).toBeCloseTo(120 / 1.1, 0);
  });

  it('weights landmarks by confidence: an unsure outlier is pulled back to its neighbours', () => {
    const set = syntheticWalk();
    const t = set.trajectories.left_knee!;
    const x = Float64Array.from(t.x as Float64Array);
    const conf = new Float64Array(set.frameCount).fill(0.95);
    x[60] = x[60]! + 200;
    conf[60] = 0.35; // barely above the 0.3 cut: mostly replaced
    x[90] = x[90]! + 200;
    conf[90] = 0.1; // below the cut: treated as missing and filled
    const clean = cleanTrajectory('left_knee', { x, y: t.y, confidence: conf }, set, { cutoffHz: 0 });
    expect(Math.abs(clean.point.x[60]! - (t.x[60] as number))).toBeLessThan(30);
    expect(Math.abs(clean.point.x[90]! - (t.x[90] as number))).toBeLessThan(2);
  });
});

describe('clear errors instead of empty numbers', () => {
  it('nobody in view', () => {
    const set = syntheticWalk();
    for (const t of Object.values(set.trajectories)) {
      (t.x as Float64Array).fill(NaN);
      (t.y as Float64Array).fill(NaN);
    }
    const r = analyseTrajectories(set);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('nobody-in-view');
      expect(r.error.message).toMatch(/Nobody/);
    }
  });

  it('nobody in view from a PoseTrack2D with zero confidence', () => {
    const track = toPoseTrack(syntheticWalk());
    track.confidence.fill(0);
    const r = analyseTrajectories(poseTrackToTrajectorySet(track));
    expect(r.ok ? 'ok' : r.error.code).toBe('nobody-in-view');
  });

  it('standing still', () => {
    const r = analyseTrajectories(syntheticWalk({ standing: true }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('standing-still');
      expect(r.error.message).toMatch(/did not walk/);
    }
  });

  it('a clip shorter than a stride is called too short, not still', () => {
    const r = analyseTrajectories(syntheticWalk({ seconds: 0.2 }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('no-gait-cycles');
      expect(r.error.message).toBe(
        "The recording is too short to show walking: 0.20 s (6 frames), and one stride takes about a second. Record the subject walking across the camera's view for at least two strides.",
      );
    }
  });

  it('strides longer than anyone walks are suspected to come from a slow-motion video', () => {
    const stride = (durationS: number): GaitCycle => ({
      side: 'left',
      index: 0,
      startFrame: 0,
      endFrame: 30 * durationS,
      durationS,
      passIndex: 0,
      flags: durationS > 4 ? ['too-long'] : [],
      excluded: durationS > 4,
    });
    // The Sports2D walk played 4x slow gives strides of about 4.8 s, flagged too long.
    const video = { kind: 'video' } as const;
    expect(strideClockNote([4.7, 4.8, 4.9].map(stride), video)).toBe(
      'Strides last 4.8 s (25 steps/min), longer than anyone walks: if this video plays in slow motion, its clock is not real time, and every time, cadence and speed measured from it is too slow by the slow-motion factor. Analyse the original recording, at its real frame rate.',
    );
    expect(strideClockNote([3.9, 4.0].map(stride), video)).toBeNull();
    expect(strideClockNote([0.5, 1.1].map(stride), video)).toBeNull();
    // A marker file's clock is the rate it declares: 10x too low or 4x too high.
    const at = (rateHz: number) => ({ kind: 'declared-rate', rateHz }) as const;
    expect(strideClockNote([11.8, 12.1, 12.4].map(stride), at(6))).toBe(
      "Strides last 12.1 s (10 steps/min) at the 6 Hz the file declares, longer than anyone walks: if the capture ran at another rate, the file's frame rate is wrong, and every time, cadence and speed measured from it with it. Correct the rate in the file (a TRC's DataRate, a C3D's POINT:RATE) and analyse it again.",
    );
    expect(strideClockNote([0.29, 0.3, 0.3].map(stride), at(240))).toMatch(
      /^Strides last 0\.30 s \(400 steps\/min\) at the 240 Hz the file declares, shorter than anyone walks: /,
    );
    expect(strideClockNote([0.29, 0.3].map(stride), video)).toMatch(
      /shorter than anyone walks: if this video plays faster than real time \(a time-lapse or sped-up export\)/,
    );
    // A very slow walker (strides of 3 s, 40 steps/min) is analysed without the note.
    const slowest = analyseTrajectories(syntheticWalk({ seconds: 24, strideS: 3, speedMps: 0.44 }));
    expect(slowest.ok && slowest.analysis.cycles.length > 0).toBe(true);
    expect(slowest.ok && slowest.analysis.warnings.some((w) => /slow motion/.test(w))).toBe(false);
  });

  it('landmarks missing for long stretches', () => {
    const set = syntheticWalk();
    // Feet lost for 2 of every 2.5 s (behind an obstacle): gaps far beyond what may be filled.
    for (const nm of ['left_heel', 'right_heel', 'left_foot_index', 'right_foot_index']) {
      const t = set.trajectories[nm]!;
      for (let i = 0; i < set.frameCount; i++) {
        if (i % 75 < 60) {
          (t.x as Float64Array)[i] = NaN;
          (t.y as Float64Array)[i] = NaN;
        }
      }
    }
    const r = analyseTrajectories(set);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('landmarks-missing');
      expect(r.error.message).toMatch(/heel|foot/);
      expect(r.error.longGaps!.length).toBeGreaterThan(0);
    }
  });

  it('jumping jacks are not walking: not a treadmill, not stepping in place, no pace given', () => {
    // Each heel swings to and fro about the still pelvis, in turn, as on a treadmill, and the left
    // heel is lower in the picture when the legs are open, as a lead; but neither passes the other.
    const r = analyseTrajectories(syntheticJumpingJacks({ seconds: 6, periodS: 1.1 }));
    if (r.ok) throw new Error(`analysed as ${r.analysis.passes[0]?.mode} walking`);
    expect(r.error.code).toBe('standing-still');
    expect(r.error.message).toMatch(
      /^The subject did not walk: the pelvis moved at most 0\.00 leg lengths per second, and the feet moved apart and back together side by side 5 times \(from 0\.2 to 1\.0 leg lengths apart/,
    );
    const frontal = analyseTrajectories(syntheticJumpingJacks(), { view: 'frontal' });
    if (frontal.ok) throw new Error('analysed without events');
    expect(frontal.error.code).toBe('events-required');
    expect(frontal.error.endOn).toBeUndefined();
    expect(frontal.error.message).not.toMatch(/From this camera|steps\/min/);
  });

  it('a frontal camera asks for events rather than guessing', () => {
    const r = analyseTrajectories(syntheticWalk(), { view: 'frontal' });
    expect(r.ok ? 'ok' : r.error.code).toBe('events-required');
  });

  it('never returns NaN-filled summaries when cycles exist', () => {
    const a = ok(syntheticWalk());
    for (const c of a.curves) expect(c.mean.some(Number.isNaN)).toBe(false);
  });
});

describe('event provenance', () => {
  it('says how the events were placed, and how many were corrected by hand', () => {
    const set = syntheticWalk({ fps: 100 });
    const first = analyseTrajectories(set);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.analysis.eventMethod).toMatch(/^coordinate-based \(Zeni 2008\)/);
    const events = first.analysis.events.map((e, i) =>
      i === 2 ? { ...e, frame: e.frame + 3, source: 'manual' as const } : e,
    );
    const edited = analyseTrajectories(set, { events });
    if (!edited.ok) throw new Error(edited.error.message);
    expect(edited.analysis.eventMethod).toBe(
      `detected (Zeni 2008, coordinate-based); 1 of ${events.length} set or moved by hand`,
    );
  });
});
