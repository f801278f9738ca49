// Starts pulling from an async source right away, holding up to `max` items, so work that does
// not depend on the consumer (ffmpeg sampling the video) overlaps with what the consumer is still
// waiting for (workers loading their models). Items are handed over as soon as each arrives: the
// consumer never waits for the buffer to fill.
export interface Prefetched<T> extends AsyncIterable<T> {
  /** Stops the source (kills its ffmpeg child) when the consumer will not read it. */
  stop(): Promise<void>;
}

export function prefetch<T>(source: AsyncGenerator<T>, max: number): Prefetched<T> {
  const buffer: T[] = [];
  let done = false;
  let stopped = false;
  let error: unknown;
  let wakeReader: (() => void) | undefined;
  let wakePump: (() => void) | undefined;
  const notify = (): void => {
    const w = wakeReader;
    wakeReader = undefined;
    w?.();
  };
  const pump = async (): Promise<void> => {
    try {
      while (!done && !stopped) {
        if (buffer.length >= max) {
          await new Promise<void>((r) => (wakePump = r));
          continue;
        }
        const next = await source.next();
        if (next.done) done = true;
        else buffer.push(next.value);
        notify();
      }
    } catch (err) {
      error = err;
      done = true;
    } finally {
      notify();
    }
  };
  const resumePump = (): void => {
    const w = wakePump;
    wakePump = undefined;
    w?.();
  };
  const pumping = pump();
  return {
    async stop() {
      stopped = true;
      resumePump();
      await pumping;
      await source.return(undefined);
    },
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          if (buffer.length > 0) {
            const item = buffer.shift()!;
            resumePump();
            yield item;
            continue;
          }
          if (error) throw error;
          if (done || stopped) return;
          await new Promise<void>((r) => (wakeReader = r));
        }
      } finally {
        // The reader leaving early (break, error) ends the source too.
        if (!done) {
          stopped = true;
          resumePump();
          await pumping;
          await source.return(undefined);
        }
      }
    },
  };
}
