#!/usr/bin/env node
// Pose engine benchmark: end-to-end frames/s and per-stage cost of runPose on the Sports2D demo
// and on a 720p H.264 transcode of it, next to the @vladmandic/human Node pipeline (wasm,
// BlazePose full) on the same frames. Results also go to bench-results/pose.json.
//   npm run bench:pose [-- --skip-human] [-- --frames N]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServer } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const demo = resolve(root, '../shared/data/sports2d_demo_sideview_walk/demo.mp4');
const skipHuman = process.argv.includes('--skip-human');
const framesArg = process.argv.indexOf('--frames');
const maxFrames = framesArg > 0 ? Number(process.argv[framesArg + 1]) : undefined;
if (!existsSync(demo)) {
  console.error(`bench: ${demo} is missing`);
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'gaitlab-bench-'));
const mb = (b) => (b / 1024 / 1024).toFixed(0);

async function loadEngine() {
  // The engine is TypeScript: let Vite transform it on the fly, as vitest does.
  const server = await createServer({
    root,
    configFile: false,
    server: { middlewareMode: true },
    appType: 'custom',
    logLevel: 'error',
  });
  const runPose = (await server.ssrLoadModule('/src/main/pose/run-pose.ts')).runPose;
  const probe = (await server.ssrLoadModule('/src/main/media/probe.ts')).probeVideo;
  return { server, runPose, probe };
}

async function benchEngine(runPose, label, video) {
  const outDir = join(tmp, `job-${label}`);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await runPose({ videoPath: video, outDir, maxFrames });
  const cpu = process.cpuUsage(cpu0);
  const wallS = (performance.now() - t0) / 1000;
  const s = r.stats;
  const n = r.manifest.frames;
  return {
    label,
    frames: n,
    wallS,
    framesPerS: n / wallS,
    framesPerSAfterStartup: n / ((s.ms.total - s.workerInitMs - s.ms.probe) / 1000),
    // The tracking pass alone: what a long video approaches, minus the person scan's share.
    framesPerSTrackingPass: n / ((s.ms.total - s.workerInitMs - s.ms.probe - s.ms.scan) / 1000),
    backend: s.backend,
    workers: s.workers,
    msPerFrame: {
      decodeWait: s.ms.decodeWait / n,
      crop: s.ms.crop / n,
      landmarkPerCall: s.ms.landmarks / s.landmarkCalls,
      finderPerCall: s.ms.finder / Math.max(1, s.finderCalls),
      post: s.ms.post / n,
    },
    wallMs: { probe: s.ms.probe, workerInit: s.workerInitMs, personScan: s.ms.scan, total: s.ms.total },
    landmarkCallsPer100: (100 * s.landmarkCalls) / n,
    detectorCallsPer100: (100 * s.finderCalls) / n,
    framesWithPerson: n - r.manifest.framesWithoutPerson,
    peakRssMiB: Number(mb(s.peakRssBytes)),
    // CPU time of this process (main thread + workers; ffmpeg children excluded): unlike wall
    // time it hardly moves when other programs share the machine.
    cpuMsPerFrame: (cpu.user + cpu.system) / 1000 / n,
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
  };
}

async function main() {
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}`);
  // Other processes on the machine change every number below: say how busy it was.
  console.log(
    `load average at start: ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  );
  const hd = join(tmp, 'demo-720p-h264.mp4');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    demo,
    '-an',
    '-vf',
    'scale=-2:720',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '20',
    '-pix_fmt',
    'yuv420p',
    hd,
  ]);
  const { server, runPose, probe } = await loadEngine();
  const inputs = [
    { label: 'sports2d-1768x994-vp9', video: demo },
    { label: 'sports2d-720p-h264', video: hd },
  ];
  const results = { machine, engine: [], human: [] };
  try {
    for (const input of inputs) {
      const info = await probe(input.video);
      console.log(
        `\ninput ${input.label}: ${info.widthPx}x${info.heightPx} ${info.codec} ${info.fps} fps, ${info.frameCount} frames`,
      );
      const e = await benchEngine(runPose, input.label, input.video);
      results.engine.push(e);
      console.log(
        `  gaitlab runPose: ${e.framesPerS.toFixed(1)} frames/s end to end (${e.frames} frames in ${e.wallS.toFixed(1)} s; ` +
          `${e.framesPerSAfterStartup.toFixed(1)} frames/s without model start-up, ` +
          `${e.framesPerSTrackingPass.toFixed(1)} frames/s in the tracking pass alone), backend ${e.backend} x${e.workers} workers`,
      );
      console.log(
        `    ms/frame: decode wait ${e.msPerFrame.decodeWait.toFixed(1)}, crop ${e.msPerFrame.crop.toFixed(1)}, post ${e.msPerFrame.post.toFixed(1)}; ` +
          `landmark ${e.msPerFrame.landmarkPerCall.toFixed(1)} ms/call (${e.landmarkCallsPer100.toFixed(0)} calls/100 frames, in parallel), ` +
          `person finder ${e.msPerFrame.finderPerCall.toFixed(0)} ms/call (${e.detectorCallsPer100.toFixed(1)} calls/100 frames)`,
      );
      console.log(
        `    wall ms: probe ${e.wallMs.probe.toFixed(0)}, worker start ${e.wallMs.workerInit.toFixed(0)}, person scan ${e.wallMs.personScan.toFixed(0)}, total ${e.wallMs.total.toFixed(0)}; ` +
          `peak RSS ${e.peakRssMiB} MiB; person found in ${e.framesWithPerson}/${e.frames} frames`,
      );
      console.log(
        `    CPU ${e.cpuMsPerFrame.toFixed(1)} ms/frame (all threads, whole run) -> ` +
          `${((1000 * machine.cores) / e.cpuMsPerFrame).toFixed(1)} frames/s if ${machine.cores} cores were ours alone`,
      );
      if (!skipHuman) {
        for (const cache of [0, 0.7]) {
          const hres = await benchHuman(input.label, input.video, info, cache);
          results.human.push(hres);
          console.log(
            `  @vladmandic/human (${cache === 0 ? 'inference every frame' : 'its default caching'}): ${hres.framesPerS.toFixed(1)} frames/s, ` +
              `${hres.msPerFrame.toFixed(1)} ms/frame, backend ${hres.backend} x1, body found in ${hres.framesWithBody}/${hres.frames} frames; ` +
              `CPU ${hres.cpuMsPerFrame.toFixed(1)} ms/frame (one thread: ${(1000 / hres.cpuMsPerFrame).toFixed(1)} frames/s on an idle core)`,
          );
        }
      }
    }
  } finally {
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(
    `\nload average at end: ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  );
  console.log('side by side (frames/s end to end):');
  for (const e of results.engine) {
    const h = results.human
      .filter((x) => x.label === e.label)
      .map((x) => `${x.framesPerS.toFixed(1)} (cache ${x.cacheSensitivity})`);
    console.log(
      `  ${e.label.padEnd(24)} gaitlab ${e.framesPerS.toFixed(1).padStart(5)}   human ${h.join(', ') || '-'}`,
    );
  }
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results', 'pose.json'), JSON.stringify(results, null, 2));
}

main().catch((err) => {
  console.error(`bench: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
