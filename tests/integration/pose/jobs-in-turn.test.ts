// Pose jobs started together (a clinician pressing Analyse on several trials) take the computer's
// workers in turn instead of each starting one per core: the first is ready first, nothing is
// computed differently, and a job cancelled or refused while it waits gives its place back.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPose, type PoseProgress } from '../../../src/main/pose/run-pose';
import { WorkerBudget } from '../../../src/main/pose/worker-budget';
import { dataFile, tempDir } from './helpers';

const video = dataFile('sports2d_demo_sideview_walk/demo.mp4');
const FRAMES = 60;

/** A job on `budget` whose progress is logged with when it happened. */
function job(
  budget: WorkerBudget,
  name: string,
  log: string[],
  extra: { signal?: AbortSignal; videoPath?: string } = {},
) {
  const outDir = tempDir(`in-turn-${name}`);
  let last = '';
  const result = runPose({
    videoPath: extra.videoPath ?? video,
    outDir,
    maxFrames: FRAMES,
    workerBudget: budget,
    ...(extra.signal ? { signal: extra.signal } : {}),
    onProgress: (p: PoseProgress) => {
      if (p.stage !== last) log.push(`${name} ${p.stage}`);
      last = p.stage;
    },
  });
  return { outDir, result };
}

describe('pose jobs share the computer', () => {
  test("a second job waits for the first one's workers and gives the same track", async () => {
    const budget = new WorkerBudget(2);
    const log: string[] = [];
    const first = job(budget, 'first', log);
    const second = job(budget, 'second', log);
    const [a, b] = await Promise.all([first.result, second.result]);
    expect(log).toContain('second waiting');
    // The second job computes nothing until the first is done.
    const firstDone = log.indexOf('first done');
    expect(log.indexOf('second scanning')).toBeGreaterThan(firstDone);
    expect(log.indexOf('second landmarks')).toBeGreaterThan(firstDone);
    expect(a.manifest.provenance.workers).toBe(2);
    expect(b.manifest.provenance.workers).toBe(2);
    // The very workers: the first job's, kept for it with the models loaded (idle-workers.ts).
    expect(b.stats!.keptWorkers).toBe(true);
    expect(b.stats!.workerInitMs).toBe(0);
    expect(Array.from(b.track.xPx)).toEqual(Array.from(a.track.xPx));
    expect(Array.from(b.track.confidence)).toEqual(Array.from(a.track.confidence));
    expect(Array.from(a.track.confidence).filter((c) => c >= 0.5).length).toBeGreaterThan(30);
    expect(budget.freeWorkers).toBe(2);
  });

  test('a job cancelled while it waits is not marked complete, and a damaged video is refused without waiting', async () => {
    const budget = new WorkerBudget(2);
    const log: string[] = [];
    const running = job(budget, 'running', log);
    const cancel = new AbortController();
    const waiting = job(budget, 'waiting', log, { signal: cancel.signal });
    const empty = join(tempDir('in-turn-empty'), 'walk.mp4');
    writeFileSync(empty, '');
    const damaged = job(budget, 'damaged', log, { videoPath: empty });
    await expect(damaged.result).rejects.toThrow(/empty|zero|no data|not a readable video/i);
    await new Promise((r) => setTimeout(r, 200));
    expect(log).toContain('waiting waiting');
    cancel.abort();
    await expect(waiting.result).rejects.toMatchObject({ kind: 'cancelled' });
    // The damaged video was refused while the first job still ran.
    expect(log).not.toContain('running done');
    const manifest = join(waiting.outDir, 'pose.json');
    if (existsSync(manifest)) expect(JSON.parse(readFileSync(manifest, 'utf8')).status).not.toBe('complete');
    await running.result;
    expect(budget.freeWorkers).toBe(2);
  });
});
