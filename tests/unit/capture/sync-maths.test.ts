import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bestLag } from '../../../src/main/capture/sync/cross-correlation';
import { clapStartOffsetMs } from '../../../src/main/capture/sync/clap-offset';
import { detectFlash } from '../../../src/main/capture/sync/flash-detect';
import {
  frameStats,
  medianPairingErrorMs,
  startOffsetsMs,
  worstPairwiseMs,
} from '../../../src/main/capture/sync/frame-stats';
import { buildCaptureReport } from '../../../src/main/capture/sync/capture-report';

/** Deterministic noise so the tests never flake. */
function noise(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296 - 0.5;
  };
}

function clapTrack(rateHz: number, durationS: number, clapS: number, seed: number): Float32Array {
  const rnd = noise(seed);
  const x = new Float32Array(Math.round(rateHz * durationS));
  for (let i = 0; i < x.length; i++) {
    const t = i / rateHz;
    x[i] =
      0.02 * rnd() +
      (t >= clapS && t < clapS + 0.03
        ? 0.9 * Math.sin(2 * Math.PI * 1200 * t) * Math.exp(-(t - clapS) * 80)
        : 0);
  }
  return x;
}

describe('cross-correlation', () => {
  it('finds an integer shift in both directions', () => {
    const a = Array.from({ length: 200 }, (_, i) => (i === 50 ? 1 : 0));
    const b = Array.from({ length: 200 }, (_, i) => (i === 80 ? 1 : 0));
    expect(bestLag(a, b, 100).lag).toBeCloseTo(-30, 3);
    expect(bestLag(b, a, 100).lag).toBeCloseTo(30, 3);
  });
});

describe('clap offset', () => {
  it('recovers a known start offset within 2 ms despite noise', () => {
    const a = clapTrack(8000, 6, 2.0, 1);
    const b = clapTrack(8000, 6, 3.3, 2);
    const r = clapStartOffsetMs(a, b, 8000);
    expect(Math.abs(r.startOffsetMs - -1300)).toBeLessThan(2);
    expect(r.peakRatio).toBeGreaterThan(3);
  });

  it('reports a low peak ratio when there is no clap', () => {
    const a = clapTrack(8000, 3, 99, 3);
    const b = clapTrack(8000, 3, 99, 4);
    expect(clapStartOffsetMs(a, b, 8000).peakRatio).toBeLessThan(1.5);
  });
});

describe('flash detection', () => {
  it('returns the frame where brightness jumps up', () => {
    const b = Array.from({ length: 90 }, (_, i) => (i >= 40 && i < 45 ? 230 : 60 + (i % 3)));
    const times = b.map((_, i) => i / 30);
    const f = detectFlash(b, times)!;
    expect(f.frameIndex).toBe(40);
    expect(f.timeS).toBeCloseTo(40 / 30, 9);
    expect(f.contrast).toBeGreaterThan(10);
  });
});

describe('frame statistics', () => {
  it('counts frames missing from timestamp gaps', () => {
    const t = Array.from({ length: 150 }, (_, i) => i / 30).filter(
      (_, i) => i !== 10 && i !== 11 && i !== 100,
    );
    const s = frameStats(t, 30);
    expect(s.frameCount).toBe(147);
    expect(s.droppedFrames).toBe(3);
    expect(s.expectedFrameCount).toBe(150);
    expect(s.durationS).toBeCloseTo(5, 9);
  });

  it('does not count frames delivered late, or together after a pause, as dropped', () => {
    // Frames 20, 60 and 61 of 150 arrive half an interval late, and 100-102 all at 102's time (a
    // loaded machine): still 150 frames, none lost.
    const late = new Set([20, 60, 61]);
    const t = Array.from({ length: 150 }, (_, i) =>
      i >= 100 && i <= 102 ? 102 / 30 : (i + (late.has(i) ? 0.5 : 0)) / 30,
    );
    const s = frameStats(t, 30);
    expect(s.droppedFrames).toBe(0);
    expect(s.expectedFrameCount).toBe(150);
    // The same beside a real gap: the gap is still counted.
    const holey = t.filter((_, i) => i !== 90 && i !== 91);
    expect(frameStats(holey, 30).droppedFrames).toBe(2);
  });

  it('reads times stored to the millisecond at their mean interval', () => {
    // A webm stores 0, 33, 67, 100 ms...: the median interval (33 ms) would make 4 s 121 frames.
    const t = Array.from({ length: 120 }, (_, i) => Math.round((1000 * i) / 30) / 1000);
    const s = frameStats(t, 30);
    expect(s.droppedFrames).toBe(0);
    expect(s.expectedFrameCount).toBe(120);
    expect(s.durationS).toBeCloseTo(4, 3);
  });

  it('counts against the camera’s own rate when it is near the one asked for', () => {
    // 29.97 frames/s for a minute, asked for 30: not 2 frames short of a minute's worth.
    const t = Array.from({ length: 1798 }, (_, i) => i / 29.97);
    const s = frameStats(t, 30);
    expect(s.droppedFrames).toBe(0);
    expect(s.expectedFrameCount).toBe(1798);
    expect(s.durationS).toBeCloseTo(1798 / 29.97, 6);
    expect(s.measuredFps).toBeCloseTo(29.97, 6);
    // Half the rate asked for, steadily (a webcam in dim light): no frame dropped, 15 frames/s kept.
    const half = Array.from({ length: 75 }, (_, i) => i / 15);
    const h = frameStats(half, 30);
    expect(h.droppedFrames).toBe(0);
    expect(h.expectedFrameCount).toBe(75);
    expect(h.measuredFps).toBeCloseTo(15, 6);
  });

  it('says when a camera kept a lower rate than asked for, and what to do', () => {
    const camera = (name: string, fps: number) => ({
      camera: name,
      relativePath: `${name}.webm`,
      frameTimesS: Array.from({ length: 5 * fps }, (_, i) => i / fps),
      fps: 30,
      widthPx: 640,
      heightPx: 360,
    });
    const r = buildCaptureReport({
      trialId: 't',
      method: 'recorded-timestamps',
      referenceCamera: 'sagittal-left',
      cameras: [camera('sagittal-left', 30), camera('frontal', 15)],
      startOffsetsMs: { 'sagittal-left': 0, frontal: 0 },
      recovered: false,
    });
    expect(r.cameras.map((c) => [c.measuredFps, c.droppedFrames])).toEqual([
      [30, 0],
      [15, 0],
    ]);
    expect(r.warnings).toEqual([
      'frontal recorded 15.0 frames/s, not 30: a camera lowers its rate in dim light (add light, or turn off its low-light setting), or the computer could not keep up (close other programs or lower the resolution).',
    ]);
  });

  it('measures start offsets and the pairing error left after them', () => {
    const offsets = startOffsetsMs({ a: 1000, b: 1012, c: 990 }, 'a');
    expect(offsets).toEqual({ a: 0, b: 12, c: -10 });
    expect(worstPairwiseMs(Object.values(offsets))).toBe(22);
    const ta = Array.from({ length: 60 }, (_, i) => i / 30);
    // b's frames fall 12 ms after a's; shifted by its offset they line up exactly.
    expect(medianPairingErrorMs(ta, 0, ta, 12)).toBeCloseTo(12, 6);
    expect(medianPairingErrorMs(ta, 12, ta, 12)).toBeCloseTo(0, 6);
  });

  it('warns about heavy drops in the report', () => {
    const full = Array.from({ length: 150 }, (_, i) => i / 30);
    const holey = full.filter((_, i) => i % 5 !== 0 || i === 0);
    const r = buildCaptureReport({
      trialId: 't',
      method: 'recorded-timestamps',
      referenceCamera: 'frontal',
      cameras: [
        {
          camera: 'frontal',
          relativePath: 'f.webm',
          frameTimesS: full,
          fps: 30,
          widthPx: 640,
          heightPx: 360,
        },
        {
          camera: 'posterior',
          relativePath: 'p.webm',
          frameTimesS: holey,
          fps: 30,
          widthPx: 640,
          heightPx: 360,
        },
      ],
      startOffsetsMs: { frontal: 0, posterior: 5 },
      recovered: false,
    });
    expect(r.totalDroppedFrames).toBe(29);
    expect(r.warnings.join(' ')).toMatch(/posterior dropped 29 of 150 frames/);
    expect(r.worstOffsetMs).toBe(5);
  });
});

describe('sync maths stays pure', () => {
  it('imports no Node I/O or runtime frameworks', () => {
    const dir = resolve(import.meta.dirname, '../../../src/main/capture/sync');
    for (const f of readdirSync(dir)) {
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src, f).not.toMatch(/from '(node:|fs|path|child_process|electron|react)/);
    }
  });
});

describe('common span of several cameras', () => {
  it('cuts each camera to the frames all of them recorded', async () => {
    const { commonSpan } = await import('../../../src/main/capture/sync/common-span');
    const frames = (n: number) => Array.from({ length: n }, (_, i) => i / 30);
    // b starts 50 ms (1.5 frames) after a and stops earlier; c starts 10 ms after a.
    const span = commonSpan(
      [
        { camera: 'a', firstFrameMs: 1000, frameTimesS: frames(150) },
        { camera: 'b', firstFrameMs: 1050, frameTimesS: frames(140) },
        { camera: 'c', firstFrameMs: 1010, frameTimesS: frames(150) },
      ],
      30,
    )!;
    const [a, b, c] = span.cuts;
    expect(b!.startS).toBe(0);
    // Half a frame of tolerance: a's frame at 1033.3 ms and c's at 1043.3 ms pair with b's first.
    expect(a!.startS).toBeCloseTo(1 / 30, 9);
    expect(c!.startS).toBeCloseTo(1 / 30, 9);
    const kept = span.cuts.map((x) => x.framesKept);
    expect(Math.max(...kept) - Math.min(...kept)).toBeLessThanOrEqual(1);
    for (const x of span.cuts) expect(Math.abs(x.firstKeptMs - 1050)).toBeLessThan(1000 / 60 + 1e-9);
  });

  it('keeps the others to the end when a camera stopped early (unplugged), and says which', async () => {
    const { commonSpan } = await import('../../../src/main/capture/sync/common-span');
    const frames = (n: number) => Array.from({ length: n }, (_, i) => i / 30);
    // b was lost 2 s into a 5 s recording; a and c ran to the end.
    const span = commonSpan(
      [
        { camera: 'a', firstFrameMs: 1000, frameTimesS: frames(150) },
        { camera: 'b', firstFrameMs: 1000, frameTimesS: frames(60) },
        { camera: 'c', firstFrameMs: 1000, frameTimesS: frames(150) },
      ],
      30,
    )!;
    expect(span.cuts.map((x) => x.framesKept)).toEqual([150, 60, 150]);
    expect(span.durationS).toBeCloseTo(5, 9);
    expect(span.stoppedEarly.map((e) => e.camera)).toEqual(['b']);
    expect(span.stoppedEarly[0]!.beforeOthersS).toBeCloseTo(3, 9);
    // Within a second of the others (a crash's last chunk), a camera still cuts the span.
    const close = commonSpan(
      [
        { camera: 'a', firstFrameMs: 1000, frameTimesS: frames(150) },
        { camera: 'b', firstFrameMs: 1000, frameTimesS: frames(135) },
      ],
      30,
    )!;
    expect(close.stoppedEarly).toEqual([]);
    expect(close.cuts.map((x) => x.framesKept)).toEqual([135, 135]);
  });

  it('is null when the cameras never overlap', async () => {
    const { commonSpan } = await import('../../../src/main/capture/sync/common-span');
    expect(
      commonSpan(
        [
          { camera: 'a', firstFrameMs: 0, frameTimesS: [0, 0.033] },
          { camera: 'b', firstFrameMs: 5000, frameTimesS: [0, 0.033] },
        ],
        30,
      ),
    ).toBeNull();
  });
});
