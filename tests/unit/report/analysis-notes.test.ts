import { describe, expect, it } from 'vitest';
import { lowConfidenceNote } from '../../../src/shared/analysis-notes';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';

const view = (lowConfidenceFrames: number[]) =>
  ({
    frameCount: 300,
    passes: [{ index: 0, startFrame: 40, endFrame: 200, direction: 1 }],
    lowConfidenceFrames,
  }) as unknown as TrialAnalysisView;

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('the low pose confidence note of gaitlab analyze', () => {
  it('says nothing when every frame is confident', () => {
    expect(lowConfidenceNote(view([]))).toBeUndefined();
  });

  it('does not send the clinician to frames where the subject is not yet or no longer in view', () => {
    expect(lowConfidenceNote(view([...range(0, 39), ...range(200, 299)]))).toBe(
      'Low pose confidence on 140 of 300 frames, none inside the walking passes (the subject entering or leaving the view).',
    );
  });

  it('lists the runs inside the walking passes to review', () => {
    expect(lowConfidenceNote(view([...range(0, 39), 60, ...range(120, 124)]))).toBe(
      'Low pose confidence on 46 of 300 frames, 6 inside the walking passes (frames 60, 120-124): review them.',
    );
  });
});
