import { expect, test } from 'vitest';
import { prefetch } from '../../../src/main/pose/prefetch';

async function* counting(n: number, pulled: number[], failAt = -1): AsyncGenerator<number> {
  try {
    for (let i = 0; i < n; i++) {
      if (i === failAt) throw new Error('decode failed');
      pulled.push(i);
      yield i;
    }
  } finally {
    pulled.push(-1);
  }
}

test('pulls ahead before anyone reads, then yields everything in order', async () => {
  const pulled: number[] = [];
  const feed = prefetch(counting(10, pulled), 3);
  await new Promise((r) => setTimeout(r, 10));
  expect(pulled).toEqual([0, 1, 2]);
  const got: number[] = [];
  for await (const v of feed) got.push(v);
  expect(got).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('a failure while prefetching reaches the reader; stop() closes an unread source', async () => {
  const feed = prefetch(counting(10, [], 2), 5);
  const got: number[] = [];
  await expect(
    (async () => {
      for await (const v of feed) got.push(v);
    })(),
  ).rejects.toThrow('decode failed');
  expect(got).toEqual([0, 1]);
  const pulled: number[] = [];
  await prefetch(counting(10, pulled), 5).stop();
  // It stops after the pull under way, without filling the buffer first.
  expect(pulled).toEqual([0, -1]);
});

test('hands each item over as soon as it arrives, without waiting for the buffer to fill', async () => {
  let release: (() => void) | undefined;
  async function* slow(): AsyncGenerator<number> {
    yield 0;
    await new Promise<void>((r) => (release = r));
    yield 1;
  }
  const feed = prefetch(slow(), 8);
  const it = feed[Symbol.asyncIterator]();
  expect(await it.next()).toEqual({ value: 0, done: false });
  while (!release) await new Promise((r) => setTimeout(r, 1));
  release();
  expect(await it.next()).toEqual({ value: 1, done: false });
  expect((await it.next()).done).toBe(true);
});

test('a reader leaving early closes the source', async () => {
  const pulled: number[] = [];
  const feed = prefetch(counting(10, pulled), 3);
  for await (const v of feed) if (v === 1) break;
  expect(pulled[pulled.length - 1]).toBe(-1);
  expect(pulled.length).toBeLessThanOrEqual(6);
});
