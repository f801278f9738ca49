// A trial's recording that is no longer where the lab keeps it: said as the lab's own file (moved
// or deleted by hand, a sync tool, a clean-up), not as an unreadable path of this computer. Pages
// that give advice recognise the sentence by `isMissingRecordingMessage`.
const MISSING_FROM_LAB = 'missing from the lab folder';

/** `what`: "sagittal-left video", "marker file". */
export function missingRecordingMessage(trialName: string, what: string, relativePath: string): string {
  return `The ${what} of trial "${trialName}" is ${MISSING_FROM_LAB} (${relativePath}): it was moved or deleted outside GaitLab. Put it back there, or import the recording again as a new trial.`;
}

export const isMissingRecordingMessage = (message: string): boolean =>
  message.toLowerCase().includes(MISSING_FROM_LAB);
