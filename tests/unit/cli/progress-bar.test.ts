// The command line's progress line: frames/s and time left of the current step only, and none in
// a step's first second (a step's first frame after 1 ms read "1000.0 frames/s"); nothing printed
// as zero that is only not known yet.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressBar, stepProgressBar } from '../../../src/main/cli/progress-bar';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('progress line', () => {
  it('draws the bar, the count, the rate and the time left', () => {
    expect(progressBar(110, 230, 9.8, 12.2)).toBe(
      '[###########.............]  48 %  110/230 frames  9.8 frames/s  13 s left',
    );
    expect(progressBar(0, 0, 0, NaN)).toBe('[........................]  starting');
    expect(progressBar(3, 230, 0, NaN)).toBe('[........................]   1 %  3/230 frames');
  });

  it("says no rate in a step's first second, then counts from the step's start", () => {
    const bar = stepProgressBar();
    expect(bar(1, 8, 'Finding the patient')).toMatch(/ 1\/8 frames$/);
    vi.advanceTimersByTime(2000);
    expect(bar(8, 8, 'Finding the patient')).toMatch(/ 8\/8 frames {2}4\.0 frames\/s$/);
    // A new step starts its own count.
    expect(bar(3, 230, 'Pose estimation')).toMatch(/ 3\/230 frames$/);
    vi.advanceTimersByTime(4000);
    expect(bar(123, 230, 'Pose estimation')).toMatch(/ 123\/230 frames {2}30\.8 frames\/s {2}4 s left$/);
  });
});
