import { describe, expect, it } from 'vitest';
import { poseWorkersSetting, WorkerBudget, type WorkerLease } from '../../../src/main/pose/worker-budget';

const settled = () => new Promise((r) => setTimeout(r, 0));

describe('WorkerBudget', () => {
  it('lends workers in the order jobs asked, none overtaking a job that waits', async () => {
    const budget = new WorkerBudget(4);
    const order: string[] = [];
    const a = budget.tryAcquire(3)!;
    expect(a.workers).toBe(3);
    const b = budget.acquire(4, undefined, () => order.push('b waits')).then((l) => (order.push('b'), l));
    // One worker is free, but b asked first: c must not take it.
    expect(budget.tryAcquire(1)).toBeUndefined();
    const c = budget.acquire(1, undefined, () => order.push('c waits')).then((l) => (order.push('c'), l));
    await settled();
    expect(order).toEqual(['b waits', 'c waits']);
    a.release();
    a.release(); // a second release gives nothing back twice
    const lb = await b;
    await settled();
    expect(order).toEqual(['b waits', 'c waits', 'b']);
    expect(budget.freeWorkers).toBe(0);
    lb.release();
    (await c).release();
    expect(order.at(-1)).toBe('c');
    expect(budget.freeWorkers).toBe(4);
  });

  it('counts a job asking for more than the computer has as the whole computer', async () => {
    const budget = new WorkerBudget(2);
    const big = budget.tryAcquire(6)!;
    expect(big.workers).toBe(6);
    expect(budget.freeWorkers).toBe(0);
    big.release();
    expect(budget.freeWorkers).toBe(2);
  });

  it('drops a job cancelled while it waits, and the next one goes ahead', async () => {
    const budget = new WorkerBudget(2);
    const running = budget.tryAcquire(1)!;
    const cancel = new AbortController();
    const cancelled = budget.acquire(2, cancel.signal);
    let next: WorkerLease | undefined;
    void budget.acquire(1).then((l) => (next = l));
    await settled();
    expect(next).toBeUndefined();
    cancel.abort();
    await expect(cancelled).rejects.toThrow('cancelled');
    await settled();
    expect(next?.workers).toBe(1);
    running.release();
    next!.release();
    expect(budget.freeWorkers).toBe(2);
    await expect(budget.acquire(1, cancel.signal)).rejects.toThrow('cancelled');
  });
});

describe('GAITLAB_POSE_WORKERS', () => {
  it('is one worker per core, at most 6, when unset or empty', () => {
    expect(poseWorkersSetting({}, 2)).toEqual({ workers: 2 });
    expect(poseWorkersSetting({}, 16)).toEqual({ workers: 6 });
    expect(poseWorkersSetting({ GAITLAB_POSE_WORKERS: ' ' }, 4)).toEqual({ workers: 4 });
  });

  it('sets the workers, fewer or more than the cores', () => {
    expect(poseWorkersSetting({ GAITLAB_POSE_WORKERS: '1' }, 8)).toEqual({ workers: 1 });
    expect(poseWorkersSetting({ GAITLAB_POSE_WORKERS: '12' }, 16)).toEqual({ workers: 12 });
  });

  it('refuses what is not a whole number from 1 to 32, saying the default it falls back to', () => {
    for (const text of ['0', '2.5', 'four', '-3', '100']) {
      const s = poseWorkersSetting({ GAITLAB_POSE_WORKERS: text }, 2);
      expect(s.workers).toBe(2);
      expect(s.error).toBe(
        `GAITLAB_POSE_WORKERS is "${text}": give a whole number of pose workers from 1 to 32 (unset: one per core, at most 6; this computer: 2).`,
      );
    }
  });
});
