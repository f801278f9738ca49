// A finished job's workers wait for the process' next job with their models loaded
// (src/main/pose/idle-workers.ts): a job given other models loads those into them, and a job
// cancelled stops its workers instead of leaving them for the next one.
import { afterAll, describe, expect, test } from 'vitest';
import { poseIdleWorkers } from '../../../src/main/pose/idle-workers';
import { runPose } from '../../../src/main/pose/run-pose';
import { dataFile, tempDir } from './helpers';

const video = dataFile('sports2d_demo_sideview_walk/demo.mp4');
const FRAMES = 45;

const pose = (name: string, extra: { model?: 'lite'; signal?: AbortSignal } = {}) =>
  runPose({ videoPath: video, outDir: tempDir(`kept-workers-${name}`), maxFrames: FRAMES, ...extra });

afterAll(() => poseIdleWorkers.stopAll());

describe('workers kept between the jobs of a process', () => {
  test('a job with other models loads them into the kept workers, and tracks as fresh workers would', async () => {
    const full = await pose('full');
    expect(full.stats!.keptWorkers).toBeUndefined();
    expect(poseIdleWorkers.waitingWorkers()).toBe(full.stats!.workers);

    const lite = await pose('lite', { model: 'lite' });
    expect(lite.stats!.keptWorkers).toBe(true);
    // Not the models they held: loaded again, so the job took time to start them.
    expect(lite.stats!.workerInitMs).toBeGreaterThan(0);
    expect(lite.manifest.settings.model).toBe('blazepose-lite');

    await poseIdleWorkers.stopAll();
    const liteFresh = await pose('lite-fresh', { model: 'lite' });
    expect(liteFresh.stats!.keptWorkers).toBeUndefined();
    expect(Array.from(lite.track.xPx)).toEqual(Array.from(liteFresh.track.xPx));
    expect(Array.from(lite.track.confidence)).toEqual(Array.from(liteFresh.track.confidence));
    // The lite model's landmarks, not the full one's left in the workers.
    expect(Array.from(lite.track.xPx)).not.toEqual(Array.from(full.track.xPx));
    console.log(
      `kept workers: full ${full.stats!.ms.total.toFixed(0)} ms (start ${full.stats!.workerInitMs.toFixed(0)} ms), lite on them ${lite.stats!.ms.total.toFixed(0)} ms (start ${lite.stats!.workerInitMs.toFixed(0)} ms), lite on fresh workers ${liteFresh.stats!.ms.total.toFixed(0)} ms`,
    );
  });

  test('a cancelled job stops its workers instead of keeping them', async () => {
    await poseIdleWorkers.stopAll();
    const cancel = new AbortController();
    const running = runPose({
      videoPath: video,
      outDir: tempDir('kept-workers-cancelled'),
      maxFrames: FRAMES,
      signal: cancel.signal,
      onProgress: (p) => {
        if (p.stage === 'landmarks' && p.framesDone >= 5) cancel.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ kind: 'cancelled' });
    expect(poseIdleWorkers.waitingWorkers()).toBe(0);
  });
});
