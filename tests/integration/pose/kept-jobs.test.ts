// Choosing another person to follow, then going back, or posing a corrected copy of the picture,
// then the recording again: the first finished job is kept beside the new one and taken back, not
// posed again (a minute of a four-camera trial takes minutes). Two seconds of the Sports2D walk
// with both the walker and the man on the box in view.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEPT_DIR } from '../../../src/main/pose/kept-jobs';
import { readPoseManifest, type PoseResult } from '../../../src/main/pose/pose-result';
import { runPose } from '../../../src/main/pose/run-pose';
import { CHUNKS_DIR, readScannedPeople } from '../../../src/main/pose/storage';
import { dataFile, tempDir } from './helpers';

const dir = tempDir('kept-jobs');
const clip = join(dir, 'both.mp4');
const outDir = join(dir, 'pose');
const walker = { kind: 'moving' } as const;
const man = { kind: 'index', index: 1 } as const;

const finishedAt = (): string | undefined => readPoseManifest(outDir)?.provenance.finishedAt;
const bytesOf = (r: PoseResult): string => Buffer.from(r.track.xPx.buffer).toString('base64');
const keptJobs = (): string[] =>
  existsSync(join(outDir, KEPT_DIR)) ? readdirSync(join(outDir, KEPT_DIR)).sort() : [];

let first: PoseResult;
let firstDone: string | undefined;
let other: PoseResult;
let otherDone: string | undefined;

beforeAll(async () => {
  // 1.5-3.5 s: she walks in at 2 s, he stands on the box until 3 s.
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-ss', '1.5', '-i', dataFile('sports2d_demo_sideview_walk/demo.mp4')],
    ...['-frames:v', '60', '-an', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', clip],
  ]);
  first = await runPose({ videoPath: clip, outDir, person: walker });
  firstDone = finishedAt();
  other = await runPose({ videoPath: clip, outDir, person: man });
  otherDone = finishedAt();
}, 300_000);

describe('a pose job replaced by one following another person', () => {
  it('follows someone else, the first job kept aside', () => {
    expect(otherDone).not.toBe(firstDone);
    expect(bytesOf(other)).not.toBe(bytesOf(first));
    expect(keptJobs()).toHaveLength(1);
  });

  it('reads who is in view from the kept job, not scanning the video again, and follows him as a scan of its own would', async () => {
    expect(first.stats?.finderCalls).toBeGreaterThan(0);
    expect(first.stats?.scanReused).toBeUndefined();
    expect(other.stats?.finderCalls).toBe(0);
    expect(other.stats?.scanReused).toBe(true);
    const alone = join(dir, 'pose-alone');
    const scanned = await runPose({ videoPath: clip, outDir: alone, person: man });
    expect(scanned.stats?.finderCalls).toBe(first.stats?.finderCalls);
    expect(readScannedPeople(outDir)).toEqual(readScannedPeople(alone));
    expect(bytesOf(other)).toBe(bytesOf(scanned));
    console.log(
      `person scan: ${first.stats?.finderCalls} finder calls, ${Math.round(first.stats!.ms.scan)} ms; read from the kept job: ${Math.round(other.stats!.ms.scan)} ms`,
    );
    rmSync(alone, { recursive: true, force: true });
  });

  it('is taken back, not posed again, when the first person is asked for again; and so is the other', async () => {
    const again = await runPose({ videoPath: clip, outDir, person: walker });
    expect(finishedAt()).toBe(firstDone);
    expect(bytesOf(again)).toBe(bytesOf(first));
    expect(again.manifest.settings.person).toEqual(walker);
    const otherAgain = await runPose({ videoPath: clip, outDir, person: man });
    expect(finishedAt()).toBe(otherDone);
    expect(bytesOf(otherAgain)).toBe(bytesOf(other));
    expect(keptJobs()).toHaveLength(1);
  });

  it('is posed again when the kept job lost a chunk (a crash or a hand in the folder)', async () => {
    // The walker's job is the kept one now.
    const [kept] = keptJobs();
    const chunks = join(outDir, KEPT_DIR, kept!, CHUNKS_DIR);
    rmSync(join(chunks, readdirSync(chunks)[0]!));
    const again = await runPose({ videoPath: clip, outDir, person: walker });
    expect(finishedAt()).not.toBe(firstDone);
    // Posed from the man's job's person scan: the same track as from her own.
    expect(again.stats?.scanReused).toBe(true);
    expect(bytesOf(again)).toBe(bytesOf(first));
    // The cut one is gone; the man's job is kept.
    expect(keptJobs()).toHaveLength(1);
  });

  it('is posed again when the video was replaced by another with the same settings', async () => {
    // The man's job is kept now; the clip becomes another two seconds of the walk.
    execFileSync('ffmpeg', [
      ...['-v', 'error', '-y', '-ss', '2.5', '-i', dataFile('sports2d_demo_sideview_walk/demo.mp4')],
      ...['-frames:v', '60', '-an', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', clip],
    ]);
    const kept = JSON.parse(
      readFileSync(join(outDir, KEPT_DIR, keptJobs()[0]!, 'pose.json'), 'utf8'),
    ) as ReturnType<typeof readPoseManifest>;
    expect(kept!.settings.person).toEqual(man);
    const replaced = await runPose({ videoPath: clip, outDir, person: man });
    expect(finishedAt()).not.toBe(otherDone);
    expect(bytesOf(replaced)).not.toBe(bytesOf(other));
  });

  it('is taken back when the recording is asked for again after a mirrored copy of it', async () => {
    const recording = await runPose({ videoPath: clip, outDir, person: walker });
    const recordingDone = finishedAt();
    const mirrored = join(dir, 'both.mirrored.mp4');
    execFileSync('ffmpeg', [
      ...['-v', 'error', '-y', '-i', clip, '-vf', 'hflip', '-an', '-c:v', 'libx264', '-pix_fmt', 'yuv420p'],
      mirrored,
    ]);
    const flipped = await runPose({ videoPath: mirrored, outDir, person: walker });
    expect(finishedAt()).not.toBe(recordingDone);
    expect(bytesOf(flipped)).not.toBe(bytesOf(recording));
    const back = await runPose({ videoPath: clip, outDir, person: walker });
    expect(finishedAt()).toBe(recordingDone);
    expect(bytesOf(back)).toBe(bytesOf(recording));
    // Three are kept at most: the two jobs of the first clip went, oldest first; the walk came back.
    expect(keptJobs()).toHaveLength(2);
  });
});
