import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../src/main/services/event-bus';
import { JobManager } from '../../../src/main/services/job-manager';
import type { JobProgressEvent, LabEvent } from '../../../src/shared/api/events';

afterEach(() => vi.useRealTimers());

describe('JobManager progress', () => {
  it('gives the rate and time left of the current step, not of the time spent waiting before it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(0);
    const bus = new EventBus();
    const seen: JobProgressEvent[] = [];
    bus.subscribe((e: LabEvent) => {
      if (e.type === 'job.progress') seen.push(e);
    });
    let report!: (done: number, total: number, message?: string) => void;
    let finish!: () => void;
    const { done } = new JobManager(bus).start('Analysing Walk 2', (r) => {
      report = r.progress;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    report(0, 0, 'Waiting its turn (another analysis is running)');
    vi.setSystemTime(14_000);
    report(0, 230, 'Pose estimation');
    vi.setSystemTime(16_000);
    report(100, 230);
    expect(seen.at(-1)).toMatchObject({ message: 'Pose estimation', ratePerS: 50, etaS: 2.6 });
    // A step resumed part-way counts only the frames done since it started.
    report(300, 500, 'Pose estimation, camera 2 of 2');
    vi.setSystemTime(18_000);
    report(400, 500);
    expect(seen.at(-1)).toMatchObject({ ratePerS: 50, etaS: 2 });
    finish();
    await done;
  });
});
