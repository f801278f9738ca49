// When someone walks beside the patient (a therapist holding a child's hand, a parent), the person
// scan cannot tell them apart by travel and the automatic choice falls to weaker rules (who was
// seen longer, who is taller): the adult may be followed. Nothing in the numbers shows it, so the
// analysis says so and points at the person chooser.
import { OTHER_WALKER_NOTE_START } from '../../shared/analysis-notes';
import { clearestSample, movingOrder, walkersAlongside, type ChoiceRule } from './decode/subject';
import type { PoseResult } from './pose-result';
import { readPoseTimes, readScannedPeople } from './storage';

const RULE_TEXT: Record<ChoiceRule, string> = {
  travel: 'who walked further',
  'leg-motion': 'whose legs moved more',
  'seen-longer': 'the one seen longer',
  taller: 'the taller in the picture',
};

/** The note for a pose job whose automatic choice had another walker to choose from; else none. */
export function otherWalkersNotes(result: Pick<PoseResult, 'outDir' | 'manifest'>): string[] {
  if (result.manifest.settings.person.kind !== 'moving') return [];
  const scan = readScannedPeople(result.outDir);
  const times = readPoseTimes(result.outDir);
  if (!scan?.people || scan.chosen === undefined || scan.chosen < 0 || !times) return [];
  const people = scan.people;
  const subject = people[scan.chosen]!;
  return walkersAlongside(people, scan.chosen, scan.joined).map((i) => {
    const other = people[i]!;
    const from = times[other.frames[0]!] ?? 0;
    const to = times[other.frames[other.frames.length - 1]!] ?? 0;
    const rule = RULE_TEXT[movingOrder(subject, other).rule];
    const { box, frame } = clearestSample(other);
    const pointAt = [box.x0, box.y0, box.x1, box.y1].map(Math.round).join(',') + `@${frame}`;
    return `${OTHER_WALKER_NOTE_START} (person ${i + 1} under "Wrong person? Choose the patient", in view ${from.toFixed(1)}-${to.toFixed(1)} s), about as far: the analysis follows person ${scan.chosen! + 1}, ${rule}. Check on the video that the skeleton is on the patient (beside an adult, a child may not be the one chosen); if it is not, choose the patient there (command line: --person-box ${pointAt} for person ${i + 1}).`;
  });
}
