// Whole-trial analysis of a Plug-in Gait walk with detected events, against the same analysis run
// from Vicon's stored events: spatiotemporal parameters and curves must agree.
import { describe, expect, it } from 'vitest';
import { readC3D } from '../../../src/main/formats/c3d-reader';
import { c3dGaitEvents, c3dToTrajectorySet } from '../../../src/main/formats/c3d-trajectories';
import { analyseTrajectories, type GaitAnalysis } from '../../../src/main/gait/analyse';
import { textSummary } from '../../../src/main/gait/summary';
import { tidyCsv } from '../../../src/main/gait/tidy-csv';
import { readSharedBytes } from '../../helpers/shared-data';

const REL = 'btkdata_c3d_plugingait/vicon_workstation_functional_walk/FunctionalWalk.c3d';

function run(useStored: boolean): GaitAnalysis {
  const file = readC3D(readSharedBytes(REL));
  const r = analyseTrajectories(c3dToTrajectorySet(file), useStored ? { events: c3dGaitEvents(file) } : {});
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.analysis;
}

describe('analysis of a Plug-in Gait walk (FunctionalWalk.c3d, 120 Hz)', () => {
  const detected = run(false);
  const stored = run(true);

  it('finds one overground pass and complete cycles on both sides', () => {
    expect(detected.mode).toBe('overground');
    expect(detected.passes.length).toBe(1);
    expect(detected.eventSource).toBe('zeni');
    expect(stored.eventSource).toBe('imported');
    for (const side of ['left', 'right'] as const) {
      expect(detected.cycles.filter((c) => c.side === side && !c.excluded).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives the same spatiotemporal parameters as Vicon events (speed, cadence, stride, stance)', () => {
    const lines: string[] = [];
    for (const side of ['left', 'right'] as const) {
      const d = detected.spatiotemporal.bySide[side];
      const s = stored.spatiotemporal.bySide[side];
      lines.push(
        `${side}: speed ${d.speedMps.mean.toFixed(3)} vs ${s.speedMps.mean.toFixed(3)} m/s; cadence ${d.cadenceStepsPerMin.mean.toFixed(1)} vs ${s.cadenceStepsPerMin.mean.toFixed(1)} steps/min; stride ${d.strideLengthM.mean.toFixed(3)} vs ${s.strideLengthM.mean.toFixed(3)} m; step ${d.stepLengthM.mean.toFixed(3)} vs ${s.stepLengthM.mean.toFixed(3)} m; width ${d.stepWidthM.mean.toFixed(3)} m; stance ${d.stancePct.mean.toFixed(1)} vs ${s.stancePct.mean.toFixed(1)} %; double support ${d.doubleSupportPct.mean.toFixed(1)} vs ${s.doubleSupportPct.mean.toFixed(1)} %`,
      );
      expect(Math.abs(d.speedMps.mean - s.speedMps.mean)).toBeLessThan(0.05);
      expect(Math.abs(d.cadenceStepsPerMin.mean - s.cadenceStepsPerMin.mean)).toBeLessThan(3);
      expect(Math.abs(d.strideLengthM.mean - s.strideLengthM.mean)).toBeLessThan(0.05);
      expect(Math.abs(d.stancePct.mean - s.stancePct.mean)).toBeLessThan(3);
      // Adult step width is roughly 0.05-0.2 m.
      expect(d.stepWidthM.mean).toBeGreaterThan(0.03);
      expect(d.stepWidthM.mean).toBeLessThan(0.25);
      expect(d.speedMps.mean).toBeGreaterThan(0.8);
      expect(d.speedMps.mean).toBeLessThan(1.8);
    }
    console.log(lines.join('\n'));
  });

  it('writes a tidy CSV and a summary from real data', () => {
    const csv = tidyCsv('FunctionalWalk', detected);
    expect(csv.split('\n')[0]).toBe('trial,side,cycle,percent,variable,value,unit');
    expect(csv).toContain('FunctionalWalk,left,1,0,knee_flexion,');
    const text = textSummary('FunctionalWalk', detected);
    console.log(text);
    expect(text).toMatch(/Left knee flexion: peak in swing (5|6)\d\.\d/);
  });
});
