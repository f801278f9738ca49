// Initial contact is placed on heel and toe heights filtered at the cutoff their own noise allows
// (residual analysis), never smoother than the trajectories, and only where the frame rate and the
// noise let them resolve the landing: see landingHeights in analyse.ts.
import { describe, expect, it } from 'vitest';
import { analyseTrajectories, type AnalysisOptions } from '../../../src/main/gait/analyse';
import type { TrajectorySet } from '../../../src/main/gait/types';
import { syntheticWalk } from './synthetic-walker';

function contacts(set: TrajectorySet, opts: AnalysisOptions = {}): number[] {
  const r = analyseTrajectories(set, opts);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.analysis.events.filter((e) => e.kind === 'initial-contact').map((e) => e.frame);
}

/** The walker with Gaussian pixel noise on every landmark (deterministic). */
function jittered(set: TrajectorySet, px: number): TrajectorySet {
  let s = 11;
  const rnd = () => (s = (s * 1664525 + 1013904223) % 4294967296) / 4294967296;
  const g = () => px * Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const trajectories = Object.fromEntries(
    Object.entries(set.trajectories).map(([k, t]) => [
      k,
      { ...t, x: Array.from(t.x, (v) => v + g()), y: Array.from(t.y, (v) => v + g()) },
    ]),
  );
  return { ...set, trajectories };
}

describe('landing heights for initial contact', () => {
  it('jittery landmarks keep the trajectory smoothing: same contacts as without landing heights', () => {
    const set = jittered(syntheticWalk({ fps: 30 }), 2);
    const auto = contacts(set);
    expect(auto.length).toBeGreaterThanOrEqual(6);
    expect(auto).toEqual(contacts(set, { eventDetection: { landingCutoffHz: 0 } }));
  });

  it('clean data get the highest landing cutoff (15 Hz); a fixed cutoff can be given', () => {
    const set = syntheticWalk({ fps: 100 });
    const auto = contacts(set);
    expect(auto).toEqual(contacts(set, { eventDetection: { landingCutoffHz: 15 } }));
    const smooth = contacts(set, {
      eventDetection: { landingCutoffHz: 0, zeni: { contactRefinement: 'landing-impact' } },
    });
    expect(auto.length).toBe(smooth.length);
    // Same contacts within a couple of frames: only where exactly the landing is placed differs.
    auto.forEach((f, i) => expect(Math.abs(f - smooth[i]!)).toBeLessThan(3));
    expect(auto.some((f, i) => Math.abs(f - smooth[i]!) > 0.05)).toBe(true);
  });

  it("below 50 frames/s (or with noisy heights) contact is placed by the foot's ground speed", () => {
    for (const set of [syntheticWalk({ fps: 30 }), jittered(syntheticWalk({ fps: 60 }), 2)]) {
      const byGroundSpeed = contacts(set, {
        eventDetection: { zeni: { contactRefinement: 'ground-speed' } },
      });
      expect(byGroundSpeed.length).toBeGreaterThanOrEqual(6);
      expect(contacts(set)).toEqual(byGroundSpeed);
    }
    // The analysis says which rule placed contact, for the report's provenance.
    const video = analyseTrajectories(syntheticWalk({ fps: 30 }));
    expect(video.ok && video.analysis.eventMethod).toMatch(/ground speed falls to 20 % of walking speed/);
    // At 100 frames/s with clean data the landing itself is used.
    const clean = syntheticWalk({ fps: 100 });
    const markers = analyseTrajectories(clean);
    expect(markers.ok && markers.analysis.eventMethod).toMatch(/contact at the landing of the foot/);
    expect(contacts(clean)).not.toEqual(
      contacts(clean, { eventDetection: { zeni: { contactRefinement: 'ground-speed' } } }),
    );
  });

  it('the foot-velocity method is not affected', () => {
    const set = syntheticWalk({ fps: 100 });
    const fv = { method: 'foot-velocity' as const };
    expect(contacts(set, { eventDetection: fv })).toEqual(
      contacts(set, { eventDetection: { ...fv, landingCutoffHz: 0 } }),
    );
  });
});
