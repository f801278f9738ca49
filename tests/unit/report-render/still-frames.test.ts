// Which frames a report shows as stills: initial contact, mid-stance (halfway between the other
// foot's foot off and initial contact, i.e. mid single support) and foot off, of the best-seen cycle.
import { describe, expect, it } from 'vitest';
import type { PoseTrackView, TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import { stillFrames } from '../../../src/main/report/report-stills';

function track(confidence: number[]): PoseTrackView {
  return {
    fps: 30,
    frameCount: confidence.length,
    widthPx: 100,
    heightPx: 100,
    timeS: confidence.map((_, i) => i / 30),
    xPx: [],
    yPx: [],
    visibility: [],
    confidence,
    lowConfidenceFrames: [],
  };
}

const cycle = (index: number, start: number, end: number, fo: number, excluded = false) => ({
  side: 'left' as const,
  index,
  startFrame: start,
  endFrame: end,
  footOffFrame: fo,
  durationS: (end - start) / 30,
  flags: [],
  excluded,
  excludedByUser: excluded,
});

const view = {
  cycles: [cycle(0, 10, 46, 32), cycle(1, 46, 82, 68), cycle(2, 82, 118, 104, true)],
  events: [
    { side: 'right', kind: 'foot-off', frame: 50.4, timeS: 0, source: 'zeni' },
    { side: 'right', kind: 'initial-contact', frame: 63.6, timeS: 0, source: 'zeni' },
  ],
} as unknown as TrialAnalysisView;

describe('stillFrames', () => {
  it('takes initial contact, mid single support and foot off of the best-seen included cycle', () => {
    const confidence = Array.from({ length: 130 }, (_, f) =>
      f >= 46 && f < 82 ? 0.95 : f >= 82 ? 0.99 : 0.6,
    );
    expect(stillFrames(view, track(confidence), 'left')).toEqual([
      { event: 'initial-contact', frame: 46 },
      { event: 'mid-stance', frame: 57 },
      { event: 'foot-off', frame: 68 },
    ]);
  });

  it('falls back to 30 % of the cycle for mid-stance without the other side’s events', () => {
    const confidence = Array.from({ length: 130 }, (_, f) => (f < 46 ? 0.9 : 0.5));
    expect(stillFrames(view, track(confidence), 'left')[1]).toEqual({ event: 'mid-stance', frame: 21 });
  });

  it('gives no stills for a side without an included cycle', () => {
    expect(stillFrames(view, track(new Array(130).fill(1)), 'right')).toEqual([]);
  });
});
