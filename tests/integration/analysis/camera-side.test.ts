// A side camera's name says which of the patient's legs it faces (sagittal-left: the left). The
// Sports2D walk seen through a mirror (as a phone's or tablet's front camera can save it) shows a
// body whose right leg is the near one: filed as the sagittal-left camera, every left number of it
// is the right leg's. The analysis cannot tell a mirror image from a camera filed on the wrong side,
// but it says that one of the two happened, first among its notes, and how to tell which; mirrored
// back (the recording kept), the camera sees the leg its name says.
import { expect, it } from 'vitest';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import type { TrialInfo } from '../../../src/shared/api/entities';
import { analyseInProcess, callLab, createTrialLab } from '../../helpers/analysed-trial';

it('a mirrored side video filed as the sagittal-left camera is said to disagree with its name, and mirrored back', async () => {
  const t = await createTrialLab({ cameras: [{ camera: 'sagittal-left', mirrored: true }] });
  const get = () => callLab<TrialAnalysisView>(t.labDir, 'analysis.get', { trialId: t.trial.id });
  const kneePeak = (v: TrialAnalysisView, side: 'left' | 'right') => {
    const mean = v.curves.find((c) => c.variable === 'knee_flexion' && c.side === side)!.mean;
    return Math.max(...mean.filter((x): x is number => x !== null));
  };
  expect((await analyseInProcess(t.labDir, t.trial.id)).state).toBe('done');
  const mirrored = await get();
  expect(mirrored.status).toBe('analysed');
  expect(mirrored.sideDoubt).toBe(true);
  console.log(mirrored.warnings[0]);
  expect(mirrored.warnings[0]).toMatch(
    /^The sagittal-left camera is named as standing at the patient's left side, but the pose model saw the left leg as the far one \(median visibility 0\.\d\d against 0\.\d\d for the right leg\)\. Check on the video which leg is nearer the camera .* the video is a mirror image .*, and left and right are exchanged in all of this camera's numbers\.$/,
  );

  // Leaving the picture at its edge (frames 201-204), the model heaps her legs up: hip flexion read
  // 149-178 deg and knee flexion -44 deg there before those frames were set aside.
  expect(
    mirrored.warnings.some((w) => /^The pose model heaped up .*the right leg at frames 201-204/.test(w)),
  ).toBe(true);
  for (const a of mirrored.angles.filter(
    (x) => x.variable === 'hip_flexion' || x.variable === 'knee_flexion',
  ))
    for (const v of a.values)
      if (v !== null) expect(Math.abs(v), `${a.side} ${a.variable}`).toBeLessThan(100);
  for (const f of [201, 202, 203, 204]) expect(mirrored.lowConfidenceFrames).toContain(f);

  expect((await analyseInProcess(t.labDir, t.trial.id, { mirror: true })).state).toBe('done');
  const back = await get();
  expect(back.status).toBe('analysed');
  expect(back.sideDoubt).toBeUndefined();
  expect(back.warnings.filter((w) => /is named as standing/.test(w))).toEqual([]);
  const trial = await callLab<TrialInfo>(t.labDir, 'trials.get', { id: t.trial.id });
  expect(trial.files.map((f) => `${f.kind} ${f.relativePath.split('/').pop()}`).sort()).toEqual([
    'other sagittal-left.mp4',
    'video sagittal-left.mirrored.mp4',
  ]);
  // Her near (left) knee swings through 76 deg on the walk as filmed; mirrored, the model read it as the right.
  console.log(
    `knee swing peak, left / right: mirrored ${kneePeak(mirrored, 'left').toFixed(1)} / ${kneePeak(mirrored, 'right').toFixed(1)} deg, mirrored back ${kneePeak(back, 'left').toFixed(1)} / ${kneePeak(back, 'right').toFixed(1)} deg`,
  );
  expect(kneePeak(back, 'left')).toBeGreaterThan(kneePeak(back, 'right') + 10);
  expect(kneePeak(mirrored, 'right')).toBeGreaterThan(kneePeak(mirrored, 'left'));
});
