// What review and the session page tell a clinician to do after a failed analysis, for the
// sentences the analysis writes (made by the same code, not copied).
import { describe, expect, it } from 'vitest';
import { endOnWalkMessage } from '../../../src/main/gait/end-on-walk';
import { missingRecordingMessage } from '../../../src/shared/missing-recording';
import { DiskFullError } from '../../../src/main/store/disk-full';
import {
  CHOSEN_BY_HAND_SENTENCE,
  failureAdvice,
  UNSURE_CHOICE_PHRASE,
  withoutPaths,
} from '../../../src/shared/failure-advice';

describe('failureAdvice', () => {
  it('a walk filmed from in front or behind: film from the side, keep this one as a frontal camera', () => {
    for (const travel of ['toward', 'away', 'toward-and-back', 'away-and-back', 'in-place'] as const) {
      const message = endOnWalkMessage({ travel, legPx: [120, 150, 180], strideS: 1.1 });
      expect(failureAdvice(message), travel).toMatch(
        /^This camera filmed the walk from in front or behind.*camera at the side of the walkway.*frontal or posterior camera/,
      );
    }
  });

  it('a balance trial: no walking; a damaged file: import again; anything else: try again', () => {
    expect(
      failureAdvice(
        "The subject did not walk: the pelvis moved at most 0.98 leg lengths per second and the feet did not cycle. Record a trial with the subject walking across the camera's view.",
      ),
    ).toMatch(/^This recording shows no walking/);
    expect(failureAdvice(withoutPaths('/lab/trials/a/walk.mp4: moov atom not found'))).toMatch(/damaged/);
    expect(failureAdvice('Something unexpected.')).toMatch(/^Press Try again/);
  });

  it('no gait cycle while following a person chosen by hand: choose the patient, not record again', () => {
    const noCycle =
      'No complete gait cycle was found (2 initial contacts in 1 walking pass over 1.23 s); at least two initial contacts of the same foot within one pass are needed, about a second apart in walking: record at least two strides.';
    expect(failureAdvice(noCycle)).toMatch(/record the trial again\.$/);
    const chosen = failureAdvice(`${noCycle} ${CHOSEN_BY_HAND_SENTENCE}`);
    expect(chosen).toMatch(/^If the person followed is not the patient, .*Wrong person\? Choose the patient/);
    expect(chosen).toContain('automatic choice');
    expect(chosen).not.toMatch(/record the trial again/);
    // Chosen automatically by a tie-break: choose the patient, or, if it was her, record again.
    const unsure = failureAdvice(
      `${noCycle} The analysis follows person 1, chosen automatically as whose legs moved more: ${UNSURE_CHOICE_PHRASE}, so it may not be the patient.`,
    );
    expect(unsure).toMatch(/^If the person followed is not the patient, .*Wrong person\? Choose the patient/);
    expect(unsure).toMatch(/if it is, record the walk again .* at least two strides\.$/);
    // A balance trial beside a bystander: nobody walked, and that is what to say.
    expect(
      failureAdvice(
        `The subject did not walk: no walking pass was found. The analysis follows person 1, chosen automatically as whose legs moved more: ${UNSURE_CHOICE_PHRASE}, so it may not be the patient.`,
      ),
    ).toMatch(/^This recording shows no walking/);
  });
});

describe('a trial whose video was moved or deleted outside GaitLab', () => {
  const message = `The analysis failed: ${missingRecordingMessage(
    'Walk 1',
    'sagittal-left video',
    'patients/33a2/sessions/8352/trials/b791/sagittal-left.mp4',
  )}`;

  it('is shown with the file name only, and put back or imported again rather than tried again', () => {
    expect(withoutPaths(message)).toBe(
      'The sagittal-left video of trial "Walk 1" is missing from the lab folder (sagittal-left.mp4): it was moved or deleted outside GaitLab. Put it back there, or import the recording again as a new trial.',
    );
    expect(failureAdvice(message)).toMatch(/^The file is no longer in the lab folder.*will not help/);
  });

  it('keeps the paths of absolute, Windows and relative files down to their names, and plain words', () => {
    expect(withoutPaths('C:\\Lab\\walks\\walk.mp4 and /home/x/walk 2.mp4')).toBe('walk.mp4 and walk 2.mp4');
    expect(withoutPaths('left/right swaps at 1/2 speed')).toBe('left/right swaps at 1/2 speed');
  });
});

describe('an analysis stopped by a full disk', () => {
  it('says to free space, then try again (it resumes)', () => {
    const message = `The analysis failed: ${
      new DiskFullError(
        'the pose of sagittal-left.mp4',
        '/lab/patients/p/sessions/s/trials/t/pose-sagittal-left',
      ).message
    }`;
    expect(withoutPaths(message)).toBe(
      'The disk is full: the pose of sagittal-left.mp4 could not be saved (in pose-sagittal-left). Free some space on that disk and run it again: it resumes where it stopped.',
    );
    expect(failureAdvice(message)).toMatch(
      /^Free some space on the disk that holds the lab folder.*Try again/,
    );
    expect(
      failureAdvice(
        'The analysis failed: the disk holding the lab folder is full. Free some space on it and run the analysis again: it resumes where it stopped.',
      ),
    ).toMatch(/^Free some space/);
  });
});
