import { describe, expect, it } from 'vitest';
import { analyseTrajectories } from '../../../src/main/gait/analyse';
import {
  anyMarked,
  footAtEdgeFrames,
  footLengthPx,
  markedRuns,
  noteFeetAtEdge,
} from '../../../src/main/gait/picture-edge';
import type { GaitCycle } from '../../../src/main/gait/cycles';
import { poseTrackToTrajectorySet } from '../../../src/main/gait/pose-adapter';
import type { Trajectory } from '../../../src/main/gait/types';
import { landmarkIndex } from '../../../src/shared/landmarks';
import { syntheticWalk, toPoseTrack } from './synthetic-walker';

const image = { widthPx: 1000, heightPx: 500 };
const point = (xs: number[], ys: number[], confidence?: number[]): Trajectory => ({
  x: xs,
  y: ys,
  ...(confidence ? { confidence } : {}),
});

describe('feet at the picture edge', () => {
  it('measures a foot length as the median heel-to-toe distance of tracked frames', () => {
    const heel = point([100, 200, 300, NaN], [400, 400, 400, 400]);
    const toe = point([140, 250, 330, 500], [400, 400, 400, 400]);
    expect(footLengthPx(heel, toe, 4)).toBe(40);
    expect(footLengthPx(point([NaN], [NaN]), point([1], [1]), 1)).toBeNaN();
  });

  it('marks frames within a foot length of a side edge, a quarter of it of the bottom', () => {
    const heel = point(
      [500, 30, 500, 965, 500, 500, 20],
      [300, 300, 485, 300, 492, 300, 300],
      [1, 1, 1, 1, 1, 1, 0.1],
    );
    const toe = point([540, 70, 540, 1005, 540, 540, 60], [300, 300, 485, 300, 492, 300, 300]);
    // 0 inside; 1 heel 30 px from the left; 2 sole 15 px above the bottom (> 40 / 4); 3 toe past
    // the right edge; 4 sole 8 px above the bottom; 5 inside; 6 heel near the edge but not trusted,
    // toe 60 px in.
    expect(Array.from(footAtEdgeFrames(heel, toe, image, 40, 7))).toEqual([0, 1, 0, 1, 1, 0, 0]);
  });

  it('lists marked runs and tells whether an interval touches one', () => {
    const mask = Uint8Array.from([0, 1, 1, 0, 0, 1, 0]);
    expect(markedRuns(mask, 0, 6)).toEqual([
      [1, 2],
      [5, 5],
    ]);
    expect(markedRuns(mask, 3, 4)).toEqual([]);
    expect(markedRuns(mask, 2.5, 3)).toEqual([[2, 2]]);
    expect(anyMarked(mask, 3.2, 3.9)).toBe(false);
    expect(anyMarked(mask, 3.2, 4.1)).toBe(true);
  });

  it('notes the cycles where the walker leaves the picture and measures no lengths there', () => {
    // 300 px/m at 1.2 m/s from x = 100: the feet start at the left edge and cross the right edge
    // (1920 px) after about 5 s of the 6 s walk.
    const set = poseTrackToTrajectorySet(toPoseTrack(syntheticWalk({ direction: 1 })));
    expect(set.imageSizePx).toEqual({ widthPx: 1920, heightPx: 1080 });
    const r = analyseTrajectories(set, { scale: { kind: 'calibration', metresPerUnit: 1 / 300 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.analysis;
    const margin = 0.21 * 300; // heel to toe of the synthetic foot, px
    // Whether a foot is clearly at the edge (or clearly not) at a frame; undefined near the margin.
    const atEdge = (side: 'left' | 'right', f: number): boolean | undefined => {
      const xs = [`${side}_heel`, `${side}_foot_index`].flatMap((k) =>
        [Math.floor(f), Math.ceil(f)].map((i) => set.trajectories[k]!.x[i]!),
      );
      const inset = Math.min(...xs.map((x) => Math.min(x, 1920 - x)));
      return inset < margin - 5 ? true : inset > margin + 5 ? false : undefined;
    };
    const flagged = a.cycles.filter((c) => c.flags.includes('foot-at-picture-edge'));
    expect(flagged.length).toBeGreaterThan(0);
    expect(a.cycles.filter((c) => !c.flags.includes('foot-at-picture-edge')).length).toBeGreaterThanOrEqual(
      4,
    );
    // A note, not an exclusion.
    expect(flagged.every((c) => !c.excluded)).toBe(true);
    let checked = 0;
    for (const c of a.cycles) {
      const other = c.side === 'left' ? 'right' : 'left';
      const st = a.spatiotemporal.perCycle.find((p) => p.side === c.side && p.cycleIndex === c.index)!;
      const stride = [atEdge(c.side, c.startFrame), atEdge(c.side, c.endFrame)];
      const step = [atEdge(c.side, c.endFrame), atEdge(other, c.endFrame)];
      if (stride.includes(true)) expect(st.strideLengthM).toBeNull();
      else if (stride.every((v) => v === false)) expect(st.strideLengthM).toBeCloseTo(1.2 * 1.1, 1);
      if (step.includes(true)) expect(st.stepLengthM).toBeNull();
      else if (step.every((v) => v === false)) expect(st.stepLengthM).not.toBeNull();
      if (stride.includes(true)) checked++;
    }
    expect(checked).toBeGreaterThan(0);
    expect(a.warnings.join(' ')).toMatch(
      /foot is at the picture's edge at \d+-\d+ % of the cycle \(frames \d+-\d+\)/,
    );
  });

  it('names a one-frame touch as one frame and one percentage', () => {
    // The darkened Sports2D walk: "at 100-100 % of the cycle (frames 190-191)" read oddly.
    const cycle: GaitCycle = {
      ...{ side: 'left', index: 2, startFrame: 160.4, endFrame: 190.6, durationS: 1.01 },
      ...{ passIndex: 0, flags: [], excluded: false },
    };
    const left = new Uint8Array(200);
    left.fill(1, 186, 189);
    left[190] = 1;
    const [note] = noteFeetAtEdge([cycle], { left, right: new Uint8Array(200) });
    expect(note).toBe(
      "Left cycle 3: the left foot is at the picture's edge at 85-91 % of the cycle (frames 186-188); the left foot is at the picture's edge at 98 % of the cycle (frame 190). Stride and step length are not measured from a foot there; check the curves at those instants.",
    );
  });

  it('notes nothing when the walk stays inside the picture', () => {
    const set = poseTrackToTrajectorySet(
      toPoseTrack(syntheticWalk({ direction: 1, seconds: 3.5, startXPx: 300 })),
    );
    const r = analyseTrajectories(set, { scale: { kind: 'calibration', metresPerUnit: 1 / 300 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.analysis.cycles.length).toBeGreaterThanOrEqual(2);
    expect(r.analysis.cycles.some((c) => c.flags.includes('foot-at-picture-edge'))).toBe(false);
    expect(r.analysis.spatiotemporal.bySide.left.strideLengthM.n).toBe(
      r.analysis.cycles.filter((c) => c.side === 'left' && !c.excluded).length,
    );
  });

  it('says once, not per cycle, when the feet are cut off by the bottom of the picture most of the time', () => {
    const track = toPoseTrack(syntheticWalk({ direction: 1, seconds: 3.5, startXPx: 300 }));
    // A camera framed so tightly that the soles touch the bottom edge whenever a foot is down.
    let lowest = 0;
    for (const name of ['left_heel', 'right_heel', 'left_foot_index', 'right_foot_index'])
      for (let f = 0; f < track.frameCount; f++)
        lowest = Math.max(lowest, track.yPx[f * 33 + landmarkIndex(name as never)]!);
    const r = analyseTrajectories(poseTrackToTrajectorySet({ ...track, heightPx: Math.ceil(lowest) + 2 }), {
      scale: { kind: 'calibration', metresPerUnit: 1 / 300 },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const edge = r.analysis.warnings.filter((w) => /edge of the picture|picture's edge/.test(w));
    expect(edge).toHaveLength(1);
    expect(edge[0]).toMatch(
      /^The feet are at the edge of the picture for most of the walk \(left \d+ %, right \d+ % of the frames of its cycles\)/,
    );
    expect(r.analysis.cycles.every((c) => c.flags.includes('foot-at-picture-edge'))).toBe(true);
  });

  it('needs the picture size (data without one, such as markers, are not checked)', () => {
    const set = syntheticWalk({ direction: 1 });
    expect(set.imageSizePx).toBeUndefined();
    const r = analyseTrajectories({ ...set }, { scale: { kind: 'calibration', metresPerUnit: 1 / 300 } });
    expect(r.ok && r.analysis.cycles.some((c) => c.flags.includes('foot-at-picture-edge'))).toBe(false);
  });
});
