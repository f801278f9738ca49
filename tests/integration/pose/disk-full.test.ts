// A pose job whose disk fills up: its second chunk cannot be written (the chunk's temporary file
// is made to point at /dev/full, which answers every write with ENOSPC). The job used to take the
// whole process down (the write failed inside a promise callback nobody awaited); now it fails with
// a sentence naming the remedy, leaves no half file, and resumes from its first chunk once written.
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPose } from '../../../src/main/pose/run-pose';
import { chunkName } from '../../../src/main/pose/storage';
import { videoVariant } from '../../helpers/video-variant';
import { tempDir } from './helpers';

describe('a pose job on a full disk', () => {
  it('fails with what to do, leaves no half chunk, and resumes when there is room', async () => {
    const work = tempDir('disk-full');
    // Frames 40-169 of the walk: she is in view from the first frame.
    const video = videoVariant(work, 'walk.mp4', [
      '-vf',
      'trim=start_frame=40:end_frame=170,setpts=PTS-STARTPTS',
    ]);
    const outDir = join(work, 'pose');
    const chunks = join(outDir, 'chunks');
    const full = join(chunks, `${chunkName(64, 64)}.partial-${process.pid}`);
    // Once the job has started (a new job first clears its folder), the disk is full for the
    // second chunk.
    const fillDisk = (): void => {
      if (existsSync(full)) return;
      mkdirSync(chunks, { recursive: true });
      symlinkSync('/dev/full', full);
    };

    const failed = await runPose({
      videoPath: video,
      outDir,
      onProgress: (p) => {
        if (p.stage === 'landmarks') fillDisk();
      },
    }).then(
      () => null,
      (err: unknown) => err as Error,
    );
    expect(failed?.name).toBe('UserError');
    expect(failed?.message).toBe(
      `The disk is full: the pose of walk.mp4 could not be saved (in ${outDir}). Free some space on that disk and run it again: it resumes where it stopped.`,
    );
    expect(existsSync(full)).toBe(false);
    expect(readdirSync(chunks)).toEqual([chunkName(0, 64)]);

    let firstFrame = -1;
    const resumed = await runPose({
      videoPath: video,
      outDir,
      onProgress: (p) => {
        if (p.stage === 'landmarks' && firstFrame < 0) firstFrame = p.framesDone;
      },
    });
    expect(resumed.manifest.status).toBe('complete');
    expect(firstFrame).toBeGreaterThanOrEqual(64);
    expect(readdirSync(chunks).sort()).toEqual([chunkName(0, 64), chunkName(64, 64), chunkName(128, 2)]);
    rmSync(work, { recursive: true, force: true });
  }, 300_000);
});
