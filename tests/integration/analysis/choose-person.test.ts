// Several people in view: the Sports2D walk has a man standing on an electrical box from the first
// frame while the patient walks past. The analysis follows the walker by default; the user can see
// whom the person scan found, point at another person, and go back to the automatic choice (the
// walker's finished pose taken back, not posed again).
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/services/dispatch';
import { openLab } from '../../../src/main/services/lab-services';
import { trialDirOf } from '../../../src/main/services/analysis-store';
import { readPoseManifest } from '../../../src/main/pose/pose-result';
import { resolveInsideLab } from '../../../src/main/store/lab-folder';
import type {
  PoseTrackView,
  ScannedPeopleView,
  TrialAnalysisView,
} from '../../../src/shared/api/analysis-types';
import { CHOSEN_BY_HAND_SENTENCE } from '../../../src/shared/failure-advice';
import { analyseInProcess, callLab, createTrialLab, type TrialLab } from '../../helpers/analysed-trial';
import { BUILT_CLI } from '../../helpers/serve-process';

let t: TrialLab;

const call = <T>(op: string, input: unknown): Promise<T> => callLab<T>(t.labDir, op, input);

/** When the trial camera's pose job finished (a job read again keeps its time). */
function posedAt(): string | undefined {
  const lab = openLab(t.labDir);
  try {
    const trial = lab.trials.get(t.trial.id)!;
    const dir = `${trialDirOf(lab, trial)}/pose-${trial.files[0]!.camera}`;
    return readPoseManifest(resolveInsideLab(t.labDir, dir))?.provenance.finishedAt;
  } finally {
    lab.close();
  }
}
let walkerPosedAt: string | undefined;

/** Median hip height (image y, px) over the frames where the skeleton was found. */
function medianHipY(track: PoseTrackView): number {
  const ys: number[] = [];
  for (let f = 0; f < track.frameCount; f++) {
    const y = track.yPx[f * 33 + 23];
    if (y !== null && y !== undefined && (track.confidence[f] ?? 0) > 0.5) ys.push(y);
  }
  ys.sort((a, b) => a - b);
  return ys[Math.floor(ys.length / 2)] ?? NaN;
}

beforeAll(async () => {
  t = await createTrialLab();
  expect((await analyseInProcess(t.labDir, t.trial.id)).state).toBe('done');
  walkerPosedAt = posedAt();
  expect(walkerPosedAt).toBeDefined();
});

describe('choosing the patient among the people in view', () => {
  let scan: ScannedPeopleView;

  it('lists the people the scan saw, on one frame, and marks the walker as followed', async () => {
    scan = (await call<ScannedPeopleView | null>('analysis.people', { trialId: t.trial.id }))!;
    expect(scan).not.toBeNull();
    expect(scan.imageDataUrl).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    expect(scan.imageWidthPx).toBe(960);
    expect(scan.people.length).toBeGreaterThanOrEqual(2);
    const followed = scan.people.filter((p) => p.followed);
    expect(followed).toHaveLength(1);
    // The walker travels several body heights; the man on the box stays put.
    const walker = followed[0]!;
    const others = scan.people.filter((p) => !p.followed);
    expect(walker.travelBodyHeights).toBeGreaterThan(2);
    expect(Math.min(...others.map((p) => p.travelBodyHeights))).toBeLessThan(1);
    // Both are in the frame shown, the man on the box higher up in the picture.
    const man = others.find((p) => p.boxInImage && p.boxInImage.y1 < scan.imageHeightPx / 2)!;
    expect(man).toBeDefined();
    expect(walker.boxInImage).not.toBeNull();
    expect(walker.boxInImage!.y1).toBeGreaterThan(man.boxInImage!.y1);
  });

  it('follows the person the user points at, and says so', async () => {
    const before = medianHipY((await call<PoseTrackView>('analysis.poseTrack', { trialId: t.trial.id }))!);
    const man = scan.people.find(
      (p) => !p.followed && p.boxInImage && p.boxInImage.y1 < scan.imageHeightPx / 2,
    )!;
    const job = await analyseInProcess(t.labDir, t.trial.id, { person: man.choice });
    // The man on the box does not walk: pose succeeds on him, gait analysis may not, and then
    // says the person was chosen by hand (review advises choosing again, not recording again).
    expect(['done', 'failed']).toContain(job.state);
    if (job.state === 'failed') {
      const failed = await call<TrialAnalysisView>('analysis.get', { trialId: t.trial.id });
      expect(failed.message).toContain(CHOSEN_BY_HAND_SENTENCE);
    }
    const track = (await call<PoseTrackView>('analysis.poseTrack', { trialId: t.trial.id }))!;
    const after = medianHipY(track);
    console.log(`median hip height: walker ${before.toFixed(0)} px, chosen man ${after.toFixed(0)} px`);
    // He stands on a box in the upper half of the 994 px frame; she walks on the lawn below.
    expect(before).toBeGreaterThan(600);
    expect(after).toBeLessThan(400);
    const again = (await call<ScannedPeopleView | null>('analysis.people', { trialId: t.trial.id }))!;
    expect(again.people.find((p) => p.followed)?.number).toBe(man.number);
  });

  it('a plain re-analysis keeps the choice; null goes back to the walker', async () => {
    const kept = await analyseInProcess(t.labDir, t.trial.id);
    expect(['done', 'failed']).toContain(kept.state);
    expect(
      medianHipY((await call<PoseTrackView>('analysis.poseTrack', { trialId: t.trial.id }))!),
    ).toBeLessThan(400);
    expect(posedAt()).not.toBe(walkerPosedAt);
    expect((await analyseInProcess(t.labDir, t.trial.id, { person: null })).state).toBe('done');
    expect(
      medianHipY((await call<PoseTrackView>('analysis.poseTrack', { trialId: t.trial.id }))!),
    ).toBeGreaterThan(600);
    // The walker's job, kept aside while the man was followed, is taken back.
    expect(posedAt()).toBe(walkerPosedAt);
  });

  it('the CLI does the same for batch work: --person-box, then --person-auto', () => {
    const cli = (...args: string[]) => {
      const r = spawnSync(process.execPath, [BUILT_CLI, '--lab', t.labDir, 'analyze', t.trial.id, ...args], {
        encoding: 'utf8',
        timeout: 600_000,
      });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const bad = cli('--person-box', '10,10,5,50@0');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('x1 must be greater than x0');
    expect(cli('--person-box', '1,2,3').err).toContain('--person-box must be x0,y0,x1,y1[@frame]');
    expect(cli('--person-box', '1,2,3,4', '--person-auto').err).toContain('not both');
    const man = scan.people.find(
      (p) => !p.followed && p.boxInImage && p.boxInImage.y1 < scan.imageHeightPx / 2,
    )!;
    const { x0, y0, x1, y1 } = man.choice.box;
    const onMan = cli('--person-box', `${x0},${y0},${x1},${y1}@${man.choice.frame}`);
    // He stands still: no gait cycles, said plainly.
    expect(onMan.code).toBe(1);
    expect(onMan.err).toMatch(/Analysis of Walk 1 failed: .+/);
    // Who is followed now, and the box that goes back to the walker (numbered as the chooser does).
    const walker = scan.people.findIndex((p) => p.followed);
    const lines = onMan.out.split('\n');
    expect(lines.find((l) => l.startsWith('People in view:'))).toMatch(/the pose follows person \d+\./);
    const walkerLine = lines.find((l) => l.startsWith(`  Person ${walker + 1}:`))!;
    expect(walkerLine).toMatch(/walked [\d.]+ body heights; --person-box \d+,\d+,\d+,\d+@\d+$/);
    const back = cli('--person-box', walkerLine.split('--person-box ')[1]!);
    expect(back.code, back.err).toBe(0);
    expect(back.out).toContain('Left: 3 of 3 cycle(s) used.');
    expect(back.out).toContain(`  Person ${walker + 1} (followed):`);
    expect(cli('--person-auto').code).toBe(0);
  });

  it('refuses a box with no size', async () => {
    const lab = openLab(t.labDir);
    try {
      const r = await dispatch(lab.handlers, 'analysis.start', {
        trialId: t.trial.id,
        person: { box: { x0: 10, y0: 10, x1: 10, y1: 50 }, frame: 0 },
      });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message + JSON.stringify(r.error.fields ?? {})).toContain('positive width');
    } finally {
      lab.close();
    }
  });
});
