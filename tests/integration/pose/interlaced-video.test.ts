// Many gait labs still film with DV or broadcast camcorders, which record interlaced video: each
// frame holds two fields a field period apart, so a swinging foot shows as a comb of alternate
// lines. The Sports2D walk made interlaced (frames 2k and 2k+1 as the two fields of one frame, 15
// frames/s, flagged top field first), analysed as a lab trial, must give on its frames the
// skeleton of the walk's own frames 2k, and review a copy without the comb; the same combed
// pictures flagged progressive show what posing the comb does.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeVideo } from '../../../src/main/media/probe';
import { readPoseResult, type PoseResult, type PoseTrack } from '../../../src/main/pose/pose-result';
import { runPose } from '../../../src/main/pose/run-pose';
import { trialDirRelative } from '../../../src/main/store/lab-folder';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import type { TrialInfo } from '../../../src/shared/api/entities';
import { BLAZEPOSE_LANDMARKS, landmarkIndex } from '../../../src/shared/landmarks';
import { analyseInProcess, callLab, createTrialLab, type TrialLab } from '../../helpers/analysed-trial';
import { videoVariant } from '../../helpers/video-variant';
import { median, point, tempDir } from './helpers';

const dir = tempDir('interlaced');
/** Ankles, heels and toes: the last six landmarks. */
const FEET = BLAZEPOSE_LANDMARKS.slice(landmarkIndex('left_ankle'));
// x264 needs a height divisible by 4 for interlaced coding: the walk is 994 px high.
const CROP = 'crop=1768:992:0:0';
const INTERLACED = [
  ...['-vf', `${CROP},interlace=scan=tff`],
  ...['-flags', '+ilme+ildct', '-x264opts', 'tff=1'],
];
const combedAsProgressive = videoVariant(dir, 'combed.mp4', [
  '-vf',
  `${CROP},interlace=scan=tff,setfield=prog`,
]);
const evenFrames = videoVariant(dir, 'even-frames.mp4', [
  ...['-vf', `${CROP},select='not(mod(n\\,2))',setpts=N/15/TB`, '-r', '15'],
]);

let lab: TrialLab;
let interlaced: string;
let interlacedPose: PoseResult;
let tracks: Record<'interlaced' | 'combed' | 'even', PoseTrack>;

/** Feet of `a` against the walk's own frames, on frames both posed confidently: median and 90th percentile, px. */
function feetFromEvenFrames(a: PoseTrack): { median: number; p90: number; frames: number } {
  const even = tracks.even;
  const d: number[] = [];
  for (let f = 0; f < Math.min(a.frameCount, even.frameCount); f++) {
    if (a.confidence[f]! < 0.5 || even.confidence[f]! < 0.5) continue;
    for (const name of FEET) {
      const p = point(a, f, name);
      const q = point(even, f, name);
      d.push(Math.hypot(p.x - q.x, p.y - q.y));
    }
  }
  const sorted = [...d].sort((x, y) => x - y);
  return { median: median(d), p90: sorted[Math.floor(sorted.length * 0.9)]!, frames: d.length / FEET.length };
}

beforeAll(async () => {
  lab = await createTrialLab({ cameras: [{ camera: 'sagittal-left', variant: INTERLACED }] });
  const done = await analyseInProcess(lab.labDir, lab.trial.id);
  expect(done.state, done.message).toBe('done');
  const trialDir = join(lab.labDir, trialDirRelative(lab.patient.id, lab.session.id, lab.trial.id));
  interlaced = join(trialDir, 'sagittal-left.mp4');
  interlacedPose = readPoseResult(join(trialDir, 'pose-sagittal-left'));
  const pose = async (video: string, name: string) =>
    (await runPose({ videoPath: video, outDir: `${dir}/pose-${name}` })).track;
  tracks = {
    interlaced: interlacedPose.track,
    combed: await pose(combedAsProgressive, 'combed'),
    even: await pose(evenFrames, 'even'),
  };
}, 600_000);

describe('an interlaced video', () => {
  it('is recognised as interlaced, and its analysis says its frames were deinterlaced', async () => {
    expect((await probeVideo(interlaced)).interlaced).toBe(true);
    expect((await probeVideo(combedAsProgressive)).interlaced).toBeUndefined();
    expect(interlacedPose.manifest.settings.deinterlaced).toBe(true);
    expect(interlacedPose.track.frameCount).toBe(tracks.even.frameCount);
    const view = (await callLab<TrialAnalysisView>(lab.labDir, 'analysis.get', { trialId: lab.trial.id }))!;
    expect(view.provenance.videoCodec).toBe('h264, interlaced (deinterlaced for pose)');
  });

  it('gets a deinterlaced copy for review, frame for frame (the browser would show the comb)', async () => {
    const trial = (await callLab<TrialInfo[]>(lab.labDir, 'trials.list', { sessionId: lab.session.id }))[0]!;
    const copy = trial.files.find((f) => f.kind === 'review-video');
    expect(copy?.relativePath).toMatch(/sagittal-left\.review\.mp4$/);
    const info = await probeVideo(join(lab.labDir, copy!.relativePath));
    expect(info.interlaced).toBeUndefined();
    const original = await probeVideo(interlaced);
    expect(info.frameCount).toBe(original.frameCount);
    expect(Array.from(info.frameTimesS)).toEqual(Array.from(original.frameTimesS));
  });

  it('puts the feet where the walk shows them, which the combed frames do not', () => {
    const deinterlaced = feetFromEvenFrames(tracks.interlaced);
    const combed = feetFromEvenFrames(tracks.combed);
    console.log(
      `feet from the walk's own frames: deinterlaced median ${deinterlaced.median.toFixed(1)} px, p90 ${deinterlaced.p90.toFixed(1)} px (${deinterlaced.frames} frames); ` +
        `combed median ${combed.median.toFixed(1)} px, p90 ${combed.p90.toFixed(1)} px (${combed.frames} frames)`,
    );
    expect(deinterlaced.frames).toBeGreaterThan(70);
    expect(deinterlaced.median).toBeLessThan(7);
    expect(deinterlaced.p90).toBeLessThan(25);
    expect(combed.p90).toBeGreaterThan(deinterlaced.p90 * 1.5);
  });
});
