// A recording whose disk fills up (/dev/full answers every write with ENOSPC): the camera's chunk is
// refused with a sentence saying so, and its video bytes whose index line could not be written are
// taken back, so the chunk sent again is stored once (before, the retry appended it a second time
// after the first copy, and the recovered video held the chunk twice). A file sent from the browser
// in parts likewise.
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appendChunk,
  prepareRecording,
  rawFramesPath,
  rawVideoPath,
  readChunkIndex,
} from '../../../src/main/capture/recording-files';
import { UploadStore } from '../../../src/main/capture/upload-store';

describe('recording onto a full disk', () => {
  it('refuses the chunk with what to do, keeps what was saved, and stores the chunk once when sent again', async () => {
    const trialDir = mkdtempSync(join(tmpdir(), 'gaitlab-rec-full-'));
    await prepareRecording(trialDir, {
      version: 1,
      trialId: 't1',
      cameras: [{ camera: 'sagittal-left', deviceLabel: 'Camera 1' }],
      widthPx: 640,
      heightPx: 360,
      fps: 30,
      mimeType: 'video/webm',
      chunkIntervalMs: 500,
      startedAt: new Date().toISOString(),
      ownerPid: process.pid,
    });
    const camera = 'sagittal-left';
    const first = new Uint8Array(1000).fill(1);
    const second = new Uint8Array(700).fill(2);
    expect(await appendChunk(trialDir, camera, 0, first, [0, 33])).toBe(1000);

    // The index cannot take the second chunk's line.
    const index = rawFramesPath(trialDir, camera);
    renameSync(index, `${index}.kept`);
    symlinkSync('/dev/full', index);
    await expect(appendChunk(trialDir, camera, 1, second, [66, 99])).rejects.toThrow(
      'The disk holding the lab folder is full: the sagittal-left recording could not be saved from chunk 1 on. Stop the recording (what was saved is kept) and free some space.',
    );
    expect(statSync(rawVideoPath(trialDir, camera)).size).toBe(1000);

    // Room again: the chunk sent again is stored once.
    rmSync(index);
    renameSync(`${index}.kept`, index);
    expect(await appendChunk(trialDir, camera, 1, second, [66, 99])).toBe(1700);
    const video = readFileSync(rawVideoPath(trialDir, camera));
    expect(video.subarray(1000).every((b) => b === 2)).toBe(true);
    expect((await readChunkIndex(trialDir, camera)).lastSeq).toBe(1);
  });

  it('a file sent from the browser onto a full disk is refused with what to do, and its part can be sent again', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'gaitlab-upload-full-'));
    const store = new UploadStore(tmp);
    const id = await store.begin('walk.mp4', 1700);
    const part = join(tmp, 'uploads', `${id}.part`);
    await store.append(id, 0, Buffer.alloc(1000, 1));
    renameSync(part, `${part}.kept`);
    symlinkSync('/dev/full', part);
    await expect(store.append(id, 1, Buffer.alloc(700, 2))).rejects.toThrow(
      'The disk holding the lab folder is full: "walk.mp4" could not be uploaded. Free some space on it and import the file again. Nothing was imported.',
    );
    rmSync(part);
    renameSync(`${part}.kept`, part);
    expect(await store.append(id, 1, Buffer.alloc(700, 2))).toEqual({ bytesOnDisk: 1700, stored: true });
    expect(statSync(store.take(id).path).size).toBe(1700);
  });
});
