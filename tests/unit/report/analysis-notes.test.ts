import { describe, expect, it } from 'vitest';
import { lowConfidenceNote } from '../../../src/shared/analysis-notes';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';

const view = (
  lowConfidenceFrames: number[],
  passes: TrialAnalysisView['passes'] = [{ index: 0, startFrame: 40, endFrame: 200, direction: 1 }],
  walkGapFrames?: number[],
) =>
  ({
    frameCount: 300,
    passes,
    lowConfidenceFrames,
    ...(walkGapFrames ? { walkGapFrames } : {}),
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

  it('counts the frames lost in mid-walk, between the two halves of the walk they split', () => {
    // The Sports2D walk with her legs hidden at 100-108: one pass ended at 99, the next began at 110.
    const split: TrialAnalysisView['passes'] = [
      { index: 0, startFrame: 44, endFrame: 99, direction: -1 },
      { index: 1, startFrame: 110, endFrame: 200, direction: -1 },
    ];
    const low = [...range(0, 37), ...range(100, 108), ...range(201, 229)];
    expect(lowConfidenceNote(view(low, split, range(100, 108)))).toBe(
      'Low pose confidence on 76 of 300 frames, 9 inside the walking passes (frames 100-108): review them.',
    );
    // However far from the lost frames the passes around them end (gait/walk-gaps.ts decides that).
    const farther: TrialAnalysisView['passes'] = [
      { index: 0, startFrame: 44, endFrame: 85, direction: -1 },
      { index: 1, startFrame: 124, endFrame: 200, direction: -1 },
    ];
    expect(lowConfidenceNote(view(low, farther, range(100, 108)))).toMatch(
      /, 9 inside the walking passes \(frames 100-108\): review them\.$/,
    );
    // Out of view between passes the same way (a loop round the camera), or turning round: nothing
    // lost in mid-walk.
    const loop: TrialAnalysisView['passes'] = [
      { index: 0, startFrame: 10, endFrame: 100, direction: 1 },
      { index: 1, startFrame: 190, endFrame: 280, direction: 1 },
    ];
    expect(lowConfidenceNote(view(range(100, 189), loop))).toMatch(/none inside the walking passes/);
    const turn: TrialAnalysisView['passes'] = [
      { index: 0, startFrame: 10, endFrame: 100, direction: 1 },
      { index: 1, startFrame: 110, endFrame: 200, direction: -1 },
    ];
    expect(lowConfidenceNote(view(range(100, 109), turn))).toMatch(/none inside the walking passes/);
  });
});
