// The patient followed by one calibrated camera (the user's choice, or the automatic one) is the
// patient on every other calibrated camera of the trial. Each camera's person scan decides on its
// own, so with a therapist walking alongside or a parent standing by, cameras could follow different
// people and the 3D analysis would triangulate two bodies. Here every other camera whose person was
// not chosen by hand takes the person standing where the leading camera's patient stands on the
// floor (capture/calibration/follow-subject.ts), and its pose is run again when that is someone else.
import type { PersonChoice } from '../../shared/api/analysis-types';
import type { TrialInfo } from '../../shared/api/entities';
import { readSessionCalibration } from '../capture/calibration-store';
import { fitCalibrationToVideo } from '../capture/calibration/calibration-checks';
import { floorTrack, followLeader, type CameraScan } from '../capture/calibration/follow-subject';
import { trialVideos } from '../capture/trial-videos';
import { readPoseManifest } from '../pose/pose-result';
import { readScannedPeople } from '../pose/storage';
import { resolveInsideLab } from '../store/lab-folder';
import type { AnalysisDeps } from './trial-analysis';

/** Settings key of a camera whose person was set by following another camera (its name). */
export const PERSON_FOLLOWS = 'personFollows';

interface Scanned {
  scan: CameraScan;
  chosen: number;
  /** The calibration's origin is on the floor: people can be placed on it. */
  floorAtOrigin: boolean;
}

/** A camera's stored person scan on the trial clock, with its calibration fitted to its video. */
function scannedOn(deps: AnalysisDeps, trial: TrialInfo, camera: string): Scanned | null {
  const cal = readSessionCalibration(deps, trial.sessionId);
  const calibration = cal?.byView.get(camera as never);
  const poseDir = deps.analyses.get(trial.id, camera)?.poseDir;
  if (!cal || !calibration || !poseDir) return null;
  const dir = resolveInsideLab(deps.layout.root, poseDir);
  const scanned = readScannedPeople(dir);
  const manifest = readPoseManifest(dir);
  if (!scanned?.people || !manifest) return null;
  const fitted = fitCalibrationToVideo(calibration, manifest.video.widthPx, manifest.video.heightPx);
  if (!fitted.ok) return null;
  const offsetMs = trialVideos(deps, trial.id).find((v) => v.camera === camera)?.startOffsetMs ?? 0;
  return {
    scan: {
      camera: fitted.camera,
      fps: manifest.video.fps,
      startOffsetS: offsetMs / 1000,
      people: scanned.people,
    },
    chosen: scanned.chosen ?? -1,
    floorAtOrigin: cal.info.floorAtOrigin,
  };
}

/** True when the user chose this camera's person by hand (not by following another camera). */
export function personChosenByHand(deps: AnalysisDeps, trial: TrialInfo, camera: string): boolean {
  const settings = deps.analyses.get(trial.id, camera)?.settings;
  return !!settings?.person && !settings[PERSON_FOLLOWS];
}

export interface FollowStep {
  camera: string;
  person: PersonChoice;
  note: string;
}

/**
 * For each of `cameras` (analysed, calibrated, person not chosen by hand) whose scan follows
 * someone other than the one standing where `leader`'s patient stands: the person to follow instead,
 * as a box in that camera's pixels, and what to say. Cameras already on the patient are left out.
 */
export function followPatient(
  deps: AnalysisDeps,
  trial: TrialInfo,
  leader: string,
  cameras: readonly string[],
): { steps: FollowStep[]; notes: string[] } {
  const steps: FollowStep[] = [];
  const notes: string[] = [];
  const lead = scannedOn(deps, trial, leader);
  const patient = lead && lead.chosen >= 0 ? lead.scan.people[lead.chosen] : undefined;
  if (!lead || !patient) return { steps, notes };
  if (!lead.floorAtOrigin) {
    // Rays through two people's boxes from two cameras at about their height nearly meet whoever
    // they are, so without the floor there is no safe match: say so when it matters.
    const crowded = cameras.filter(
      (c) => c !== leader && (scannedOn(deps, trial, c)?.scan.people.length ?? 0) > 1,
    );
    if (crowded.length > 0)
      notes.push(
        `The session's calibration has no floor at its origin, so the calibrated cameras cannot be matched to one patient by where people stand: ${crowded.join(', ')} saw several people and each follows its own choice. Check in review that every camera shows the patient, or choose the patient on each.`,
      );
    return { steps, notes };
  }
  const leadFloor = floorTrack(lead.scan, patient);
  const m = (d: number | undefined) => (Number.isFinite(d) ? `${d!.toFixed(2)} m` : 'never seen together');
  for (const camera of cameras) {
    if (camera === leader || personChosenByHand(deps, trial, camera)) continue;
    const own = scannedOn(deps, trial, camera);
    if (!own || own.scan.people.length === 0) continue;
    const choice = followLeader(leadFloor, own.scan);
    if (choice.index < 0) {
      // Even when it saw one person only: that may be the bystander, the patient out of its view.
      if (own.chosen >= 0)
        notes.push(
          `The ${camera} camera saw nobody standing where the ${leader} camera's patient stands (the person it follows: ${m(choice.distancesM[own.chosen])} away on the floor): check in review that it shows the patient, and the trial's synchronisation.`,
        );
      continue;
    }
    if (choice.index === own.chosen) continue;
    const person = own.scan.people[choice.index]!;
    const k = person.frames.length >> 1;
    steps.push({
      camera,
      person: { box: { ...person.boxes[k]! }, frame: person.frames[k]! },
      note:
        own.chosen >= 0
          ? `The ${camera} camera was following someone other than the ${leader} camera's patient (${m(choice.distancesM[own.chosen])} away on the floor); it now follows the person standing where that patient stands (${m(choice.distancesM[choice.index])}).`
          : `The ${camera} camera had chosen nobody; it now follows the person standing where the ${leader} camera's patient stands (${m(choice.distancesM[choice.index])}).`,
    });
  }
  return { steps, notes };
}
