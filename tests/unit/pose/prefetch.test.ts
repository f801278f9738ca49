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
  await prefetch(counting(10, pulled), 2).stop();
  expect(pulled).toEqual([0, 1, -1]);
});
