// A motion-capture system's marker file imported as a trial of its own: refused with its reason
// and nothing kept when it cannot be analysed; otherwise analysed on import, its events edited and
// cycles excluded as a video trial's, and reported beside a markerless session (pre-op Vicon vs
// post-op video) and pooled into a lab's reference set from control sessions.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/services/dispatch';
import { openLab, type LabServices } from '../../../src/main/services/lab-services';
import { analyseMarkerFile } from '../../../src/main/services/marker-file-analysis';
import type { SessionInfo, TrialInfo } from '../../../src/shared/api/entities';
import type { ImportedVideo } from '../../../src/shared/api/ops/capture';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import type { ReportView } from '../../../src/shared/api/report-types';
import { analyseInProcess, createTrialLab, type TrialLab } from '../../helpers/analysed-trial';
import { sharedDataPath } from '../../helpers/shared-data';
import { onTreadmill, writeTrcVariant } from '../../helpers/trc-variant';
import { PIG_SKIN_MARKERS } from '../gait/pig-markers';
import { readC3D } from '../../../src/main/formats/c3d-reader';
import { LENGTHS_FROM_STEPS } from '../../../src/shared/analysis-notes';
import { AnalysisRepo } from '../../../src/main/store/analysis-repo';

const PIG = 'btkdata_c3d_plugingait';
const WALK = sharedDataPath(`${PIG}/vicon_workstation_functional_walk/FunctionalWalk.c3d`);
const STATIC = sharedDataPath(`${PIG}/vicon_workstation_functional_walk/FunctionalStatic.c3d`);
const MOTION3 = sharedDataPath(`${PIG}/PiG_lowerbody/PiG_Motion3_FF.c3d`);
const OPENCAP_TRC = sharedDataPath('opencap_markerless_walk_trc_mot/walk.trc');
const OPENCAP_MOT = sharedDataPath('opencap_markerless_walk_trc_mot/walk_ik.mot');

let base: TrialLab;
let lab: LabServices;

async function ok<T>(op: string, input: unknown): Promise<T> {
  const r = await dispatch(lab.handlers, op, input, 'cli');
  if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
  return r.result as T;
}
async function refused(op: string, input: unknown): Promise<string> {
  const r = await dispatch(lab.handlers, op, input, 'cli');
  if (r.ok) throw new Error(`${op} should have been refused`);
  return r.error.message;
}
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    statSync(join(dir, f)).isFile(),
  );
}
async function jobDone(jobId: string): Promise<void> {
  for (;;) {
    const job = lab.jobs.list().find((j) => j.jobId === jobId)!;
    if (job.state !== 'running') {
      expect(job.state, job.message).toBe('done');
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
const param = (a: TrialAnalysisView, name: string, side: 'left' | 'right') =>
  a.parameters.find((p) => p.parameter === name)![side];

let preOp: SessionInfo;
let viconTrial: TrialInfo;

beforeAll(async () => {
  // The markerless post-op session: the demo walk, analysed as in review tests.
  base = await createTrialLab({}, mkdtempSync(join(tmpdir(), 'gaitlab-markers-')));
  const done = await analyseInProcess(base.labDir, base.trial.id);
  expect(done.state).toBe('done');
  lab = openLab(base.labDir);
  preOp = await ok<SessionInfo>('sessions.create', {
    patientId: base.patient.id,
    date: '2026-05-02',
    condition: 'pre-op',
    examiner: 'Dr Gait',
  });
}, 300_000);
afterAll(() => lab?.close());

describe('importing a marker file', () => {
  it('refuses what cannot be analysed, and keeps nothing of it', async () => {
    const before = filesUnder(base.labDir).sort();
    const trialsBefore = await ok<TrialInfo[]>('trials.list', { sessionId: preOp.id });
    expect(await refused('capture.import.file', { path: STATIC, sessionId: preOp.id })).toBe(
      'FunctionalStatic.c3d: The subject did not walk: the pelvis moved at most 0.00 leg lengths per second and the feet did not cycle. Record a trial with the subject walking through the capture volume. Nothing was imported.',
    );
    expect(await refused('capture.import.file', { path: OPENCAP_MOT, sessionId: preOp.id })).toMatch(
      /^walk_ik\.mot is an OpenSim motion file: it holds joint angles, not marker positions\./,
    );
    // Millimetres labelled metres (a Vicon walk written out by hand): 900 m from pelvis to feet.
    const mmAsMetres = join(mkdtempSync(join(tmpdir(), 'gaitlab-unit-')), 'walk-in-m.trc');
    writeTrcVariant(mmAsMetres, readC3D(readFileSync(WALK)), PIG_SKIN_MARKERS, (p) => p);
    writeFileSync(mmAsMetres, readFileSync(mmAsMetres, 'utf8').replace(/\tmm\t/, '\tm\t'));
    expect(await refused('capture.import.file', { path: mmAsMetres, sessionId: preOp.id })).toMatch(
      /^walk-in-m\.trc gives its coordinates in m, so its pelvis would stand \d{3} m above its feet, where a person's stands 0\.25-1\.6 m above them\. Its numbers look like millimetres: correct the unit in the file \(Units, in its header\) and try again\. Nothing was imported\.$/,
    );
    // A marker capture is a trial of its own, and a video trial takes no marker file.
    expect(
      await refused('capture.import.file', { path: WALK, sessionId: preOp.id, trialId: base.trial.id }),
    ).toMatch(/it becomes a trial of its own \(markers, no video\)/);
    expect(filesUnder(base.labDir).sort()).toEqual(before);
    expect(await ok<TrialInfo[]>('trials.list', { sessionId: preOp.id })).toEqual(trialsBefore);
  });

  it('makes a marker-based trial, analysed on import from the file it keeps', async () => {
    const r = await ok<ImportedVideo>('capture.import.file', {
      path: WALK,
      sessionId: preOp.id,
      trialName: 'Vicon walk 1',
    });
    viconTrial = r.trial;
    expect(r.markers).toEqual({
      format: 'C3D',
      // Markers and Plug-in Gait's joint centres; its angles, forces, moments and powers are outputs.
      markerCount: 110,
      eventsFrom: 'file',
      cycles: { left: 2, right: 2 },
    });
    expect(r.fps).toBe(120);
    expect(r.trial).toMatchObject({ name: 'Vicon walk 1', status: 'analysed', cameras: ['markers'] });
    expect(r.trial.files).toEqual([{ camera: 'markers', relativePath: r.relativePath, kind: 'markers' }]);
    // The lab keeps the file byte for byte.
    const kept = readFileSync(join(base.labDir, r.relativePath));
    expect(createHash('sha256').update(kept).digest('hex')).toBe(
      createHash('sha256').update(readFileSync(WALK)).digest('hex'),
    );

    const a = (await ok<TrialAnalysisView>('analysis.get', { trialId: viconTrial.id }))!;
    expect(a).toMatchObject({ camera: 'markers', status: 'analysed', view: '3d', videoRelativePath: '' });
    expect(a.provenance).toMatchObject({
      markerFile: 'FunctionalWalk.c3d',
      markerFormat: 'C3D',
      markerFileSha256: createHash('sha256').update(kept).digest('hex'),
      eventsFrom: 'file',
    });
    // The same numbers as `gaitlab analyze FunctionalWalk.c3d` (one analysis of marker files).
    const direct = analyseMarkerFile(WALK).analysis;
    for (const side of ['left', 'right'] as const) {
      expect(param(a, 'cadenceStepsPerMin', side).mean).toBeCloseTo(
        direct.spatiotemporal.bySide[side].cadenceStepsPerMin.mean,
        9,
      );
      expect(param(a, 'speedMps', side).mean).toBeCloseTo(
        direct.spatiotemporal.bySide[side].speedMps.mean,
        9,
      );
    }
    expect(param(a, 'cadenceStepsPerMin', 'left').mean).toBeCloseTo(113, 0);
    expect(a.warnings.some((w) => w.startsWith("The events against the force plates' 6 contacts"))).toBe(
      true,
    );
    // No video and no skeleton to draw.
    expect(await ok('analysis.poseTrack', { trialId: viconTrial.id })).toBeNull();
    // The same file again would count its strides twice in the session's report.
    expect(await refused('capture.import.file', { path: WALK, sessionId: preOp.id })).toBe(
      '"FunctionalWalk.c3d" is already in this session as trial "Vicon walk 1": the same file, byte for byte. Nothing was imported.',
    );
  });

  it('takes an uploaded TRC by its own name, and refuses a video trial to it', async () => {
    const bytes = readFileSync(OPENCAP_TRC);
    const { uploadId } = await ok<{ uploadId: string }>('capture.import.begin', {
      fileName: 'walk.trc',
      sizeBytes: bytes.length,
    });
    await ok('capture.import.chunk', { uploadId, seq: 0, dataBase64: bytes.toString('base64') });
    const r = await ok<ImportedVideo>('capture.import.finish', { uploadId, sessionId: preOp.id });
    expect(r.trial.name).toBe('walk');
    expect(r.markers).toMatchObject({ format: 'TRC', eventsFrom: 'detected', cycles: { left: 2, right: 2 } });
    expect(
      await refused('capture.import.file', {
        path: sharedDataPath('sports2d_demo_sideview_walk/demo.mp4'),
        sessionId: preOp.id,
        trialId: r.trial.id,
        view: 'sagittal-left',
      }),
    ).toMatch(/is a marker-based capture \(a motion-capture file\): videos cannot be added to it/);
    // A TRC stores no events: the file's cannot be chosen, and no job starts.
    const jobsBefore = lab.jobs.list().length;
    expect(await refused('analysis.start', { trialId: r.trial.id, markerEvents: 'file' })).toBe(
      "walk.trc stores no gait events for both feet: its events come from GaitLab's detector.",
    );
    expect(lab.jobs.list()).toHaveLength(jobsBefore);
    await ok('trials.archive', { id: r.trial.id });
  });
});

describe('a marker-based trial in review', () => {
  it('re-runs from the file when an event is moved, a cycle excluded, or the events reset', async () => {
    const a = (await ok<TrialAnalysisView>('analysis.get', { trialId: viconTrial.id }))!;
    const cycle = a.cycles.find((c) => c.side === 'left' && c.index === 0)!;
    const moved = await ok<TrialAnalysisView>('analysis.moveEvent', {
      trialId: viconTrial.id,
      side: 'left',
      kind: 'initial-contact',
      fromFrame: cycle.startFrame,
      toFrame: cycle.startFrame + 3,
    });
    expect(moved.eventsEditedByHand).toBe(true);
    expect(moved.provenance.eventsFrom).toBe('hand');
    const after = moved.cycles.find((c) => c.side === 'left' && c.index === 0)!;
    // Three frames at 120 Hz off the first left stride.
    expect(after.durationS).toBeCloseTo(cycle.durationS - 3 / 120, 9);
    expect(moved.events.find((e) => e.frame === cycle.startFrame + 3)?.source).toBe('manual');

    const excluded = await ok<TrialAnalysisView>('analysis.setCycleExcluded', {
      trialId: viconTrial.id,
      side: 'right',
      index: 1,
      excluded: true,
    });
    expect(excluded.cycles.find((c) => c.side === 'right' && c.index === 1)?.excludedByUser).toBe(true);
    expect(param(excluded, 'cadenceStepsPerMin', 'right').n).toBe(1);

    const reset = await ok<TrialAnalysisView>('analysis.setEvents', { trialId: viconTrial.id, events: null });
    expect(reset.eventsEditedByHand).toBe(false);
    expect(reset.cycles.find((c) => c.side === 'left' && c.index === 0)!.durationS).toBeCloseTo(
      cycle.durationS,
      9,
    );
    await ok('analysis.setCycleExcluded', {
      trialId: viconTrial.id,
      side: 'right',
      index: 1,
      excluded: false,
    });
  });

  it('analyses again from its file; a person or a camera cannot be chosen for it', async () => {
    const { jobId } = await ok<{ jobId: string }>('analysis.start', { trialId: viconTrial.id });
    for (;;) {
      const job = lab.jobs.list().find((j) => j.jobId === jobId)!;
      if (job.state !== 'running') {
        expect(job.state).toBe('done');
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await ok<TrialInfo>('trials.get', { id: viconTrial.id })).status).toBe('analysed');
    const { jobId: other } = await ok<{ jobId: string }>('analysis.start', {
      trialId: viconTrial.id,
      person: { box: { x0: 0, y0: 0, x1: 10, y1: 10 }, frame: 0 },
    });
    for (;;) {
      const job = lab.jobs.list().find((j) => j.jobId === other)!;
      if (job.state !== 'running') {
        expect(job.message).toBe(
          'Trial "Vicon walk 1" is a marker-based capture (no video): a person cannot be chosen for it.',
        );
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  });
});

describe("a marker-based trial's events: the file's or GaitLab's detector", () => {
  it('switches to the detector and back, each replacing events set by hand', async () => {
    const fromFile = (await ok<TrialAnalysisView>('analysis.get', { trialId: viconTrial.id }))!;
    expect(fromFile.provenance).toMatchObject({
      eventsFrom: 'file',
      baseEvents: 'file',
      fileEventCount: 11,
      fileEventsUsable: true,
    });
    const ic = fromFile.events.find((e) => e.side === 'right' && e.kind === 'initial-contact')!;
    await ok('analysis.moveEvent', {
      trialId: viconTrial.id,
      side: 'right',
      kind: 'initial-contact',
      fromFrame: ic.frame,
      toFrame: ic.frame + 2,
    });
    // The file's events chosen again: the same source, so the correction stays.
    await jobDone(
      (await ok<{ jobId: string }>('analysis.start', { trialId: viconTrial.id, markerEvents: 'file' })).jobId,
    );
    expect(
      (await ok<TrialAnalysisView>('analysis.get', { trialId: viconTrial.id }))!.eventsEditedByHand,
    ).toBe(true);

    await jobDone(
      (await ok<{ jobId: string }>('analysis.start', { trialId: viconTrial.id, markerEvents: 'detect' }))
        .jobId,
    );
    const detected = (await ok<TrialAnalysisView>('analysis.get', { trialId: viconTrial.id }))!;
    expect(detected).toMatchObject({ status: 'analysed', eventsEditedByHand: false });
    expect(detected.provenance).toMatchObject({ eventsFrom: 'detected', baseEvents: 'detected' });
    expect(detected.events.every((e) => e.source === 'zeni')).toBe(true);
    expect(new AnalysisRepo(lab.db).get(viconTrial.id, 'markers')!.editedEvents).toBeNull();
    // The same events as the file analysed on its own with the detector, and said against the file's.
    const direct = analyseMarkerFile(WALK, { events: 'detect' }).analysis.events;
    expect(detected.events.map((e) => [e.side, e.kind, e.frame])).toEqual(
      direct.map((e) => [e.side, e.kind, e.frame]),
    );
    expect(detected.warnings.some((w) => w.startsWith("Detected events against the file's 11"))).toBe(true);
    // Kept by the trial: "Re-analyse" without a choice stays with the detector.
    await jobDone((await ok<{ jobId: string }>('analysis.start', { trialId: viconTrial.id })).jobId);
    expect(
      (await ok<TrialAnalysisView>('analysis.get', { trialId: viconTrial.id }))!.provenance.baseEvents,
    ).toBe('detected');

    await jobDone(
      (await ok<{ jobId: string }>('analysis.start', { trialId: viconTrial.id, markerEvents: 'file' })).jobId,
    );
    const back = (await ok<TrialAnalysisView>('analysis.get', { trialId: viconTrial.id }))!;
    expect(back.provenance).toMatchObject({ eventsFrom: 'file', baseEvents: 'file' });
    expect(back.events).toEqual(fromFile.events);
  });

  it('is refused for a filmed trial and for a value that is not a source', async () => {
    expect(await refused('analysis.start', { trialId: base.trial.id, markerEvents: 'detect' })).toBe(
      `Trial "${base.trial.name}" is filmed: its events are detected from its video (correct them by hand in review). The file's events or GaitLab's detector is a choice for marker-based trials.`,
    );
    expect(await refused('analysis.start', { trialId: viconTrial.id, markerEvents: 'vicon' })).toMatch(
      /Marker events must be "file" or "detect"\./,
    );
  });
});

describe('a marker-based trial on a treadmill', () => {
  it('is recognised, and takes its speed and lengths from the belt speed entered for it', async () => {
    // The Vicon walk moved back by the pelvis's steady travel: the same steps, walked in place.
    const file = readC3D(readFileSync(WALK));
    const keep = [...PIG_SKIN_MARKERS, 'LFEP', 'RFEP', 'LFEO', 'RFEO', 'LTIO', 'RTIO'];
    const { move, speedMps } = onTreadmill(file);
    const trc = join(mkdtempSync(join(tmpdir(), 'gaitlab-treadmill-')), 'treadmill-walk.trc');
    writeTrcVariant(trc, file, keep, move);
    const r = await ok<ImportedVideo>('capture.import.file', { path: trc, sessionId: preOp.id });
    const before = (await ok<TrialAnalysisView>('analysis.get', { trialId: r.trial.id }))!;
    expect(before.mode).toBe('treadmill');
    expect(before.warnings).toContain(
      `The subject stays in one place in the capture volume: walking on a treadmill, so ${LENGTHS_FROM_STEPS} (relative to the belt). Enter the belt speed from its console for speed and lengths from the belt.`,
    );
    const belt = Math.round(speedMps * 100) / 100;
    const { jobId } = await ok<{ jobId: string }>('analysis.start', {
      trialId: r.trial.id,
      beltSpeedMps: belt,
    });
    await jobDone(jobId);
    const after = (await ok<TrialAnalysisView>('analysis.get', { trialId: r.trial.id }))!;
    expect(after.beltSpeedMps).toBe(belt);
    for (const side of ['left', 'right'] as const) {
      expect(param(after, 'speedMps', side).mean).toBeCloseTo(belt, 9);
      // Stride length is belt speed x stride time; on the overground walk it was 1.29 / 1.27 m.
      expect(param(after, 'strideLengthM', side).mean).toBeCloseTo(
        belt * param(after, 'strideTimeS', side).mean!,
        9,
      );
      expect(
        Math.abs(param(after, 'strideLengthM', side).mean! - (side === 'left' ? 1.29 : 1.27)),
      ).toBeLessThan(0.05);
    }
    // Kept for the next analysis of the trial.
    await jobDone((await ok<{ jobId: string }>('analysis.start', { trialId: r.trial.id })).jobId);
    expect((await ok<TrialAnalysisView>('analysis.get', { trialId: r.trial.id }))!.beltSpeedMps).toBe(belt);
    await ok('trials.archive', { id: r.trial.id });
  });
});

describe('a marker-based session in reports', () => {
  it('compares a pre-op Vicon session with a post-op markerless one, saying the methods differ', async () => {
    const report = await ok<ReportView>('reports.get', {
      sessionId: preOp.id,
      compareSessionId: base.session.id,
      normativeSetId: 'none',
    });
    expect(report.trials).toEqual([
      { sessionKey: 'A', trialIds: [viconTrial.id] },
      { sessionKey: 'B', trialIds: [base.trial.id] },
    ]);
    expect(report.model.warnings).toContain(
      'Measurement methods differ (A: markers of a motion-capture system, B: markerless video): part of a change may come from the method, not the patient (markerless and marker-based sagittal angles differ by about 3-6 deg RMSE in published comparisons; joint centres are defined differently).',
    );
    const prov = (key: 'A' | 'B', label: string) =>
      report.model.provenance.find((p) => p.sessionKey === key)!.items.find((i) => i.label === label)?.value;
    expect(prov('A', 'Pose model')).toBe(
      'none: markers of a motion-capture system (C3D file FunctionalWalk.c3d)',
    );
    expect(prov('B', 'Pose model')).toMatch(/^blazepose-full/);
    // Stills come from session B's video only.
    expect(report.stills.length).toBeGreaterThan(0);
    expect(new Set(report.stills.map((s) => s.sessionKey))).toEqual(new Set(['B']));
    expect(report.stillsMessage).toBe(
      'Session A is a marker-based capture: it has no video to take stills from.',
    );
    // Session A's numbers are the marker trial's (a trial averaged alone).
    const a = (await ok<TrialAnalysisView>('analysis.get', { trialId: viconTrial.id }))!;
    const cadence = report.model.spatiotemporal.rows.find(
      (r) => r.parameter === 'cadenceStepsPerMin' && r.side === 'left',
    )!;
    expect(cadence.values[0]!.mean).toBeCloseTo(param(a, 'cadenceStepsPerMin', 'left').mean!, 9);
    expect(report.model.header.sessions.find((h) => h.key === 'A')!.cycleCount).toEqual({
      left: 2,
      right: 2,
    });
  });
});

describe('one session of both kinds', () => {
  it('says that its means pool two measurement methods', async () => {
    const r = await ok<ImportedVideo>('capture.import.file', { path: MOTION3, sessionId: base.session.id });
    const report = await ok<ReportView>('reports.get', {
      sessionId: base.session.id,
      normativeSetId: 'none',
    });
    expect(report.trials[0]!.trialIds.sort()).toEqual([base.trial.id, r.trial.id].sort());
    expect(report.model.warnings).toContain(
      'This session pools marker-based and markerless trials: its means mix two measurement methods (choose one trial to report one method).',
    );
    // Provenance names each trial's method, not the first trial's alone.
    const items = report.model.provenance[0]!.items;
    const model = items.find((i) => i.label === 'Pose model')!.value.split(' | ');
    expect(model).toHaveLength(2);
    expect(model).toContain(
      `none: markers of a motion-capture system (C3D file PiG_Motion3_FF.c3d) (trial "${r.trial.name}")`,
    );
    expect(
      model.some((m) => m.startsWith('blazepose-full') && m.endsWith(`(trial "${base.trial.name}")`)),
    ).toBe(true);
    expect(items.find((i) => i.label === 'Filter')!.value).toMatch(
      /events: imported with the recording \(trial "PiG_Motion3_FF"\)/,
    );
    await ok('trials.archive', { id: r.trial.id });
  });
});

describe('marker-based control sessions', () => {
  it("build a lab's reference set like video sessions", async () => {
    const controls: string[] = [];
    for (const [name, file] of [
      ['Control One', WALK],
      ['Control Two', MOTION3],
    ] as const) {
      const p = await ok<{ id: string }>('patients.create', { name, dateOfBirth: '1990-01-01' });
      const session = await ok<SessionInfo>('sessions.create', {
        patientId: p.id,
        date: '2024-03-01',
        condition: 'barefoot',
      });
      await ok('capture.import.file', { path: file, sessionId: session.id });
      controls.push(session.id);
    }
    const set = await ok<{ subjectCount: number | null; variables: string[]; source: string }>(
      'normative.buildFromControls',
      { name: 'Vicon adults', sessionIds: controls },
    );
    expect(set.subjectCount).toBe(2);
    expect(set.source).toBe('2 control subjects of this lab (2 sessions)');
    expect(set.variables).toEqual(
      expect.arrayContaining(['hip_flexion', 'knee_flexion', 'ankle_dorsiflexion']),
    );
  });
});
