// Which frame of a video a picture shows (a report still, the patient chooser's picture, what the
// review's player paints): compared in small grey pictures with the frames ffmpeg decodes.
// (The e2e suites use only the ffmpeg half: the lab half runs the services in-process.)
import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import { join } from 'node:path';
import { reportStills } from '../../src/main/report/report-stills';
import { trialDirRelative } from '../../src/main/store/lab-folder';
import type {
  PoseTrackView,
  ScannedPeopleView,
  TrialAnalysisView,
} from '../../src/shared/api/analysis-types';
import type { ReportStillView } from '../../src/shared/api/report-types';
import { callLab, type TrialLab } from './analysed-trial';

/** Side of the square grey pictures compared, px. */
export const GREY_SIDE_PX = 96;

/** A picture (ffmpeg input arguments) as GREY_SIDE_PX square grey levels, through `filter` first. */
export function greyPicture(input: string[], filter?: string, stdin?: Buffer): Uint8Array {
  const vf = [filter, `scale=${GREY_SIDE_PX}:${GREY_SIDE_PX}`, 'format=gray'].filter(Boolean).join(',');
  return execFileSync(
    'ffmpeg',
    ['-v', 'error', ...input, '-vf', vf, '-frames:v', '1', '-f', 'rawvideo', 'pipe:1'],
    stdin ? { input: stdin } : {},
  );
}

/** Frame `n` of `video`, counted as decoded from its first frame, through `filter` (a crop, say). */
export function frameGrey(video: string, n: number, filter?: string): Uint8Array {
  return greyPicture(['-i', video], [`select=eq(n\\,${n})`, filter].filter(Boolean).join(','));
}

/**
 * Mean grey-level distance of `shown` from frames `a` and `b`, over the pixels where a and b differ
 * (the walker's moving body: the still background, and a browser's own colour conversion, say
 * nothing about which frame it is).
 */
export function distancesWhereTheyDiffer(
  shown: ArrayLike<number>,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): { toA: number; toB: number; pixels: number } {
  let toA = 0;
  let toB = 0;
  let pixels = 0;
  for (let i = 0; i < a.length; i++) {
    if (Math.abs(a[i]! - b[i]!) < 24) continue;
    toA += Math.abs(shown[i]! - a[i]!);
    toB += Math.abs(shown[i]! - b[i]!);
    pixels++;
  }
  return { toA: toA / pixels, toB: toB / pixels, pixels };
}

/** The report's stills of a lab's trial (left side), each with the crop of the frame it shows. */
export async function trialStills(
  lab: TrialLab,
): Promise<Array<ReportStillView & { crop: string; path: string }>> {
  const call = <T>(op: string): Promise<T> => callLab<T>(lab.labDir, op, { trialId: lab.trial.id });
  const stills = await reportStills({
    labRoot: lab.labDir,
    sessionKey: 'A',
    view: (await call<TrialAnalysisView>('analysis.get'))!,
    track: await call<PoseTrackView>('analysis.poseTrack'),
    side: 'left',
    trialDirRelative: trialDirRelative(lab.patient.id, lab.session.id, lab.trial.id),
  });
  return stills.map((s) => {
    // The still's name says its crop: <camera>-f<frame>-<x>-<y>-<w>x<h>.jpg
    const [, x, y, w, h] = /-f\d+-(\d+)-(\d+)-(\d+)x(\d+)\.jpg$/.exec(s.imageRelativePath)!;
    return { ...s, crop: `crop=${w}:${h}:${x}:${y}`, path: join(lab.labDir, s.imageRelativePath) };
  });
}

/** The patient chooser's picture of a lab's trial, grey, and the frame it is meant to show. */
export async function chooserPicture(lab: TrialLab): Promise<{ grey: Uint8Array; frame: number }> {
  const scan = (await callLab<ScannedPeopleView | null>(lab.labDir, 'analysis.people', {
    trialId: lab.trial.id,
  }))!;
  const jpeg = Buffer.from(scan.imageDataUrl.split(',')[1]!, 'base64');
  return { grey: greyPicture(['-i', 'pipe:0'], undefined, jpeg), frame: scan.frame };
}

/**
 * The report's stills and the patient chooser's picture of a lab's trial show their own frames of
 * `video`, not `wrongFrame(n)` (where seeking on the wrong clock lands): each is under half as far
 * from its frame as from that one, where the two differ. Prints the distances.
 */
export async function expectPicturesOnTheirFrames(
  lab: TrialLab,
  video: string,
  wrongFrame: (frame: number) => number,
): Promise<void> {
  const check = (label: string, picture: Uint8Array, frame: number, filter?: string): void => {
    const wrong = wrongFrame(frame);
    const d = distancesWhereTheyDiffer(
      picture,
      frameGrey(video, frame, filter),
      frameGrey(video, wrong, filter),
    );
    console.log(
      `${label} (frame ${frame}): ${d.toA.toFixed(1)} grey levels from it, ${d.toB.toFixed(1)} from frame ${wrong} (over the ${d.pixels} pixels where the two differ)`,
    );
    expect(d.pixels).toBeGreaterThan(20);
    expect(d.toA).toBeLessThan(0.5 * d.toB);
  };
  const stills = await trialStills(lab);
  expect(stills.length).toBe(3);
  for (const s of stills) check(`still ${s.event}`, greyPicture(['-i', s.path]), s.frame, s.crop);
  const chooser = await chooserPicture(lab);
  check("the chooser's picture", chooser.grey, chooser.frame);
}
