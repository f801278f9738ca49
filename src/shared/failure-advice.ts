// Turns a service failure into what a clinician reads: the reason without machine paths, and the
// one thing to do next.
import { isMissingRecordingMessage } from './missing-recording';
import { isTurnedPictureMessage } from './picture-fix';

/**
 * Replaces absolute file paths by their file name (the lab folder layout means nothing at the
 * bedside) and drops the "The analysis failed:" lead-in the page already says.
 */
export function withoutPaths(message: string): string {
  return (
    message
      .replace(/^The analysis failed:\s*/i, '')
      // Absolute, or relative to the lab folder (patients/.../walk.mp4): two separators at least.
      .replace(/(?:[A-Za-z]:)?[\w.-]*(?:[\\/][^\s\\/:]+)+[\\/]([^\s\\/:]+)/g, '$1')
      .replace(/(\b[\w.-]+\.\w+): \1 /g, '$1 ')
  );
}

/**
 * Part of what is said after an analysis failure when the person followed was chosen automatically
 * by a tie-break (main/pose/other-walkers.ts `unsureChoiceSentence`).
 */
export const UNSURE_CHOICE_PHRASE = 'nobody in view walked clearly further than the others';

/** Said after an analysis failure on a camera whose person was chosen by hand. */
export const CHOSEN_BY_HAND_SENTENCE =
  'The analysis follows a person chosen by hand, who may not be the patient.';

export function failureAdvice(message: string): string {
  if (/disk (holding the lab folder )?is full/i.test(message))
    return 'Free some space on the disk that holds the lab folder (old exports, copies of videos), then press Try again: the analysis resumes where it stopped.';
  // Trying again reads the same missing file.
  if (isMissingRecordingMessage(message))
    return 'The file is no longer in the lab folder (moved or deleted outside GaitLab): put it back where it was, or import the recording again as a new trial. Trying again will not help until then.';
  if (/cannot be read as a video|not a video|invalid data|moov atom|damaged|truncated/i.test(message)) {
    return 'The video file is damaged or is not a video. Import the video again (or record the trial again), then press Try again.';
  }
  if (/model|weights/i.test(message)) {
    return 'The pose model files are missing or damaged: reinstall GaitLab (developers: npm run models), then press Try again.';
  }
  // A camera upside down or on its side (gait/picture-orientation.ts): the picture is turned, not tried again.
  if (isTurnedPictureMessage(message))
    return 'Open the trial’s review and press “Turn the picture … and analyse again” (the recording is kept), or, for the next trials, mount the camera upright.';
  // A walk filmed end-on (gait/end-on-walk.ts): another camera is needed, not another try.
  if (/not across it/i.test(message))
    return 'This camera filmed the walk from in front or behind, which cannot time the steps: record the walk with a camera at the side of the walkway. Import this video again as the trial’s frontal or posterior camera, next to a side camera, for its frontal-plane angles.';
  // Before the advice to record again: the recording may be fine, the person pointed at not.
  if (message.includes(CHOSEN_BY_HAND_SENTENCE))
    return 'If the person followed is not the patient, open the trial’s review, “Wrong person? Choose the patient”, and click the patient or go back to the automatic choice; the recording is kept.';
  if (/did not walk/i.test(message))
    return 'This recording shows no walking (a balance or standing trial gives no gait cycles): record a trial with the patient walking across the cameras’ view.';
  // After it: when nobody walked (a balance trial beside a bystander), the tie-break is expected.
  if (message.includes(UNSURE_CHOICE_PHRASE))
    return 'If the person followed is not the patient, open the trial’s review, “Wrong person? Choose the patient”, and click the patient (the recording is kept); if it is, record the walk again with the patient walking across the camera for at least two strides.';
  // 3D: the calibration does not fit the recording (wrong file, views swapped, cameras moved).
  if (/calibration|do not see the same body/i.test(message))
    return 'Check the camera calibration on the session page (that it is this session’s, and which trial camera each calibrated camera is), then analyse the trial again.';
  if (/no (person|one|walking)|nobody|not find|no complete gait cycle|too short/i.test(message)) {
    return 'Check that the patient is fully in view and walks across the camera for at least two strides, then press Try again or record the trial again.';
  }
  if (/height/i.test(message))
    return "Correct the patient's height (in metres) on the patient page, then press Try again.";
  return "Press Try again. If it fails again, check that the video plays and shows the patient walking across the camera's view.";
}
