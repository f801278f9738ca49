// Many gait labs still film with DV or broadcast camcorders, which record interlaced video: each
// frame holds two fields a field period apart, so a swinging foot shows as a comb of alternate
// lines, and each field is a picture of its own instant. The Sports2D walk (30 frames/s) made
// interlaced (its frames 2k and 2k+1 as the two fields of one frame: 15 frames/s, flagged top field
// first), analysed as a lab trial, must be read as its 230 fields: the walk's own 230 frames, with
// their skeletons and their cadence, and a review copy with a picture per field. The same combed
// pictures flagged progressive show what posing the comb does.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeVideo } from '../../../src/main/media/probe';
import { readPoseResult, type PoseResult, type PoseTrack } from '../../../src/main/pose/pose-result';
import { runPose } from '../../../src/main/pose/run-pose';
import { analyseVideoFile, poseCacheDirFor } from '../../../src/main/services/video-analysis';
import { trialDirRelative } from '../../../src/main/store/lab-folder';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import type { TrialInfo } from '../../../src/shared/api/entities';
import { BLAZEPOSE_LANDMARKS, landmarkIndex } from '../../../src/shared/landmarks';
import { analyseInProcess, callLab, createTrialLab, type TrialLab } from '../../helpers/analysed-trial';
import { analyseDemo, demoPoseCache } from '../../helpers/demo-pose';
import { INTERLACED_OPTIONS, SPORTS2D_WALK, videoVariant } from '../../helpers/video-variant';
import { median, point, tempDir } from './helpers';

const dir = tempDir('interlaced');
/** Ankles, heels and toes: the last six landmarks. */
const FEET = BLAZEPOSE_LANDMARKS.slice(landmarkIndex('left_ankle'));
/** The same combed pictures, flagged progressive. */
const combedAsProgressive = videoVariant(dir, 'combed.mp4', [
  '-vf',
  'crop=1768:992:0:0,interlace=scan=tff,setfield=prog',
]);

let lab: TrialLab;
let interlaced: string;
let fields: PoseResult;
let combed: PoseTrack;
let walk: PoseTrack;
let view: TrialAnalysisView;

/** Feet of `a` (frame f) against the walk's frame `walkFrame(f)`, where both are confident: px. */
function feetFromWalk(a: PoseTrack, walkFrame: (f: number) => number) {
  const d: number[] = [];
  for (let f = 0; f < a.frameCount; f++) {
    const w = walkFrame(f);
    if (w >= walk.frameCount || a.confidence[f]! < 0.5 || walk.confidence[w]! < 0.5) continue;
    for (const name of FEET) {
      const p = point(a, f, name);
      const q = point(walk, w, name);
      d.push(Math.hypot(p.x - q.x, p.y - q.y));
    }
  }
  const sorted = [...d].sort((x, y) => x - y);
  return { median: median(d), p90: sorted[Math.floor(sorted.length * 0.9)]!, frames: d.length / FEET.length };
}

beforeAll(async () => {
  lab = await createTrialLab({ cameras: [{ camera: 'sagittal-left', variant: INTERLACED_OPTIONS }] });
  const done = await analyseInProcess(lab.labDir, lab.trial.id);
  expect(done.state, done.message).toBe('done');
  const trialDir = join(lab.labDir, trialDirRelative(lab.patient.id, lab.session.id, lab.trial.id));
  interlaced = join(trialDir, 'sagittal-left.mp4');
  fields = readPoseResult(join(trialDir, 'pose-sagittal-left'));
  view = (await callLab<TrialAnalysisView>(lab.labDir, 'analysis.get', { trialId: lab.trial.id }))!;
  combed = (await runPose({ videoPath: combedAsProgressive, outDir: join(dir, 'pose-combed') })).track;
  walk = readPoseResult(poseCacheDirFor(SPORTS2D_WALK, demoPoseCache())).track;
}, 600_000);

describe('an interlaced video', () => {
  it('is read as its fields: twice its frames, at twice its frame rate', async () => {
    const info = await probeVideo(interlaced);
    expect(info.interlaced).toBe('tff');
    expect(info.frameCount).toBe(230);
    expect(info.fps).toBe(30);
    expect(info.frameTimesS[1]).toBeCloseTo(1 / 30, 6);
    expect((await probeVideo(combedAsProgressive)).interlaced).toBeUndefined();
    expect(fields.manifest.settings.interlaced).toBe('tff');
    expect(fields.track.frameCount).toBe(230);
    expect(view.provenance.videoCodec).toBe('h264, interlaced: analysed field by field');
    expect(view.provenance.interlaced).toBe('tff');
  });

  it('as a 16:9 PAL DV camcorder records it (AVI, anamorphic, bottom field first) gives the walk', async () => {
    // The walk at 50 fields a second, stored as 720x576 pixels shown 1024x576; the AVI container
    // does not give the field order, its frames do.
    const dv = join(dir, 'dv.avi');
    execFileSync('ffmpeg', [
      ...['-v', 'error', '-y', '-i', SPORTS2D_WALK, '-an'],
      ...['-vf', 'fps=50,scale=720:576,setsar=64/45,interlace=scan=bff', '-top', '0', '-r', '25'],
      ...['-aspect', '16:9', '-c:v', 'dvvideo', '-pix_fmt', 'yuv420p', dv],
    ]);
    const info = await probeVideo(dv);
    expect([info.interlaced, info.fps, info.widthPx, info.heightPx]).toEqual(['bff', 50, 1024, 576]);
    const { view: camcorder } = await analyseVideoFile(dv, { heightM: 1.65, cacheDir: join(dir, 'dv-pose') });
    expect(camcorder.status, camcorder.message).toBe('analysed');
    const original = (await analyseDemo({ heightM: 1.65 })).view;
    const mean = (v: TrialAnalysisView, parameter: string) =>
      v.parameters.find((p) => p.parameter === parameter)!.left.mean!;
    const kneePeak = (v: TrialAnalysisView) =>
      Math.max(
        ...v.curves
          .find((c) => c.variable === 'knee_flexion' && c.side === 'left')!
          .mean.flatMap((x) => (x === null ? [] : [x])),
      );
    console.log(
      `DV 16:9: left speed ${mean(camcorder, 'speedMps').toFixed(2)} m/s (walk ${mean(original, 'speedMps').toFixed(2)}), ` +
        `cadence ${mean(camcorder, 'cadenceStepsPerMin').toFixed(1)} (${mean(original, 'cadenceStepsPerMin').toFixed(1)}) steps/min, ` +
        `left knee peak of the mean curve ${kneePeak(camcorder).toFixed(1)} (${kneePeak(original).toFixed(1)}) deg`,
    );
    expect(Math.abs(mean(camcorder, 'speedMps') / mean(original, 'speedMps') - 1)).toBeLessThan(0.05);
    expect(
      Math.abs(mean(camcorder, 'cadenceStepsPerMin') - mean(original, 'cadenceStepsPerMin')),
    ).toBeLessThan(3);
    expect(Math.abs(kneePeak(camcorder) - kneePeak(original))).toBeLessThan(5);
  });

  it("puts the feet of each field where the walk's own frame shows them, which the combed frames do not", () => {
    const ofFields = feetFromWalk(fields.track, (f) => f);
    const ofCombed = feetFromWalk(combed, (f) => 2 * f);
    console.log(
      `feet from the walk's own frames: fields median ${ofFields.median.toFixed(1)} px, p90 ${ofFields.p90.toFixed(1)} px (${ofFields.frames} frames); ` +
        `combed frames median ${ofCombed.median.toFixed(1)} px, p90 ${ofCombed.p90.toFixed(1)} px (${ofCombed.frames} frames)`,
    );
    expect(ofFields.frames).toBeGreaterThan(140);
    expect(ofFields.median).toBeLessThan(7);
    expect(ofFields.p90).toBeLessThan(25);
    expect(ofCombed.p90).toBeGreaterThan(ofFields.p90 * 1.5);
  });

  it("gives the walk's cadence from its 30 fields a second", async () => {
    const original = (await analyseDemo({ heightM: 1.65 })).view;
    const cadence = (v: TrialAnalysisView) => v.parameters.find((p) => p.parameter === 'cadenceStepsPerMin')!;
    for (const side of ['left', 'right'] as const) {
      console.log(
        `${side} cadence ${cadence(view)[side].mean?.toFixed(1)} steps/min (n = ${cadence(view)[side].n}) against ${cadence(original)[side].mean?.toFixed(1)} from the walk`,
      );
      expect(Math.abs(cadence(view)[side].mean! - cadence(original)[side].mean!)).toBeLessThan(3);
    }
  });

  it('gets a review copy with a picture per field at its time (the browser would show the comb)', async () => {
    const trial = (await callLab<TrialInfo[]>(lab.labDir, 'trials.list', { sessionId: lab.session.id }))[0]!;
    const copy = trial.files.find((f) => f.kind === 'review-video');
    expect(copy?.relativePath).toMatch(/sagittal-left\.review\.mp4$/);
    const info = await probeVideo(join(lab.labDir, copy!.relativePath));
    expect(info.interlaced).toBeUndefined();
    const original = await probeVideo(interlaced);
    expect(info.frameCount).toBe(original.frameCount);
    info.frameTimesS.forEach((t, i) => expect(t).toBeCloseTo(original.frameTimesS[i]!, 4));
  });
});
