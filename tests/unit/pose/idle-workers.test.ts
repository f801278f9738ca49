import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdleWorkers, type KeepablePool } from '../../../src/main/pose/idle-workers';

/** A pool as IdleWorkers sees one: its size, whether it can be reused, what was done to it. */
class FakePool implements KeepablePool {
  holding = true;
  terminated = false;
  constructor(
    readonly size: number,
    public reusable = true,
  ) {}
  holdProcess(hold: boolean): void {
    this.holding = hold;
  }
  async terminate(): Promise<void> {
    this.terminated = true;
    this.reusable = false;
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('workers kept between jobs', () => {
  it("gives a finished job's workers to the next job of the same size, not holding the process meanwhile", async () => {
    const idle = new IdleWorkers<FakePool>(2);
    const pool = new FakePool(2);
    await idle.keep(pool);
    expect(pool.holding).toBe(false);
    expect(pool.terminated).toBe(false);
    expect(idle.waitingWorkers()).toBe(2);
    expect(idle.take(1)).toBeUndefined();
    expect(idle.take(2)).toBe(pool);
    expect(pool.holding).toBe(true);
    expect(idle.take(2)).toBeUndefined();
    expect(idle.waitingWorkers()).toBe(0);
  });

  it('stops workers that failed, are busy, or are more than the computer keeps', async () => {
    const idle = new IdleWorkers<FakePool>(2);
    const failed = new FakePool(2, false);
    await idle.keep(failed);
    expect(failed.terminated).toBe(true);
    const big = new FakePool(4);
    await idle.keep(big);
    expect(big.terminated).toBe(true);
    expect(idle.waitingWorkers()).toBe(0);
  });

  it('keeps at most its workers waiting: the longest waiting are stopped first', async () => {
    const idle = new IdleWorkers<FakePool>(2);
    const a = new FakePool(1);
    const b = new FakePool(1);
    const c = new FakePool(1);
    await idle.keep(a);
    await idle.keep(b);
    await idle.keep(c);
    expect(a.terminated).toBe(true);
    expect(b.terminated).toBe(false);
    expect(idle.waitingWorkers()).toBe(2);
    expect(idle.take(1)).toBe(b);
    expect(idle.take(1)).toBe(c);
  });

  it('stops workers nobody took within the idle time', async () => {
    vi.useFakeTimers();
    const idle = new IdleWorkers<FakePool>(2, 30_000);
    const pool = new FakePool(2);
    await idle.keep(pool);
    vi.advanceTimersByTime(29_000);
    expect(pool.terminated).toBe(false);
    vi.advanceTimersByTime(2_000);
    expect(pool.terminated).toBe(true);
    expect(idle.take(2)).toBeUndefined();
  });

  it('a pool taken and kept again waits a fresh idle time', async () => {
    vi.useFakeTimers();
    const idle = new IdleWorkers<FakePool>(2, 30_000);
    const pool = new FakePool(2);
    await idle.keep(pool);
    vi.advanceTimersByTime(20_000);
    expect(idle.take(2)).toBe(pool);
    vi.advanceTimersByTime(20_000);
    expect(pool.terminated).toBe(false);
    await idle.keep(pool);
    vi.advanceTimersByTime(29_000);
    expect(pool.terminated).toBe(false);
    await idle.stopAll();
    expect(pool.terminated).toBe(true);
  });
});
