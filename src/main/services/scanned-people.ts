// Who the person scan saw in a trial's analysed video, on one frame the user can point at: for
// choosing the patient when a therapist, parent or bystander is in view.
import type { ScannedPeopleView } from '../../shared/api/analysis-types';
import { frameJpeg } from '../media/still-frame';
import { clearestSample, expectedBoxAt, frameWithMostPeople, travelHeights } from '../pose/decode/subject';
import { fileClockOf, readPoseManifest, seekInFileS } from '../pose/pose-result';
import { readPoseTimes, readScannedPeople } from '../pose/storage';
import { resolveInsideLab } from '../store/lab-folder';
import { requireTrial, videoOf, type AnalysisDeps } from './trial-analysis';
import { PERSON_FOLLOWS } from './follow-patient';

// The shown frame is scaled to this width: enough to tell people apart, small enough to send.
const PEOPLE_IMAGE_WIDTH_PX = 960;

/**
 * Who the person scan saw in the trial's analysed video, with a frame to point at them. Null
 * before the pose job has scanned (or for jobs stored before the people were kept).
 */
export async function scannedPeople(
  deps: AnalysisDeps,
  trialId: string,
  camera?: string,
): Promise<ScannedPeopleView | null> {
  const trial = requireTrial(deps, trialId);
  if (!trial.files.some((f) => f.kind === 'video')) return null;
  const video = videoOf(deps, trial, camera);
  const row = deps.analyses.get(trialId, video.camera);
  if (!row?.poseDir) return null;
  const poseDir = resolveInsideLab(deps.layout.root, row.poseDir);
  const scan = readScannedPeople(poseDir);
  const times = readPoseTimes(poseDir);
  const manifest = readPoseManifest(poseDir);
  if (!scan?.people || scan.people.length === 0 || !times || !manifest) return null;
  const size = manifest.video;
  const people = scan.people;
  const frame = frameWithMostPeople(people, scan.everyFrames / 2);
  const timeS = times[frame] ?? 0;
  // The pose job measured the displayed size (rotation applied); its boxes are in those pixels.
  const scale = Math.min(1, PEOPLE_IMAGE_WIDTH_PX / size.widthPx);
  const w = Math.round(size.widthPx * scale);
  const h = Math.round(size.heightPx * scale);
  // On the file's clock: its first frame may come after its sound, a slow-motion file plays slower.
  const jpeg = await frameJpeg(video.absolutePath, seekInFileS(fileClockOf(manifest), timeS), w, h, {
    ...(manifest.settings.hdr ? { hdr: manifest.settings.hdr } : {}),
  });
  const at = (b: { x0: number; y0: number; x1: number; y1: number }) => ({
    x0: b.x0 * scale,
    y0: b.y0 * scale,
    x1: b.x1 * scale,
    y1: b.y1 * scale,
  });
  const follows = row.settings[PERSON_FOLLOWS];
  return {
    camera: video.camera,
    followsCamera: typeof follows === 'string' ? follows : null,
    frame,
    timeS,
    imageDataUrl: `data:image/jpeg;base64,${jpeg.toString('base64')}`,
    imageWidthPx: w,
    imageHeightPx: h,
    videoWidthPx: size.widthPx,
    videoHeightPx: size.heightPx,
    people: people.map((t, i) => {
      const shown = expectedBoxAt(t, frame, scan.everyFrames / 2);
      const clearest = clearestSample(t);
      return {
        number: i + 1,
        followed: i === scan.chosen || (scan.joined ?? []).includes(i),
        boxInImage: shown ? at(shown) : null,
        seenFromS: times[t.frames[0]!] ?? 0,
        seenToS: times[t.frames[t.frames.length - 1]!] ?? 0,
        travelBodyHeights: Math.round(travelHeights(t) * 10) / 10,
        choice: { box: clearest.box, frame: clearest.frame },
      };
    }),
  };
}
