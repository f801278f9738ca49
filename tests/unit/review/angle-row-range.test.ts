// The review's angles-over-time rows fit the gait cycles: a walker turning between two passes (or
// entering the picture) throws the landmarks about, and those frames must not set the scale.
import { describe, expect, it } from 'vitest';
import { eventSpans, fittedRange, wrongAngleSpans } from '../../../src/shared/angle-row-range';
import type { AngleTimeSeriesView, GaitEventView } from '../../../src/shared/api/analysis-types';

const contact = (frame: number): GaitEventView => ({
  side: 'left',
  kind: 'initial-contact',
  frame,
  timeS: frame / 30,
  source: 'zeni',
});

/** A hip angle swinging +-30 deg through both passes (frames 0-99, 150-249), -200 deg while turning. */
function hip(): AngleTimeSeriesView {
  const values = Array.from({ length: 250 }, (_, f) =>
    f >= 100 && f < 150 ? -200 : 30 * Math.sin((2 * Math.PI * f) / 36),
  );
  return { variable: 'hip_flexion', side: 'left', view: 'sagittal-camera', unit: 'deg', values };
}

describe("the scale of a joint's row over time", () => {
  const events = [10, 46, 82, 160, 196, 232].map(contact);
  const passes = [
    { startFrame: 0, endFrame: 100 },
    { startFrame: 150, endFrame: 250 },
  ];

  it('fits the gait cycles of each pass, not the turn between them', () => {
    expect(eventSpans(events, passes)).toEqual([
      [10, 82],
      [160, 232],
    ]);
    const [lo, hi] = fittedRange([hip()], eventSpans(events, passes), new Set())!;
    expect(lo).toBeGreaterThan(-40);
    expect(hi).toBeLessThan(40);
    expect(lo).toBeLessThan(-29);
    expect(hi).toBeGreaterThan(29);
  });

  it('fits from the first to the last event when no pass holds two, and leaves too little to autorange', () => {
    expect(eventSpans(events, [])).toEqual([[10, 232]]);
    expect(fittedRange([hip()], eventSpans(events, []), new Set())![0]).toBeLessThan(-200);
    expect(eventSpans([contact(10)], passes)).toEqual([]);
    expect(fittedRange([hip()], [], new Set())).toBeUndefined();
  });

  it('autoranges when what is left to fit is not a gait cycle but a few frames', () => {
    const rest = new Set(Array.from({ length: 225 }, (_, k) => 10 + k));
    expect(fittedRange([hip()], [[10, 240]], rest)).toBeUndefined();
  });

  it('leaves out low-confidence frames', () => {
    const turn = new Set(Array.from({ length: 50 }, (_, k) => 100 + k));
    expect(fittedRange([hip()], [[10, 232]], turn)![0]).toBeGreaterThan(-40);
  });
});

describe('cycles whose angles are wrong', () => {
  const cycle = (startFrame: number, endFrame: number, flags: string[]) => ({ startFrame, endFrame, flags });

  it('are the cycles walked backward or with the trunk cut off, the two sides merged', () => {
    expect(
      wrongAngleSpans([
        cycle(10, 40, []),
        cycle(40.4, 72.6, ['walking-backward']),
        cycle(55, 88, ['walking-backward', 'far-side']),
        cycle(120, 150, ['trunk-cut-off']),
        cycle(150, 180, ['out-of-step']),
      ]),
    ).toEqual([
      [40, 88],
      [120, 150],
    ]);
  });

  it('are none when cycles are only left out for their timing or by hand', () => {
    expect(wrongAngleSpans([cycle(10, 40, ['excluded-by-user']), cycle(40, 70, ['too-long'])])).toEqual([]);
  });
});
