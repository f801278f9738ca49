// A walking aid in the picture: a walker's frame or a crutch crossing the legs hides the knee and
// ankle from the camera, and the landmark model still places them, with the visibility of a leg
// it sees. The Sports2D walk with a walker's frame drawn in front of and behind her (22 px bars
// from hip height to the floor, moving with her): knee flexion in late stance read 20-35 deg too
// low wherever a bar crossed the trailing leg, the left knee's minimum in stance -1.1 +- 3.0 deg
// against 10.7 +- 5.6 as filmed (a knee hyperextension she does not have), visibility 0.95-0.99,
// the pose model's confidence 1.00, nothing to tell those frames apart. So the session's condition
// is what says it.
import type { SessionCondition } from './api/entities';

const AIDS: Partial<Record<SessionCondition, string>> = {
  walker: 'a walker: where its frame crosses the legs in the picture',
  crutches: 'crutches: where a crutch crosses the legs in the picture',
};

/** How the note begins (reports carry it, tests find it by this). */
export const WALKING_AID_NOTE_START = 'Walked with ';

/** The note on a camera's analysis of a session walked with a walker or crutches, or null. */
export function walkingAidNote(condition: SessionCondition | undefined): string | null {
  const aid = condition ? AIDS[condition] : undefined;
  if (!aid) return null;
  return `${WALKING_AID_NOTE_START}${aid}, the pose model still places the hidden knee and ankle as if it saw them, and their angles can be far off (a knee reading straight or hyperextended in late stance). Check the knee and ankle curves against the video where it crosses the legs, and film from a side it leaves open.`;
}
