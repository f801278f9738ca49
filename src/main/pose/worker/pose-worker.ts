// Inference worker: one per core, each with its own tfjs backend (wasm is single-threaded in
// Node, so parallelism comes from workers). Runs unbundled under Node's type stripping in tests
// and as out/main/pose-worker.js in the app, hence: no relative runtime imports here.
import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import { type GraphModel, loadGraphModel } from '@tensorflow/tfjs-converter';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { ModelBytes, WorkerRequest, WorkerResponse } from './protocol';

const port = parentPort;
if (!port) throw new Error('pose-worker must run in a worker thread');

const models = new Map<string, GraphModel>();
const LANDMARK_OUTPUTS = ['ld_3d', 'world_3d', 'output_poseflag'];
// The heatmap is only fetched when refinement is on: it costs a 640 KB read-back per frame.
const HEATMAP_OUTPUT = 'activation_heatmap';
let landmarkOutputNames: string[] = [];
// The crop arrives in shared memory (no per-frame buffer transfer, allocation or collection).
let landmarkInput: Float32Array<ArrayBufferLike> = new Float32Array(0);

function send(msg: WorkerResponse, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(msg, transfer);
}

async function chooseBackend(wanted: 'wasm' | 'tensorflow' | 'auto', wasmDir: string): Promise<string> {
  if (wanted !== 'wasm') {
    try {
      // Optional native backend: present only where it could be installed.
      await import('@tensorflow/tfjs-node' as string);
      if (await tf.setBackend('tensorflow')) return tf.getBackend();
    } catch {
      if (wanted === 'tensorflow')
        throw new Error('@tensorflow/tfjs-node is not installed: the native backend is unavailable.');
    }
  }
  setWasmPaths(wasmDir.endsWith('/') ? wasmDir : wasmDir + '/');
  await tf.setBackend('wasm');
  await tf.ready();
  const got = tf.getBackend();
  // tfjs quietly falls back to the cpu backend, 25-40x slower: refuse rather than crawl.
  if (got !== 'wasm')
    throw new Error(`The wasm inference backend failed to start (tfjs fell back to "${got}").`);
  return got;
}

function modelFromBytes(m: ModelBytes): Promise<GraphModel> {
  const json = JSON.parse(m.modelJson) as {
    modelTopology: object;
    weightsManifest: Array<{ weights: tf.io.WeightsManifestEntry[] }>;
    format?: string;
    generatedBy?: string;
    convertedBy?: string;
    signature?: object;
    userDefinedMetadata?: Record<string, object>;
  };
  const handler: tf.io.IOHandler = {
    load: async () => ({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData: m.weights,
      format: json.format,
      generatedBy: json.generatedBy,
      convertedBy: json.convertedBy,
      signature: json.signature,
      userDefinedMetadata: json.userDefinedMetadata,
    }),
  };
  return loadGraphModel(handler);
}

function outputNamesFor(model: GraphModel, wanted: string[]): string[] {
  // Signature keys name the outputs; the graph wants the node names behind them.
  const sig = (model as unknown as { signature?: { outputs?: Record<string, { name: string }> } }).signature;
  return wanted.map((key) => {
    const name = sig?.outputs?.[key]?.name;
    if (!name) throw new Error(`model output "${key}" not found`);
    return name.replace(/:0$/, '');
  });
}

async function handle(msg: WorkerRequest): Promise<void> {
  if (msg.type === 'init') {
    const t0 = performance.now();
    landmarkInput = new Float32Array(msg.input);
    const backend = await chooseBackend(msg.backend, msg.wasmDir);
    // A worker kept for another job may be given other models: the old ones' memory goes first.
    for (const m of models.values()) m.dispose();
    models.clear();
    for (const m of msg.models) models.set(m.name, await modelFromBytes(m));
    const lm = models.get('landmarks');
    if (!lm) throw new Error('landmark model missing');
    landmarkOutputNames = outputNamesFor(
      lm,
      msg.heatmap ? [...LANDMARK_OUTPUTS, HEATMAP_OUTPUT] : LANDMARK_OUTPUTS,
    );
    // No inference here: each model's first run sets up its kernels for the input size it gets
    // (MoveNet's at the scan size, not a guessed one), and the caller decides when (`warm`).
    send({ type: 'ready', backend, initMs: performance.now() - t0 });
    return;
  }
  if (msg.type === 'warm') {
    const t0 = performance.now();
    const lm = models.get('landmarks')!;
    tf.tidy(() => lm.execute(tf.zeros([1, 256, 256, 3]), landmarkOutputNames));
    send({ type: 'warm', id: msg.id, ms: performance.now() - t0 });
    return;
  }
  if (msg.type === 'landmarks') {
    const lm = models.get('landmarks')!;
    const t0 = performance.now();
    const outs = tf.tidy(() => {
      const input = tf.tensor4d(landmarkInput, [1, 256, 256, 3], 'float32');
      return lm.execute(input, landmarkOutputNames) as tf.Tensor[];
    });
    const [ld, world, flag, heatmap] = await Promise.all(outs.map((t) => t.data() as Promise<Float32Array>));
    tf.dispose(outs);
    send(
      {
        type: 'landmarks',
        id: msg.id,
        ld3d: ld!,
        world3d: world!,
        poseFlag: flag![0]!,
        heatmap: heatmap ?? new Float32Array(0),
        inferMs: performance.now() - t0,
      },
      [
        ld!.buffer as ArrayBuffer,
        world!.buffer as ArrayBuffer,
        ...(heatmap ? [heatmap.buffer as ArrayBuffer] : []),
      ],
    );
    return;
  }
  if (msg.type === 'people') {
    const people = models.get('people');
    if (!people) throw new Error('person model missing');
    const t0 = performance.now();
    const out = tf.tidy(
      () => people.execute(tf.tensor4d(msg.input, [1, msg.heightPx, msg.widthPx, 3], 'int32')) as tf.Tensor,
    );
    const raw = (await out.data()) as Float32Array;
    out.dispose();
    send({ type: 'people', id: msg.id, raw, inferMs: performance.now() - t0, input: msg.input }, [
      raw.buffer as ArrayBuffer,
      msg.input.buffer as ArrayBuffer,
    ]);
  }
}

port.on('message', (msg: WorkerRequest) => {
  handle(msg).catch((err: unknown) => {
    const id = 'id' in msg ? msg.id : undefined;
    send({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  });
});
