// The Sports2D side-view walk: a small walker in a wide outdoor scene, backlit, with a second
// person on a box in view from the first frame. The engine must follow the walker through her
// pass, keep left and right on the same legs, resume a cancelled job from its last chunk (also
// when the video has moved since, as in a lab folder copied to another computer), and give the
// same track whatever the number of cores.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderOverlay } from '../../../src/main/pose/overlay/render-overlay';
import { readPoseResult, type PoseResult } from '../../../src/main/pose/pose-result';
import { runPose } from '../../../src/main/pose/run-pose';
import { runGait } from '../../../src/main/services/gait-pipeline';
import { artifactsDir, dataFile, point, tempDir } from './helpers';

const video = dataFile('sports2d_demo_sideview_walk/demo.mp4');
// She steps out from behind the tree at the right by frame ~45 and leaves at the left after ~195.
const PASS = { first: 50, last: 190 };

let result: PoseResult;
let cancelledAt = -1;
let cancelledSource: { sha256?: string } = {};
let outDir = '';

beforeAll(async () => {
  outDir = tempDir('sports2d');
  const abort = new AbortController();
  await expect(
    runPose({
      videoPath: video,
      outDir,
      chunkFrames: 32,
      signal: abort.signal,
      onProgress: (p) => {
        if (p.stage === 'landmarks' && p.framesDone >= 100 && cancelledAt < 0) {
          cancelledAt = p.framesDone;
          abort.abort();
        }
      },
    }),
  ).rejects.toThrow(/cancel/i);
  cancelledSource = (
    JSON.parse(readFileSync(join(outDir, 'pose.json'), 'utf8')) as { source: { sha256?: string } }
  ).source;
  // Resumed from a copy elsewhere with another file time, as after the lab folder moved: the
  // cancelled job recorded the video's hash, so its chunks are still its own.
  const moved = join(tempDir('sports2d-moved'), 'demo.mp4');
  copyFileSync(video, moved);
  result = await runPose({ videoPath: moved, outDir, chunkFrames: 32 });
});

describe('Sports2D demo walk', () => {
  test('a cancelled job is not complete, and re-running resumes from its last complete chunk, even from the video moved', () => {
    expect(cancelledAt).toBeGreaterThanOrEqual(100);
    expect(cancelledSource.sha256).toMatch(/^[0-9a-f]{64}$/);
    console.log(
      `cancelled at frame ${cancelledAt}, resumed from the moved video at frame ${result.stats?.resumedFromFrame}`,
    );
    expect(result.stats?.resumedFromFrame).toBeGreaterThanOrEqual(64);
    expect(result.stats?.resumedFromFrame).toBeLessThanOrEqual(cancelledAt);
    expect(result.manifest.status).toBe('complete');
    expect(result.manifest.provenance.backend).toBe('wasm');
    const manifest = JSON.parse(readFileSync(join(outDir, 'pose.json'), 'utf8')) as { status: string };
    expect(manifest.status).toBe('complete');
    expect(readPoseResult(outDir).track.frameCount).toBe(230);
  });

  test('follows the walker (not the person on the box) through her whole pass', () => {
    const t = result.track;
    for (let f = PASS.first; f <= PASS.last; f++) expect(t.confidence[f], `frame ${f}`).toBeGreaterThan(0.5);
    // The walker's hips are low in the frame and travel right to left; the box person's stay high.
    const hipAt = (f: number): { x: number; y: number } => {
      const l = point(t, f, 'left_hip');
      const r = point(t, f, 'right_hip');
      return { x: (l.x + r.x) / 2, y: (l.y + r.y) / 2 };
    };
    for (let f = PASS.first; f <= PASS.last; f += 10) expect(hipAt(f).y).toBeGreaterThan(550);
    expect(hipAt(PASS.first).x - hipAt(PASS.last).x).toBeGreaterThan(800);
    // Frames before she appears are flagged, not filled with the bystander.
    for (let f = 0; f < 30; f++) expect(t.confidence[f]).toBeLessThan(0.5);
    expect(result.manifest.lowConfidenceFrames).toContain(0);
    expect(t.timeS[30]).toBeCloseTo(1.0, 3);
  });

  test('ankle and heel tracks of each side are continuous: no left/right exchange between frames', () => {
    const t = result.track;
    let exchanges = 0;
    let maxStepRatio = 0;
    const steps: number[] = [];
    for (let f = PASS.first + 1; f <= PASS.last; f++) {
      const thigh =
        (Math.hypot(
          point(t, f, 'left_hip').x - point(t, f, 'left_knee').x,
          point(t, f, 'left_hip').y - point(t, f, 'left_knee').y,
        ) +
          Math.hypot(
            point(t, f, 'right_hip').x - point(t, f, 'right_knee').x,
            point(t, f, 'right_hip').y - point(t, f, 'right_knee').y,
          )) /
        2;
      for (const part of ['ankle', 'heel'] as const) {
        const L0 = point(t, f - 1, `left_${part}`);
        const R0 = point(t, f - 1, `right_${part}`);
        const L1 = point(t, f, `left_${part}`);
        const R1 = point(t, f, `right_${part}`);
        const same = Math.hypot(L1.x - L0.x, L1.y - L0.y) + Math.hypot(R1.x - R0.x, R1.y - R0.y);
        const crossed = Math.hypot(L1.x - R0.x, L1.y - R0.y) + Math.hypot(R1.x - L0.x, R1.y - L0.y);
        // An exchange: each label lands where the other side was, while the feet are apart.
        const apart = Math.hypot(L0.x - R0.x, L0.y - R0.y) > 0.3 * thigh;
        if (apart && crossed < 0.5 * same) exchanges++;
        const step =
          Math.max(Math.hypot(L1.x - L0.x, L1.y - L0.y), Math.hypot(R1.x - R0.x, R1.y - R0.y)) / thigh;
        maxStepRatio = Math.max(maxStepRatio, step);
        steps.push(step);
      }
    }
    expect(exchanges).toBe(0);
    // A swing foot peaks near 5 m/s, about 0.4 thigh lengths per frame at 30 fps; 0.6 (7 m/s)
    // is out of reach for a walker, while a jump to the other foot is a step length (> 1 thigh).
    steps.sort((a, b) => a - b);
    const p95 = steps[Math.floor(0.95 * (steps.length - 1))]!;
    console.log(
      `Sports2D foot travel per frame, thigh lengths: p95 ${p95.toFixed(2)}, max ${maxStepRatio.toFixed(2)}`,
    );
    expect(maxStepRatio).toBeLessThan(0.6);
  });

  test('the same track on a computer with one core and on one with four', async () => {
    // Each frame is cropped from the landmarks of two frames before whatever the number of
    // workers: with a lag of one frame per worker, four workers gave another track.
    const run = (workers: number) =>
      runPose({ videoPath: video, outDir: tempDir(`sports2d-workers-${workers}`), maxFrames: 100, workers });
    const one = await run(1);
    const four = await run(4);
    expect([one.manifest.provenance.workers, four.manifest.provenance.workers]).toEqual([1, 4]);
    const tracked = Array.from(one.track.confidence).filter((c) => c >= 0.5).length;
    expect(tracked).toBeGreaterThan(50);
    expect(Array.from(four.track.xPx)).toEqual(Array.from(one.track.xPx));
    expect(Array.from(four.track.yPx)).toEqual(Array.from(one.track.yPx));
    expect(Array.from(four.track.confidence)).toEqual(Array.from(one.track.confidence));
  });

  test('the caller can choose the other person: a box around the man on the electrical box', async () => {
    const other = await runPose({
      videoPath: video,
      outDir: tempDir('sports2d-box'),
      maxFrames: 30,
      person: { kind: 'box', box: { x0: 560, y0: 50, x1: 740, y1: 480 }, frame: 0 },
    });
    for (let f = 0; f < 30; f += 5) {
      expect(other.track.confidence[f]).toBeGreaterThan(0.5);
      const hipY = (point(other.track, f, 'left_hip').y + point(other.track, f, 'right_hip').y) / 2;
      expect(hipY).toBeLessThan(400);
    }
  });

  test('initial contacts lie within 2 frames of where the landing foot visibly comes to rest', () => {
    // Hand-labelled from the video (ffmpeg crops of the feet, 20 px grid, frame by frame): the
    // first frame from which the landing foot's image position changes by <= 3 px, minus half a
    // frame. Each label is good to about a frame. The foot-off instants were not labelled: the toe
    // leaving the grass is not visible at 30 frames/s against the shadowed lawn.
    const LABELLED: Array<{ side: 'left' | 'right'; frame: number }> = [
      { side: 'left', frame: 78.5 },
      { side: 'right', frame: 97.5 },
      { side: 'left', frame: 115.5 },
      { side: 'right', frame: 135.5 },
      { side: 'left', frame: 152.5 },
      { side: 'right', frame: 170.5 },
    ];
    const r = runGait(result.track, { heightM: 1.65 });
    if (!r.ok) throw new Error(r.error.message);
    const contacts = r.analysis.events.filter((e) => e.kind === 'initial-contact');
    const errors = LABELLED.map((l) => {
      const near = contacts
        .filter((c) => c.side === l.side)
        .reduce((a, b) => (Math.abs(b.frame - l.frame) < Math.abs(a.frame - l.frame) ? b : a));
      return near.frame - l.frame;
    });
    console.log(
      `Sports2D initial contacts minus hand labels, frames: ${errors.map((e) => e.toFixed(1)).join(' ')}`,
    );
    for (const e of errors) expect(Math.abs(e)).toBeLessThanOrEqual(2);
  });

  test('renders overlay stills for review', async () => {
    const dir = artifactsDir('pose');
    const frames = [60, 100, 140, 180];
    await renderOverlay({
      videoPath: video,
      track: result.track,
      outPath: join(dir, 'sports2d-%d.png'),
      frames,
    });
    for (const f of frames) expect(existsSync(join(dir, `sports2d-${f}.png`))).toBe(true);
  });
});
