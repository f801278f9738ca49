// Gait events from Plug-in Gait marker walks through the same detector that pose landmarks use
// (heel, toe and pelvis trajectories only), compared with the events Vicon stored in the C3D files
// and, where a foot landed on a force plate, with the plate's own contact and release instants.
import { describe, expect, it } from 'vitest';
import { readC3D, type C3DFile } from '../../../src/main/formats/c3d-reader';
import { c3dGaitEvents, c3dToTrajectorySet } from '../../../src/main/formats/c3d-trajectories';
import { analyseTrajectories, type AnalysisOptions } from '../../../src/main/gait/analyse';
import { matchEvents } from '../../../src/main/gait/event-agreement';
import type { GaitEvent } from '../../../src/main/gait/types';
import { readSharedBytes } from '../../helpers/shared-data';
import { forcePlateContacts } from '../../../src/main/formats/c3d-force-plates';

const B = 'btkdata_c3d_plugingait';
// Vicon Nexus / Workstation Plug-in Gait walks, 100-120 Hz. (PiG_Motion3_noFF has the same markers
// and events as PiG_Motion3_FF, so it would count every event twice.)
const VICON_WALKS = [
  `${B}/PiG_lowerbody/PiG_Motion3_FF.c3d`,
  `${B}/PiG_fullbody/PiG_Motion-FlatFoot-Full.c3d`,
  `${B}/vicon_workstation_functional_walk/FunctionalWalk.c3d`,
];
// c3d.org clinical sample: 60 Hz, crouch gait, markers missing in long stretches.
const CLINICAL_60HZ = `${B}/c3d_org_sample09_plugin_gait/PlugInC3D.c3d`;

const EVENT_MARKERS = ['LHEE', 'RHEE', 'LTOE', 'RTOE', 'LASI', 'RASI', 'LPSI', 'RPSI', 'SACR'];

interface Match {
  trial: string;
  ref: GaitEvent;
  timeS: number;
  errorMs: number;
  /** Where the reference instant comes from (printed). */
  note?: string;
}

interface Trial {
  trial: string;
  file: C3DFile;
  bytes: Uint8Array;
  detected: GaitEvent[];
}

function detect(rel: string, options: AnalysisOptions = {}): Trial {
  const bytes = readSharedBytes(rel);
  const file = readC3D(bytes);
  const set = c3dToTrajectorySet(file);
  const only = Object.fromEntries(
    Object.entries(set.trajectories).filter(([k]) => EVENT_MARKERS.includes(k)),
  );
  const result = analyseTrajectories({ ...set, trajectories: only }, options);
  if (!result.ok) throw new Error(`${rel}: ${result.error.code}: ${result.error.message}`);
  return { trial: rel.split('/').pop()!, file, bytes, detected: result.analysis.events };
}

/** Only instants at least 150 ms inside the recording are compared. */
const MARGIN_S = 0.15;

function eventErrors(rel: string, options: AnalysisOptions = {}): Match[] {
  const t = detect(rel, options);
  const rate = t.file.pointRateHz;
  return matchEvents(c3dGaitEvents(t.file), t.detected, rate, t.file.frameCount, { marginS: MARGIN_S }).map(
    (m) => ({
      trial: t.trial,
      ref: m.reference,
      timeS: (m.reference.frame + t.file.firstFrame - 1) / rate,
      errorMs: m.errorMs,
    }),
  );
}

/**
 * Contact (vertical force above 20 N) and release of each force plate, as initial contact and foot
 * off of the detected event nearest in time. The note gives Vicon's stored event against the plate.
 */
function plateErrors(rel: string): Match[] {
  const t = detect(rel);
  const rate = t.file.pointRateHz;
  const stored = c3dGaitEvents(t.file);
  const contacts = forcePlateContacts(t.bytes, t.file);
  const plates: GaitEvent[] = contacts.flatMap((c) => [
    { side: 'left', kind: 'initial-contact', frame: c.onFrame, source: 'imported' },
    { side: 'left', kind: 'foot-off', frame: c.offFrame, source: 'imported' },
  ]);
  const plateOf = (frame: number) => contacts.find((c) => c.onFrame === frame || c.offFrame === frame)!.plate;
  const opts = { marginS: MARGIN_S, anySide: true };
  const vicon = matchEvents(plates, stored, rate, t.file.frameCount, opts);
  return matchEvents(plates, t.detected, rate, t.file.frameCount, opts).map((m, i) => ({
    trial: `${t.trial} plate ${plateOf(m.reference.frame)}`,
    ref: { ...m.reference, side: m.nearest?.side ?? 'left' },
    timeS: (m.reference.frame + t.file.firstFrame - 1) / rate,
    errorMs: m.errorMs,
    note: vicon[i]!.nearest ? `(Vicon stored event ${vicon[i]!.errorMs.toFixed(1)} ms)` : '',
  }));
}

function print(label: string, matches: Match[]): { within17: number; maxAbs: number } {
  for (const m of matches)
    console.log(
      `${m.trial} ${m.ref.side.padEnd(5)} ${m.ref.kind.padEnd(15)} t=${m.timeS.toFixed(3)} s  error ${m.errorMs.toFixed(1)} ms ${m.note ?? ''}`,
    );
  const abs = matches.map((m) => Math.abs(m.errorMs));
  const within17 = abs.filter((e) => e <= 17).length / abs.length;
  const maxAbs = Math.max(...abs);
  const lines = [
    `${label}: ${abs.length} events, ${(100 * within17).toFixed(1)} % within 17 ms, ${((100 * abs.filter((e) => e <= 34).length) / abs.length).toFixed(1)} % within 34 ms, max |error| ${maxAbs.toFixed(1)} ms`,
  ];
  const trials = [...new Set(matches.map((m) => m.trial.split(' ')[0]!))];
  if (trials.length > 1) {
    for (const t of trials) {
      const e = matches.filter((m) => m.trial.startsWith(t)).map((m) => Math.abs(m.errorMs));
      lines.push(
        `  ${t}: ${e.filter((x) => x <= 17).length} of ${e.length} within 17 ms, max |error| ${Math.max(...e).toFixed(1)} ms`,
      );
    }
  }
  for (const k of ['initial-contact', 'foot-off'] as const) {
    const e = matches.filter((m) => m.ref.kind === k).map((m) => m.errorMs);
    lines.push(
      `  ${k}: n=${e.length}, mean signed error ${(e.reduce((a, b) => a + b, 0) / e.length).toFixed(1)} ms, mean |error| ${(e.reduce((a, b) => a + Math.abs(b), 0) / e.length).toFixed(1)} ms, max |error| ${Math.max(...e.map(Math.abs)).toFixed(1)} ms`,
    );
  }
  console.log(lines.join('\n'));
  return { within17, maxAbs };
}

describe('gait events from Plug-in Gait markers (default detector: Zeni with landing refinement)', () => {
  it('Vicon Nexus / Workstation walks: every event within 34 ms, most within 17 ms', () => {
    const all = VICON_WALKS.flatMap((rel) => eventErrors(rel));
    expect(all.length).toBe(30);
    const { within17, maxAbs } = print('Vicon PiG walks', all);
    // Target 90 % within 17 ms; measured 86.7 % (26 of 30; 83.3 % before contact was placed on less
    // smoothed heights, see landingHeights in analyse.ts). The four misses are Vicon events that no
    // force plate saw, or that contradict one:
    // - right foot off at 9.02 s (Motion3) is 24 ms before plate 2 is released; the detector is 4 ms
    //   off the plate (see the force-plate test);
    // - three contacts Vicon placed by pattern-matching the marker heights of the plate steps over
    //   ~0.3 s of terminal swing ("autocorrelate", which reproduces every stored contact within a frame),
    //   not at the landing: FlatFoot right 3.57 s and FunctionalWalk left 7.18 s are 2 frames after
    //   the heel's lowest point (at the plate steps of those walks, 0-1 frame), FlatFoot left 4.05 s
    //   3 frames before it, with the heel still falling at 0.2 m/s. Copying that pattern-matching
    //   (pooling the steps of a foot) gets 29 of 30 but moves FlatFoot's right plate contact to
    //   22 ms from the plate, and on the two feet that hit two plates, anchored at the first plate it
    //   puts the second contact 4 and 13 ms off its plate, where the landing-based step-to-step
    //   timing is off by 1.4 and 0.3 ms: it follows Vicon, not the ground, so it is not used.
    expect(within17).toBeGreaterThanOrEqual(26 / 30);
    expect(maxAbs).toBeLessThanOrEqual(34);
  });

  it('Vicon walks, where a foot was on a force plate: every event within 17 ms of the plate', () => {
    const all = VICON_WALKS.flatMap((rel) => plateErrors(rel));
    expect(all.length).toBe(16);
    const { maxAbs } = print('Vicon PiG walks against force-plate contact and release', all);
    expect(maxAbs).toBeLessThanOrEqual(17);
  });

  it('c3d.org clinical crouch sample (60 Hz, long marker gaps): events found, errors reported', () => {
    const m = eventErrors(CLINICAL_60HZ);
    expect(m.length).toBe(8);
    const { maxAbs } = print('PlugInC3D (60 Hz, crouch)', m);
    expect(maxAbs).toBeLessThanOrEqual(60);
    print('PlugInC3D against force-plate contact and release', plateErrors(CLINICAL_60HZ));
  });

  it('foot-velocity method on the same walks (second method, reported)', () => {
    const all = VICON_WALKS.flatMap((rel) =>
      eventErrors(rel, { eventDetection: { method: 'foot-velocity' } }),
    );
    const { maxAbs } = print('Foot velocity (20 % / 45 % of peak foot speed)', all);
    expect(all.every((m) => Number.isFinite(m.errorMs))).toBe(true);
    expect(maxAbs).toBeLessThanOrEqual(80);
  });
});
