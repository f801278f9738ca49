// `gaitlab pose` end to end on a short real clip: CSV layout, progress, overlay video, overlay
// images of the frames to review.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { poseCommand } from '../../../src/main/cli/commands/pose';
import { UserError } from '../../../src/main/cli/command';
import { readPoseManifest } from '../../../src/main/pose/pose-result';
import { BLAZEPOSE_LANDMARKS } from '../../../src/shared/landmarks';
import { distancesWhereTheyDiffer, frameGrey, greyPicture } from '../../helpers/frame-picture';
import { seedJob } from '../../helpers/pose-seeds';
import { dataFile, tempDir } from './helpers';

function fakeIo(): { out: string[]; progress: string[]; io: Parameters<typeof poseCommand.run>[1]['io'] } {
  const out: string[] = [];
  const progress: string[] = [];
  return {
    out,
    progress,
    io: {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      progress: (l) => progress.push(l),
      signal: new AbortController().signal,
    },
  };
}

test('gaitlab pose writes one CSV row per frame with x, y, visibility of the 33 landmarks, and an overlay', async () => {
  const dir = tempDir('cli-pose');
  // 1.5 s of the Sports2D walk, cut here so the test stays short.
  const clip = join(dir, 'walk.mp4');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-ss',
    '3',
    '-i',
    dataFile('sports2d_demo_sideview_walk/demo.mp4'),
    '-frames:v',
    '45',
    '-an',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    clip,
  ]);
  const csv = join(dir, 'walk.csv');
  const overlay = join(dir, 'walk-overlay.mp4');
  const { out, progress, io } = fakeIo();
  const code = await poseCommand.run([clip, '--out', csv, '--overlay', overlay], { labDir: dir, io });
  expect(code).toBe(0);
  const lines = readFileSync(csv, 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  expect(header.slice(0, 5)).toEqual(['frame', 'time_s', 'nose_x', 'nose_y', 'nose_visibility']);
  expect(header).toHaveLength(2 + 3 * BLAZEPOSE_LANDMARKS.length);
  expect(header).toContain('left_heel_visibility');
  expect(lines).toHaveLength(1 + 45);
  const row = lines[20]!.split(',');
  expect(row[0]).toBe('19');
  expect(Number(row[1])).toBeCloseTo(19 / 30, 3);
  expect(Number(row[header.indexOf('left_heel_y')])).toBeGreaterThan(700);
  expect(progress.some((p) => /frames\/s/.test(p))).toBe(true);
  expect(out.join('\n')).toMatch(/wrote .*walk\.csv/);
  expect(existsSync(overlay)).toBe(true);
});

test('gaitlab pose refuses bad arguments with a usage message', async () => {
  const { io } = fakeIo();
  await expect(poseCommand.run(['a.mp4'], { labDir: '/tmp', io })).rejects.toBeInstanceOf(UserError);
  await expect(poseCommand.run(['a.mp4', '--out', 'x.txt'], { labDir: '/tmp', io })).rejects.toThrow(
    /\.csv or \.json/,
  );
  await expect(
    poseCommand.run(['/nonexistent.mp4', '--out', '/tmp/x.csv'], { labDir: '/tmp', io }),
  ).rejects.toThrow(/does not exist/);
  // Before any work: the folder the results go to must exist.
  await expect(
    poseCommand.run(
      [dataFile('sports2d_demo_sideview_walk/demo.mp4'), '--out', '/tmp/no-such-folder/x.csv'],
      {
        labDir: '/tmp',
        io,
      },
    ),
  ).rejects.toThrow('--out: the folder /tmp/no-such-folder does not exist.');
  // The list counts people from 1; the option that counted from 0 is named, not misread.
  await expect(
    poseCommand.run(['a.mp4', '--out', '/tmp/x.csv', '--person', '0'], { labDir: '/tmp', io }),
  ).rejects.toThrow('--person must be a person\'s number in the list, 1 or more, got "0"');
  await expect(
    poseCommand.run(['a.mp4', '--out', '/tmp/x.csv', '--person-index', '0'], { labDir: '/tmp', io }),
  ).rejects.toThrow('--person-index is now --person, counted from 1 as in the "People in view" list');
  await expect(
    poseCommand.run(['a.mp4', '--out', '/tmp/x.csv', '--person', '2', '--person-box', '1,1,9,9@0'], {
      labDir: '/tmp',
      io,
    }),
  ).rejects.toThrow('Give --person or --person-box, not both.');
});

test('gaitlab pose refuses a person number the scan did not see, before tracking, leaving nothing complete', async () => {
  const dir = tempDir('cli-pose-person');
  const clip = join(dir, 'walk.mp4');
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-ss', '3', '-i', dataFile('sports2d_demo_sideview_walk/demo.mp4')],
    ...['-frames:v', '45', '-an', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', clip],
  ]);
  const csv = join(dir, 'walk.csv');
  const { io } = fakeIo();
  await expect(poseCommand.run([clip, '--out', csv, '--person', '6'], { labDir: dir, io })).rejects.toThrow(
    /^The person scan saw \d (person|people) in .*walk\.mp4 \(numbered from 1, the one seen longest first\): there is no person 6\.$/,
  );
  expect(existsSync(csv)).toBe(false);
  const manifest = join(`${csv}.pose`, 'pose.json');
  expect(existsSync(manifest) && readFileSync(manifest, 'utf8').includes('"complete"')).toBe(false);
});

test('gaitlab pose lists the people in view with the number and --person-box that follow each, and both follow them', async () => {
  const dir = tempDir('cli-pose-people');
  const video = dataFile('sports2d_demo_sideview_walk/demo.mp4');
  const first = fakeIo();
  const csv = join(dir, 'walker.csv');
  // Following the walker is this run's pose of the walk; the list and the two others are on trial.
  await seedJob(video, `${csv}.pose`);
  expect(await poseCommand.run([video, '--out', csv], { labDir: dir, io: first.io })).toBe(0);
  const text = first.out.join('\n');
  console.log(text);
  expect(text).toMatch(
    /^People in view: 2 \(the person scan looks every \d+ frames\); the pose follows person 1\. To follow another, run again with its number \(--person 2\) or its --person-box\.$/m,
  );
  expect(text).toMatch(
    /^ {2}Person 1 \(followed\): in view [\d.]+-[\d.]+ s, walked [\d.]+ body heights; --person-box \d+,\d+,\d+,\d+@\d+$/m,
  );
  // The man standing on the box.
  const man = text.match(/^ {2}Person 2: in view [\d.]+-[\d.]+ s, stayed in place .*; --person-box (\S+)$/m);
  expect(man).not.toBeNull();

  const second = fakeIo();
  const his = join(dir, 'man.csv');
  expect(
    await poseCommand.run([video, '--out', his, '--person-box', man![1]!], { labDir: dir, io: second.io }),
  ).toBe(0);
  expect(second.out.join('\n')).toMatch(/the pose follows person 2\./);
  // His hips are in the upper half of the picture (he stands on the box), hers in the lower.
  const medianHipY = (file: string) => {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const col = lines[0]!.split(',').indexOf('left_hip_y');
    const ys = lines
      .slice(1)
      .map((l) => Number(l.split(',')[col]))
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    return ys[Math.floor(ys.length / 2)]!;
  };
  console.log(
    `median left hip y: walker ${medianHipY(csv).toFixed(0)} px, man ${medianHipY(his).toFixed(0)} px`,
  );
  expect(medianHipY(his)).toBeLessThan(497);
  expect(medianHipY(csv)).toBeGreaterThan(497);

  // The same man by his number in the list.
  const third = fakeIo();
  const byNumber = join(dir, 'man-by-number.csv');
  expect(
    await poseCommand.run([video, '--out', byNumber, '--person', '2'], { labDir: dir, io: third.io }),
  ).toBe(0);
  expect(third.out.join('\n')).toMatch(/the pose follows person 2\./);
  console.log(`man by number: median left hip y ${medianHipY(byNumber).toFixed(0)} px`);
  expect(medianHipY(byNumber)).toBeLessThan(497);
});

test('gaitlab pose --turn poses a picture filmed upside down from its upright copy', async () => {
  const dir = tempDir('cli-pose-turn');
  const clip = join(dir, 'upside-down.mp4');
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-ss', '3', '-i', dataFile('sports2d_demo_sideview_walk/demo.mp4')],
    ...['-frames:v', '45', '-an', '-vf', 'hflip,vflip', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', clip],
  ]);
  const csv = join(dir, 'walk.csv');
  const { io, progress } = fakeIo();
  expect(await poseCommand.run([clip, '--out', csv, '--turn', '180'], { labDir: dir, io })).toBe(0);
  expect(progress.some((p) => p.startsWith('Correcting the picture'))).toBe(true);
  expect(existsSync(`${csv}.pose.turned-180.mp4`)).toBe(true);
  // Upright: the heels below the hips (image y down) in every frame where both were seen.
  const lines = readFileSync(csv, 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const col = (name: string) => header.indexOf(name);
  const rows = lines.slice(1).map((l) => l.split(',').map(Number));
  const seen = rows.filter(
    (r) => r[col('left_hip_visibility')]! > 0.5 && r[col('left_heel_visibility')]! > 0.5,
  );
  expect(seen.length).toBeGreaterThan(30);
  expect(seen.every((r) => r[col('left_heel_y')]! > r[col('left_hip_y')]!)).toBe(true);
  await expect(poseCommand.run([clip, '--out', csv, '--turn', '45'], { labDir: dir, io })).rejects.toThrow(
    '--turn: give 90, 180 or 270 (degrees clockwise that bring the picture upright), not "45".',
  );
});

/** The picture's RGB pixels (PNG image, or frame `n` of a video). */
function rgbPixels(input: string, n?: number): Buffer {
  return execFileSync(
    'ffmpeg',
    [
      ...['-v', 'error', '-i', input],
      ...(n === undefined ? [] : ['-vf', `select=eq(n\\,${n})`]),
      ...['-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
    ],
    { maxBuffer: 64 << 20 },
  );
}

test('gaitlab pose --overlay-frames writes the PNG images of the flagged frames, or of frames chosen by number, named by frame', async () => {
  const dir = tempDir('cli-pose-flagged');
  const video = dataFile('sports2d_demo_sideview_walk/demo.mp4');
  const csv = join(dir, 'walk.csv');
  // This run's pose of the walk: the images are on trial here, not the pose.
  await seedJob(video, `${csv}.pose`);
  /** `gaitlab pose` writing the overlay images of `frames` into `dir/folder`: what it printed. */
  const overlayImages = async (folder: string, frames: string): Promise<string[]> => {
    mkdirSync(join(dir, folder));
    const run = fakeIo();
    const pattern = join(dir, folder, 'frame-%04d.png');
    expect(
      await poseCommand.run([video, '--out', csv, '--overlay', pattern, '--overlay-frames', frames], {
        labDir: dir,
        io: run.io,
      }),
    ).toBe(0);
    return run.out;
  };
  const flaggedOut = await overlayImages('flagged', 'low');
  const flagged = readPoseManifest(`${csv}.pose`)!.lowConfidenceFrames;
  const name = (f: number): string => `frame-${String(f).padStart(4, '0')}.png`;
  console.log(`${flagged.length} flagged frames: ${flagged[0]}-${flagged[flagged.length - 1]}`);
  // She comes out from behind a tree (~frame 38) and leaves at the picture's left edge (~200).
  expect(flagged.length).toBeGreaterThan(20);
  expect(readdirSync(join(dir, 'flagged')).sort()).toEqual(flagged.map(name));
  expect(flaggedOut).toContain(
    `wrote ${flagged.length} overlay images in ${join(dir, 'flagged')}: ${name(flagged[0]!)} to ${name(flagged[flagged.length - 1]!)}`,
  );
  // Each image is the frame it is named after: nearer to it than to the frame 5 later, where she walks on.
  const last = flagged[flagged.length - 1]!;
  const near = distancesWhereTheyDiffer(
    greyPicture(['-i', join(dir, 'flagged', name(last - 5))]),
    frameGrey(video, last - 5),
    frameGrey(video, last),
  );
  console.log(
    `image of frame ${last - 5}: ${near.toA.toFixed(1)} grey levels from its frame, ${near.toB.toFixed(1)} from frame ${last}`,
  );
  expect(near.toA).toBeLessThan(near.toB / 2);

  // Chosen by number: the skeleton drawn on her, every other pixel the frame's own.
  await overlayImages('chosen', '120,100');
  expect(readdirSync(join(dir, 'chosen')).sort()).toEqual([name(100), name(120)]);
  const drawn = rgbPixels(join(dir, 'chosen', name(120)));
  const frame = rgbPixels(video, 120);
  expect(drawn.length).toBe(frame.length);
  const lines = readFileSync(csv, 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const row = lines[121]!.split(',').map(Number);
  const [kx, ky] = [row[header.indexOf('left_knee_x')]!, row[header.indexOf('left_knee_y')]!];
  const changedNear = (cx: number, cy: number, r: number): number => {
    let changed = 0;
    for (let y = Math.round(cy) - r; y <= Math.round(cy) + r; y++)
      for (let x = Math.round(cx) - r; x <= Math.round(cx) + r; x++) {
        const i = 3 * (y * 1768 + x);
        if (Math.abs(drawn[i]! - frame[i]!) + Math.abs(drawn[i + 1]! - frame[i + 1]!) > 30) changed++;
      }
    return changed;
  };
  const atKnee = changedNear(kx, ky, 6);
  const inSky = changedNear(1500, 60, 6);
  console.log(
    `frame 120: ${atKnee} of 169 pixels drawn over at her left knee (${kx.toFixed(0)}, ${ky.toFixed(0)}), ${inSky} in the sky`,
  );
  expect(atKnee).toBeGreaterThan(20);
  expect(inSky).toBe(0);

  // Refused before any work: an image name without the frame's number, frames without images.
  const { io } = fakeIo();
  await expect(
    poseCommand.run([video, '--out', csv, '--overlay', join(dir, 'one.png')], { labDir: dir, io }),
  ).rejects.toThrow(
    /^--overlay: PNG images are one per frame, so the file name needs the frame number's place, like frame-%04d\.png/,
  );
  await expect(
    poseCommand.run([video, '--out', csv, '--overlay', join(dir, 'o.mp4'), '--overlay-frames', 'low'], {
      labDir: dir,
      io,
    }),
  ).rejects.toThrow('--overlay-frames chooses which PNG images to write');
  // Frames past the end, before the pose (a fresh output, not the seeded one): nothing posed.
  const fresh = join(dir, 'beyond.csv');
  const beyond = fakeIo();
  await expect(
    poseCommand.run(
      [video, '--out', fresh, '--overlay', join(dir, 'f-%04d.png'), '--overlay-frames', '229-231'],
      { labDir: dir, io: beyond.io },
    ),
  ).rejects.toThrow("--overlay-frames: the video's frames are 0 to 229; it has no frame 230.");
  expect(beyond.progress).toEqual([]);
  expect(existsSync(`${fresh}.pose`)).toBe(false);
  expect(existsSync(fresh)).toBe(false);
});
