// Who the person scan saw, for the command line. Without review's picture to point at, a user who
// needs another person followed (a bystander chosen, a child beside an adult) needs each person's
// box at a frame in the video's pixels, ready to pass as --person-box.
import { listInWords } from '../../shared/list-in-words';
import { personTravel } from '../../shared/person-travel';
import { clearestSample, travelHeights, type SubjectTrack } from './decode/subject';
import { readPoseTimes, readScannedPeople } from './storage';

/** "x0,y0,x1,y1@frame": the person's largest box in the scan, as --person-box takes it. */
export function personBoxOption(t: SubjectTrack): string {
  const { box, frame } = clearestSample(t);
  return `${[box.x0, box.y0, box.x1, box.y1].map(Math.round).join(',')}@${frame}`;
}

/** "2.0-6.0 s": from the first to the last scan sample where the person was seen. */
export function inViewText(t: SubjectTrack, times: ArrayLike<number>): string {
  const at = (frame: number) => (times[frame] ?? 0).toFixed(1);
  return `${at(t.frames[0]!)}-${at(t.frames[t.frames.length - 1]!)} s`;
}

/**
 * One line per person the scan saw (numbered as review's person chooser and `gaitlab pose --person`
 * number them), when it saw two or more: when in view, whether they walked, whether the pose
 * follows them, and their box. `byNumber`: the command also takes the number.
 */
export function peopleInViewLines(poseDir: string, options: { byNumber?: boolean } = {}): string[] {
  const scan = readScannedPeople(poseDir);
  const times = readPoseTimes(poseDir);
  const people = scan?.people ?? [];
  if (!scan || people.length < 2 || !times) return [];
  const followed = new Set<number>(
    scan.chosen !== undefined && scan.chosen >= 0 ? [scan.chosen, ...(scan.joined ?? [])] : [],
  );
  const lines = [
    `People in view: ${people.length} (the person scan looks every ${scan.everyFrames} frames); ${
      followed.size > 0
        ? `the pose follows person ${listInWords([...followed].sort((a, b) => a - b).map((i) => `${i + 1}`))}`
        : 'nobody is followed'
    }. To follow another, run again with ${options.byNumber ? 'its number (--person 2) or ' : ''}its --person-box.`,
  ];
  people.forEach((t, i) => {
    const travel = travelHeights(t);
    const kind = personTravel(travel);
    const heights = `${travel.toFixed(1)} body heights`;
    const travelled = kind === 'stayed' ? `stayed in place (${heights})` : `${kind} ${heights}`;
    lines.push(
      `  Person ${i + 1}${followed.has(i) ? ' (followed)' : ''}: in view ${inViewText(t, times)}, ${travelled}; --person-box ${personBoxOption(t)}`,
    );
  });
  return lines;
}
