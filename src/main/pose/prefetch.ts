// Starts pulling from an async source right away, holding up to `max` items, so work that does
// not depend on the consumer (ffmpeg sampling the video) overlaps with what the consumer is still
// waiting for (workers loading their models).
export interface Prefetched<T> extends AsyncIterable<T> {
  /** Stops the source (kills its ffmpeg child) when the consumer will not read it. */
  stop(): Promise<void>;
}

export function prefetch<T>(source: AsyncGenerator<T>, max: number): Prefetched<T> {
  const buffer: T[] = [];
  let done = false;
  let error: unknown;
  let pumping: Promise<void> | undefined;
  const pump = async (): Promise<void> => {
    try {
      while (!done && buffer.length < max) {
        const next = await source.next();
        if (next.done) done = true;
        else buffer.push(next.value);
      }
    } catch (err) {
      error = err;
      done = true;
    }
  };
  pumping = pump();
  return {
    async stop() {
      await pumping;
      done = true;
      await source.return(undefined);
    },
    async *[Symbol.asyncIterator]() {
      await pumping;
      pumping = undefined;
      for (const item of buffer.splice(0)) yield item;
      if (error) throw error;
      if (done) return;
      for await (const item of { [Symbol.asyncIterator]: () => source }) yield item;
    },
  };
}
