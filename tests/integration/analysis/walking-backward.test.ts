// Walking backward (a training exercise, or a video played in reverse). Events and angles assume the
// subject faces the way they go: the Sports2D walk reversed gave knee "peaks in swing" of -11.5 and
// -15.3 deg and stance minima of -33 and -22 deg, with nothing said. Passes whose toes point against
// the travel are now said to be walked backward and their cycles left out; a Vicon walk played
// backward (its markers in reverse order) is checked too, and both walks forward are untouched.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readC3D } from '../../../src/main/formats/c3d-reader';
import { c3dToTrajectorySet } from '../../../src/main/formats/c3d-trajectories';
import { analyseTrajectories } from '../../../src/main/gait/analyse';
import type { Trajectory, TrajectorySet } from '../../../src/main/gait/types';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { analyseDemo } from '../../helpers/demo-pose';
import { analyseVideoOnce } from '../../helpers/pose-seeds';
import { readSharedBytes } from '../../helpers/shared-data';
import { videoVariant } from '../../helpers/video-variant';

const BACKWARD_NOTE =
  /^Walking pass 1: the subject went backward through the picture \(the toes pointed against the direction of travel\): walking backward, a video playing in reverse, or a camera carried along faster than the subject walked\. Gait events and joint angles assume walking forward past a still camera, so the (\d+) cycles there are left out/;

const reversed = (a: ArrayLike<number> | undefined) => (a ? Float64Array.from(a).reverse() : undefined);

/** The recording played backward: every trajectory's frames in reverse order. */
function playedBackward(set: TrajectorySet): TrajectorySet {
  const trajectories: Record<string, Trajectory> = {};
  for (const [name, t] of Object.entries(set.trajectories)) {
    const z = reversed(t.z);
    const confidence = reversed(t.confidence);
    trajectories[name] = {
      x: reversed(t.x)!,
      y: reversed(t.y)!,
      ...(z ? { z } : {}),
      ...(confidence ? { confidence } : {}),
    };
  }
  return { ...set, trajectories };
}

describe('a Vicon Plug-in Gait walk (FunctionalWalk.c3d) played backward', () => {
  const forward = c3dToTrajectorySet(
    readC3D(readSharedBytes('btkdata_c3d_plugingait/vicon_workstation_functional_walk/FunctionalWalk.c3d')),
  );

  it('is said to be walked backward, every cycle left out; forward, nothing is', () => {
    const back = analyseTrajectories(playedBackward(forward));
    if (!back.ok) throw new Error(back.error.message);
    const note = back.analysis.warnings.find((w) =>
      w.startsWith('Walking pass 1: the subject walked backward'),
    );
    console.log(note);
    expect(note).toMatch(/or the recording runs in reverse\. .* so the \d+ cycles there are left out\.$/);
    expect(back.analysis.cycles.length).toBeGreaterThanOrEqual(4);
    for (const c of back.analysis.cycles) expect(c.flags).toContain('walking-backward');
    expect(back.analysis.cycles.every((c) => c.excluded)).toBe(true);

    const ahead = analyseTrajectories(forward);
    if (!ahead.ok) throw new Error(ahead.error.message);
    expect(ahead.analysis.warnings.filter((w) => w.includes('backward'))).toEqual([]);
    expect(ahead.analysis.cycles.some((c) => c.flags.includes('walking-backward'))).toBe(false);
  });
});

describe('the Sports2D walk played in reverse', () => {
  const work = mkdtempSync(join(tmpdir(), 'gaitlab-backward-'));
  let back: TrialAnalysisView;
  let ahead: TrialAnalysisView;
  beforeAll(async () => {
    const video = videoVariant(work, 'reversed.mp4', ['-vf', 'reverse']);
    back = (await analyseVideoOnce(video, { heightM: 1.65, cacheDir: join(work, 'cache') })).view;
    ahead = (await analyseDemo({ heightM: 1.65 })).view;
  }, 300_000);

  it('says she walked backward and gives no knee angle or speed from it', () => {
    const note = back.warnings.find((w) => BACKWARD_NOTE.test(w));
    console.log(note);
    expect(back.status, back.message).toBe('analysed');
    expect(Number(BACKWARD_NOTE.exec(note!)![1])).toBe(back.cycles.length);
    expect(back.cycles.length).toBeGreaterThanOrEqual(4);
    for (const c of back.cycles) {
      expect(c.excluded).toBe(true);
      expect(c.flags).toContain('walking-backward');
    }
    expect(back.parameters.find((p) => p.parameter === 'speedMps')!.left.n).toBe(0);
    // Forward, the same frames are analysed as before.
    expect(ahead.warnings.filter((w) => BACKWARD_NOTE.test(w))).toEqual([]);
    expect(ahead.cycles.filter((c) => !c.excluded).length).toBe(6);
  });
});
