// A frontal camera's gait events come from the side cameras, moved onto its frames through the
// trial's shared clock, each leg from the camera that saw it near.
import { describe, expect, it } from 'vitest';
import { eventsForCamera, type TimedView } from '../../../src/main/services/frontal-events';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';

function sideView(
  camera: string,
  farLeg: 'left' | 'right',
  events: Array<['left' | 'right', 'initial-contact' | 'foot-off', number]>,
): TrialAnalysisView {
  return {
    camera,
    status: 'analysed',
    view: 'sagittal',
    events: events.map(([side, kind, timeS]) => ({ side, kind, timeS, frame: timeS * 30, source: 'zeni' })),
    curves: [{ side: farLeg, farSide: true }],
  } as unknown as TrialAnalysisView;
}

describe('events for a frontal camera', () => {
  const left = sideView('sagittal-left', 'right', [
    ['left', 'initial-contact', 1.0],
    ['right', 'initial-contact', 1.5],
    ['left', 'foot-off', 1.6],
  ]);
  const right = sideView('sagittal-right', 'left', [
    ['right', 'initial-contact', 1.45],
    ['left', 'initial-contact', 0.98],
  ]);

  it("takes each leg from the camera that saw it near, at the frontal camera's frames", () => {
    // Frontal video time t shows reference time t + 0.2 s; its first frame is at 0.1 s; 60 fps.
    const sides: TimedView[] = [
      { view: left, startOffsetMs: 0 },
      { view: right, startOffsetMs: 0 },
    ];
    const e = eventsForCamera(sides, { startOffsetMs: 200, startTimeS: 0.1, rateHz: 60, frameCount: 300 });
    expect(e.map((x) => [x.side, x.kind, Number(x.frame.toFixed(6))])).toEqual([
      ['left', 'initial-contact', 42],
      ['right', 'initial-contact', 69],
      ['left', 'foot-off', 78],
    ]);
  });

  it('falls back to the far view of a leg, and drops events outside the video', () => {
    const e = eventsForCamera([{ view: left, startOffsetMs: 500 }], {
      startOffsetMs: 0,
      startTimeS: 0,
      rateHz: 30,
      frameCount: 60,
    });
    // Reference times 1.5, 2.0, 2.1 s -> frames 45, 60 (past the last frame, 59), 63.
    expect(e.map((x) => [x.side, x.kind, Number(x.frame.toFixed(6))])).toEqual([
      ['left', 'initial-contact', 45],
    ]);
  });
});
