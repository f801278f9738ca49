// Walking in place in the picture: a treadmill, or a phone panning to follow the patient. Made from
// the Sports2D walk by a window that travels with her (tests/helpers/following-camera.ts), so the
// landmarks are the real model's on real frames, and the fixed camera's analysis of the same steps
// is the reference.
// Before, the left/right labels were exchanged every other step (least travel reads feet passing
// as feet turning back when both move in the picture): cadence 165 / 85 steps/min, a stance knee
// at -89 deg. The floor moves through the picture, so distances across time are not the walk's:
// step length is measured at each contact (both feet on the floor), stride length is the sum of two
// steps and speed stride over time, unless a treadmill belt speed is given. A camera panned by hand
// at half her pace is not walking in place: it is found from the stance foot sliding through the
// picture, and its strides and speed are made from its steps too (before, they were not reported).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseVideoFile } from '../../../src/main/services/video-analysis';
import { analyseVideoOnce } from '../../helpers/pose-seeds';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { followingCameraOptions } from '../../helpers/following-camera';
import { videoVariant } from '../../helpers/video-variant';
import { analyseDemo } from '../../helpers/demo-pose';

const work = mkdtempSync(join(tmpdir(), 'gaitlab-in-place-'));
const BELT_MPS = 1.25;
let fixed: TrialAnalysisView;
let following: TrialAnalysisView;
let mirrored: TrialAnalysisView;
let onBelt: TrialAnalysisView;
let panned: TrialAnalysisView;

const param = (v: TrialAnalysisView, p: string, side: 'left' | 'right') =>
  v.parameters.find((x) => x.parameter === p)![side];
const knee = (v: TrialAnalysisView, side: 'left' | 'right') =>
  v.curves.find((c) => c.variable === 'knee_flexion' && c.side === side)!.mean.map((x) => x ?? NaN);
const finite = (xs: number[]) => xs.filter(Number.isFinite);

/** Speed, stride and step length within 5 % of the fixed camera's (the height scale: about 5 %). */
function expectWalkOfFixedCamera(v: TrialAnalysisView, label: string): void {
  for (const side of ['left', 'right'] as const)
    for (const p of ['speedMps', 'strideLengthM', 'stepLengthM']) {
      const got = param(v, p, side);
      const ref = param(fixed, p, side).mean!;
      console.log(
        `${label} ${side} ${p}: ${got.mean?.toFixed(3)} (n=${got.n}), fixed camera ${ref.toFixed(3)}`,
      );
      expect(got.n).toBeGreaterThanOrEqual(1);
      expect(Math.abs(got.mean! / ref - 1)).toBeLessThan(0.05);
    }
}

beforeAll(async () => {
  const window = videoVariant(work, 'following.mp4', followingCameraOptions());
  const mirror = videoVariant(work, 'following-mirrored.mp4', ['-vf', 'hflip'], window);
  const halfway = videoVariant(
    work,
    'panned-halfway.mp4',
    followingCameraOptions({ share: 0.5, widthPx: 900 }),
  );
  const cacheDir = join(work, 'cache');
  fixed = (await analyseDemo({ heightM: 1.65 })).view;
  following = (await analyseVideoOnce(window, { heightM: 1.65, cacheDir })).view;
  mirrored = (await analyseVideoOnce(mirror, { heightM: 1.65, cacheDir })).view;
  onBelt = (await analyseVideoFile(window, { heightM: 1.65, beltSpeedMps: BELT_MPS, cacheDir })).view;
  panned = (await analyseVideoOnce(halfway, { heightM: 1.65, cacheDir })).view;
}, 600_000);

describe('walking in place in the picture (the Sports2D walk under a camera that follows her)', () => {
  it('is recognised as treadmill walking, both ways across the picture, with contacts alternating', () => {
    for (const v of [following, mirrored]) {
      expect(v.status, v.message).toBe('analysed');
      expect(v.mode).toBe('treadmill');
      const contacts = v.events.filter((e) => e.kind === 'initial-contact');
      console.log(
        `${v === following ? 'walking left' : 'walking right'}: contacts ${contacts.map((e) => `${e.side[0]!.toUpperCase()}${e.frame.toFixed(1)}`).join(' ')}`,
      );
      expect(contacts.length).toBeGreaterThanOrEqual(5);
      for (let i = 1; i < contacts.length; i++) expect(contacts[i]!.side).not.toBe(contacts[i - 1]!.side);
    }
  });

  it("gives the fixed camera's cadence and near-knee pattern", () => {
    for (const v of [following, mirrored]) {
      for (const side of ['left', 'right'] as const) {
        const got = param(v, 'cadenceStepsPerMin', side).mean!;
        const ref = param(fixed, 'cadenceStepsPerMin', side).mean!;
        console.log(`${side} cadence ${got.toFixed(1)} steps/min, fixed camera ${ref.toFixed(1)}`);
        expect(Math.abs(got - ref)).toBeLessThan(4);
      }
      // Her left leg faces the camera (in the mirrored copy too: the model sees a right leg there).
      const near = v === following ? 'left' : 'right';
      const k = finite(knee(v, near));
      const ref = finite(knee(fixed, 'left'));
      console.log(
        `near knee: swing peak ${Math.max(...k).toFixed(1)} deg (fixed ${Math.max(...ref).toFixed(1)}), stance minimum ${Math.min(...k.slice(0, 30)).toFixed(1)} deg (fixed ${Math.min(...ref.slice(0, 30)).toFixed(1)})`,
      );
      expect(Math.abs(Math.max(...k) - Math.max(...ref))).toBeLessThan(8);
      expect(Math.abs(Math.min(...k.slice(0, 30)) - Math.min(...ref.slice(0, 30)))).toBeLessThan(8);
    }
  });

  it("measures steps at their contacts, giving the fixed camera's strides and speed; a belt speed replaces them", () => {
    expect(following.beltSpeedMps).toBeNull();
    expect(following.warnings.some((w) => /enter the belt speed from its console/.test(w))).toBe(true);
    expectWalkOfFixedCamera(following, 'following');
    expectWalkOfFixedCamera(mirrored, 'following, mirrored');

    expect(onBelt.beltSpeedMps).toBe(BELT_MPS);
    expect(param(onBelt, 'speedMps', 'left').mean).toBeCloseTo(BELT_MPS, 6);
    for (const side of ['left', 'right'] as const) {
      const stride = param(onBelt, 'strideLengthM', side).mean!;
      const time = param(onBelt, 'strideTimeS', side).mean!;
      console.log(
        `${side}: stride ${stride.toFixed(3)} m = ${BELT_MPS} m/s x ${time.toFixed(3)} s; fixed camera ${param(fixed, 'strideLengthM', side).mean!.toFixed(3)} m from the height`,
      );
      expect(stride).toBeCloseTo(BELT_MPS * time, 6);
    }
    expect(onBelt.warnings.some((w) => /treadmill belt speed|belt speed entered/.test(w))).toBe(false);
  });

  it('says when the belt speed entered disagrees with the feet on the belt', async () => {
    const window = join(work, 'following.mp4');
    const wrong = (
      await analyseVideoFile(window, { heightM: 1.65, beltSpeedMps: 2, cacheDir: join(work, 'cache') })
    ).view;
    const note = wrong.warnings.find((w) => w.startsWith('The belt speed entered is 2.00 m/s'));
    console.log(note);
    expect(note).toMatch(/move through the picture at about 1\.[12]\d m\/s/);
  });

  it('does not use a belt speed for walking across the picture, and says so', async () => {
    const v = (await analyseDemo({ heightM: 1.65, beltSpeedMps: BELT_MPS })).view;
    expect(v.mode).toBe('overground');
    expect(v.beltSpeedMps).toBeNull();
    expect(param(v, 'speedMps', 'left').mean).toBeCloseTo(param(fixed, 'speedMps', 'left').mean!, 9);
    expect(v.warnings).toContain(
      'A treadmill belt speed was given, but the patient walks across the picture (overground): it was not used.',
    );
  });

  it('says when the camera panned after her too slowly, and makes strides and speed from its steps', () => {
    // She crosses the window at half her pace: the picture would give half her speed and strides.
    expect(panned.status, panned.message).toBe('analysed');
    expect(panned.mode).toBe('overground');
    const note = panned.warnings.find((w) => w.startsWith('The camera moved during walking pass 1'));
    console.log(note);
    expect(note).toMatch(/slid through the picture at (4\d|5\d) % of walking speed/);
    expectWalkOfFixedCamera(panned, 'panned halfway');
    // The fixed camera's own walk is not called moving.
    expect(fixed.warnings.some((w) => /camera moved/.test(w))).toBe(false);
  });
});
