// A camera mounted upside down or on its side (nothing in the file says so), or a video that lost
// its phone's rotation: the Sports2D walk turned by ffmpeg. The analysis used to read the upside-down
// walk as 191 steps/min with a knee "flexed" -131 deg in stance; it now refuses it, says which turn
// brings the subject upright (the command line how), and analyses the picture turned by it: a lab
// trial's camera from an upright copy that becomes its video, the recording kept and brought back
// by turning the rest of the way; a video file from an upright copy in the cache.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { analyzeCommand } from '../../../src/main/cli/commands/analyze';
import { probeVideo } from '../../../src/main/media/probe';
import { writeFixedCopy } from '../../../src/main/media/fixed-copy';
import { analyseVideoFile } from '../../../src/main/services/video-analysis';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import type { TrialInfo } from '../../../src/shared/api/entities';
import { analyseInProcess, callLab, createTrialLab } from '../../helpers/analysed-trial';
import { sharedDataPath } from '../../helpers/shared-data';
import { SPORTS2D_WALK, videoVariant } from '../../helpers/video-variant';
import { fakeIo } from '../../helpers/fake-io';

const UPSIDE_DOWN = ['-vf', 'hflip,vflip'];
const cadence = (v: TrialAnalysisView, side: 'left' | 'right'): number =>
  v.parameters.find((p) => p.parameter === 'cadenceStepsPerMin')![side].mean!;

describe('a picture turned upside down or on its side', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gaitlab-turned-'));

  it('a video file on its side is refused with the quarter turn back, the command line says how, and --turn does it', async () => {
    // 2.5 s of her walk turned a quarter clockwise by ffmpeg (transpose=clock): the head points right.
    const video = videoVariant(dir, 'on-its-side.mp4', ['-ss', '2.2', '-t', '2.5', '-vf', 'transpose=clock']);
    const { io, out, err } = fakeIo();
    expect(await analyzeCommand.run([video, '--height', '1.65'], { labDir: dir, io })).toBe(1);
    console.log([...err, ...out].join('\n'));
    expect(err.join('\n')).toMatch(
      /^Analysis of on-its-side\.mp4 failed: The subject lies on their side in the picture \(pelvis to the right of the feet in \d+ % of the \d+ frames where both were tracked\): the camera was turned a quarter for a portrait picture, or the video lost its rotation on the way\. Gait events and angles cannot be read from it as it is: turn the picture a quarter turn anticlockwise \(270 deg clockwise\) and analyse it again\.$/,
    );
    expect(out).toContain('Run again with --turn 270 to analyse it turned upright.');
    const turned = await analyseVideoFile(video, {
      heightM: 1.65,
      cacheDir: join(dir, 'cache'),
      turnDeg: 270,
    });
    expect(turned.view.videoRelativePath).toMatch(/\.turned-270\.mp4$/);
    expect(turned.view.pictureTurnDeg).toBeUndefined();
    console.log(`turned back: ${turned.view.status} ${turned.view.message}`);
  });

  it('each turn makes the picture the upright one (frame by frame against the walk)', async () => {
    // One second of the walk, turned each way and turned back by the copy.
    const clip = videoVariant(dir, 'clip.mp4', ['-t', '1', '-vf', 'scale=442:248']);
    const gray = (file: string) =>
      execFileSync('ffmpeg', [
        '-v',
        'error',
        '-i',
        file,
        '-vf',
        'select=eq(n\\,15)',
        '-frames:v',
        '1',
        '-f',
        'rawvideo',
        '-pix_fmt',
        'gray',
        '-',
      ]);
    const reference = gray(clip);
    for (const [filter, back, mirrored] of [
      ['transpose=clock', 270, false],
      ['hflip,vflip', 180, false],
      ['transpose=cclock', 90, false],
      // Turned a quarter and mirrored: mirrored back first, then turned the other way.
      ['transpose=clock,hflip', 270, true],
    ] as const) {
      const name = `${back}${mirrored ? '-mirrored' : ''}`;
      const turned = videoVariant(dir, `clip-${name}.mp4`, ['-vf', filter], clip);
      const copy = join(dir, `clip-${name}-upright.mp4`);
      await writeFixedCopy(await probeVideo(turned), copy, { turnDeg: back, mirrored });
      const info = await probeVideo(copy);
      expect([info.widthPx, info.heightPx, info.frameCount]).toEqual([442, 248, 30]);
      const frame = gray(copy);
      let diff = 0;
      for (let i = 0; i < frame.length; i++) diff += Math.abs(frame[i]! - reference[i]!);
      console.log(
        `${filter} fixed by ${name}: mean difference ${(diff / frame.length).toFixed(2)} grey levels`,
      );
      expect(diff / frame.length).toBeLessThan(3);
    }
  });

  it('a lab trial: its camera turned upright, the recording kept, and turned back to it', async () => {
    const t = await createTrialLab({ cameras: [{ camera: 'sagittal-left', variant: UPSIDE_DOWN }] });
    const get = () => callLab<TrialAnalysisView>(t.labDir, 'analysis.get', { trialId: t.trial.id });
    const files = async () =>
      (await callLab<TrialInfo>(t.labDir, 'trials.get', { id: t.trial.id })).files.map(
        (f) => `${f.kind} ${f.relativePath.split('/').pop()}`,
      );
    await analyseInProcess(t.labDir, t.trial.id);
    const refused = await get();
    expect(refused.status).toBe('failed');
    expect(refused.pictureTurnDeg).toBe(180);
    expect(refused.message).toMatch(
      /^The subject is upside down in the picture \(feet above the pelvis in \d+ % of the \d+ frames where both were tracked\): the camera was mounted upside down, or the video lost its rotation on the way\. Gait events and angles cannot be read from it as it is: turn the picture half a turn \(180 deg\) and analyse it again\.$/,
    );
    // The command line on the trial (its pose is read again, not made again) says how.
    const cli = fakeIo();
    expect(await analyzeCommand.run([t.trial.id], { labDir: t.labDir, io: cli.io })).toBe(1);
    expect(cli.out).toContain(
      "Run again with --camera sagittal-left --turn 180 to turn the sagittal-left camera's picture upright (the recording is kept) and analyse it.",
    );

    await expect(callLab(t.labDir, 'analysis.start', { trialId: t.trial.id, turnDeg: 45 })).rejects.toThrow(
      'A picture is turned by 90, 180 or 270 degrees clockwise.',
    );

    // A calibrated camera keeps its picture: the calibration was made on it as recorded.
    await callLab(t.labDir, 'calibration.import', {
      sessionId: t.session.id,
      fileName: 'Calib_demo.toml',
      content: readFileSync(sharedDataPath('sports2d_demo_sideview_walk/Calib_demo.toml'), 'utf8'),
      views: { demo: 'sagittal-left' },
    });
    const calibrated = await analyseInProcess(t.labDir, t.trial.id, { turnDeg: 180 });
    expect(calibrated.state).toBe('failed');
    expect(calibrated.message).toMatch(
      /^The sagittal-left camera is in the session's camera calibration, which was made on its picture as recorded: a turned or mirrored picture would not fit it\./,
    );
    expect(await files()).toEqual(['video sagittal-left.mp4']);
    await callLab(t.labDir, 'calibration.remove', { sessionId: t.session.id });

    expect((await analyseInProcess(t.labDir, t.trial.id, { turnDeg: 180 })).state).toBe('done');
    const analysed = await get();
    expect(analysed.status).toBe('analysed');
    expect(analysed.pictureTurnDeg).toBeUndefined();
    expect(analysed.videoRelativePath).toMatch(/sagittal-left\.turned-180\.mp4$/);
    // Upright, the camera sees her left leg as its name says.
    expect(analysed.warnings.filter((w) => /is named as standing/.test(w))).toEqual([]);
    const upright = (
      await analyseVideoFile(SPORTS2D_WALK, { heightM: 1.65, cacheDir: inject('demoPoseCache') })
    ).view;
    for (const side of ['left', 'right'] as const) {
      const used = analysed.cycles.filter((c) => c.side === side && !c.excluded).length;
      console.log(
        `${side}: ${used} cycles, cadence ${cadence(analysed, side).toFixed(1)} steps/min (the walk as filmed ${cadence(upright, side).toFixed(1)})`,
      );
      expect(used).toBeGreaterThanOrEqual(3);
      expect(Math.abs(cadence(analysed, side) - cadence(upright, side))).toBeLessThan(3);
    }
    expect((await files()).sort()).toEqual(['other sagittal-left.mp4', 'video sagittal-left.turned-180.mp4']);

    // Half a turn more is the recording again: the copy goes, and the recording is refused again.
    expect(['done', 'failed']).toContain(
      (await analyseInProcess(t.labDir, t.trial.id, { turnDeg: 180 })).state,
    );
    expect(await files()).toEqual(['video sagittal-left.mp4']);
    expect(existsSync(join(t.labDir, analysed.videoRelativePath))).toBe(false);
    expect((await get()).pictureTurnDeg).toBe(180);
  });
});
