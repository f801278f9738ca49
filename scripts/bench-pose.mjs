#!/usr/bin/env node
// Pose engine benchmark: end-to-end frames/s and per-stage cost of runPose on the Sports2D demo,
// on a 720p H.264 transcode of it and on a 2160p (4K, as phones record) one, next to the @vladmandic/human Node pipeline (wasm,
// BlazePose full) on the same frames. Results also go to bench-results/pose.json.
//   npm run bench:pose [-- --skip-human] [-- --frames N] [-- --repeat N] [-- --only 720p|2160p]
// On a shared machine every wall-clock number moves with what else runs: each run reports the
// share of the machine's CPU that other processes used meanwhile (Linux), so a run can be judged.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { describeMachine, loadAverages } from './bench-machine.mjs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServer } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const demo = resolve(root, '../shared/data/sports2d_demo_sideview_walk/demo.mp4');
const skipHuman = process.argv.includes('--skip-human');
const argValue = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const maxFrames = argValue('--frames') ? Number(argValue('--frames')) : undefined;
const repeat = Math.max(1, Number(argValue('--repeat') ?? 1));
const only = argValue('--only');
if (!existsSync(demo)) {
  console.error(`bench: ${demo} is missing`);
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'gaitlab-bench-'));
const mb = (b) => (b / 1024 / 1024).toFixed(0);
const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

/**
 * CPU ticks (10 ms) of the whole machine and of this process, its threads and its finished
 * children (ffmpeg, ffprobe), from /proc; undefined elsewhere.
 */
function cpuTicks() {
  try {
    const all = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const self = readFileSync('/proc/self/stat', 'utf8');
    const f = self
      .slice(self.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    return {
      total: all.reduce((a, b) => a + b, 0),
      busy: all.reduce((a, b) => a + b, 0) - all[3] - all[4],
      own: f[11] + f[12],
      children: f[13] + f[14],
    };
  } catch {
    return undefined;
  }
}

async function loadEngine() {
  // The engine is TypeScript: let Vite transform it on the fly, as vitest does.
  const server = await createServer({
    root,
    configFile: false,
    // No dependency pre-bundling (it is for the renderer: plotly, react) and no file watcher:
    // Vite would run both in the background during the measurements (the bundling ~2 s of CPU
    // when its cache is stale, the watcher crawling the repository). Its own cache folder, so the
    // project's node_modules/.vite is left alone.
    cacheDir: join(tmp, 'vite'),
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { middlewareMode: true, preTransformRequests: false, watch: null },
    appType: 'custom',
    logLevel: 'error',
  });
  const runPose = (await server.ssrLoadModule('/src/main/pose/run-pose.ts')).runPose;
  const probe = (await server.ssrLoadModule('/src/main/media/probe.ts')).probeVideo;
  const idleWorkers = (await server.ssrLoadModule('/src/main/pose/idle-workers.ts')).poseIdleWorkers;
  return { server, runPose, probe, idleWorkers };
}

async function benchEngine(runPose, label, video, run) {
  const outDir = join(tmp, `job-${label}-${run}`);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const ticks0 = cpuTicks();
  // Start-up (probe, workers, person scan) overlaps: the tracking pass starts when the first frame
  // is committed, which the progress callback reports.
  let trackingStartMs;
  const r = await runPose({
    videoPath: video,
    outDir,
    maxFrames,
    onProgress: (p) => {
      if (p.stage === 'landmarks' && trackingStartMs === undefined) trackingStartMs = performance.now() - t0;
    },
  });
  const cpu = process.cpuUsage(cpu0);
  const ticks1 = cpuTicks();
  const wallS = (performance.now() - t0) / 1000;
  const s = r.stats;
  const n = r.manifest.frames;
  const d = ticks0 && ticks1 ? (k) => ticks1[k] - ticks0[k] : undefined;
  return {
    label,
    keptWorkers: s.keptWorkers === true,
    frames: n,
    wallS,
    framesPerS: n / wallS,
    framesPerSTrackingPass: n / (wallS - (trackingStartMs ?? 0) / 1000),
    backend: s.backend,
    workers: s.workers,
    msPerFrame: {
      decodeWait: s.ms.decodeWait / n,
      crop: s.ms.crop / n,
      landmarkPerCall: s.ms.landmarks / s.landmarkCalls,
      finderPerCall: s.ms.finder / Math.max(1, s.finderCalls),
      post: s.ms.post / n,
    },
    wallMs: {
      probe: s.ms.probe,
      workerInit: s.workerInitMs,
      personScan: s.ms.scan,
      startUp: trackingStartMs ?? 0,
      total: s.ms.total,
    },
    landmarkCallsPer100: (100 * s.landmarkCalls) / n,
    detectorCallsPer100: (100 * s.finderCalls) / n,
    scanKeyFramesOnly: s.scanKeyFramesOnly === true,
    framesWithPerson: n - r.manifest.framesWithoutPerson,
    peakRssMiB: Number(mb(s.peakRssBytes)),
    // CPU time of this process (main thread + workers; ffmpeg children excluded): unlike wall
    // time it hardly moves when other programs share the machine.
    cpuMsPerFrame: (cpu.user + cpu.system) / 1000 / n,
    // ffmpeg and ffprobe (decoding twice: the person scan's samples and the tracking pass).
    ffmpegCpuMsPerFrame: d ? (d('children') * 10) / n : undefined,
    // Share of the machine's CPU used by other processes during the run.
    // (The counters are read at slightly different moments: a quiet machine can come out at -1 %.)
    othersCpuPct: d ? Math.max(0, (100 * (d('busy') - d('own') - d('children'))) / d('total')) : undefined,
  };
}

/** The Human library's own pipeline (detector + BlazePose full), one thread, wasm, frames from an ffmpeg pipe. */
async function benchHuman(label, video, info, cacheSensitivity) {
  const require = createRequire(import.meta.url);
  const humanPath = join(root, 'node_modules/@vladmandic/human/dist/human.node-wasm.js');
  // Node's fetch refuses file:// URLs; Human loads its models with fetch.
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url, init) => {
    const u = String(url);
    if (!u.startsWith('file://')) return realFetch(url, init);
    return new Response(readFileSync(fileURLToPath(u)), { status: 200 });
  };
  const { Human } = require(humanPath);
  const wasmDir =
    dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm')) + '/';
  const human = new Human({
    backend: 'wasm',
    wasmPath: wasmDir,
    modelBasePath: pathToFileURL(join(root, 'resources/models')).href + '/',
    debug: false,
    cacheSensitivity,
    warmup: 'none',
    face: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
    filter: { enabled: false },
    body: {
      enabled: true,
      modelPath: 'blazepose-full.json',
      detector: { modelPath: 'blazepose-detector.json' },
      maxDetected: 1,
    },
  });
  await human.load();
  await human.tf.ready();
  const backend = human.tf.getBackend();
  const w = info.widthPx;
  const h = info.heightPx;
  const n = Math.min(info.frameCount, maxFrames ?? Infinity);
  const frameBytes = w * h * 3;
  const buf = new Uint8Array(frameBytes);
  const child = spawn('ffmpeg', [
    '-v',
    'error',
    '-i',
    video,
    '-frames:v',
    String(n),
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    'pipe:1',
  ]);
  let filled = 0;
  let frames = 0;
  let withBody = 0;
  let inferMs = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const ticks0 = cpuTicks();
  const queue = [];
  let wake;
  child.stdout.on('data', (chunk) => {
    queue.push(chunk);
    child.stdout.pause();
    wake?.();
  });
  const ended = new Promise((r) => child.on('close', r));
  let done = false;
  void ended.then(() => {
    done = true;
    wake?.();
  });
  while (!done || queue.length) {
    const chunk = queue.shift();
    if (!chunk) {
      child.stdout.resume();
      await new Promise((r) => (wake = r));
      wake = undefined;
      continue;
    }
    let off = 0;
    while (off < chunk.length) {
      const take = Math.min(frameBytes - filled, chunk.length - off);
      buf.set(chunk.subarray(off, off + take), filled);
      filled += take;
      off += take;
      if (filled === frameBytes) {
        filled = 0;
        const t1 = performance.now();
        const tensor = human.tf.tensor3d(buf, [h, w, 3], 'int32');
        const res = await human.detect(tensor);
        human.tf.dispose(tensor);
        inferMs += performance.now() - t1;
        frames++;
        if (res.body.length && res.body[0].score > 0.5) withBody++;
      }
    }
    if (!queue.length) child.stdout.resume();
  }
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const ticks1 = cpuTicks();
  globalThis.fetch = realFetch;
  return {
    label,
    cacheSensitivity,
    backend,
    frames,
    wallS,
    framesPerS: frames / wallS,
    msPerFrame: inferMs / frames,
    cpuMsPerFrame: (cpu.user + cpu.system) / 1000 / frames,
    framesWithBody: withBody,
    othersCpuPct:
      ticks0 && ticks1
        ? Math.max(
            0,
            (100 *
              (ticks1.busy - ticks0.busy - (ticks1.own - ticks0.own) - (ticks1.children - ticks0.children))) /
              (ticks1.total - ticks0.total),
          )
        : undefined,
  };
}

async function main() {
  const { machine, text: machineText } = describeMachine();
  console.log(`machine: ${machineText}`);
  // Other processes on the machine change every number below: say how busy it was.
  console.log(`load average at start: ${loadAverages()}`);
  const transcode = (height) => {
    const out = join(tmp, `demo-${height}p-h264.mp4`);
    // Made only when benchmarked: the 4K encode alone takes ~15 s here.
    if (only && !`sports2d-${height}p-h264`.includes(only)) return out;
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-i',
      demo,
      '-an',
      '-vf',
      `scale=-2:${height}`,
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '20',
      '-pix_fmt',
      'yuv420p',
      out,
    ]);
    return out;
  };
  const { server, runPose, probe, idleWorkers } = await loadEngine();
  const inputs = [
    { label: 'sports2d-1768x994-vp9', video: demo },
    { label: 'sports2d-720p-h264', video: transcode(720) },
    { label: 'sports2d-2160p-h264', video: transcode(2160) },
  ].filter((i) => !only || i.label.includes(only));
  const results = { machine, engine: [], human: [] };
  try {
    for (const input of inputs) {
      const info = await probe(input.video);
      console.log(
        `\ninput ${input.label}: ${info.widthPx}x${info.heightPx} ${info.codec} ${info.fps} fps, ${info.frameCount} frames`,
      );
      const runs = [];
      // Each run a first job (workers started and models loaded), then one more on the workers
      // the last run kept: the next camera or trial of a session analysed in the same process.
      for (let run = 1; run <= repeat + 1; run++) {
        const kept = run > repeat;
        if (!kept) await idleWorkers.stopAll();
        const e = await benchEngine(runPose, input.label, input.video, kept ? 'kept' : run);
        if (!kept) runs.push(e);
        results.engine.push(e);
        const others =
          e.othersCpuPct === undefined
            ? ''
            : `, other processes used ${e.othersCpuPct.toFixed(0)} % of the CPU`;
        console.log(
          `  gaitlab runPose${kept ? ', next job on the kept workers' : repeat > 1 ? ` run ${run}` : ''}: ${e.framesPerS.toFixed(1)} frames/s end to end (${e.frames} frames in ${e.wallS.toFixed(2)} s; ` +
            `${e.framesPerSTrackingPass.toFixed(1)} frames/s in the tracking pass, after ${(e.wallMs.startUp / 1000).toFixed(2)} s of start-up), ` +
            `backend ${e.backend} x${e.workers} workers${others}`,
        );
        console.log(
          `    ms/frame: decode wait ${e.msPerFrame.decodeWait.toFixed(1)}, crop ${e.msPerFrame.crop.toFixed(1)}, post ${e.msPerFrame.post.toFixed(1)}; ` +
            `landmark ${e.msPerFrame.landmarkPerCall.toFixed(1)} ms/call (${e.landmarkCallsPer100.toFixed(0)} calls/100 frames, in parallel), ` +
            `person finder ${e.msPerFrame.finderPerCall.toFixed(0)} ms/call (${e.detectorCallsPer100.toFixed(1)} calls/100 frames, ` +
            `${e.scanKeyFramesOnly ? 'keyframes only decoded' : 'every frame decoded'} for it)`,
        );
        console.log(
          `    wall ms (start-up steps overlap): probe ${e.wallMs.probe.toFixed(0)}, worker model load ${e.wallMs.workerInit.toFixed(0)}, person scan ${e.wallMs.personScan.toFixed(0)}, ` +
            `first frame committed ${e.wallMs.startUp.toFixed(0)}, total ${e.wallMs.total.toFixed(0)}; ` +
            `peak RSS ${e.peakRssMiB} MiB; person found in ${e.framesWithPerson}/${e.frames} frames`,
        );
        console.log(
          `    CPU ${e.cpuMsPerFrame.toFixed(1)} ms/frame (all threads, whole run)` +
            (e.ffmpegCpuMsPerFrame === undefined ? '' : ` + ffmpeg ${e.ffmpegCpuMsPerFrame.toFixed(1)}`) +
            ` -> ${((1000 * machine.cores) / (e.cpuMsPerFrame + (e.ffmpegCpuMsPerFrame ?? 0))).toFixed(1)} frames/s if ${machine.cores} cores were ours alone and always busy`,
        );
      }
      if (repeat > 1) {
        console.log(
          `  median of ${repeat}: ${median(runs.map((e) => e.framesPerS)).toFixed(1)} frames/s end to end, ` +
            `${median(runs.map((e) => e.framesPerSTrackingPass)).toFixed(1)} in the tracking pass`,
        );
      }
      if (!skipHuman) {
        for (const cache of [0, 0.7]) {
          const hres = await benchHuman(input.label, input.video, info, cache);
          results.human.push(hres);
          console.log(
            `  @vladmandic/human (${cache === 0 ? 'inference every frame' : 'its default caching'}): ${hres.framesPerS.toFixed(1)} frames/s, ` +
              `${hres.msPerFrame.toFixed(1)} ms/frame, backend ${hres.backend} x1, body found in ${hres.framesWithBody}/${hres.frames} frames; ` +
              `CPU ${hres.cpuMsPerFrame.toFixed(1)} ms/frame (one thread: ${(1000 / hres.cpuMsPerFrame).toFixed(1)} frames/s on an idle core)` +
              (hres.othersCpuPct === undefined
                ? ''
                : `; other processes used ${hres.othersCpuPct.toFixed(0)} % of the CPU`),
          );
        }
      }
    }
  } finally {
    await idleWorkers.stopAll();
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\nload average at end: ${loadAverages()}`);
  console.log('side by side (frames/s end to end):');
  for (const e of results.engine.filter((x, i, all) => all.findIndex((y) => y.label === x.label) === i)) {
    const mine = results.engine.filter((x) => x.label === e.label).map((x) => x.framesPerS);
    const h = results.human
      .filter((x) => x.label === e.label)
      .map((x) => `${x.framesPerS.toFixed(1)} (cache ${x.cacheSensitivity})`);
    console.log(
      `  ${e.label.padEnd(24)} gaitlab ${median(mine).toFixed(1).padStart(5)}   human ${h.join(', ') || '-'}`,
    );
  }
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results', 'pose.json'), JSON.stringify(results, null, 2));
}

main().catch((err) => {
  console.error(`bench: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
