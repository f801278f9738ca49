// A fixed set of inference workers, one per core by default. Requests go to whichever worker
// is idle; terminate() stops them all (used on cancel). Each worker's landmark input lives in
// shared memory: the main thread crops straight into it, so a frame costs no buffer transfer,
// allocation or garbage collection, only two small messages.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  LANDMARK_INPUT_PX,
  type ModelBytes,
  type WorkerRequest,
  type WorkerResponse,
} from './worker/protocol';

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
  /** The worker's landmark input, in memory both threads see. */
  input: Float32Array;
  pending?: { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void };
}

interface Waiter {
  /** A request for one particular worker (warm-up), else any. */
  slot?: Slot;
  give: (slot: Slot) => void;
  fail: (err: Error) => void;
}

export interface PoolOptions {
  backend?: 'wasm' | 'tensorflow' | 'auto';
  heatmap?: boolean;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Waiter[] = [];
  private nextId = 1;
  private dead: Error | undefined;
  backend = 'unknown';
  initMs = 0;
  /** What the workers were last given (models by checksum, backend, heatmap): the same again is not sent. */
  private initKey: string | undefined;

  private constructor() {}

  /**
   * Starts the threads now, so each loads its tfjs modules while the caller does other start-up
   * work (probing the video, reading and checking the model files); `init` then hands them the models.
   */
  static spawn(workers = availableParallelism()): WorkerPool {
    const pool = new WorkerPool();
    const script = locateWorkerScript();
    for (let i = 0; i < Math.max(1, workers); i++) {
      const worker = new Worker(script);
      const input = new Float32Array(new SharedArrayBuffer(LANDMARK_INPUT_PX * LANDMARK_INPUT_PX * 3 * 4));
      const slot: Slot = { worker, busy: true, input };
      pool.slots.push(slot);
      worker.on('message', (msg: WorkerResponse) => pool.onMessage(slot, msg));
      worker.on('error', (err) => pool.fail(slot, err));
      worker.on('exit', (code) => {
        if (!pool.dead) pool.fail(slot, new Error(`pose worker exited unexpectedly (code ${code})`));
      });
    }
    return pool;
  }

  /**
   * Loads the models into every worker (no inference: each model's one-time kernel set-up happens
   * on its first real input, or on `warmLandmarks`). Terminates the pool when a worker fails.
   */
  async init(models: Array<ModelBytes & { sha256?: string }>, options: PoolOptions = {}): Promise<void> {
    const wasmDir = wasmDirectory();
    const key = models.every((m) => m.sha256)
      ? JSON.stringify([
          models.map((m) => [m.name, m.sha256]),
          options.backend ?? 'auto',
          options.heatmap ?? false,
        ])
      : undefined;
    // Workers kept from a job with these very models (idle-workers.ts): ready as they are.
    if (key && key === this.initKey && !this.dead) {
      this.initMs = 0;
      return;
    }
    this.initKey = undefined;
    try {
      const ready = await Promise.all(
        this.slots.map(async (slot) => {
          const reply = await this.call(slot, {
            type: 'init',
            models,
            backend: options.backend ?? 'auto',
            wasmDir,
            heatmap: options.heatmap ?? false,
            input: slot.input.buffer as SharedArrayBuffer,
          });
          this.release(slot);
          return reply as Reply<'ready'>;
        }),
      );
      this.backend = ready[0]?.backend ?? 'unknown';
      this.initMs = Math.max(...ready.map((r) => r.initMs));
      this.initKey = key;
    } catch (err) {
      await this.terminate();
      throw err;
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Alive, and no request running or waiting: fit to be handed to another job. */
  get reusable(): boolean {
    return (
      !this.dead && this.slots.length > 0 && this.waiting.length === 0 && this.slots.every((s) => !s.busy)
    );
  }

  /** Whether the workers keep the process alive (not while they wait for another job). */
  holdProcess(hold: boolean): void {
    for (const s of this.slots) {
      if (hold) s.worker.ref();
      else s.worker.unref();
    }
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
    for (const w of this.waiting.splice(0)) w.fail(this.dead);
  }

  private call(slot: Slot, req: WorkerRequest, transfer: ArrayBuffer[] = []): Promise<WorkerResponse> {
    if (this.dead) return Promise.reject(this.dead);
    return new Promise((resolve, reject) => {
      slot.pending = { resolve, reject };
      slot.worker.postMessage(req, transfer);
    });
  }

  /** An idle worker (or the given one), handed over directly when one is released. */
  private acquire(want?: Slot): Promise<Slot> {
    if (this.dead) return Promise.reject(this.dead);
    const free = want ? (want.busy ? undefined : want) : this.slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((give, fail) => this.waiting.push({ slot: want, give, fail }));
  }

  private release(slot: Slot): void {
    const i = this.waiting.findIndex((w) => !w.slot || w.slot === slot);
    if (i >= 0 && !this.dead) this.waiting.splice(i, 1)[0]!.give(slot);
    else slot.busy = false;
  }

  private async request(
    req: WorkerRequest,
    transfer: ArrayBuffer[] = [],
    want?: Slot,
  ): Promise<WorkerResponse> {
    const slot = await this.acquire(want);
    try {
      return await this.call(slot, req, transfer);
    } finally {
      this.release(slot);
    }
  }

  /**
   * Runs the landmark model once on zeros in every worker, queued behind whatever each is doing:
   * the first inference sets up the kernels (several times the cost of a steady one), so this is
   * worth doing while the workers would otherwise wait (the tracking pass's decoder starting).
   */
  async warmLandmarks(): Promise<void> {
    await Promise.all(this.slots.map((slot) => this.request({ type: 'warm', id: this.nextId++ }, [], slot)));
  }

  /**
   * Landmarks of one crop: `fill` writes it (LANDMARK_INPUT_PX^2 x 3 floats in [0, 1]) straight
   * into the input of the worker that will run it, once that worker is free.
   */
  async landmarks(fill: (input: Float32Array) => void): Promise<Reply<'landmarks'>> {
    const slot = await this.acquire();
    try {
      fill(slot.input);
      return (await this.call(slot, { type: 'landmarks', id: this.nextId++ })) as Reply<'landmarks'>;
    } finally {
      this.release(slot);
    }
  }

  async people(input: Int32Array, widthPx: number, heightPx: number): Promise<Reply<'people'>> {
    return (await this.request({ type: 'people', id: this.nextId++, input, widthPx, heightPx }, [
      input.buffer as ArrayBuffer,
    ])) as Reply<'people'>;
  }

  async terminate(): Promise<void> {
    this.dead ??= new Error('pose workers stopped');
    const slots = this.slots.splice(0);
    for (const s of slots) s.pending?.reject(this.dead);
    for (const w of this.waiting.splice(0)) w.fail(this.dead);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
