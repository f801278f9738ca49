// A fixed set of inference workers, one per core by default. Requests go to whichever worker
// is idle; terminate() stops them all (used on cancel).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ModelBytes, WorkerRequest, WorkerResponse } from './worker/protocol';

type Reply<T extends WorkerResponse['type']> = Extract<WorkerResponse, { type: T }>;

/** Sources (tests, dev) run the .ts worker under Node's type stripping; the app runs the bundled .js. */
export function locateWorkerScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, 'worker', 'pose-worker.ts'),
    join(here, 'pose-worker.js'),
    join(here, '..', 'pose-worker.js'),
    join(here, '..', '..', 'pose-worker.js'),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`pose worker script not found (looked in ${candidates.join(', ')})`);
  return found;
}

export function wasmDirectory(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'));
}

interface Slot {
  worker: Worker;
  busy: boolean;
  pending?: { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void };
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<() => void> = [];
  private nextId = 1;
  private dead: Error | undefined;
  backend = 'unknown';
  initMs = 0;

  private constructor() {}

  static async start(
    models: ModelBytes[],
    options: { workers?: number; backend?: 'wasm' | 'tensorflow' | 'auto'; heatmap?: boolean } = {},
  ): Promise<WorkerPool> {
    const pool = new WorkerPool();
    const count = Math.max(1, options.workers ?? availableParallelism());
    const script = locateWorkerScript();
    const wasmDir = wasmDirectory();
    try {
      const ready = await Promise.all(
        Array.from({ length: count }, async () => {
          const worker = new Worker(script);
          const slot: Slot = { worker, busy: true };
          pool.slots.push(slot);
          worker.on('message', (msg: WorkerResponse) => pool.onMessage(slot, msg));
          worker.on('error', (err) => pool.fail(slot, err));
          worker.on('exit', (code) => {
            if (!pool.dead) pool.fail(slot, new Error(`pose worker exited unexpectedly (code ${code})`));
          });
          const reply = await pool.call(slot, {
            type: 'init',
            models,
            backend: options.backend ?? 'auto',
            wasmDir,
            heatmap: options.heatmap ?? false,
          });
          slot.busy = false;
          return reply as Reply<'ready'>;
        }),
      );
      pool.backend = ready[0]?.backend ?? 'unknown';
      pool.initMs = Math.max(...ready.map((r) => r.initMs));
      return pool;
    } catch (err) {
      await pool.terminate();
      throw err;
    }
  }

  get size(): number {
    return this.slots.length;
  }

  private onMessage(slot: Slot, msg: WorkerResponse): void {
    const pending = slot.pending;
    slot.pending = undefined;
    if (!pending) return;
    if (msg.type === 'error') pending.reject(new Error(`pose worker: ${msg.message}`));
    else pending.resolve(msg);
  }

  private fail(slot: Slot, err: Error): void {
    this.dead ??= err;
    slot.pending?.reject(err);
    slot.pending = undefined;
  }

  private call(slot: Slot, req: WorkerRequest, transfer: ArrayBuffer[] = []): Promise<WorkerResponse> {
    if (this.dead) return Promise.reject(this.dead);
    return new Promise((resolve, reject) => {
      slot.pending = { resolve, reject };
      slot.worker.postMessage(req, transfer);
    });
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      if (this.dead) throw this.dead;
      const free = this.slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((r) => this.waiting.push(r));
    }
  }

  private release(slot: Slot): void {
    slot.busy = false;
    this.waiting.shift()?.();
  }

  async landmarks(input: Float32Array): Promise<Reply<'landmarks'>> {
    const slot = await this.acquire();
    try {
      return (await this.call(slot, { type: 'landmarks', id: this.nextId++, input }, [
        input.buffer as ArrayBuffer,
      ])) as Reply<'landmarks'>;
    } finally {
      this.release(slot);
    }
  }

  async people(input: Int32Array, widthPx: number, heightPx: number): Promise<Reply<'people'>> {
    const slot = await this.acquire();
    try {
      return (await this.call(slot, { type: 'people', id: this.nextId++, input, widthPx, heightPx }, [
        input.buffer as ArrayBuffer,
      ])) as Reply<'people'>;
    } finally {
      this.release(slot);
    }
  }

  async terminate(): Promise<void> {
    this.dead ??= new Error('pose workers stopped');
    const slots = this.slots.splice(0);
    for (const s of slots) s.pending?.reject(this.dead);
    for (const w of this.waiting.splice(0)) w();
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
