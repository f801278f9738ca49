// What a reader must know about a stored analysis besides its numbers, said the same way in
// review, the CLI summary and reports: why a cycle is flagged, and where pose confidence was low.
import type { TrialAnalysisView } from './api/analysis-types';
import { frameRuns } from './frame-runs';

/**
 * In walking each foot is on the floor for more than half its cycle (both feet are, in double
 * support; about 60 % in typical gait, more in CP); under half is running. A foot off before 40 %
 * of the cycle, allowing a frame or two of error at each event of a short stride, means an event is
 * misplaced: a foot hidden while the patient enters the picture (behind a door frame, a tree) has
 * given a contact and a foot off a few frames apart.
 */
export const EARLIEST_WALKING_FOOT_OFF = 0.4;

/** Cycle flags (src/main/gait) in words; others are shown with their hyphens as spaces. */
export const CYCLE_FLAG_TEXT: Readonly<Record<string, string>> = {
  'excluded-by-user': 'excluded by hand',
  'foot-at-picture-edge': "a foot at the picture's edge: lengths not measured there",
  'far-side': 'far leg from the camera: angles less reliable',
  'too-short': 'shorter than a plausible stride',
  'too-long': 'longer than a plausible stride',
  'no-foot-off': 'no foot off found',
  'early-foot-off': `foot off before ${EARLIEST_WALKING_FOOT_OFF * 100} % of the cycle, too early for walking: an event is likely misplaced`,
  'irregular-duration': "duration far from the side's median cycle",
  'out-of-step': "stride far from the other foot's over the same steps: an event is likely misplaced",
  'missing-data': 'feet or pelvis not tracked for too much of it',
  'trunk-cut-off': "shoulders at the picture's top edge: trunk and hips misplaced",
  'walking-backward': 'went backward: events and angles assume walking forward',
};

/**
 * How lengths are measured when the floor moves through the picture (a treadmill's belt, a camera
 * that follows the walker): at a contact both feet are on the floor, so the distance between them
 * is the floor's at that instant. Said the same way in the analysis' notes, review and reports.
 */
export const LENGTHS_FROM_STEPS =
  'step length is measured at each contact, when both feet are on the floor (or belt); stride length is the sum of its two steps, and speed is stride length over stride time';

/** How the note on another person walking with the patient begins (review opens the person chooser). */
export const OTHER_WALKER_NOTE_START = 'Another person walked in view with the patient';

/** How the note on people walking together while the patient was out of view begins. */
export const WALKERS_TOGETHER_NOTE_START = 'People walked together';

/** How the note on an analysis with no usable cycle, of a person chosen by a tie-break, begins. */
export const UNSURE_PERSON_NOTE_START =
  'No gait cycle could be used, and the person followed may not be the patient';

/** Notes asking the reader to check whom the analysis follows (review opens the person chooser). */
export const isPersonNote = (note: string): boolean =>
  [OTHER_WALKER_NOTE_START, WALKERS_TOGETHER_NOTE_START, UNSURE_PERSON_NOTE_START].some((start) =>
    note.startsWith(start),
  );

export const cycleFlagText = (flag: string): string => CYCLE_FLAG_TEXT[flag] ?? flag.replace(/-/g, ' ');

/**
 * Low-confidence frames inside the walking passes, or lost in mid-walk (which may split one walk
 * into two passes, the lost frames between them): the ones worth reviewing, not the subject
 * entering, turning or leaving.
 */
export function lowConfidenceInsidePasses(
  view: Pick<TrialAnalysisView, 'lowConfidenceFrames' | 'passes' | 'walkGapFrames'>,
): number[] {
  const lostInWalk = new Set(view.walkGapFrames ?? []);
  return view.lowConfidenceFrames.filter(
    (f) => lostInWalk.has(f) || view.passes.some((p) => f >= p.startFrame && f < p.endFrame),
  );
}

/** "12-14, 40, ..." for at most `max` runs of frames. */
export function frameRunsText(frames: readonly number[], max = 5): string {
  const runs = frameRuns(frames);
  const shown = runs.slice(0, max).map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`));
  return `${shown.join(', ')}${runs.length > max ? ', ...' : ''}`;
}

/**
 * Low pose confidence, told apart: frames outside the walking passes are mostly the subject not
 * yet or no longer in view, which needs no review; frames inside them do.
 */
export function lowConfidenceNote(
  view: Pick<TrialAnalysisView, 'lowConfidenceFrames' | 'passes' | 'walkGapFrames' | 'frameCount'>,
): string | undefined {
  const frames = view.lowConfidenceFrames;
  if (frames.length === 0) return undefined;
  const inside = lowConfidenceInsidePasses(view);
  const head = `Low pose confidence on ${frames.length} of ${view.frameCount} frames`;
  if (inside.length === 0)
    return `${head}, none inside the walking passes (the subject entering or leaving the view).`;
  return `${head}, ${inside.length} inside the walking passes (frames ${frameRunsText(inside)}): review them.`;
}
