// Cameras drop frames (a phone in dim light, a computer that fell behind while recording) and keep
// each remaining frame at the time it was taken. The Sports2D walk with frames removed that way
// must give the walk's own timing: every fifth frame dropped, or a 0.43 s gap (12 frames) in the
// middle of the pass. Counting frames as if none were missing made the gap's strides 0.4 s short
// (cadence 108 +- 21 steps/min against 99 +- 2).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseVideoOnce } from '../../helpers/pose-seeds';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { sharedDataPath } from '../../helpers/shared-data';

const demo = sharedDataPath('sports2d_demo_sideview_walk/demo.mp4');
const work = mkdtempSync(join(tmpdir(), 'gaitlab-dropped-'));
const views: Record<string, TrialAnalysisView> = {};

/** The demo with the frames `keep` refuses removed, each other frame at its own time. */
function dropFrames(name: string, select: string): string {
  const out = join(work, name);
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-i', demo, '-an', '-vf', `select='${select}'`, '-fps_mode', 'passthrough'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-video_track_timescale', '90000', out],
  ]);
  return out;
}

const mean = (v: TrialAnalysisView, p: string, side: 'left' | 'right') =>
  v.parameters.find((x) => x.parameter === p)![side];

beforeAll(async () => {
  const videos = {
    whole: demo,
    everyFifth: dropFrames('every-fifth.mp4', 'not(eq(mod(n\\,5)\\,2))'),
    gap: dropFrames('gap.mp4', 'not(between(n\\,100\\,111))'),
  };
  for (const [name, path] of Object.entries(videos))
    views[name] = (await analyseVideoOnce(path, { heightM: 1.65, cacheDir: join(work, 'cache') })).view;
}, 600_000);

describe('videos with dropped frames', () => {
  it('are analysed on the video clock, one instant per usual frame interval', () => {
    for (const v of Object.values(views)) {
      expect(v.status, v.message).toBe('analysed');
      expect(v.fps).toBeCloseTo(30, 2);
      expect(v.frameCount).toBe(230);
    }
  });

  it('every fifth frame dropped: the walk timed as the whole video, and the drops said', () => {
    const v = views.everyFifth!;
    for (const side of ['left', 'right'] as const) {
      const [a, b] = [mean(v, 'cadenceStepsPerMin', side), mean(views.whole!, 'cadenceStepsPerMin', side)];
      console.log(
        `every fifth frame dropped, ${side} cadence ${a.mean?.toFixed(1)} (n=${a.n}) against ${b.mean?.toFixed(1)} (n=${b.n}) steps/min`,
      );
      expect(a.n).toBe(b.n);
      expect(Math.abs(a.mean! - b.mean!)).toBeLessThan(2);
      expect(
        Math.abs(mean(v, 'strideTimeS', side).mean! - mean(views.whole!, 'strideTimeS', side).mean!),
      ).toBeLessThan(0.03);
    }
    expect(v.warnings[0]).toBe(
      "The camera dropped frames: 46 of the 230 instants 0.033 s apart have no picture (longest gap 0.07 s). Landmarks there are filled from the frames around them where the gap is at most 0.2 s, and missing where it is longer; times are the video's own.",
    );
    // Dropped instants are not "low confidence": the pose was not doubtful, the picture was missing.
    expect(v.lowConfidenceFrames.length).toBeLessThanOrEqual(views.whole!.lowConfidenceFrames.length + 2);
  });

  it('a 0.43 s gap: no stride is made short by it, and the gap is said', () => {
    const v = views.gap!;
    expect(v.warnings[0]).toMatch(
      /^The camera dropped frames: 12 of the 230 instants .* \(longest gap 0\.43 s\)/,
    );
    const strides = v.cycles.map((c) => c.durationS);
    console.log(`0.43 s gap: stride times ${strides.map((s) => s.toFixed(3)).join(', ')} s`);
    for (const s of strides) expect(s).toBeGreaterThan(1.1);
    for (const side of ['left', 'right'] as const)
      expect(
        Math.abs(
          mean(v, 'cadenceStepsPerMin', side).mean! - mean(views.whole!, 'cadenceStepsPerMin', side).mean!,
        ),
      ).toBeLessThan(4);
  });
});
