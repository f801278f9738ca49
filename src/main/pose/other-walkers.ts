// When someone walks beside the patient (a therapist holding a child's hand, a parent), the person
// scan cannot tell them apart by travel and the automatic choice falls to weaker rules (who was
// seen longer, who is taller): the adult may be followed. When two people walk together while the
// patient is out of view, the patient's next pass may be among them but is not followed. Nothing in
// the numbers shows either, so the analysis says so and points at the person chooser.
import {
  OTHER_WALKER_NOTE_START,
  UNSURE_PERSON_NOTE_START,
  WALKERS_TOGETHER_NOTE_START,
} from '../../shared/analysis-notes';
import { UNSURE_CHOICE_PHRASE } from '../../shared/failure-advice';
import {
  movingOrder,
  walkersAlongside,
  walkersTogetherUnfollowed,
  type ChoiceRule,
  type SubjectTrack,
} from './decode/subject';
import type { PoseResult } from './pose-result';
import { readPoseTimes, readScannedPeople } from './storage';
import { listInWords } from '../../shared/list-in-words';
import { inViewText, personBoxOption as pointAt } from './people-in-view';

const RULE_TEXT: Readonly<Record<ChoiceRule, string>> = {
  travel: 'who walked further',
  'leg-motion': 'whose legs moved more',
  'seen-longer': 'the one seen longer',
  taller: 'the taller in the picture',
};

/**
 * Notes on other people walking: beside the patient, when the automatic choice had to break a tie;
 * together while the patient was out of view (with any choice), when that pass was not followed.
 */
export function otherWalkersNotes(result: Pick<PoseResult, 'outDir' | 'manifest'>): string[] {
  const scan = readScannedPeople(result.outDir);
  const times = readPoseTimes(result.outDir);
  if (!scan?.people || scan.chosen === undefined || scan.chosen < 0 || !times) return [];
  const people = scan.people;
  const subject = people[scan.chosen]!;
  const inView = (t: SubjectTrack) => inViewText(t, times);
  const beside =
    result.manifest.settings.person.kind !== 'moving'
      ? []
      : walkersAlongside(people, scan.chosen, scan.joined).map((i) => {
          const other = people[i]!;
          const rule = RULE_TEXT[movingOrder(subject, other).rule];
          return `${OTHER_WALKER_NOTE_START} (person ${i + 1} under "Wrong person? Choose the patient", in view ${inView(other)}), about as far: the analysis follows person ${scan.chosen! + 1}, ${rule}. Check on the video that the skeleton is on the patient (beside an adult, a child may not be the one chosen); if it is not, choose the patient there (command line: --person-box ${pointAt(other)} for person ${i + 1}).`;
        });
  const together = walkersTogetherUnfollowed(people, scan.chosen, scan.joined).map((group) => {
    const names = group.map((i) => `${i + 1}`);
    const first = people[group[0]!]!;
    return `${WALKERS_TOGETHER_NOTE_START} while the patient was out of view (persons ${listInWords(names)} under "Wrong person? Choose the patient", in view from ${inView(first)}): the patient may have come back among them, but which one cannot be told, so that walk is not analysed. If the patient is one of them, choose them there (command line, person ${names[0]}: --person-box ${pointAt(first)}).`;
  });
  return [...beside, ...together];
}

/**
 * The person followed, when chosen automatically without anyone clearly walking further than the
 * others (a bystander moving on the spot, a walker crossing a narrow view in under two of the
 * scan's samples), and the rule that chose them; null when the choice was made by travel, by hand,
 * or among fewer than two people.
 */
function unsureChoice(
  result: Pick<PoseResult, 'outDir' | 'manifest'>,
): { person: number; rule: string } | null {
  if (result.manifest.settings.person.kind !== 'moving') return null;
  const scan = readScannedPeople(result.outDir);
  if (!scan?.people || scan.chosen === undefined || scan.chosen < 0) return null;
  const subject = scan.people[scan.chosen]!;
  const rules = scan.people.filter((p) => p !== subject).map((p) => movingOrder(subject, p).rule);
  const weak = rules.find((r) => r !== 'travel');
  return weak ? { person: scan.chosen + 1, rule: RULE_TEXT[weak] } : null;
}

/**
 * Said after a failed analysis of a person chosen by a tie-break (`unsureChoice`): the failure
 * may be the wrong person's, and the reader is pointed at the person chooser rather than only told
 * to record again.
 */
export function unsureChoiceSentence(result: Pick<PoseResult, 'outDir' | 'manifest'>): string | null {
  const unsure = unsureChoice(result);
  return unsure
    ? `The analysis follows person ${unsure.person}, chosen automatically as ${unsure.rule}: ${UNSURE_CHOICE_PHRASE}, so it may not be the patient.`
    : null;
}

/**
 * The note on an analysis that ran but could use none of its gait cycles, of a person chosen by a
 * tie-break: as empty as a failed one, and as likely the wrong person's. The Sports2D walk cropped
 * to 750 px wide (she crosses it in about a second) was analysed following the man on the box,
 * one flagged "cycle" of his, with nothing said about whom it followed. Null otherwise.
 */
export function unsurePersonNote(
  result: Pick<PoseResult, 'outDir' | 'manifest'>,
  cycles: ReadonlyArray<{ excluded: boolean }>,
): string | null {
  if (cycles.some((c) => !c.excluded)) return null;
  const unsure = unsureChoice(result);
  return unsure
    ? `${UNSURE_PERSON_NOTE_START}: person ${unsure.person} is followed, chosen automatically as ${unsure.rule}, because ${UNSURE_CHOICE_PHRASE}. Check on the video that the skeleton is on the patient; if it is not, choose the patient under "Wrong person? Choose the patient" (command line: the patient's --person-box, listed under People in view).`
    : null;
}

/**
 * A failed analysis' message, with `unsureChoiceSentence` after it when it applies; not after a
 * turned picture's (turning it is the fix, whoever is followed).
 */
export function withUnsureChoice(
  error: { message: string; turnDeg?: unknown },
  pose: Pick<PoseResult, 'outDir' | 'manifest'>,
): string {
  const unsure = error.turnDeg ? null : unsureChoiceSentence(pose);
  return unsure ? `${error.message} ${unsure}` : error.message;
}
