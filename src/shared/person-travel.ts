// How far a person in the person scan travelled, in the words the CLI's list and review's person
// chooser both use: a user choosing the patient reads "walked" for the one who crossed the picture.

/** A body height or more: walked across (the person scan's walker: main/pose/decode/subject.ts). */
export const WALKED_BODY_HEIGHTS = 1;
/**
 * Half a body height is more than a bystander's box jitters across a scan (0.1-0.4 seen) and less
 * than a walker crosses in a second: someone entering at the end of a clip moved.
 */
const MOVED_BODY_HEIGHTS = 0.5;

export type PersonTravel = 'walked' | 'moved' | 'stayed';

export function personTravel(bodyHeights: number): PersonTravel {
  if (bodyHeights >= WALKED_BODY_HEIGHTS) return 'walked';
  return bodyHeights >= MOVED_BODY_HEIGHTS ? 'moved' : 'stayed';
}
