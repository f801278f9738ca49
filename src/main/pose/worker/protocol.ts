// Messages between the pose pipeline (main thread) and its inference workers. Workers hold no
// tracking state: they run a model on a prepared input, so any worker can take any frame.

export interface ModelBytes {
  name: string;
  /** model.json contents (topology + weightsManifest). */
  modelJson: string;
  weights: ArrayBuffer;
}

export type WorkerRequest =
  | {
      type: 'init';
      models: ModelBytes[];
      backend: 'wasm' | 'tensorflow' | 'auto';
      wasmDir: string;
      heatmap: boolean;
      /** This worker's landmark input, LANDMARK_INPUT_PX^2 x 3 floats, written by the main thread. */
      input: SharedArrayBuffer;
    }
  /** One landmark inference on zeros: sets up the kernels before the first real frame. */
  | { type: 'warm'; id: number }
  /** Runs the landmark model on the crop now in this worker's shared input buffer. */
  | { type: 'landmarks'; id: number }
  | { type: 'people'; id: number; input: Int32Array; widthPx: number; heightPx: number };

export type WorkerResponse =
  | { type: 'ready'; backend: string; initMs: number }
  | { type: 'warm'; id: number; ms: number }
  | {
      type: 'landmarks';
      id: number;
      /** 39 x (x, y, z, visibility logit, presence logit), crop pixels. */
      ld3d: Float32Array;
      /** 39 x (x, y, z) metres, hip-centred. */
      world3d: Float32Array;
      poseFlag: number;
      /** 64 x 64 x 39 logits (NHWC) when requested at init, else empty. */
      heatmap: Float32Array;
      inferMs: number;
    }
  | { type: 'people'; id: number; raw: Float32Array; inferMs: number; input: Int32Array }
  | { type: 'error'; id?: number; message: string };

export const LANDMARK_INPUT_PX = 256;
export const LANDMARK_MODEL = 'blazepose-full';
export const PEOPLE_MODEL = 'movenet-multipose';
